#include "index/candidates.h"

#include <gtest/gtest.h>

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
  EXPECT_EQ(BandCandidates(t, {0, 1, 2, 3}), (std::vector<CandidatePair>{{0, 2}, {1, 3}}));
  EXPECT_EQ(BandCandidates(t, {0, 1, 2}), (std::vector<CandidatePair>{{0, 2}}))
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
  const auto pairs = BandCandidates(t, units);
  EXPECT_EQ(pairs.size(), capped);
  EXPECT_LT(pairs.size(), all_pairs);
}

TEST(SampleCandidatesTest, PairsShareAtLeastTwoSamples) {
  DocumentTable t = Table(3, 0);
  t.samples = {{10, 0}, {11, 0}, {12, 0}, {10, 1}, {11, 1}, {12, 2}, {99, 2}};
  const std::vector<uint8_t> all(3, 1);
  EXPECT_EQ(SampleCandidates(t, all), (std::vector<CandidatePair>{{0, 1}}));
  EXPECT_EQ(SampleCandidates(t, all, 1), (std::vector<CandidatePair>{{0, 1}, {0, 2}}));
  EXPECT_TRUE(SampleCandidates(t, {1, 0, 1}).empty());
}

}  // namespace
}  // namespace echoes
