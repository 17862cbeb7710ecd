#include <gtest/gtest.h>

#include <set>

#include "echoes/hash.h"

namespace echoes {
namespace {

TEST(ExactHashTest, EqualTextsEqualHashesAndNearTextsDiffer) {
  EXPECT_EQ(ExactHash("the quick brown fox"), ExactHash("the quick brown fox"));
  std::set<Hash128> seen;
  for (const char* s : {"the quick brown fox", "the quick brown fox ", "the quick brown fo",
                        "he quick brown fox", "", " "}) {
    EXPECT_TRUE(seen.insert(ExactHash(s)).second) << s;
  }
}

TEST(ExactHashTest, HexIsThirtyTwoDigitsHighHalfFirst) {
  Hash128 h{0x1, 0xabcdef};
  EXPECT_EQ(h.ToHex(), "0000000000abcdef0000000000000001");
}

}  // namespace
}  // namespace echoes
