#include "util/radix_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace echoes {
namespace {

TEST(RadixSortTest, EqualsStableSortOnKeys) {
  std::mt19937_64 rng(7);
  for (size_t n : {0, 1, 2, 100, 100000}) {
    std::vector<std::pair<uint64_t, uint32_t>> items(n);
    for (size_t i = 0; i < n; ++i) {
      // Few distinct keys, some of them large, so stability and every byte are exercised.
      const uint64_t key = (rng() % 50) << ((rng() % 8) * 8);
      items[i] = {key, static_cast<uint32_t>(i)};
    }
    auto expected = items;
    std::stable_sort(expected.begin(), expected.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    RadixSort(&items, [](const std::pair<uint64_t, uint32_t>& p) { return p.first; });
    EXPECT_EQ(items, expected) << n;
  }
}

}  // namespace
}  // namespace echoes
