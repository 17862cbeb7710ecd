#include "util/short_word_table.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

namespace echoes {
namespace {

TEST(ShortWordTableTest, FlagsOfOneWordAddUp) {
  ShortWordTable table;
  table.Add("share", 1);
  table.Add("share", 4);
  table.Add("the", 2);
  EXPECT_EQ(table.FlagsOf("share"), 5);
  EXPECT_EQ(table.FlagsOf("the"), 2);
  EXPECT_EQ(table.FlagsOf("shares"), 0);
  EXPECT_EQ(table.FlagsOf("shar"), 0);
  EXPECT_EQ(table.FlagsOf(""), 0);
}

TEST(ShortWordTableTest, WordsUpToSixteenBytes) {
  ShortWordTable table;
  table.Add("recommendations!", 1);   // 16 bytes
  table.Add("recommendations!!", 2);  // 17: ignored
  EXPECT_EQ(table.FlagsOf("recommendations!"), 1);
  EXPECT_EQ(table.FlagsOf("recommendations!!"), 0);
  // Words that differ only past byte 8 are told apart.
  table.Add("newsletter", 8);
  EXPECT_EQ(table.FlagsOf("newsletters"), 0);
  EXPECT_EQ(table.FlagsOf("newslettex"), 0);
}

TEST(ShortWordTableTest, PaddedLookupIgnoresBytesPastTheWord) {
  ShortWordTable table;
  table.Add("menu", 3);
  char buffer[ShortWordTable::kMaxWord];
  std::memset(buffer, 'z', sizeof buffer);
  std::memcpy(buffer, "menu", 4);
  EXPECT_EQ(table.FlagsOf(buffer, 4), 3);
  EXPECT_EQ(table.FlagsOf(buffer, 5), 0);  // "menuz"
}

TEST(ShortWordTableTest, ManyWordsInASmallTable) {
  ShortWordTable table(64);
  const auto word = [](int i) { return std::to_string(i) + "w"; };
  for (int i = 0; i < 30; ++i) table.Add(word(i), static_cast<uint8_t>(i + 1));
  for (int i = 0; i < 30; ++i) EXPECT_EQ(table.FlagsOf(word(i)), i + 1) << i;
  EXPECT_EQ(table.FlagsOf("30w"), 0);
}

TEST(ShortWordTableTest, GrowsWhenWordsOutnumberItsSlots) {
  ShortWordTable table(16);
  const auto word = [](int i) { return "word" + std::to_string(i * 7919); };
  for (int i = 0; i < 500; ++i) table.Add(word(i), static_cast<uint8_t>(1 + i % 255));
  for (int i = 0; i < 500; ++i) EXPECT_EQ(table.FlagsOf(word(i)), 1 + i % 255) << i;
  for (int i = 500; i < 600; ++i) EXPECT_EQ(table.FlagsOf(word(i)), 0) << i;
}

}  // namespace
}  // namespace echoes
