// Near-duplicate detection against brute force: a synthetic chain that must not merge,
// and Reuters-21578 against an all-pairs exact Jaccard computed here.

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <numeric>
#include <set>

#include "echoes/dedup.h"
#include "echoes/normalize.h"
#include "test_util.h"

namespace echoes {
namespace {

using Pair = testing::IdPair;
using testing::Ordered;

// The obvious shingle set: 5 tokens joined by spaces, hashed with std::hash.
std::vector<uint64_t> BruteShingles(const std::string& text) {
  TextNormalizer normalizer;
  std::string normalized;
  normalizer.Normalize(text, &normalized);
  std::vector<std::string_view> tokens = Tokenize(normalized);
  std::vector<uint64_t> set;
  const size_t n = std::min<size_t>(5, tokens.size());
  for (size_t i = 0; n > 0 && i + n <= tokens.size(); ++i) {
    std::string shingle;
    for (size_t k = 0; k < n; ++k) shingle += std::string(tokens[i + k]) + " ";
    set.push_back(std::hash<std::string>{}(shingle));
  }
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

double BruteJaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::vector<uint64_t> shared;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
  return static_cast<double>(shared.size()) /
         static_cast<double>(a.size() + b.size() - shared.size());
}

double BruteContainment(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::vector<uint64_t> shared;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
  return static_cast<double>(shared.size()) / static_cast<double>(std::min(a.size(), b.size()));
}

struct EdgeLine {
  std::string a, b, relation;
};

std::vector<EdgeLine> ReadEdges(const std::string& path) {
  std::vector<EdgeLine> edges;
  simdjson::dom::parser parser;
  simdjson::dom::document_stream stream;
  if (parser.load_many(path).get(stream)) return edges;
  for (auto e : stream) {
    edges.push_back({std::string(std::string_view(e["a"])), std::string(std::string_view(e["b"])),
                     std::string(std::string_view(e["relation"]))});
  }
  return edges;
}

std::map<std::string, std::string> ReadRepresentatives(const std::string& clusters_path) {
  std::map<std::string, std::string> rep_of;
  simdjson::dom::parser parser;
  simdjson::dom::document_stream stream;
  if (parser.load_many(clusters_path).get(stream)) return rep_of;
  for (auto c : stream) {
    const std::string rep{std::string_view(c["representative"])};
    for (auto m : c["members"].get_array()) rep_of[std::string(std::string_view(m))] = rep;
  }
  return rep_of;
}

// A1 … A50: 200-word windows sliding by 10 words over one long text. Neighbours share
// 90% of their shingles, A1 and A50 none: union-find over pairwise matches would put
// all fifty in one cluster.
TEST(ChainingTest, AChainOfNearPairsDoesNotMergeItsEnds) {
  testing::TempDir dir;
  std::vector<std::string> words;
  for (int i = 0; i < 800; ++i) words.push_back("w" + std::to_string(i * 7919 % 100003));
  std::vector<std::string> texts;
  std::string corpus;
  for (int k = 0; k < 50; ++k) {
    std::string text;
    for (int i = 0; i < 200; ++i) text += words[static_cast<size_t>(k * 10 + i)] + " ";
    texts.push_back(text);
    corpus += "{\"id\":\"A" + std::to_string(k + 1) + "\",\"text\":\"" + text + "\"}\n";
  }
  ASSERT_GE(BruteJaccard(BruteShingles(texts[0]), BruteShingles(texts[1])), 0.8);
  ASSERT_LT(BruteJaccard(BruteShingles(texts[0]), BruteShingles(texts[49])), 0.3);
  testing::WriteFile(dir.File("chain.jsonl"), corpus);

  DedupOptions options;
  options.out_dir = dir.File("out");
  options.rewrite = false;  // the guard of near matching; the windows overlap as text too
  Result<DedupStats> result = RunDedup({dir.File("chain.jsonl")}, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const std::map<std::string, std::string> rep_of =
      ReadRepresentatives(dir.File("out/clusters.jsonl"));
  ASSERT_FALSE(rep_of.empty()) << "neighbours are near duplicates: some clusters must form";
  EXPECT_LT(result.value().largest_cluster, 50u);
  const auto rep = [&](const std::string& id) {
    auto it = rep_of.find(id);
    return it == rep_of.end() ? id : it->second;
  };
  EXPECT_NE(rep("A1"), rep("A50"));
  // Every member was verified against its own representative.
  for (const auto& [member, representative] : rep_of) {
    if (member == representative) continue;
    const auto index = [](const std::string& id) { return std::stoi(id.substr(1)) - 1; };
    const auto a = BruteShingles(texts[static_cast<size_t>(index(member))]);
    const auto b = BruteShingles(texts[static_cast<size_t>(index(representative))]);
    EXPECT_TRUE(BruteJaccard(a, b) >= 0.8 || BruteContainment(a, b) >= 0.8)
        << member << " joined " << representative;
  }
}

// Reuters-21578, first 10,000 distinct texts: every pair with exact shingle Jaccard
// >= 0.8 (brute force over all pairs) against echoes' near edges.
TEST(ReutersNearTest, RecallAndPrecisionAgainstAllPairs) {
  ECHOES_REQUIRE_SHARED_DATA(shared);
  testing::TempDir dir;
  const std::string converter = std::string(ECHOES_SOURCE_DIR) + "/bench/reuters_to_jsonl.py";
  const std::string command = "python3 " + converter + " --src " + shared + "/reuters21578 " +
                              dir.File("reuters.jsonl") + " 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;

  // The subset: the first kSubset records with distinct, non-empty normalized texts.
  constexpr size_t kSubset = 10000;  // all 21,2xx distinct texts: 129 pairs, same result, 4x slower
  simdjson::dom::parser parser;
  simdjson::dom::document_stream stream;
  ASSERT_EQ(parser.load_many(dir.File("reuters.jsonl")).get(stream), simdjson::SUCCESS);
  std::vector<std::string> ids;
  std::vector<std::vector<uint64_t>> sets;
  std::set<std::vector<uint64_t>> seen;
  std::string subset;
  TextNormalizer normalizer;
  std::set<std::string> seen_texts;
  for (auto record : stream) {
    if (ids.size() == kSubset) break;
    const std::string text{std::string_view(record["text"])};
    std::string normalized;
    normalizer.Normalize(text, &normalized);
    if (normalized.empty() || !seen_texts.insert(normalized).second) continue;
    ids.emplace_back(std::string_view(record["id"]));
    sets.push_back(BruteShingles(text));
    subset += std::string(simdjson::minify(record)) + "\n";
  }
  testing::WriteFile(dir.File("subset.jsonl"), subset);

  // Brute force, pruned only by the exact bound J <= min/max of the set sizes.
  std::vector<size_t> by_size(ids.size());
  std::iota(by_size.begin(), by_size.end(), size_t{0});
  std::sort(by_size.begin(), by_size.end(),
            [&](size_t x, size_t y) { return sets[x].size() < sets[y].size(); });
  std::set<Pair> truth;
  for (size_t p = 0; p < by_size.size(); ++p) {
    const auto& small = sets[by_size[p]];
    for (size_t q = p + 1; q < by_size.size(); ++q) {
      const auto& large = sets[by_size[q]];
      if (static_cast<double>(small.size()) < 0.8 * static_cast<double>(large.size())) break;
      if (BruteJaccard(small, large) >= 0.8)
        truth.insert(Ordered(ids[by_size[p]], ids[by_size[q]]));
    }
  }
  ASSERT_GE(truth.size(), 20u) << "the subset should hold real near duplicates";

  DedupOptions options;
  options.out_dir = dir.File("out");
  options.all_edges = true;
  Result<DedupStats> result = RunDedup({dir.File("subset.jsonl")}, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  std::set<Pair> found;
  for (const EdgeLine& e : ReadEdges(dir.File("out/edges.jsonl"))) {
    if (e.relation == "near") found.insert(Ordered(e.a, e.b));
  }
  size_t true_positives = 0;
  for (const Pair& p : found) true_positives += truth.count(p);
  const double recall = static_cast<double>(true_positives) / static_cast<double>(truth.size());
  const double precision =
      found.empty() ? 0 : static_cast<double>(true_positives) / static_cast<double>(found.size());
  std::printf("reuters near @0.8: %zu true pairs, %zu found, recall %.4f, precision %.4f\n",
              truth.size(), found.size(), recall, precision);
  EXPECT_GE(recall, 0.95);
  EXPECT_GE(precision, 0.98);
}

}  // namespace
}  // namespace echoes
