#include "index/candidates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

namespace echoes {
namespace {

// A table of `n` records with `bands` band keys each, all distinct unless set.
DocumentTable Table(size_t n, size_t bands) {
  DocumentTable t;
  t.docs.resize(n);
  t.band_count = bands;
  t.band_keys.resize(n * bands);
  for (size_t i = 0; i < t.band_keys.size(); ++i) t.band_keys[i] = 1000 + i;
  return t;
}

TEST(BandCandidatesTest, APairCollidingInSeveralBandsIsEmittedOnce) {
  DocumentTable t = Table(4, 3);
  t.band_keys[0 * 3 + 1] = t.band_keys[2 * 3 + 1] = 7;  // 0 and 2 collide in band 1
  t.band_keys[0 * 3 + 2] = t.band_keys[2 * 3 + 2] = 8;  // and in band 2
  t.band_keys[1 * 3 + 0] = t.band_keys[3 * 3 + 0] = 9;  // 1 and 3 in band 0
  EXPECT_EQ(BandCandidates(t, {0, 1, 2, 3}).value(), (std::vector<CandidatePair>{{0, 2}, {1, 3}}));
  EXPECT_EQ(BandCandidates(t, {0, 1, 2}).value(), (std::vector<CandidatePair>{{0, 2}}))
      << "records that are not units take no part";
}

TEST(BandCandidatesTest, HugeBucketsArePairedWithTheirFirstMembersOnly) {
  const size_t n = kMaxBucketPairs + 50;
  DocumentTable t = Table(n, 1);
  std::vector<uint32_t> units;
  for (size_t i = 0; i < n; ++i) {
    t.band_keys[i] = 5;
    units.push_back(static_cast<uint32_t>(i));
  }
  const size_t all_pairs = n * (n - 1) / 2;
  const size_t capped = kMaxBucketPairs * (kMaxBucketPairs - 1) / 2 + 50 * kMaxBucketPairs;
  const auto pairs = BandCandidates(t, units).value();
  EXPECT_EQ(pairs.size(), capped);
  EXPECT_LT(pairs.size(), all_pairs);
}

TEST(SampleCandidatesTest, PairsShareAtLeastTwoSamples) {
  DocumentTable t = Table(3, 0);
  t.samples = {{10, 0}, {11, 0}, {12, 0}, {10, 1}, {11, 1}, {12, 2}, {99, 2}};
  const std::vector<uint8_t> all(3, 1);
  EXPECT_EQ(SampleCandidates(t, all).value(), (std::vector<CandidatePair>{{0, 1}}));
  EXPECT_EQ(SampleCandidates(t, all, 1).value(), (std::vector<CandidatePair>{{0, 1}, {0, 2}}));
  EXPECT_TRUE(SampleCandidates(t, {1, 0, 1}).value().empty());
}

// Random records drawing samples from a small vocabulary, so that groups of every size
// (below and above kMaxSampleGroup) occur; compared with counting every pair directly.
TEST(SampleCandidatesTest, EqualsPairwiseCountingOnRandomTables) {
  std::mt19937 rng(11);
  for (int round = 0; round < 5; ++round) {
    const size_t n = 300;
    DocumentTable t = Table(n, 0);
    std::vector<uint8_t> is_unit(n);
    std::vector<std::set<uint32_t>> sets(n);
    for (size_t r = 0; r < n; ++r) {
      is_unit[r] = rng() % 5 != 0;
      const size_t count = rng() % 12;
      for (size_t k = 0; k < count; ++k) sets[r].insert(rng() % (round == 0 ? 40 : 400));
      for (uint32_t h : sets[r]) t.samples.push_back({h, static_cast<uint32_t>(r)});
    }
    std::map<uint32_t, size_t> group_size;
    for (const ShingleSample& s : t.samples) group_size[s.hash] += is_unit[s.record];
    for (uint32_t min_shared : {1u, 2u, 3u}) {
      std::vector<CandidatePair> expected;
      for (uint32_t a = 0; a < n; ++a) {
        for (uint32_t b = a + 1; b < n; ++b) {
          if (!is_unit[a] || !is_unit[b]) continue;
          uint32_t shared = 0;
          for (uint32_t h : sets[a]) {
            shared += sets[b].count(h) && group_size[h] <= kMaxSampleGroup;
          }
          if (shared >= min_shared) expected.push_back({a, b});
        }
      }
      EXPECT_EQ(SampleCandidates(t, is_unit, min_shared).value(), expected)
          << "round " << round << ", min_shared " << min_shared;
    }
  }
}

}  // namespace
}  // namespace echoes
