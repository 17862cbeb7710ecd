// AlignDocuments: the evidence that one text rewrites another: a monotone alignment of
// their sentences (one to one, or one to up to three: splits, merges, summaries), then
// sentences moved out of order, each pair judged by the
// sentence similarity, and how much of the shorter text the aligned pairs cover.
// Shared quotations are marked and do not count: every outlet quotes the same
// ministers, so a shared quote is not an echo; a shared sequence of rephrased
// sentences is.

#ifndef ECHOES_REWRITE_ALIGNMENT_H_
#define ECHOES_REWRITE_ALIGNMENT_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rewrite/content_words.h"
#include "rewrite/sentence_similarity.h"
#include "text/sentence_splitter.h"

namespace echoes {

// A text cut into sentences, each with its content words.
struct SentencedText {
  std::string text;
  std::vector<SentenceSpan> spans;
  std::vector<std::vector<Term>> terms;

  std::string_view Sentence(size_t i) const {
    return std::string_view(text).substr(spans[i].begin, spans[i].end - spans[i].begin);
  }
};
SentencedText SplitIntoSentences(std::string text, ContentWords* words);
// The same into *out, reusing its memory (for a reader of many records).
void SplitIntoSentences(std::string_view text, ContentWords* words, SentencedText* out);

struct AlignedPair {
  uint32_t a_first = 0, a_last = 0;  // sentences of A, inclusive (several when merged)
  uint32_t b_first = 0, b_last = 0;
  double similarity = 0;   // the sentence model's probability
  bool quotation = false;  // the shared words are mostly quoted speech on both sides
  bool moved = false;      // out of order: found after the ordered alignment
  bool anchored = false;   // below min_similarity, kept in place by surer pairs around it
  // Not counted as evidence: both sides weigh next to nothing ("Reuter", "Six mths"),
  // or both are rows of figures (price tables, results summaries).
  bool slight = false;
};

// Calibrated on data/sample's labelled pairs (21 rewrite, 34 same-event): at 0.35 and
// 0.35, 15 of the rewrites are found and none of the same-event pairs, whose scores
// stop at 0.27. The sentence threshold is below the model's 0.5 for isolated sentence
// pairs (MSRP) because an alignment adds its own evidence: order, neighbours, count.
struct AlignOptions {
  double min_similarity = 0.35;  // sentence model probability for two sentences to align
  // Sentences left over by the ordered alignment pair up out of order (moved
  // paragraphs) only at this higher similarity: order no longer vouches for them.
  double min_moved_similarity = 0.6;
  // Sentences between (or before the first, after the last of) the pairs aligned at
  // min_similarity pair up in order at this lower similarity: the sure pairs around
  // them vouch for the place, the sentences share a few rare words.
  double min_anchored_similarity = 0.2;
  // A rewrite: at least this many aligned pairs that are not shared quotations,
  // covering at least this share of the shorter text's content...
  size_t min_pairs = 3;
  double min_coverage = 0.35;
  // ... or, for a shorter text of fewer sentences than min_pairs (a two-line summary),
  // every one of its sentences aligned, covering at least this share, and at least
  // min_short_pairs of them: one shared sentence is a coincidence or a quote at
  // corpus scale (Reuters-21578 has hundreds of one-line briefs), not a rewrite.
  double min_short_coverage = 0.7;
  size_t min_short_pairs = 2;
  // A pair whose sentences weigh less than this share of their text's mean sentence
  // weight, on both sides, is shown but not counted: a sign-off or a table label
  // repeated in every report of a kind carries no evidence.
  double min_pair_weight = 0.25;
  // The names both texts use must weigh at least this share of the lighter side's
  // names: a rewrite keeps who and where, while a template filled in for another
  // company (bond issues, dividend notices, results) shares its sentences and not its
  // names. Texts without names are not judged on them.
  double min_name_overlap = 0.5;
  // Likewise the telling figures both texts state (amounts, prices, counts above 31;
  // not days or years, which reports of one week share by chance) must weigh at least
  // this share of the lighter side's: a rewrite, a summary or a translation keeps the
  // facts, while next week's rig count, another company's dividend notice or the
  // follow-up with today's prices fills the same sentences with other numbers. Texts
  // without such figures are not judged on them. On data/sample and data/rewrites
  // every labelled pair with figures on both sides shares all of them.
  double min_figure_overlap = 0.5;
  // A summary (src/rewrite/summary_match.h), tried when the sentences do not make a
  // rewrite: a text of at most this share of the other's weight...
  double max_summary_weight = 0.6;
  // ... whose sentences each find at least this share of their words in a run of up
  // to three consecutive sentences of the other, in order...
  double min_summary_sentence_share = 0.5;
  // ... so that at least this share of all its words is found, over at least
  // min_summary_pairs pairs (a one-line brief is not judged this way). With `explain`'s
  // weights, the 34 + 20 same-event pairs of data/sample and data/rewrites reach at
  // most 0.11 (0.14 with runs at 0.4), their four two-sentence summaries 0.57-0.94;
  // set nearer the summaries, as a corpus has more same-event pairs than a sample.
  double min_summary_containment = 0.45;
  size_t min_summary_pairs = 2;
};

struct RewriteEvidence {
  std::vector<AlignedPair> pairs;  // ordered pairs, then moved ones
  size_t quotation_pairs = 0;      // of them, shared quotations (slight pairs are neither)
  double coverage_a = 0, coverage_b = 0;  // share of each text's content weight aligned
  double name_overlap = 1;  // weight of shared names / the lighter side's (1: no names)
  double figure_overlap = 1;  // the same for the figures (1: no figures)
  double score = 0;                       // coverage of the shorter text, quotes aside
  bool rewrite = false;
  // The pairs are a summary's (MatchSummary): each pairs one sentence of the shorter
  // text with a run of the other's, `similarity` the share of its words found there;
  // the coverages and the score are shares of words found in the other text.
  bool summary = false;
};

RewriteEvidence AlignDocuments(const SentencedText& a, const SentencedText& b,
                               const TermWeights& weights, const AlignOptions& options = {});

// The similarity the alignment gives two sentences (or runs of them): the sentence
// model's probability, or 0 when they share no stem, when their figures disagree
// (both state numbers, none in common: another report from the same template, not
// the same fact reworded), when their names disagree (both name someone, and share
// little of it: the same template about another company), or when it cannot reach
// `floor` (then the value is never used, and computing it is skipped).
double AlignmentSimilarity(const SentenceBag& x, const SentenceBag& y, const TermWeights& weights,
                           double floor);

// A text made ready for alignment: the bags of its sentences, weighed. A corpus run
// aligns one text with many others and prepares it once.
struct PreparedText {
  std::vector<SentenceBag> sentences;
  SentenceBag names;    // every name of the text (as stems), weighed
  SentenceBag figures;  // every telling figure of the text (Term::telling_figure), weighed
};
PreparedText PrepareText(const SentencedText& text, const TermWeights& weights);

// Weight of the names both texts use over the lighter side's names (1 when either
// has none): RewriteEvidence::name_overlap, cheap enough to test before aligning.
double NameOverlap(const PreparedText& a, const PreparedText& b);
// The same for the texts' figures: RewriteEvidence::figure_overlap.
double FigureOverlap(const PreparedText& a, const PreparedText& b);
// The same measure over the distinct low 32 bits of each text's name stems, ascending
// (what a corpus run keeps of every record, DocumentTable::name_stems), before any
// text is read again. Never below NameOverlap of the full texts: stems that agree in
// their low bits count as one, which can only raise the shared share.
double NameOverlap(std::span<const uint32_t> a, std::span<const uint32_t> b,
                   const TermWeights& weights);
// The same with each stem's weight (weights[k] for stems[k]) and their sum given: a
// corpus run tests every candidate pair, and a record is in many.
struct WeighedNames {
  std::span<const uint32_t> stems;
  std::span<const double> weights;
  double total = 0;
};
double NameOverlap(const WeighedNames& a, const WeighedNames& b);

// AlignDocuments on prepared texts (`weights` the ones they were prepared with).
RewriteEvidence AlignPrepared(const SentencedText& a, const PreparedText& prepared_a,
                              const SentencedText& b, const PreparedText& prepared_b,
                              const TermWeights& weights, const AlignOptions& options = {});

// Two texts on their own (no corpus): cut into sentences, stems weighted by how few
// of the two texts' sentences use them, aligned.
struct PairExplanation {
  SentencedText a, b;
  RewriteEvidence evidence;
};
PairExplanation ExplainPair(std::string text_a, std::string text_b,
                            const AlignOptions& options = {});

}  // namespace echoes

#endif  // ECHOES_REWRITE_ALIGNMENT_H_
