// MatchSummary: the evidence that a short text summarises a longer one. A summary
// merges several sentences of its source into one, in new words, and drops the rest,
// so no sentence pair of the two looks alike to the sentence model (a merged sentence
// says a third of each source sentence). What it keeps is the source's content words,
// in the source's order: each summary sentence's words come from a short run of
// consecutive source sentences, and the runs follow each other. Two articles about one
// event share the names and the quotes, not the other words: on data/sample and
// data/rewrites, the shorter text's unquoted words other than names and numbers are
// at most 0.37 inside the other for a same-event pair and 0.67-0.98 for the
// summaries (document frequencies over both sets), and found in ordered runs at most
// 0.11 and 0.57-0.94 (AlignOptions).

#ifndef ECHOES_REWRITE_SUMMARY_MATCH_H_
#define ECHOES_REWRITE_SUMMARY_MATCH_H_

#include <vector>

#include "rewrite/alignment.h"

namespace echoes {

struct SummaryMatch {
  // Pairs of a sentence of the short text (a_first == a_last) with a run of the long
  // text's (b_first..b_last); `similarity` is the share of the sentence's words that
  // the run holds.
  std::vector<AlignedPair> pairs;
  // The short text's words found in the runs of its pairs that count, over all its
  // words (unquoted words other than names and numbers, weighed by rarity).
  double containment = 0;
  // Of a summary only: the long text's words found anywhere in the short one.
  double longer_containment = 0;
  size_t counted_pairs = 0;  // pairs that are not `slight`
  bool summary = false;
};

// `shorter` is the text of less weight. Decides nothing (summary false, no pairs)
// unless it weighs at most options.max_summary_weight of `longer` (the sums of their
// sentences' SentenceBag::weight).
SummaryMatch MatchSummary(const PreparedText& shorter, const PreparedText& longer,
                          const AlignOptions& options);

}  // namespace echoes

#endif  // ECHOES_REWRITE_SUMMARY_MATCH_H_
