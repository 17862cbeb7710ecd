// Sentence similarity: how likely two sentences say the same thing, from their content
// words (IDF-weighted coverage each way, plain and bigram overlap, the heaviest word
// one side lacks, names, numbers and negations that differ, length) and from their
// wording (shared words and runs of words, character trigrams). A logistic model
// (fitted on the MSRP paraphrase pairs by bench/msrp_eval.cc) turns the features into
// a probability.

#ifndef ECHOES_REWRITE_SENTENCE_SIMILARITY_H_
#define ECHOES_REWRITE_SENTENCE_SIMILARITY_H_

#include <array>
#include <cstdint>
#include <string_view>
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
  // The weight of a stem no document has: the most any stem weighs.
  double MaxWeight() const { return WeightOfCount(0); }
  // The raw counts, for stage files; SetCounts is false (and changes nothing) when
  // `counts` is not of the table's size.
  const std::vector<uint32_t>& counts() const { return df_; }
  bool SetCounts(std::vector<uint32_t> counts, uint64_t documents);

 private:
  static constexpr size_t kSlots = size_t{1} << 20;
  // Most stems of a corpus are rare: their counts are small.
  static constexpr uint32_t kTabledCounts = 4096;
  double WeightOfCount(uint32_t df) const;

  std::vector<uint32_t> df_;
  uint64_t documents_ = 0;
  std::vector<double> weight_of_count_;  // by count, for tabled_documents_ documents
  uint64_t tabled_documents_ = UINT64_MAX;
};

constexpr size_t kSentenceFeatureCount = 23;

// A multiset of hashes as bits: the ~25 words (or runs of words) of a sentence in
// 512 bits, its ~150 trigrams in 4096, lose about 2% of them to collisions. (MSRP
// accuracy: 0.7603 at these sizes; 0.7613 with twice the trigram bits.)
template <size_t Bits>
struct HashBits {
  static constexpr size_t kBits = Bits;
  std::array<uint64_t, Bits / 64> words{};
  void Add(uint64_t hash) { words[(hash % Bits) / 64] |= uint64_t{1} << (hash % 64); }
  void Add(const HashBits& other) {
    for (size_t i = 0; i < words.size(); ++i) words[i] |= other.words[i];
  }
  size_t Count() const;
  size_t SharedWith(const HashBits& other) const;
};
using WordingBits = HashBits<512>;
using TrigramBits = HashBits<4096>;
using SentenceFeatures = std::array<double, kSentenceFeatureCount>;

// A sentence prepared for comparison: its distinct stems (sorted), numbers, bigrams,
// and, once AddWording has seen its text, its wording.
struct SentenceBag {
  std::vector<uint64_t> stems, numbers, quoted;  // quoted: stems said inside quotes
  std::vector<uint64_t> names;                   // stems of names (Term::name)
  std::vector<uint64_t> figures;                 // stems of telling figures
  std::vector<std::pair<uint64_t, uint64_t>> bigrams;
  bool negation = false;
  size_t terms = 0;
  // The wording, as bit signatures (a set bit per hash, like a Bloom filter of one
  // hash): its words lower-cased (function words too), runs of 2, 3 and 4 of them, and
  // its character trigrams as written. Content words say what a sentence is about; the
  // wording says how closely it is said again. Signatures compare with a few AND and
  // popcount instructions, and a run of sentences is the OR of theirs.
  WordingBits words;
  std::array<WordingBits, 3> word_runs;
  TrigramBits trigrams;
  // After WeighBag: each stem's weight, and their sum. An alignment compares every
  // sentence with many others, and a weight costs a logarithm.
  std::vector<double> stem_weights;
  double weight = 0;
};
SentenceBag BagOf(const std::vector<Term>& terms);
// BagOf(terms) with the wording of `sentence`, the text the terms came from.
SentenceBag BagOf(const std::vector<Term>& terms, std::string_view sentence);
// Adds the wording of `sentence` to the bag.
void AddWording(std::string_view sentence, SentenceBag* bag);
// Adds the wording of another bag (for a run of sentences, each in turn).
void AddWording(const SentenceBag& from, SentenceBag* bag);
// Fills bag->stem_weights and bag->weight from `weights`.
void WeighBag(const TermWeights& weights, SentenceBag* bag);

// Features of a sentence pair (order does not matter). Bags that went through
// WeighBag with the same `weights` are compared without computing weights again.
SentenceFeatures PairFeatures(const SentenceBag& a, const SentenceBag& b,
                              const TermWeights& weights);

struct SentenceModel {
  double bias;
  std::array<double, kSentenceFeatureCount> weights;
  double Probability(const SentenceFeatures& f) const;
};

// Fitted on all MSRP training pairs; P >= 0.5 means "paraphrase".
extern const SentenceModel kSentenceModel;

// kSentenceModel's probability for the pair; 0 instead when it cannot reach `floor`
// whatever the features past the cheap ones are (they all lie in [0, 1]). An aligner
// compares most sentences with most others and almost all fall far below its
// threshold: they cost one merge and a few popcounts.
double SentenceProbability(const SentenceBag& x, const SentenceBag& y, const TermWeights& weights,
                           double floor = 0);

// Fits a logistic model to (features, label) by Newton's method with L2 penalty `l2`
// (the bias is not penalised). Used by bench/msrp_eval.cc and its test.
SentenceModel FitSentenceModel(const std::vector<SentenceFeatures>& x, const std::vector<int>& y,
                               double l2 = 1.0);

}  // namespace echoes

#endif  // ECHOES_REWRITE_SENTENCE_SIMILARITY_H_
