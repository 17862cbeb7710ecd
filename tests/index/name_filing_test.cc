#include "index/name_filing.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <vector>

namespace echoes {
namespace {

using NameSets = std::map<uint32_t, std::vector<uint32_t>>;

// Stem weights of a corpus of `documents` records in which `common` is in every one
// and every other name in one.
TermWeights Weights(uint64_t documents, uint32_t common) {
  TermWeights w;
  for (uint64_t d = 0; d < documents; ++d) w.AddDistinctStems({common});
  return w;
}

SentenceFiling File(const NameSets& sets, const TermWeights& weights,
                    const NameFilingOptions& options = {}) {
  std::vector<uint32_t> records;
  for (const auto& [r, names] : sets) records.push_back(r);
  return FileByNames(
      records, [&](uint32_t r) { return std::span<const uint32_t>(sets.at(r)); }, weights,
      options);
}

bool Meet(const SentenceFiling& f, size_t x, size_t y) {
  for (size_t band = 0; band < f.bands; ++band) {
    if (f.keys[x * f.bands + band] == f.keys[y * f.bands + band]) return true;
  }
  return false;
}

TEST(NameFilingTest, RecordsWithTheSameRareNamesShareEveryKey) {
  const TermWeights weights = Weights(5000, 77);
  const SentenceFiling f = File({{3, {11, 12, 13, 14, 15}}, {9, {15, 14, 13, 12, 11}}}, weights);
  ASSERT_EQ(f.record_of, (std::vector<uint32_t>{3, 9}));
  ASSERT_EQ(f.keys.size(), 2 * f.bands);
  EXPECT_TRUE(std::equal(f.keys.begin(), f.keys.begin() + f.bands, f.keys.begin() + f.bands));
}

TEST(NameFilingTest, CommonNamesAndFewNamesAreNotFiled) {
  NameFilingOptions options;
  options.max_records = 1000;
  const TermWeights weights = Weights(5000, 77);  // 77 is in all 5,000 records
  const SentenceFiling f = File({{1, {11, 12, 13, 77}},       // three rare names
                                 {2, {21, 22, 23, 24, 77}},   // four
                                 {4, {31, 32}}},              // two
                                weights, options);
  EXPECT_EQ(f.record_of, (std::vector<uint32_t>{2}));
  // The common name does not enter the keys: with it or without, the same keys.
  const SentenceFiling g = File({{2, {21, 22, 23, 24}}}, weights, options);
  EXPECT_EQ(f.keys, g.keys);
}

// Pairs of ten-name records that share most names meet in some band; pairs that share
// one do not, as 1 - (1 - J^rows)^bands says.
TEST(NameFilingTest, MeetingFollowsTheNameJaccard) {
  const TermWeights weights = Weights(100000, 1);
  std::mt19937 random(5);
  NameSets close, far;
  uint32_t next = 1000;
  const auto fresh = [&] { return next += 1 + random() % 7; };
  for (uint32_t pair = 0; pair < 200; ++pair) {
    std::vector<uint32_t> shared(8), x, y;
    for (auto& s : shared) s = fresh();
    x = y = shared;
    for (int k = 0; k < 2; ++k) x.push_back(fresh()), y.push_back(fresh());
    close[2 * pair] = x;  // Jaccard 8 / 12
    close[2 * pair + 1] = y;
    std::vector<uint32_t> u{fresh()}, v;
    v = u;
    for (int k = 0; k < 9; ++k) u.push_back(fresh()), v.push_back(fresh());
    far[2 * pair] = u;  // Jaccard 1 / 19
    far[2 * pair + 1] = v;
  }
  const SentenceFiling fc = File(close, weights), ff = File(far, weights);
  ASSERT_EQ(fc.record_of.size(), 400u);
  ASSERT_EQ(ff.record_of.size(), 400u);
  size_t close_met = 0, far_met = 0;
  for (size_t pair = 0; pair < 200; ++pair) {
    close_met += Meet(fc, 2 * pair, 2 * pair + 1);
    far_met += Meet(ff, 2 * pair, 2 * pair + 1);
  }
  // Expected: 200 × 0.996 = 199 and 200 × 0.0023 = 0.5.
  EXPECT_GE(close_met, 180u);
  EXPECT_LE(far_met, 4u);
}

}  // namespace
}  // namespace echoes
