// Sentence similarity: how likely two sentences say the same thing, from their content
// words: IDF-weighted coverage each way, plain and bigram overlap, numbers and
// negations that differ, length. A logistic model (fitted on the MSRP paraphrase
// pairs by bench/msrp_eval.cc) turns the features into a probability.

#ifndef ECHOES_REWRITE_SENTENCE_SIMILARITY_H_
#define ECHOES_REWRITE_SENTENCE_SIMILARITY_H_

#include <array>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

#include "rewrite/content_words.h"

namespace echoes {

// Document frequencies of stems, for IDF weights. A "document" is whatever unit the
// caller counts: corpus documents in a run, sentences in `echoes explain`. Counts
// live in 2^20 slots indexed by the stem hash (4 MB, whatever the vocabulary): a rare
// stem sharing a slot with a common one is under-weighted, at odds of about one in
// ten for a million-stem vocabulary's rarest words.
class TermWeights {
 public:
  TermWeights();
  void AddDocument(const std::vector<Term>& terms);
  // Adds the distinct stems of one document (sorted or not, without repeats).
  void AddDistinctStems(const std::vector<uint64_t>& stems);
  // Adds another table's counts (order-free: the sum is the same for any threads).
  void Merge(const TermWeights& other);
  // log((N + 1) / (df + 0.5)): rare stems weigh more; unseen ones the most.
  double Weight(uint64_t stem) const {
    const uint32_t df = df_[stem & (kSlots - 1)];
    if (df < kTabledCounts && tabled_documents_ == documents_) return weight_of_count_[df];
    return WeightOfCount(df);
  }
  // Tables the weights of the counts below kTabledCounts for the documents counted so
  // far, so that Weight costs a lookup instead of a logarithm (the same values). Call
  // once counting is over; counting more makes Weight compute them again until the next
  // call.
  void TableWeights();
  uint64_t documents() const { return documents_; }
  // The raw counts, for stage files; SetCounts is false (and changes nothing) when
  // `counts` is not of the table's size.
  std::vector<uint32_t> counts() const { return {df_.get(), df_.get() + kSlots}; }
  bool SetCounts(std::vector<uint32_t> counts, uint64_t documents);

 private:
  static constexpr size_t kSlots = size_t{1} << 20;
  // Most stems of a corpus are rare: their counts are small.
  static constexpr uint32_t kTabledCounts = 4096;
  double WeightOfCount(uint32_t df) const;

  struct Free {
    void operator()(uint32_t* p) const { std::free(p); }
  };
  // From calloc: a new table costs no writes, only the pages its stems touch (`echoes
  // explain` counts a few hundred; zeroing 4 MB was most of its time).
  std::unique_ptr<uint32_t[], Free> df_;
  uint64_t documents_ = 0;
  std::vector<double> weight_of_count_;  // by count, for tabled_documents_ documents
  uint64_t tabled_documents_ = UINT64_MAX;
};

constexpr size_t kSentenceFeatureCount = 8;
using SentenceFeatures = std::array<double, kSentenceFeatureCount>;

// A sentence prepared for comparison: its distinct stems (sorted), numbers, bigrams.
struct SentenceBag {
  std::vector<uint64_t> stems, numbers, quoted;  // quoted: stems said inside quotes
  std::vector<uint64_t> names;                   // stems of names (Term::name)
  std::vector<std::pair<uint64_t, uint64_t>> bigrams;
  bool negation = false;
  size_t terms = 0;
  // After WeighBag: each stem's weight, and their sum. An alignment compares every
  // sentence with many others, and a weight costs a logarithm.
  std::vector<double> stem_weights;
  double weight = 0;
};
SentenceBag BagOf(const std::vector<Term>& terms);
// Fills bag->stem_weights and bag->weight from `weights`.
void WeighBag(const TermWeights& weights, SentenceBag* bag);

// Features of a sentence pair (order does not matter). Bags that went through
// WeighBag with the same `weights` are compared without computing weights again.
SentenceFeatures PairFeatures(const SentenceBag& a, const SentenceBag& b,
                              const TermWeights& weights);
SentenceFeatures PairFeatures(const std::vector<Term>& a, const std::vector<Term>& b,
                              const TermWeights& weights);

struct SentenceModel {
  double bias;
  std::array<double, kSentenceFeatureCount> weights;
  double Probability(const SentenceFeatures& f) const;
};

// Fitted on all MSRP training pairs; P >= 0.5 means "paraphrase".
extern const SentenceModel kSentenceModel;

// An upper bound on kSentenceModel's probability for the pair, from the stem overlap
// alone (every other feature at its most favourable value; all features lie in
// [0, 1]). An aligner compares most sentences with most others and almost all fall
// far below its threshold: the bound skips them at the cost of one merge.
double ProbabilityBound(const SentenceBag& x, const SentenceBag& y, const TermWeights& weights);

// Fits a logistic model to (features, label) by Newton's method with L2 penalty `l2`
// (the bias is not penalised). Used by bench/msrp_eval.cc and its test.
SentenceModel FitSentenceModel(const std::vector<SentenceFeatures>& x, const std::vector<int>& y,
                               double l2 = 1.0);

}  // namespace echoes

#endif  // ECHOES_REWRITE_SENTENCE_SIMILARITY_H_
