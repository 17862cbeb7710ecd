#include "rewrite/summary_match.h"

#include <gtest/gtest.h>

#include <string>

#include "rewrite/alignment.h"

namespace echoes {
namespace {

// Written for this test, after the thresholds were set: a story, a two-sentence
// summary of it that merges three sentences into one, and an independent story about
// the same event that quotes the same person.
constexpr const char* kStory =
    "Floodwater closed the main rail line between Dunmore and Pell Junction on Tuesday "
    "after the river rose above its banks overnight.\n"
    "Engineers from Northline Rail said the embankment near the old mill had been "
    "undermined and would need at least a week of repairs.\n"
    "Replacement buses will carry passengers between the two stations, adding about "
    "forty minutes to each journey.\n"
    "\"We are asking people to travel only if they must,\" operations manager Priya Holm "
    "said.\n"
    "Farmers along the valley said hundreds of sheep had been moved to higher fields.\n"
    "The county council opened a shelter in the Dunmore sports hall for families whose "
    "homes were flooded.\n";
constexpr const char* kSummary =
    "Northline Rail shut the Dunmore to Pell Junction line on Tuesday when the river "
    "flooded an embankment that engineers say needs a week of repairs, with buses "
    "replacing trains meanwhile.\n"
    "Flooded families can stay at a council shelter in the Dunmore sports hall.\n";
constexpr const char* kSameEvent =
    "Shops in Pell Junction counted the cost on Wednesday as commuters stayed away.\n"
    "\"We are asking people to travel only if they must,\" operations manager Priya Holm "
    "said, as Northline Rail posted staff at Dunmore station.\n"
    "A bakery owner said she had sold half her usual bread.\n"
    "Taxi drivers reported their busiest day since the winter storms.\n";

struct Prepared {
  SentencedText text;
  PreparedText prepared;
};

// Both texts weighed together, as `echoes explain` does.
std::pair<Prepared, Prepared> PreparePair(const std::string& a, const std::string& b) {
  ContentWords words;
  Prepared x{SplitIntoSentences(a, &words), {}}, y{SplitIntoSentences(b, &words), {}};
  TermWeights weights;
  for (const SentencedText* t : {&x.text, &y.text}) {
    for (const auto& terms : t->terms) weights.AddDocument(terms);
  }
  weights.TableWeights();
  x.prepared = PrepareText(x.text, weights);
  y.prepared = PrepareText(y.text, weights);
  return {std::move(x), std::move(y)};
}

TermWeights TermWeightsOf(const PairExplanation& x) {
  TermWeights weights;
  for (const SentencedText* t : {&x.a, &x.b}) {
    for (const auto& terms : t->terms) weights.AddDocument(terms);
  }
  weights.TableWeights();
  return weights;
}

TEST(SummaryMatchTest, ASummaryMergingSentencesIsFoundInOrder) {
  auto [summary, story] = PreparePair(kSummary, kStory);
  const SummaryMatch m = MatchSummary(summary.prepared, story.prepared, AlignOptions{});
  EXPECT_TRUE(m.summary) << "containment " << m.containment;
  ASSERT_EQ(m.pairs.size(), 2u);
  // The first summary sentence condenses a run of the story's first sentences; the
  // second, the shelter sentence at the end.
  EXPECT_EQ(m.pairs[0].a_first, 0u);
  EXPECT_EQ(m.pairs[0].b_first, 0u);
  EXPECT_GE(m.pairs[0].b_last, 1u) << "a merge of several sentences";
  EXPECT_EQ(m.pairs[1].a_first, 1u);
  EXPECT_EQ(m.pairs[1].b_last, 5u);
  EXPECT_LT(m.longer_containment, m.containment) << "the summary drops most of the story";
}

TEST(SummaryMatchTest, ExplainCallsTheSummaryARewrite) {
  const PairExplanation x = ExplainPair(kSummary, kStory);
  EXPECT_TRUE(x.evidence.rewrite) << "score " << x.evidence.score;
  // Summaries off: what the sentence alignment alone says is its own verdict.
  AlignOptions no_summaries;
  no_summaries.max_summary_weight = 0;
  const RewriteEvidence alone = AlignDocuments(x.a, x.b, TermWeightsOf(x), no_summaries);
  EXPECT_EQ(x.evidence.summary, !alone.rewrite);
}

TEST(SummaryMatchTest, SameEventStoryWithTheSameQuoteIsNoSummary) {
  auto [other, story] = PreparePair(kSameEvent, kStory);
  const SummaryMatch m = MatchSummary(other.prepared, story.prepared, AlignOptions{});
  EXPECT_FALSE(m.summary) << "containment " << m.containment;
  EXPECT_LT(m.containment, AlignOptions{}.min_summary_containment);
  EXPECT_FALSE(ExplainPair(kSameEvent, kStory).evidence.rewrite);
}

TEST(SummaryMatchTest, RowsOfFiguresAreNotEvidence) {
  // The same table at two hours: its rows agree word for word, their figures aside.
  const std::string noon =
      "Deposit rates at noon.\nOne month 6-3/8 6-1/4.\nThree months 6-1/2 6-3/8.\n"
      "Six months 6-5/8 6-1/2.\nOne year 6-13/16 6-11/16.\n";
  const std::string close_ =
      "Deposit rates at the close, as traders left for the day after a quiet session in "
      "which the central bank did not intervene.\nDealers said volumes were thin and "
      "expected little change before the holiday.\nOne month 6-3/8 6-1/4.\nTwo months "
      "6-7/16 6-5/16.\nThree months 6-1/2 6-3/8.\nSix months 6-5/8 6-1/2.\nOne year "
      "6-13/16 6-11/16.\n";
  auto [short_table, long_table] = PreparePair(noon, close_);
  const SummaryMatch m = MatchSummary(short_table.prepared, long_table.prepared, AlignOptions{});
  EXPECT_FALSE(m.summary);
  EXPECT_LE(m.counted_pairs, 1u) << "rows of figures do not count";
}

TEST(SummaryMatchTest, TextsOfSimilarWeightAreLeftToTheSentenceAlignment) {
  auto [a, b] = PreparePair(kStory, kStory);
  const SummaryMatch m = MatchSummary(a.prepared, b.prepared, AlignOptions{});
  EXPECT_FALSE(m.summary);
  EXPECT_TRUE(m.pairs.empty());
}

}  // namespace
}  // namespace echoes
