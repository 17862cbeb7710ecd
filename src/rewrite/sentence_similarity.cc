// Sentence similarity features and the logistic model over them.

#include "rewrite/sentence_similarity.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <set>
#include <utility>

#include "util/sorted_sets.h"

namespace echoes {
namespace {

double Dice(size_t shared, size_t a, size_t b) {
  return a + b == 0 ? 0.0 : 2.0 * static_cast<double>(shared) / static_cast<double>(a + b);
}

}  // namespace

SentenceBag BagOf(const std::vector<Term>& terms) {
  SentenceBag bag;
  bag.terms = terms.size();
  for (size_t i = 0; i < terms.size(); ++i) {
    bag.stems.push_back(terms[i].stem);
    if (terms[i].number) bag.numbers.push_back(terms[i].stem);
    if (terms[i].quoted) bag.quoted.push_back(terms[i].stem);
    if (terms[i].name) bag.names.push_back(terms[i].stem);
    if (terms[i].telling_figure) bag.figures.push_back(terms[i].stem);
    bag.negation = bag.negation || terms[i].negation;
    if (i + 1 < terms.size()) bag.bigrams.push_back({terms[i].stem, terms[i + 1].stem});
  }
  for (auto* v : {&bag.stems, &bag.numbers, &bag.quoted, &bag.names, &bag.figures}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  std::sort(bag.bigrams.begin(), bag.bigrams.end());
  bag.bigrams.erase(std::unique(bag.bigrams.begin(), bag.bigrams.end()), bag.bigrams.end());
  return bag;
}

SentenceBag BagOf(const std::vector<Term>& terms, std::string_view sentence) {
  SentenceBag bag = BagOf(terms);
  AddWording(sentence, &bag);
  return bag;
}

template <size_t Bits>
size_t HashBits<Bits>::Count() const {
  size_t n = 0;
  for (uint64_t w : words) n += static_cast<size_t>(std::popcount(w));
  return n;
}

template <size_t Bits>
size_t HashBits<Bits>::SharedWith(const HashBits& other) const {
  size_t n = 0;
  for (size_t i = 0; i < words.size(); ++i)
    n += static_cast<size_t>(std::popcount(words[i] & other.words[i]));
  return n;
}

template struct HashBits<512>;
template struct HashBits<4096>;

namespace {

// Adds hashes to a signature counting repeats, as the Dice of two multisets does
// ("the" three times against twice shares two): a hash whose bit this sentence has
// set k times already goes to the bit k strides on. Counting by bit rather than by
// hash gives the same bits whatever the order.
template <size_t kBits>
class CountingAdder {
 public:
  explicit CountingAdder(HashBits<kBits>* bits) : bits_(bits) {}
  void Add(uint64_t hash) {
    uint8_t& copies = copies_[hash % kBits];
    bits_->Add(hash + copies * kStride);
    if (copies < 255) ++copies;
  }

 private:
  static constexpr uint64_t kStride = 0x9E3779B97F4A7C15ull;
  HashBits<kBits>* bits_;
  std::array<uint8_t, kBits> copies_{};
};

}  // namespace

void AddWording(std::string_view sentence, SentenceBag* bag) {
  // Words: runs of ASCII letters and digits, and of non-ASCII bytes (other scripts),
  // lower-cased; everything else separates them.
  std::vector<uint64_t> ordered;
  std::string word;
  const auto end_word = [&] {
    if (word.empty()) return;
    ordered.push_back(XXH3_64bits(word.data(), word.size()));
    word.clear();
  };
  for (char c : sentence) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) {
      word.push_back(static_cast<char>(std::tolower(u)));
    } else {
      end_word();
    }
  }
  end_word();
  CountingAdder<WordingBits::kBits> words(&bag->words);
  for (uint64_t h : ordered) words.Add(h);
  for (size_t n = 2; n <= bag->word_runs.size() + 1; ++n) {
    CountingAdder<WordingBits::kBits> runs(&bag->word_runs[n - 2]);
    for (size_t i = 0; i + n <= ordered.size(); ++i) {
      runs.Add(XXH3_64bits(&ordered[i], n * sizeof(uint64_t)));
    }
  }
  CountingAdder<TrigramBits::kBits> trigrams(&bag->trigrams);
  for (size_t i = 0; i + 3 <= sentence.size(); ++i) {
    const uint64_t trigram = static_cast<uint64_t>(static_cast<unsigned char>(sentence[i])) << 16 |
                             static_cast<uint64_t>(static_cast<unsigned char>(sentence[i + 1]))
                                 << 8 |
                             static_cast<unsigned char>(sentence[i + 2]);
    trigrams.Add(trigram * 0xD6E8FEB86659FD93ull >> 16);  // spread over the bits
  }
}

void AddWording(const SentenceBag& from, SentenceBag* bag) {
  bag->words.Add(from.words);
  for (size_t n = 0; n < bag->word_runs.size(); ++n) bag->word_runs[n].Add(from.word_runs[n]);
  bag->trigrams.Add(from.trigrams);
}

void WeighBag(const TermWeights& weights, SentenceBag* bag) {
  bag->stem_weights.resize(bag->stems.size());
  bag->weight = 0;
  for (size_t k = 0; k < bag->stems.size(); ++k) {
    bag->stem_weights[k] = weights.Weight(bag->stems[k]);
    bag->weight += bag->stem_weights[k];
  }
}

TermWeights::TermWeights() : df_(kSlots, 0) {}

void TermWeights::AddDocument(const std::vector<Term>& terms) {
  std::vector<uint64_t> stems;
  for (const Term& t : terms) stems.push_back(t.stem);
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
  AddDistinctStems(stems);
}

void TermWeights::AddDistinctStems(const std::vector<uint64_t>& stems) {
  for (uint64_t s : stems) ++df_[s & (kSlots - 1)];
  ++documents_;
}

bool TermWeights::SetCounts(std::vector<uint32_t> counts, uint64_t documents) {
  if (counts.size() != kSlots) return false;
  df_ = std::move(counts);
  documents_ = documents;
  return true;
}

void TermWeights::Merge(const TermWeights& other) {
  for (size_t i = 0; i < kSlots; ++i) df_[i] += other.df_[i];
  documents_ += other.documents_;
}

double TermWeights::WeightOfCount(uint32_t df) const {
  return std::log((static_cast<double>(documents_) + 1.0) / (static_cast<double>(df) + 0.5));
}

void TermWeights::TableWeights() {
  weight_of_count_.resize(kTabledCounts);
  for (uint32_t df = 0; df < kTabledCounts; ++df) weight_of_count_[df] = WeightOfCount(df);
  tabled_documents_ = documents_;
}

namespace {

// What one merge of the two stem lists decides: the weight each side has, shares and
// lacks, and the heaviest stem each lacks.
struct StemOverlap {
  double wx = 0, wy = 0, shared = 0;
  double heaviest_missing_x = 0, heaviest_missing_y = 0;  // stems of x not in y, and back
  size_t common = 0;
};

StemOverlap OverlapOf(const SentenceBag& x, const SentenceBag& y, const TermWeights& weights) {
  const bool weighed = x.stem_weights.size() == x.stems.size() &&
                       y.stem_weights.size() == y.stems.size() && !x.stems.empty();
  const auto weight_x = [&](size_t i) {
    return weighed ? x.stem_weights[i] : weights.Weight(x.stems[i]);
  };
  const auto weight_y = [&](size_t j) {
    return weighed ? y.stem_weights[j] : weights.Weight(y.stems[j]);
  };
  StemOverlap o;
  size_t i = 0, j = 0;
  while (i < x.stems.size() || j < y.stems.size()) {
    if (j == y.stems.size() || (i < x.stems.size() && x.stems[i] < y.stems[j])) {
      const double w = weight_x(i++);
      o.wx += w;
      o.heaviest_missing_x = std::max(o.heaviest_missing_x, w);
    } else if (i == x.stems.size() || y.stems[j] < x.stems[i]) {
      const double w = weight_y(j++);
      o.wy += w;
      o.heaviest_missing_y = std::max(o.heaviest_missing_y, w);
    } else {
      const double w = weight_x(i++);
      o.wx += w;
      o.wy += weighed ? y.stem_weights[j] : w;
      o.shared += w;
      ++o.common;
      ++j;
    }
  }
  return o;
}

// The share of a side's weight that its names missing from the other side carry.
double MissingNames(const SentenceBag& x, const SentenceBag& other, double x_weight,
                    const TermWeights& weights) {
  double missing = 0;
  for (uint64_t s : x.names) {
    if (!std::binary_search(other.stems.begin(), other.stems.end(), s))
      missing += weights.Weight(s);
  }
  return x_weight > 0 ? std::min(1.0, missing / x_weight) : 0.0;
}

// Features 0-10: those the stem merge and the term counts decide.

void StemFeatures(const StemOverlap& o, const SentenceBag& x, const SentenceBag& y,
                  const TermWeights& weights, double* f) {
  const double cx = o.wx > 0 ? o.shared / o.wx : 0.0, cy = o.wy > 0 ? o.shared / o.wy : 0.0;
  const double cmin = std::min(cx, cy), cmax = std::max(cx, cy);
  const double max_weight = weights.MaxWeight();
  const double union_weight = o.wx + o.wy - o.shared;
  f[0] = cmin;  // how much of the less covered sentence the other says
  f[1] = cmax;
  f[2] = Dice(o.common, x.stems.size(), y.stems.size());
  f[3] = union_weight > 0 ? o.shared / union_weight : 0.0;
  f[4] = cmin * cmax;
  f[5] = cmin * cmin;
  // One heavy word the other side lacks is often the new fact of another report.
  f[6] = std::max(o.heaviest_missing_x, o.heaviest_missing_y) / max_weight;
  f[7] = std::min(o.heaviest_missing_x, o.heaviest_missing_y) / max_weight;
  f[8] = std::min(1.0, (std::max(o.wx, o.wy) - o.shared) / (3 * max_weight));
  const double la = static_cast<double>(x.terms), lb = static_cast<double>(y.terms);
  f[9] = std::max(la, lb) == 0 ? 0.0 : std::abs(la - lb) / std::max(la, lb);
  f[10] = std::min(1.0, std::min(la, lb) / 30.0);  // short sentences agree by chance
}

// Features 11-15: the wording signatures' Dice coefficients.
void WordingFeatures(const SentenceBag& x, const SentenceBag& y, double* f) {
  const auto bits_dice = [](const auto& a, const auto& b) {
    return Dice(a.SharedWith(b), a.Count(), b.Count());
  };
  f[11] = bits_dice(x.words, y.words);
  for (size_t n = 0; n < x.word_runs.size(); ++n)
    f[12 + n] = bits_dice(x.word_runs[n], y.word_runs[n]);
  f[15] = bits_dice(x.trigrams, y.trigrams);
}

// Features [0, kCheapFeatures) come from one merge and a few popcounts; the others
// (16-22) from more merges and lookups.
constexpr size_t kCheapFeatures = 16;

void OtherFeatures(const StemOverlap& o, const SentenceBag& x, const SentenceBag& y,
                   const TermWeights& weights, double* f) {
  const size_t shared_numbers = SortedIntersectionSize(x.numbers, y.numbers);
  const size_t number_union = x.numbers.size() + y.numbers.size() - shared_numbers;
  f[16] = Dice(SortedIntersectionSize(x.bigrams, y.bigrams), x.bigrams.size(), y.bigrams.size());
  f[17] = x.numbers != y.numbers ? 1.0 : 0.0;  // a figure that differs
  f[18] = number_union == 0 ? 0.0 : 1.0 - static_cast<double>(shared_numbers) / number_union;
  f[19] = x.figures != y.figures ? 1.0 : 0.0;  // an amount, a price, a count that differs
  f[20] = x.negation != y.negation ? 1.0 : 0.0;
  const double nx = MissingNames(x, y, o.wx, weights), ny = MissingNames(y, x, o.wy, weights);
  f[21] = std::max(nx, ny);
  f[22] = std::min(nx, ny);
}

double Logistic(double z) { return 1.0 / (1.0 + std::exp(-z)); }

}  // namespace

SentenceFeatures PairFeatures(const SentenceBag& x, const SentenceBag& y,
                              const TermWeights& weights) {
  const StemOverlap o = OverlapOf(x, y, weights);
  SentenceFeatures f{};
  StemFeatures(o, x, y, weights, f.data());
  WordingFeatures(x, y, f.data());
  OtherFeatures(o, x, y, weights, f.data());
  return f;
}

double SentenceProbability(const SentenceBag& x, const SentenceBag& y, const TermWeights& weights,
                           double floor) {
  const SentenceModel& model = kSentenceModel;
  const StemOverlap o = OverlapOf(x, y, weights);
  SentenceFeatures f{};
  StemFeatures(o, x, y, weights, f.data());
  WordingFeatures(x, y, f.data());
  double z = model.bias;
  for (size_t k = 0; k < kCheapFeatures; ++k) z += model.weights[k] * f[k];
  if (floor > 0) {
    // Every other feature lies in [0, 1]: at its most favourable value, can it reach?
    double best = z;
    for (size_t k = kCheapFeatures; k < kSentenceFeatureCount; ++k)
      best += std::max(0.0, model.weights[k]);
    if (Logistic(best) < floor) return 0.0;
  }
  OtherFeatures(o, x, y, weights, f.data());
  for (size_t k = kCheapFeatures; k < kSentenceFeatureCount; ++k) z += model.weights[k] * f[k];
  return Logistic(z);
}

double SentenceModel::Probability(const SentenceFeatures& f) const {
  double z = bias;
  for (size_t k = 0; k < kSentenceFeatureCount; ++k) z += weights[k] * f[k];
  return 1.0 / (1.0 + std::exp(-z));
}

SentenceModel FitSentenceModel(const std::vector<SentenceFeatures>& x, const std::vector<int>& y,
                               double l2) {
  constexpr size_t kN = kSentenceFeatureCount + 1;
  std::array<double, kN> beta{};
  for (int iteration = 0; iteration < 50; ++iteration) {
    std::array<double, kN> gradient{};
    std::array<std::array<double, kN>, kN> hessian{};
    for (size_t r = 0; r < x.size(); ++r) {
      std::array<double, kN> z;
      z[0] = 1.0;
      for (size_t k = 0; k < kSentenceFeatureCount; ++k) z[k + 1] = x[r][k];
      double dot = 0;
      for (size_t k = 0; k < kN; ++k) dot += z[k] * beta[k];
      const double p = 1.0 / (1.0 + std::exp(-dot));
      for (size_t k = 0; k < kN; ++k) {
        gradient[k] += (p - y[r]) * z[k];
        for (size_t m = 0; m < kN; ++m) hessian[k][m] += p * (1 - p) * z[k] * z[m];
      }
    }
    for (size_t k = 1; k < kN; ++k) {
      gradient[k] += l2 * beta[k];
      hessian[k][k] += l2;
    }
    // Solve hessian * step = gradient (Gaussian elimination with partial pivoting).
    std::array<double, kN> step = gradient;
    for (size_t c = 0; c < kN; ++c) {
      size_t pivot = c;
      for (size_t r = c + 1; r < kN; ++r) {
        if (std::abs(hessian[r][c]) > std::abs(hessian[pivot][c])) pivot = r;
      }
      std::swap(hessian[c], hessian[pivot]);
      std::swap(step[c], step[pivot]);
      for (size_t r = c + 1; r < kN; ++r) {
        const double factor = hessian[r][c] / hessian[c][c];
        for (size_t m = c; m < kN; ++m) hessian[r][m] -= factor * hessian[c][m];
        step[r] -= factor * step[c];
      }
    }
    for (size_t c = kN; c-- > 0;) {
      for (size_t m = c + 1; m < kN; ++m) step[c] -= hessian[c][m] * step[m];
      step[c] /= hessian[c][c];
    }
    double largest = 0;
    for (size_t k = 0; k < kN; ++k) {
      beta[k] -= step[k];
      largest = std::max(largest, std::abs(step[k]));
    }
    if (largest < 1e-9) break;
  }
  SentenceModel model{beta[0], {}};
  for (size_t k = 0; k < kSentenceFeatureCount; ++k) model.weights[k] = beta[k + 1];
  return model;
}

}  // namespace echoes
