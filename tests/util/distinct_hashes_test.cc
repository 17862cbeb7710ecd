#include "util/distinct_hashes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

namespace echoes {
namespace {

// Against std::set over many records of random size, reusing one set: repeats are
// dropped, first-added order is kept, and nothing of a record survives its Reset
// (values that collide in a slot and probe on are the case a naive Reset misses).
TEST(DistinctHashesTest, MatchesASetRecordAfterRecord) {
  std::mt19937_64 random(7);
  DistinctHashes distinct;
  for (int record = 0; record < 300; ++record) {
    const size_t count = random() % 400;
    std::vector<uint64_t> hashes;
    for (size_t i = 0; i < count; ++i) {
      // Few distinct high halves, so many hashes share a home slot.
      const uint64_t h = ((random() % 64) << 32) | (random() % 50);
      hashes.push_back(record % 10 == 0 && i % 17 == 0 ? 0 : h);
    }
    distinct.Reset(record % 3 == 0 ? count / 8 : count);  // too small forces growth
    for (uint64_t h : hashes) distinct.Add(h);

    std::vector<uint64_t> expected;
    std::set<uint64_t> seen;
    for (uint64_t h : hashes) {
      if (seen.insert(h).second) expected.push_back(h);
    }
    ASSERT_EQ(distinct.values(), expected) << "record " << record;
  }
}

}  // namespace
}  // namespace echoes
