// FindRewriteCandidates: per band, (key, sentence) sorted so equal keys are adjacent;
// each bucket yields sentence pairs of different records; the pairs of all bands are
// sorted by record pair, and a record pair is counted in distinct sentences per side.

#include "index/rewrite_candidates.h"

#include <algorithm>
#include <tuple>

#include "util/parallel_ranges.h"
#include "util/radix_sort.h"

namespace echoes {
namespace {

struct SentencePair {
  uint32_t record_a, record_b;  // record_a < record_b
  uint32_t sentence_a, sentence_b;
};

bool PairLess(const SentencePair& x, const SentencePair& y) {
  return std::tie(x.record_a, x.record_b, x.sentence_a, x.sentence_b) <
         std::tie(y.record_a, y.record_b, y.sentence_a, y.sentence_b);
}

bool PairEqual(const SentencePair& x, const SentencePair& y) {
  return x.record_a == y.record_a && x.record_b == y.record_b && x.sentence_a == y.sentence_a &&
         x.sentence_b == y.sentence_b;
}

size_t Distinct(std::vector<uint32_t>* values) {
  std::sort(values->begin(), values->end());
  return static_cast<size_t>(std::unique(values->begin(), values->end()) - values->begin());
}

}  // namespace

std::vector<RewriteCandidate> FindRewriteCandidates(const SentenceFiling& filing,
                                                    const RewriteIndexOptions& options,
                                                    int threads, RewriteIndexStats* stats) {
  const size_t sentences = filing.record_of.size();
  std::vector<uint64_t> skipped(filing.bands, 0);
  // Bands [first, last) into `pairs`.
  const auto band_range = [&](size_t first, size_t last, std::vector<SentencePair>* pairs) {
    // (key << 32 | sentence), sorted on the key only: the sort is stable and sentences
    // go in ascending, so a bucket lists its sentences (and records) in order.
    std::vector<uint64_t> keyed(sentences), scratch;
    for (size_t band = first; band < last; ++band) {
      for (size_t s = 0; s < sentences; ++s) {
        keyed[s] = uint64_t{filing.keys[s * filing.bands + band]} << 32 | s;
      }
      RadixSort(&keyed, [](uint64_t v) { return v >> 32; }, &scratch);
      for (size_t begin = 0; begin < sentences;) {
        size_t end = begin + 1;
        while (end < sentences && keyed[end] >> 32 == keyed[begin] >> 32) ++end;
        const size_t size = end - begin;
        if (size > options.max_bucket) {
          ++skipped[band];
        } else if (size > 1) {
          const size_t linked = std::min(size, options.linked_per_bucket);
          for (size_t i = begin; i < begin + linked; ++i) {
            const auto si = static_cast<uint32_t>(keyed[i]);
            for (size_t j = i + 1; j < end; ++j) {
              const auto sj = static_cast<uint32_t>(keyed[j]);
              if (filing.record_of[si] == filing.record_of[sj]) continue;
              pairs->push_back({filing.record_of[si], filing.record_of[sj], si, sj});
            }
          }
        }
        begin = end;
      }
    }
  };
  std::vector<SentencePair> pairs =
      FindInRanges<SentencePair>(filing.bands, threads, band_range);
  std::sort(pairs.begin(), pairs.end(), PairLess);
  pairs.erase(std::unique(pairs.begin(), pairs.end(), PairEqual), pairs.end());

  // Sentences filed per record, for "all of the shorter one's", and the first of them.
  const auto filed = [&](uint32_t record) {
    const auto range = std::equal_range(filing.record_of.begin(), filing.record_of.end(), record);
    return static_cast<uint32_t>(range.second - range.first);
  };
  const auto first_filed = [&](uint32_t record) {
    return static_cast<uint32_t>(
        std::lower_bound(filing.record_of.begin(), filing.record_of.end(), record) -
        filing.record_of.begin());
  };
  std::vector<RewriteCandidate> candidates;
  std::vector<uint32_t> side_a, side_b;
  for (size_t begin = 0; begin < pairs.size();) {
    size_t end = begin;
    side_a.clear();
    side_b.clear();
    while (end < pairs.size() && pairs[end].record_a == pairs[begin].record_a &&
           pairs[end].record_b == pairs[begin].record_b) {
      side_a.push_back(pairs[end].sentence_a);
      side_b.push_back(pairs[end].sentence_b);
      ++end;
    }
    const auto shared = static_cast<uint32_t>(std::min(Distinct(&side_a), Distinct(&side_b)));
    const uint32_t a = pairs[begin].record_a, b = pairs[begin].record_b;
    if (shared >= options.min_shared ||
        shared >= std::min(filed(a), filed(b))) {
      RewriteCandidate c{a, b, shared, {}};
      const uint32_t base_a = first_filed(a), base_b = first_filed(b);
      for (size_t k = begin; k < end; ++k) {
        c.met.push_back({pairs[k].sentence_a - base_a, pairs[k].sentence_b - base_b});
      }
      candidates.push_back(std::move(c));
    }
    begin = end;
  }
  if (stats != nullptr) {
    stats->sentence_pairs = pairs.size();
    stats->skipped_buckets = 0;
    for (uint64_t n : skipped) stats->skipped_buckets += n;
  }
  return candidates;
}

}  // namespace echoes
