// AlignDocuments: dynamic programming over (sentence of A, sentence of B), maximising
// the summed margin (similarity - threshold) of aligned pairs; sentences may stay
// unaligned, and one sentence may pair with two adjacent ones (a split or a merge).

#include "rewrite/alignment.h"

#include <algorithm>
#include <limits>

namespace echoes {
namespace {

constexpr double kNone = -std::numeric_limits<double>::infinity();

double WeightOf(const SentenceBag& bag, const TermWeights& weights) {
  double w = 0;
  for (uint64_t s : bag.stems) w += weights.Weight(s);
  return w;
}

std::vector<Term> Joined(const std::vector<Term>& x, const std::vector<Term>& y) {
  std::vector<Term> out = x;
  out.insert(out.end(), y.begin(), y.end());
  return out;
}

bool SharesAStem(const SentenceBag& x, const SentenceBag& y) {
  size_t i = 0, j = 0;
  while (i < x.stems.size() && j < y.stems.size()) {
    if (x.stems[i] == y.stems[j]) return true;
    x.stems[i] < y.stems[j] ? ++i : ++j;
  }
  return false;
}

// True when most of the weight the two sentences share is quoted on both sides.
bool SharedQuotation(const SentenceBag& x, const SentenceBag& y, const TermWeights& weights) {
  double shared = 0, quoted = 0;
  for (uint64_t s : x.stems) {
    if (!std::binary_search(y.stems.begin(), y.stems.end(), s)) continue;
    const double w = weights.Weight(s);
    shared += w;
    if (std::binary_search(x.quoted.begin(), x.quoted.end(), s) &&
        std::binary_search(y.quoted.begin(), y.quoted.end(), s)) {
      quoted += w;
    }
  }
  return shared > 0 && quoted >= 0.5 * shared;
}

}  // namespace

SentencedText SplitIntoSentences(std::string text, ContentWords* words) {
  SentencedText out;
  out.text = std::move(text);
  out.spans = SplitSentences(out.text);
  out.terms.resize(out.spans.size());
  bool quoted = false;
  for (size_t i = 0; i < out.spans.size(); ++i) {
    quoted = words->TermsOf(out.Sentence(i), quoted, &out.terms[i]);
    // A quotation left open by a headline or a broken line ends with its paragraph.
    if (i + 1 < out.spans.size() &&
        out.text.find('\n', out.spans[i].end) < out.spans[i + 1].begin) {
      quoted = false;
    }
  }
  return out;
}

RewriteEvidence AlignDocuments(const SentencedText& a, const SentencedText& b,
                               const TermWeights& weights, const AlignOptions& options) {
  const size_t n = a.terms.size(), m = b.terms.size();
  RewriteEvidence evidence;
  if (n == 0 || m == 0) return evidence;
  std::vector<SentenceBag> bags_a(n), bags_b(m);
  for (size_t i = 0; i < n; ++i) bags_a[i] = BagOf(a.terms[i]);
  for (size_t j = 0; j < m; ++j) bags_b[j] = BagOf(b.terms[j]);

  // Similarity of A[i-1..i] (span 1 or 2) with B[j-1..j] (span 1 or 2), never 2 with 2.
  struct Cell {
    double score = 0;
    uint8_t move = 0;  // 0 start, 1 skip A, 2 skip B, 3 pair 1:1, 4 pair 1:2, 5 pair 2:1
    double similarity = 0;
  };
  std::vector<Cell> table((n + 1) * (m + 1));
  const auto at = [&](size_t i, size_t j) -> Cell& { return table[i * (m + 1) + j]; };
  const auto similarity = [&](size_t i0, size_t i1, size_t j0, size_t j1) {
    const SentenceBag x = i0 == i1 ? bags_a[i0] : BagOf(Joined(a.terms[i0], a.terms[i1]));
    const SentenceBag y = j0 == j1 ? bags_b[j0] : BagOf(Joined(b.terms[j0], b.terms[j1]));
    if (!SharesAStem(x, y)) return 0.0;
    return kSentenceModel.Probability(PairFeatures(x, y, weights));
  };
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      if (i == 0 && j == 0) continue;
      Cell best{kNone, 0, 0};
      if (i > 0 && at(i - 1, j).score > best.score) best = {at(i - 1, j).score, 1, 0};
      if (j > 0 && at(i, j - 1).score > best.score) best = {at(i, j - 1).score, 2, 0};
      if (i > 0 && j > 0 && SharesAStem(bags_a[i - 1], bags_b[j - 1])) {
        const double p = similarity(i - 1, i - 1, j - 1, j - 1);
        if (p >= options.min_similarity &&
            at(i - 1, j - 1).score + p - options.min_similarity > best.score) {
          best = {at(i - 1, j - 1).score + p - options.min_similarity, 3, p};
        }
        if (j > 1) {
          const double q = similarity(i - 1, i - 1, j - 2, j - 1);
          if (q >= options.min_similarity && q > p &&
              at(i - 1, j - 2).score + q - options.min_similarity > best.score) {
            best = {at(i - 1, j - 2).score + q - options.min_similarity, 4, q};
          }
        }
        if (i > 1) {
          const double q = similarity(i - 2, i - 1, j - 1, j - 1);
          if (q >= options.min_similarity && q > p &&
              at(i - 2, j - 1).score + q - options.min_similarity > best.score) {
            best = {at(i - 2, j - 1).score + q - options.min_similarity, 5, q};
          }
        }
      }
      at(i, j) = best;
    }
  }
  // Walk back from the end.
  for (size_t i = n, j = m; i > 0 || j > 0;) {
    const Cell& c = at(i, j);
    switch (c.move) {
      case 1:
        --i;
        break;
      case 2:
        --j;
        break;
      default: {
        const size_t di = c.move == 5 ? 2 : 1, dj = c.move == 4 ? 2 : 1;
        AlignedPair pair;
        pair.a_first = static_cast<uint32_t>(i - di);
        pair.a_last = static_cast<uint32_t>(i - 1);
        pair.b_first = static_cast<uint32_t>(j - dj);
        pair.b_last = static_cast<uint32_t>(j - 1);
        pair.similarity = c.similarity;
        evidence.pairs.push_back(pair);
        i -= di;
        j -= dj;
      }
    }
  }
  std::reverse(evidence.pairs.begin(), evidence.pairs.end());

  // Coverage of each text by the pairs that are not shared quotations.
  double total_a = 0, total_b = 0, covered_a = 0, covered_b = 0;
  std::vector<double> weight_a(n), weight_b(m);
  for (size_t i = 0; i < n; ++i) total_a += weight_a[i] = WeightOf(bags_a[i], weights);
  for (size_t j = 0; j < m; ++j) total_b += weight_b[j] = WeightOf(bags_b[j], weights);
  size_t evidence_pairs = 0;
  for (AlignedPair& pair : evidence.pairs) {
    SentenceBag x = bags_a[pair.a_first], y = bags_b[pair.b_first];
    if (pair.a_last != pair.a_first) x = BagOf(Joined(a.terms[pair.a_first], a.terms[pair.a_last]));
    if (pair.b_last != pair.b_first) y = BagOf(Joined(b.terms[pair.b_first], b.terms[pair.b_last]));
    pair.quotation = SharedQuotation(x, y, weights);
    if (pair.quotation) {
      ++evidence.quotation_pairs;
      continue;
    }
    ++evidence_pairs;
    for (uint32_t i = pair.a_first; i <= pair.a_last; ++i) covered_a += weight_a[i];
    for (uint32_t j = pair.b_first; j <= pair.b_last; ++j) covered_b += weight_b[j];
  }
  evidence.coverage_a = total_a > 0 ? covered_a / total_a : 0;
  evidence.coverage_b = total_b > 0 ? covered_b / total_b : 0;
  evidence.score = total_a <= total_b ? evidence.coverage_a : evidence.coverage_b;
  evidence.rewrite = evidence_pairs >= options.min_pairs && evidence.score >= options.min_coverage;
  return evidence;
}

PairExplanation ExplainPair(std::string text_a, std::string text_b, const AlignOptions& options) {
  ContentWords words;
  PairExplanation out;
  out.a = SplitIntoSentences(std::move(text_a), &words);
  out.b = SplitIntoSentences(std::move(text_b), &words);
  TermWeights weights;
  for (const SentencedText* side : {&out.a, &out.b}) {
    for (const auto& terms : side->terms) weights.AddDocument(terms);
  }
  out.evidence = AlignDocuments(out.a, out.b, weights, options);
  return out;
}

}  // namespace echoes
