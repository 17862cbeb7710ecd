#include "text/utf8.h"

#include <gtest/gtest.h>

namespace echoes {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(
      IsValidUtf8("Stra\xC3\x9F"
                  "e \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80"));
  EXPECT_TRUE(IsValidUtf8(""));
}

TEST(Utf8Test, RejectsOverlongSurrogatesAndTruncation) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("abc\xE6\x97"));       // cut in the middle
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(Utf8Test, RepairReplacesEachBadByteAndKeepsTheRest) {
  std::string out;
  EXPECT_EQ(RepairUtf8("ok\xFF\xFEok \xC3\xA9", &out), 2u);
  EXPECT_EQ(out, "ok\xEF\xBF\xBD\xEF\xBF\xBDok \xC3\xA9");
  EXPECT_TRUE(IsValidUtf8(out));
  EXPECT_EQ(RepairUtf8("fine", &out), 0u);
  EXPECT_EQ(out, "fine");
}

}  // namespace
}  // namespace echoes
