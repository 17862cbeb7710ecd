// echoes_minhash_error: how far echoes' Jaccard estimate (128 one-permutation MinHash
// bins kept as 16-bit slots) is from the exact shingle Jaccard, on real pairs.
//
// Reads a corpus made by bench/make_near_corpus.py and pairs every planted copy
// ("<id>-near-N", "<id>-excerpt-N") with its source "<id>"; for each pair prints
// nothing, and at the end the bias, the RMSE, and the RMSE that classic k-permutation MinHash theory predicts,
// sqrt(J(1-J)/k), averaged over the same pairs, overall and per Jaccard band.
//
// Usage: echoes_minhash_error CORPUS.jsonl [MAX_RECORDS]

#include <simdjson.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "echoes/normalize.h"
#include "match/pair_verifier.h"
#include "sketch/sketcher.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: echoes_minhash_error CORPUS.jsonl [MAX_RECORDS]\n");
    return 1;
  }
  const size_t max_records = argc > 2 ? std::stoul(argv[2]) : 100000;
  simdjson::dom::parser parser;
  simdjson::dom::document_stream stream;
  if (parser.load_many(argv[1]).get(stream)) {
    std::fprintf(stderr, "echoes_minhash_error: cannot read %s\n", argv[1]);
    return 1;
  }
  echoes::SketchOptions options;  // the defaults dedup uses at threshold 0.8
  echoes::Sketcher sketcher(options);
  echoes::TextNormalizer normalizer;
  struct Doc {
    std::vector<uint16_t> signature;
    std::vector<uint32_t> shingles;
  };
  std::unordered_map<std::string, Doc> docs;
  std::vector<std::pair<std::string, std::string>> pairs;
  std::string normalized;
  size_t n = 0;
  for (auto record : stream) {
    if (n++ == max_records) break;
    std::string_view id_view, text;
    if (record["id"].get(id_view) || record["text"].get(text)) continue;
    const std::string id(id_view);
    Doc doc;
    normalizer.Normalize(text, &normalized);
    std::string copy = normalized;
    echoes::Sketch sketch;
    sketcher.Compute(&normalized, &sketch);
    doc.signature = sketch.signature;
    sketcher.ShingleSet(&copy, &doc.shingles);
    for (const char* kind : {"-near-", "-excerpt-"}) {
      const size_t at = id.find(kind);
      if (at != std::string::npos) pairs.push_back({id.substr(0, at), id});
    }
    docs.emplace(id, std::move(doc));
  }
  struct Band {
    size_t count = 0;
    double error = 0, squared = 0, theory = 0;
  };
  std::map<int, Band> bands;  // Jaccard decile -> figures; -1 = all
  for (const auto& [source, copy] : pairs) {
    auto a = docs.find(source), b = docs.find(copy);
    if (a == docs.end() || b == docs.end() || a->second.shingles.empty()) continue;
    const double shared =
        static_cast<double>(echoes::IntersectionSize(a->second.shingles, b->second.shingles));
    const double exact = shared / static_cast<double>(a->second.shingles.size() +
                                                      b->second.shingles.size() - shared);
    size_t equal = 0;
    for (size_t i = 0; i < a->second.signature.size(); ++i) {
      equal += a->second.signature[i] == b->second.signature[i];
    }
    const double k = static_cast<double>(a->second.signature.size());
    const double estimate = static_cast<double>(equal) / k;
    for (int key : {-1, std::min(9, static_cast<int>(exact * 10))}) {
      Band& band = bands[key];
      ++band.count;
      band.error += estimate - exact;
      band.squared += (estimate - exact) * (estimate - exact);
      band.theory += exact * (1 - exact) / k;
    }
  }
  std::printf("%-12s %8s %10s %10s %14s\n", "jaccard", "pairs", "bias", "rmse", "theory rmse");
  for (const auto& [key, band] : bands) {
    if (band.count == 0) continue;
    char label[32];
    if (key < 0) {
      std::snprintf(label, sizeof label, "all");
    } else {
      std::snprintf(label, sizeof label, "%.1f-%.1f", key / 10.0, key / 10.0 + 0.1);
    }
    const double c = static_cast<double>(band.count);
    std::printf("%-12s %8zu %+10.4f %10.4f %14.4f\n", label, band.count, band.error / c,
                std::sqrt(band.squared / c), std::sqrt(band.theory / c));
  }
  return 0;
}
