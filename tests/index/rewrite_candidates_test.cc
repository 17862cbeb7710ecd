#include "index/rewrite_candidates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <tuple>

namespace echoes {
namespace {

// A filing of records with the given numbers of sentences, every key distinct until set.
SentenceFiling Filing(const std::vector<uint32_t>& sentences_per_record, size_t bands) {
  SentenceFiling f;
  f.bands = bands;
  for (uint32_t r = 0; r < sentences_per_record.size(); ++r) {
    for (uint32_t s = 0; s < sentences_per_record[r]; ++s) f.record_of.push_back(r);
  }
  for (size_t k = 0; k < f.record_of.size() * bands; ++k) f.keys.push_back(1000000 + k);
  return f;
}

// Records sharing sentences as a pair of records → their distinct sentence pairs,
// counted pair by pair from the definition (every band, every two sentences).
std::map<std::pair<uint32_t, uint32_t>, std::set<std::pair<uint32_t, uint32_t>>> Meetings(
    const SentenceFiling& f) {
  std::vector<uint32_t> local(f.record_of.size());
  for (size_t s = 0; s < local.size(); ++s) {
    local[s] = s > 0 && f.record_of[s] == f.record_of[s - 1] ? local[s - 1] + 1 : 0;
  }
  std::map<std::pair<uint32_t, uint32_t>, std::set<std::pair<uint32_t, uint32_t>>> met;
  for (size_t x = 0; x < local.size(); ++x) {
    for (size_t y = 0; y < local.size(); ++y) {
      if (f.record_of[x] >= f.record_of[y]) continue;
      for (size_t b = 0; b < f.bands; ++b) {
        if (f.keys[x * f.bands + b] == f.keys[y * f.bands + b]) {
          met[{f.record_of[x], f.record_of[y]}].insert({local[x], local[y]});
        }
      }
    }
  }
  return met;
}

TEST(RewriteCandidatesTest, EqualsCountingEveryPairOnRandomFilings) {
  std::mt19937 rng(3);
  size_t candidates = 0, single = 0;  // found, and of them by one sentence pair
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<uint32_t> sizes;
    for (int r = 0; r < 60; ++r) sizes.push_back(1 + rng() % 6);
    SentenceFiling f = Filing(sizes, 3);
    // Keys from a small range: buckets of every size up to well below linked_per_bucket,
    // so every member is linked to every other and the definition applies whole.
    for (uint32_t& key : f.keys) {
      if (rng() % 3 == 0) key = rng() % 40;
    }
    const auto expected = Meetings(f);
    RewriteIndexOptions options;
    std::vector<uint32_t> filed(sizes.begin(), sizes.end());
    for (int threads : {1, 2, 3}) {
      RewriteIndexStats stats;
      const std::vector<RewriteCandidate> found = FindRewriteCandidates(f, options, threads, &stats);
      std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> got, want;
      uint64_t meetings = 0;
      for (const auto& [pair, pairs] : expected) {
        meetings += pairs.size();
        std::set<uint32_t> mine, theirs;
        for (auto [i, j] : pairs) {
          mine.insert(i);
          theirs.insert(j);
        }
        const auto shared = static_cast<uint32_t>(std::min(mine.size(), theirs.size()));
        if (shared >= options.min_shared ||
            shared >= std::min(filed[pair.first], filed[pair.second])) {
          want.push_back({pair.first, pair.second, shared});
        }
      }
      for (const RewriteCandidate& c : found) {
        got.push_back({c.a, c.b, c.shared_sentences});
        candidates += threads == 1;
        single += threads == 1 && c.met.size() == 1;
        const auto& pairs = expected.at({c.a, c.b});
        const std::vector<std::pair<uint32_t, uint32_t>> want_met(pairs.begin(), pairs.end());
        EXPECT_EQ(c.met, want_met);
      }
      EXPECT_EQ(got, want) << "trial " << trial << ", " << threads << " threads";
      EXPECT_EQ(stats.sentence_pairs, meetings) << "trial " << trial;
    }
  }
  EXPECT_GT(candidates, 200u) << "the filings must make candidates of both kinds";
  EXPECT_GT(single, 20u);
}

TEST(RewriteCandidatesTest, OneSharedSentenceLinksOnlyAOneSentenceRecord) {
  SentenceFiling f = Filing({3, 3, 1}, 1);
  f.keys[0] = f.keys[3] = 7;  // sentence 0 of record 0 = sentence 0 of record 1
  f.keys[6] = 7;              // and record 2's only sentence
  const std::vector<RewriteCandidate> found =
      FindRewriteCandidates(f, RewriteIndexOptions(), 1, nullptr);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(std::make_pair(found[0].a, found[0].b), std::make_pair(0u, 2u));
  EXPECT_EQ(std::make_pair(found[1].a, found[1].b), std::make_pair(1u, 2u));
}

TEST(RewriteCandidatesTest, SentencesPastTheCapAreNotLookedAt) {
  const uint32_t big = kMaxFiledPerRecord + 1000;
  SentenceFiling f = Filing({big, 4}, 1);
  const auto key_of = [&](uint32_t record_first, uint32_t local) -> uint32_t& {
    return f.keys[record_first + local];
  };
  key_of(0, 5) = key_of(big, 0) = 11;
  key_of(0, 6) = key_of(big, 1) = 12;
  key_of(0, kMaxFiledPerRecord + 10) = key_of(big, 2) = 13;  // past the cap
  const std::vector<RewriteCandidate> found =
      FindRewriteCandidates(f, RewriteIndexOptions(), 1, nullptr);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].shared_sentences, 2u);
  EXPECT_EQ(found[0].met, (std::vector<std::pair<uint32_t, uint32_t>>{{5, 0}, {6, 1}}));
}

}  // namespace
}  // namespace echoes
