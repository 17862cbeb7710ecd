#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace echoes {
namespace {

std::vector<std::string> Split(const std::string& text) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : SplitSentences(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SentenceSplitterTest, AbbreviationsInitialsAndNumbersDoNotEndSentences) {
  EXPECT_EQ(Split("U.S. Secretary of State Antony Blinken met Mr. Kishida on Oct. 8 in Tokyo. "
                  "Shares rose 3.5% to $1.8 billion. John F. Kennedy was president."),
            (std::vector<std::string>{
                "U.S. Secretary of State Antony Blinken met Mr. Kishida on Oct. 8 in Tokyo.",
                "Shares rose 3.5% to $1.8 billion.", "John F. Kennedy was president."}));
}

TEST(SentenceSplitterTest, QuotationsStayWithTheirSentence) {
  EXPECT_EQ(Split("\u201cThis is a very important moment,\u201d Blinken said. \u201cWe speak with "
                  "one voice.\u201d Then he left! Why? Nobody knows..."),
            (std::vector<std::string>{"\u201cThis is a very important moment,\u201d Blinken said.",
                                      "\u201cWe speak with one voice.\u201d", "Then he left!",
                                      "Why?", "Nobody knows..."}));
  EXPECT_EQ(Split("He said \"no.\" She agreed."),
            (std::vector<std::string>{"He said \"no.\"", "She agreed."}));
}

TEST(SentenceSplitterTest, LinesAreSentencesOfTheirOwn) {
  EXPECT_EQ(Split("G7 seeks unity on Gaza\n\nTOKYO (AP) \u2014 Ministers met on Wednesday. They "
                  "talked.\n- a list item"),
            (std::vector<std::string>{"G7 seeks unity on Gaza",
                                      "TOKYO (AP) \u2014 Ministers met on Wednesday.",
                                      "They talked.", "- a list item"}));
}

TEST(SentenceSplitterTest, LowerCaseAfterAPeriodContinues) {
  EXPECT_EQ(Split("It was approx. three times larger. Visit example.com today."),
            (std::vector<std::string>{"It was approx. three times larger.",
                                      "Visit example.com today."}));
  EXPECT_TRUE(Split("").empty());
  EXPECT_TRUE(Split("  \n \n").empty());
}

}  // namespace
}  // namespace echoes
