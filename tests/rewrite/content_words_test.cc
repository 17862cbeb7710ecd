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

}  // namespace
}  // namespace echoes
