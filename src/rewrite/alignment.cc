// AlignDocuments: dynamic programming over (sentence of A, sentence of B), maximising
// the summed margin (similarity - threshold) of aligned pairs; sentences may stay
// unaligned, and one sentence may pair with two adjacent ones (a split or a merge).

#include "rewrite/alignment.h"

#include <algorithm>
#include <limits>

#include "rewrite/summary_match.h"

namespace echoes {
namespace {

constexpr double kNone = -std::numeric_limits<double>::infinity();
// The most sentences one sentence may pair with (a summary sentence for several).
constexpr size_t kMaxSpan = 3;
// A sentence pair whose similarity cannot reach this (ProbabilityBound) starts no
// aligned pair, not even as part of a split or merge. Below AlignOptions'
// min_similarity, so a half of a split sentence still opens the cell; it only skips
// pairs with next to nothing in common, which are most of the n × m.
constexpr double kCellGate = 0.2;

bool SharesAStem(const SentenceBag& x, const SentenceBag& y) {
  size_t i = 0, j = 0;
  while (i < x.stems.size() && j < y.stems.size()) {
    if (x.stems[i] == y.stems[j]) return true;
    x.stems[i] < y.stems[j] ? ++i : ++j;
  }
  return false;
}

// True when both sentences state figures and share none: "25,000 tonnes" against
// "38,000 tonnes" is another report from the same template, not the same fact
// reworded (a rewrite keeps the facts).
bool FiguresDisagree(const SentenceBag& x, const SentenceBag& y) {
  if (x.numbers.empty() || y.numbers.empty()) return false;
  size_t i = 0, j = 0;
  while (i < x.numbers.size() && j < y.numbers.size()) {
    if (x.numbers[i] == y.numbers[j]) return false;
    x.numbers[i] < y.numbers[j] ? ++i : ++j;
  }
  return true;
}

// True when both sentences name someone or something and the names they share weigh
// less than half of the lighter side's names: "Toyota Motor Credit is issuing a bond,
// lead manager Nomura said" against "Eksportfinans is issuing a bond, lead manager
// Mitsubishi Finance said" is the same template about another issuer. A spinner or a
// translator keeps the names.
bool NamesDisagree(const SentenceBag& x, const SentenceBag& y, const TermWeights& weights) {
  if (x.names.empty() || y.names.empty()) return false;
  double wx = 0, wy = 0, shared = 0;
  for (uint64_t s : x.names) wx += weights.Weight(s);
  for (uint64_t s : y.names) {
    const double w = weights.Weight(s);
    wy += w;
    if (std::binary_search(x.names.begin(), x.names.end(), s)) shared += w;
  }
  return shared < 0.5 * std::min(wx, wy);
}

// Weight of the stems both weighed bags hold over the lighter bag's weight (1 when
// either is empty).
double SharedWeightShare(const SentenceBag& x, const SentenceBag& y) {
  if (x.stems.empty() || y.stems.empty()) return 1;
  double shared = 0;
  size_t i = 0, j = 0;
  while (i < x.stems.size() && j < y.stems.size()) {
    if (x.stems[i] == y.stems[j]) {
      shared += x.stem_weights[i];
      ++i;
      ++j;
    } else {
      x.stems[i] < y.stems[j] ? ++i : ++j;
    }
  }
  const double lighter = std::min(x.weight, y.weight);
  return lighter > 0 ? shared / lighter : 1;
}

}  // namespace

double NameOverlap(const PreparedText& a, const PreparedText& b) {
  return SharedWeightShare(a.names, b.names);
}

double FigureOverlap(const PreparedText& a, const PreparedText& b) {
  return SharedWeightShare(a.figures, b.figures);
}

double NameOverlap(std::span<const uint32_t> a, std::span<const uint32_t> b,
                   const TermWeights& weights) {
  std::vector<double> weights_a, weights_b;
  WeighedNames x{a, {}, 0}, y{b, {}, 0};
  for (uint32_t s : a) x.total += weights_a.emplace_back(weights.Weight(s));
  for (uint32_t s : b) y.total += weights_b.emplace_back(weights.Weight(s));
  x.weights = weights_a;
  y.weights = weights_b;
  return NameOverlap(x, y);
}

double NameOverlap(const WeighedNames& a, const WeighedNames& b) {
  if (a.stems.empty() || b.stems.empty()) return 1;
  double shared = 0;
  size_t i = 0, j = 0;
  while (i < a.stems.size() && j < b.stems.size()) {
    if (a.stems[i] == b.stems[j]) {
      shared += a.weights[i];
      ++i;
      ++j;
    } else {
      a.stems[i] < b.stems[j] ? ++i : ++j;
    }
  }
  const double lighter = std::min(a.total, b.total);
  return lighter > 0 ? shared / lighter : 1;
}

namespace {

// out->text → its spans and terms. The term lists are resized, not rebuilt: a reader
// that splits record after record into one SentencedText reuses their memory.
void FillSentences(ContentWords* words, SentencedText* out) {
  out->spans = SplitSentences(out->text);
  out->terms.resize(out->spans.size());
  bool quoted = false;
  for (size_t i = 0; i < out->spans.size(); ++i) {
    quoted = words->TermsOf(out->Sentence(i), quoted, &out->terms[i]);
    // A quotation left open by a headline or a broken line ends with its paragraph.
    if (i + 1 < out->spans.size() &&
        out->text.find('\n', out->spans[i].end) < out->spans[i + 1].begin) {
      quoted = false;
    }
  }
}

// True when at least half the terms of sentences [first, last] are numbers: a row of
// a price table or a results summary. Two rows that agree are the same market at
// another hour, or the same template, as often as a copy: not evidence of a rewrite.
bool MostlyFigures(const SentencedText& t, uint32_t first, uint32_t last) {
  size_t terms = 0, numbers = 0;
  for (uint32_t i = first; i <= last; ++i) {
    for (const Term& term : t.terms[i]) {
      ++terms;
      numbers += term.number;
    }
  }
  return terms > 0 && 2 * numbers >= terms;
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
  FillSentences(words, &out);
  return out;
}

void SplitIntoSentences(std::string_view text, ContentWords* words, SentencedText* out) {
  out->text.assign(text);
  FillSentences(words, out);
}

double AlignmentSimilarity(const SentenceBag& x, const SentenceBag& y, const TermWeights& weights,
                           double floor) {
  if (!SharesAStem(x, y) || FiguresDisagree(x, y)) return 0.0;
  if (ProbabilityBound(x, y, weights) < floor) return 0.0;
  if (NamesDisagree(x, y, weights)) return 0.0;
  return kSentenceModel.Probability(PairFeatures(x, y, weights));
}

PreparedText PrepareText(const SentencedText& t, const TermWeights& weights) {
  PreparedText prepared;
  prepared.sentences.resize(t.terms.size());
  for (size_t i = 0; i < t.terms.size(); ++i) {
    prepared.sentences[i] = BagOf(t.terms[i]);
    WeighBag(weights, &prepared.sentences[i]);
  }
  std::vector<Term> names, figures;
  for (const std::vector<Term>& sentence : t.terms) {
    for (const Term& term : sentence) {
      if (term.name) names.push_back(term);
      if (term.telling_figure) figures.push_back(term);
    }
  }
  prepared.names = BagOf(names);
  WeighBag(weights, &prepared.names);
  prepared.figures = BagOf(figures);
  WeighBag(weights, &prepared.figures);
  return prepared;
}

namespace {

// Bags of runs of sentences of one text, made when the alignment first asks: only
// plausible cells ask, so most runs are never made.
class RunBags {
 public:
  RunBags(const SentencedText& text, const PreparedText& prepared, const TermWeights& weights)
      : text_(text), prepared_(prepared), weights_(weights),
        runs_(text.terms.size() * (kMaxSpan - 1)), made_(runs_.size(), 0) {}

  // Sentences first .. last (last - first < kMaxSpan).
  const SentenceBag& Of(size_t first, size_t last) {
    if (first == last) return prepared_.sentences[first];
    const size_t k = first * (kMaxSpan - 1) + (last - first - 1);
    if (!made_[k]) {
      std::vector<Term> run;
      for (size_t q = first; q <= last; ++q) {
        run.insert(run.end(), text_.terms[q].begin(), text_.terms[q].end());
      }
      runs_[k] = BagOf(run);
      WeighBag(weights_, &runs_[k]);
      made_[k] = 1;
    }
    return runs_[k];
  }

 private:
  const SentencedText& text_;
  const PreparedText& prepared_;
  const TermWeights& weights_;
  std::vector<SentenceBag> runs_;
  std::vector<uint8_t> made_;
};

// A cell of the alignment table: the best alignment of the sentences up to it.
struct Cell {
  double score = 0;
  uint8_t da = 0, db = 0;  // the last step: 1/0 skip A, 0/1 skip B, else a pair
  double similarity = 0;
};

}  // namespace

RewriteEvidence AlignDocuments(const SentencedText& a, const SentencedText& b,
                               const TermWeights& weights, const AlignOptions& options) {
  return AlignPrepared(a, PrepareText(a, weights), b, PrepareText(b, weights), weights, options);
}

RewriteEvidence AlignPrepared(const SentencedText& a, const PreparedText& prepared_a,
                              const SentencedText& b, const PreparedText& prepared_b,
                              const TermWeights& weights, const AlignOptions& options) {
  const size_t n = a.terms.size(), m = b.terms.size();
  RewriteEvidence evidence;
  if (n == 0 || m == 0) return evidence;
  evidence.name_overlap = NameOverlap(prepared_a, prepared_b);
  evidence.figure_overlap = FigureOverlap(prepared_a, prepared_b);
  const std::vector<SentenceBag>& bags_a = prepared_a.sentences;
  const std::vector<SentenceBag>& bags_b = prepared_b.sentences;

  RunBags runs_a(a, prepared_a, weights), runs_b(b, prepared_b, weights);
  const auto similarity = [&](size_t i0, size_t i1, size_t j0, size_t j1, double floor) {
    return AlignmentSimilarity(runs_a.Of(i0, i1), runs_b.Of(j0, j1), weights, floor);
  };
  // The best monotone alignment of A[a0, a1) with B[b0, b1), pairs at `threshold`
  // or above, appended to *out in order.
  std::vector<Cell> table;
  const auto align = [&](size_t a0, size_t a1, size_t b0, size_t b1, double threshold,
                         std::vector<AlignedPair>* out) {
    const size_t rows = a1 - a0, cols = b1 - b0;
    table.assign((rows + 1) * (cols + 1), Cell{});
    const auto at = [&](size_t i, size_t j) -> Cell& { return table[i * (cols + 1) + j]; };
    for (size_t i = 0; i <= rows; ++i) {
      for (size_t j = 0; j <= cols; ++j) {
        if (i == 0 && j == 0) continue;
        Cell best{kNone, 0, 0, 0};
        if (i > 0 && at(i - 1, j).score > best.score) best = {at(i - 1, j).score, 1, 0, 0};
        if (j > 0 && at(i, j - 1).score > best.score) best = {at(i, j - 1).score, 0, 1, 0};
        // A cell is looked at only when its own sentence pair could be related: every
        // pair that ends here (one to one, or a split or merge) contains that pair.
        const size_t ai = a0 + i - 1, bj = b0 + j - 1;
        if (i == 0 || j == 0 || !SharesAStem(bags_a[ai], bags_b[bj]) ||
            ProbabilityBound(bags_a[ai], bags_b[bj], weights) < kCellGate) {
          at(i, j) = best;
          continue;
        }
        const double one = similarity(ai, ai, bj, bj, threshold);
        const auto consider = [&](size_t da, size_t db, double p) {
          if (p < threshold) return;
          const double score = at(i - da, j - db).score + p - threshold;
          if (score > best.score) {
            best = {score, static_cast<uint8_t>(da), static_cast<uint8_t>(db), p};
          }
        };
        consider(1, 1, one);
        // A wider pair only where it says more than the single sentences do.
        for (size_t span = 2; span <= kMaxSpan; ++span) {
          if (j >= span) {
            const double p = similarity(ai, ai, bj + 1 - span, bj, threshold);
            if (p > one) consider(1, span, p);
          }
          if (i >= span) {
            const double p = similarity(ai + 1 - span, ai, bj, bj, threshold);
            if (p > one) consider(span, 1, p);
          }
        }
        at(i, j) = best;
      }
    }
    // Walk back from the end.
    const size_t first_new = out->size();
    for (size_t i = rows, j = cols; i > 0 || j > 0;) {
      const Cell& c = at(i, j);
      if (c.da == 0 || c.db == 0) {
        i -= c.da;
        j -= c.db;
        continue;
      }
      AlignedPair pair;
      pair.a_first = static_cast<uint32_t>(a0 + i - c.da);
      pair.a_last = static_cast<uint32_t>(a0 + i - 1);
      pair.b_first = static_cast<uint32_t>(b0 + j - c.db);
      pair.b_last = static_cast<uint32_t>(b0 + j - 1);
      pair.similarity = c.similarity;
      out->push_back(pair);
      i -= c.da;
      j -= c.db;
    }
    std::reverse(out->begin() + static_cast<ptrdiff_t>(first_new), out->end());
  };
  std::vector<AlignedPair> ordered;
  align(0, n, 0, m, options.min_similarity, &ordered);

  // Anchored pairs: between pairs the alignment is sure of (and before the first,
  // after the last), sentences that keep their place on both sides may pair at a
  // lower similarity: their neighbours vouch for them. A heavy rephrasing keeps the
  // story's order and few of its words; two articles about one event share neither.
  if (!ordered.empty() && options.min_anchored_similarity < options.min_similarity) {
    size_t a_next = 0, b_next = 0;
    for (size_t k = 0; k <= ordered.size(); ++k) {
      const size_t a_end = k < ordered.size() ? ordered[k].a_first : n;
      const size_t b_end = k < ordered.size() ? ordered[k].b_first : m;
      if (a_end > a_next && b_end > b_next) {
        const size_t before = evidence.pairs.size();
        align(a_next, a_end, b_next, b_end, options.min_anchored_similarity, &evidence.pairs);
        for (size_t q = before; q < evidence.pairs.size(); ++q) evidence.pairs[q].anchored = true;
      }
      if (k == ordered.size()) break;
      evidence.pairs.push_back(ordered[k]);
      a_next = ordered[k].a_last + 1;
      b_next = ordered[k].b_last + 1;
    }
  } else {
    evidence.pairs = std::move(ordered);
  }

  // Moved sentences: the best remaining partner of each unaligned sentence of A among
  // the unaligned sentences of B, if similar enough without the support of order.
  std::vector<uint8_t> used_a(n, 0), used_b(m, 0);
  for (const AlignedPair& p : evidence.pairs) {
    for (uint32_t i = p.a_first; i <= p.a_last; ++i) used_a[i] = 1;
    for (uint32_t j = p.b_first; j <= p.b_last; ++j) used_b[j] = 1;
  }
  for (size_t i = 0; i < n; ++i) {
    if (used_a[i]) continue;
    double best = options.min_moved_similarity;
    size_t partner = m;
    for (size_t j = 0; j < m; ++j) {
      if (used_b[j] || !SharesAStem(bags_a[i], bags_b[j])) continue;
      const double p = similarity(i, i, j, j, options.min_moved_similarity);
      if (p >= best) {
        best = p;
        partner = j;
      }
    }
    if (partner == m) continue;
    used_b[partner] = 1;
    AlignedPair pair;
    pair.a_first = pair.a_last = static_cast<uint32_t>(i);
    pair.b_first = pair.b_last = static_cast<uint32_t>(partner);
    pair.similarity = best;
    pair.moved = true;
    evidence.pairs.push_back(pair);
  }

  // Coverage of each text by the pairs that are not shared quotations.
  double total_a = 0, total_b = 0, covered_a = 0, covered_b = 0;
  std::vector<double> weight_a(n), weight_b(m);
  for (size_t i = 0; i < n; ++i) total_a += weight_a[i] = bags_a[i].weight;
  for (size_t j = 0; j < m; ++j) total_b += weight_b[j] = bags_b[j].weight;
  size_t evidence_pairs = 0;
  const double mean_a = total_a / static_cast<double>(n), mean_b = total_b / static_cast<double>(m);
  for (AlignedPair& pair : evidence.pairs) {
    double pair_a = 0, pair_b = 0;
    for (uint32_t i = pair.a_first; i <= pair.a_last; ++i) pair_a += weight_a[i];
    for (uint32_t j = pair.b_first; j <= pair.b_last; ++j) pair_b += weight_b[j];
    pair.slight = (pair_a < options.min_pair_weight * mean_a &&
                   pair_b < options.min_pair_weight * mean_b) ||
                  (MostlyFigures(a, pair.a_first, pair.a_last) &&
                   MostlyFigures(b, pair.b_first, pair.b_last));
    if (pair.slight) continue;
    std::vector<Term> ta, tb;
    for (uint32_t i = pair.a_first; i <= pair.a_last; ++i) ta.insert(ta.end(), a.terms[i].begin(), a.terms[i].end());
    for (uint32_t j = pair.b_first; j <= pair.b_last; ++j) tb.insert(tb.end(), b.terms[j].begin(), b.terms[j].end());
    const SentenceBag x = BagOf(ta), y = BagOf(tb);
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
  const size_t shorter = total_a <= total_b ? n : m;
  const bool enough_pairs =
      (evidence_pairs >= options.min_pairs && evidence.score >= options.min_coverage) ||
      (shorter < options.min_pairs && evidence_pairs >= shorter &&
       evidence_pairs >= options.min_short_pairs && evidence.score >= options.min_short_coverage);
  const bool names_and_figures_agree = evidence.name_overlap >= options.min_name_overlap &&
                                       evidence.figure_overlap >= options.min_figure_overlap;
  evidence.rewrite = enough_pairs && names_and_figures_agree;
  if (!evidence.rewrite && names_and_figures_agree) {
    const bool a_shorter = total_a <= total_b;
    SummaryMatch summary = a_shorter ? MatchSummary(prepared_a, prepared_b, options)
                                     : MatchSummary(prepared_b, prepared_a, options);
    if (summary.summary) {
      if (!a_shorter) {
        for (AlignedPair& pair : summary.pairs) {
          std::swap(pair.a_first, pair.b_first);
          std::swap(pair.a_last, pair.b_last);
        }
      }
      evidence.pairs = std::move(summary.pairs);
      evidence.quotation_pairs = 0;
      evidence.coverage_a = a_shorter ? summary.containment : summary.longer_containment;
      evidence.coverage_b = a_shorter ? summary.longer_containment : summary.containment;
      evidence.score = summary.containment;
      evidence.summary = true;
      evidence.rewrite = true;
    }
  }
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
  weights.TableWeights();
  out.evidence = AlignDocuments(out.a, out.b, weights, options);
  return out;
}

}  // namespace echoes
