// Sentence similarity features and the logistic model over them.

#include "rewrite/sentence_similarity.h"

#include <algorithm>
#include <cmath>
#include <new>
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
    bag.negation = bag.negation || terms[i].negation;
    if (i + 1 < terms.size()) bag.bigrams.push_back({terms[i].stem, terms[i + 1].stem});
  }
  for (auto* v : {&bag.stems, &bag.numbers, &bag.quoted, &bag.names}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  std::sort(bag.bigrams.begin(), bag.bigrams.end());
  bag.bigrams.erase(std::unique(bag.bigrams.begin(), bag.bigrams.end()), bag.bigrams.end());
  return bag;
}

void WeighBag(const TermWeights& weights, SentenceBag* bag) {
  bag->stem_weights.resize(bag->stems.size());
  bag->weight = 0;
  for (size_t k = 0; k < bag->stems.size(); ++k) {
    bag->stem_weights[k] = weights.Weight(bag->stems[k]);
    bag->weight += bag->stem_weights[k];
  }
}

TermWeights::TermWeights()
    : df_(static_cast<uint32_t*>(std::calloc(kSlots, sizeof(uint32_t)))) {
  if (df_ == nullptr) throw std::bad_alloc();
}

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
  std::copy(counts.begin(), counts.end(), df_.get());
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

SentenceFeatures PairFeatures(const std::vector<Term>& a, const std::vector<Term>& b,
                              const TermWeights& weights) {
  return PairFeatures(BagOf(a), BagOf(b), weights);
}

namespace {

// The features the stems decide: weighted coverage of each side, count Dice.
struct StemOverlap {
  double cx = 0, cy = 0, dice = 0;
};

StemOverlap OverlapOf(const SentenceBag& x, const SentenceBag& y, const TermWeights& weights) {
  const bool weighed = x.stem_weights.size() == x.stems.size() &&
                      y.stem_weights.size() == y.stems.size() && !x.stems.empty();
  double wx = 0, wy = 0, shared = 0;
  if (weighed) {
    wx = x.weight;
    wy = y.weight;
  } else {
    for (uint64_t s : x.stems) wx += weights.Weight(s);
    for (uint64_t s : y.stems) wy += weights.Weight(s);
  }
  size_t i = 0, j = 0, common = 0;
  while (i < x.stems.size() && j < y.stems.size()) {
    if (x.stems[i] < y.stems[j]) {
      ++i;
    } else if (y.stems[j] < x.stems[i]) {
      ++j;
    } else {
      shared += weighed ? x.stem_weights[i] : weights.Weight(x.stems[i]);
      ++common;
      ++i;
      ++j;
    }
  }
  StemOverlap o;
  o.cx = wx > 0 ? shared / wx : 0.0;
  o.cy = wy > 0 ? shared / wy : 0.0;
  o.dice = Dice(common, x.stems.size(), y.stems.size());
  return o;
}

}  // namespace

double ProbabilityBound(const SentenceBag& x, const SentenceBag& y, const TermWeights& weights) {
  const StemOverlap o = OverlapOf(x, y, weights);
  const SentenceModel& model = kSentenceModel;
  double z = model.bias + model.weights[0] * std::min(o.cx, o.cy) +
             model.weights[1] * std::max(o.cx, o.cy) + model.weights[2] * o.dice;
  for (size_t k = 3; k < kSentenceFeatureCount; ++k) z += std::max(0.0, model.weights[k]);
  return 1.0 / (1.0 + std::exp(-z));
}

SentenceFeatures PairFeatures(const SentenceBag& x, const SentenceBag& y,
                              const TermWeights& weights) {
  const StemOverlap o = OverlapOf(x, y, weights);
  const double cx = o.cx, cy = o.cy;
  const size_t shared_numbers = SortedIntersectionSize(x.numbers, y.numbers);
  const size_t number_union = x.numbers.size() + y.numbers.size() - shared_numbers;
  SentenceFeatures f{};
  f[0] = std::min(cx, cy);  // how much of the less covered sentence the other says
  f[1] = std::max(cx, cy);
  f[2] = o.dice;
  f[3] = Dice(SortedIntersectionSize(x.bigrams, y.bigrams), x.bigrams.size(), y.bigrams.size());
  f[4] = x.numbers != y.numbers ? 1.0 : 0.0;  // a figure that differs
  f[5] = number_union == 0 ? 0.0 : 1.0 - static_cast<double>(shared_numbers) / number_union;
  const double la = static_cast<double>(x.terms), lb = static_cast<double>(y.terms);
  f[6] = std::max(la, lb) == 0 ? 0.0 : std::abs(la - lb) / std::max(la, lb);
  f[7] = x.negation != y.negation ? 1.0 : 0.0;
  return f;
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
