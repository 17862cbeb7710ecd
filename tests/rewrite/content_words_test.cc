#include "rewrite/content_words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace echoes {
namespace {

std::vector<Term> NumbersOf(ContentWords* words, const std::string& sentence) {
  std::vector<Term> terms, numbers;
  words->TermsOf(sentence, false, &terms);
  for (const Term& t : terms) {
    if (t.number) numbers.push_back(t);
  }
  return numbers;
}

// One figure in different conventions is one number; a different price is another.
TEST(ContentWordsTest, AFigureIsItsDigitsWhateverTheSeparators) {
  ContentWords words;
  const std::vector<Term> us = NumbersOf(&words, "It sold 3,000 tonnes at 4.25 dlrs, priced at 101-7/8.");
  const std::vector<Term> eu = NumbersOf(&words, "It sold 3.000 tonnes at 4,25 dlrs, priced at 101-7/8.");
  const std::vector<Term> other = NumbersOf(&words, "It sold 3000 tonnes at 4.25 dlrs, priced at 101-1/4.");
  ASSERT_EQ(us.size(), 3u);
  ASSERT_EQ(eu.size(), 3u);
  ASSERT_EQ(other.size(), 3u);
  for (size_t k = 0; k < 3; ++k) EXPECT_EQ(us[k].stem, eu[k].stem) << "figure " << k;
  EXPECT_EQ(us[0].stem, other[0].stem);
  EXPECT_NE(us[2].stem, other[2].stem);
}

// Days, years and small counts are shared by any two reports of one week; amounts,
// prices and written-out figures above 31 tell reports apart.
TEST(ContentWordsTest, TellingFiguresAreNotDaysYearsOrSmallCounts) {
  ContentWords words;
  const std::vector<Term> n =
      NumbersOf(&words, "On March 31, 1987, twelve firms paid 55 cts, 6.6 pct and forty dlrs.");
  ASSERT_EQ(n.size(), 6u);
  const bool expected[] = {false, false, false, true, true, true};  // 31 1987 12 55 6.6 40
  for (size_t k = 0; k < 6; ++k) EXPECT_EQ(n[k].telling_figure, expected[k]) << "figure " << k;
}

// Words are read sixteen bytes at a time where they can be and byte by byte near a
// sentence's end: a word is the same term whichever way it was read, long or short,
// in capitals or not, next to curly quotes, dashes or letters outside ASCII.
TEST(ContentWordsTest, AWordIsOneTermWhereverItLies) {
  ContentWords words;
  std::vector<Term> near_end, far_from_end;
  const std::string word = "Internationalisation";  // 20 bytes: crosses a 16-byte block
  words.TermsOf("x " + word, false, &near_end);
  words.TermsOf("x \xE2\x80\x9C" + word + "\xE2\x80\x9D \xE2\x80\x94 " +
                    "and a long tail of words that follow it here",
                false, &far_from_end);
  ASSERT_EQ(near_end.size(), 2u);
  ASSERT_GE(far_from_end.size(), 2u);
  EXPECT_EQ(near_end[1].stem, far_from_end[1].stem);
  EXPECT_EQ(near_end[1].end - near_end[1].begin, word.size());
  EXPECT_EQ(far_from_end[1].end - far_from_end[1].begin, word.size());
  EXPECT_TRUE(far_from_end[1].quoted);
  EXPECT_FALSE(far_from_end[2].quoted);  // the closing quote ended the quotation

  std::vector<Term> upper, lower;
  words.TermsOf("WITH THE INTERNATIONALISATION OF MARKETS IN 1987 GOING ON", false, &upper);
  words.TermsOf("with the internationalisation of markets in 1987 going on", false, &lower);
  ASSERT_EQ(upper.size(), lower.size());
  for (size_t k = 0; k < upper.size(); ++k) EXPECT_EQ(upper[k].stem, lower[k].stem) << k;

  // "café" and "naïve" are one word each (their bytes above 0x7F are letters), and a
  // Euro sign's lead byte 0xE2 starts a word, not a break.
  std::vector<Term> accented;
  words.TermsOf("the caf\xC3\xA9 was na\xC3\xAFve about \xE2\x82\xAC" "5 prices, sixteen bytes on",
                false, &accented);
  ASSERT_GE(accented.size(), 4u);
  EXPECT_EQ(accented[0].end - accented[0].begin, 5u);  // café
  EXPECT_EQ(accented[1].end - accented[1].begin, 6u);  // naïve
  EXPECT_EQ(accented[3].end - accented[3].begin, 4u);  // €5
}

}  // namespace
}  // namespace echoes
