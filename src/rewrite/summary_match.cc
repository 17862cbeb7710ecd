// MatchSummary: dynamic programming over (sentence of the short text, sentence of the
// long one), maximising the weight of the short text's words found in the runs its
// sentences are paired with.

#include "rewrite/summary_match.h"

#include <algorithm>

namespace echoes {
namespace {

// The longest run of source sentences one summary sentence may condense.
constexpr size_t kMaxRun = 3;

bool Holds(const std::vector<uint64_t>& sorted, uint64_t stem) {
  return std::binary_search(sorted.begin(), sorted.end(), stem);
}

// The words of a sentence that say what happened in the writer's own voice: not
// names (the name rule judges those, and same-event articles share them), not
// quotations (every outlet quotes the same people), not numbers (the figure rule).
struct ContentOfSentence {
  std::vector<uint64_t> stems;
  std::vector<double> weights;
  double weight = 0;
  // At least half its distinct terms are numbers: a row of a table, which the same
  // table at another hour repeats ("Three months 6-1/2 6-3/8").
  bool figures = false;
};

ContentOfSentence ContentOf(const SentenceBag& bag) {
  ContentOfSentence c;
  for (size_t k = 0; k < bag.stems.size(); ++k) {
    const uint64_t s = bag.stems[k];
    if (Holds(bag.names, s) || Holds(bag.quoted, s) || Holds(bag.numbers, s)) continue;
    c.stems.push_back(s);
    c.weights.push_back(bag.stem_weights[k]);
    c.weight += bag.stem_weights[k];
  }
  c.figures = 2 * bag.numbers.size() >= bag.stems.size();
  return c;
}

// The weight of `c`'s stems that some sentence of run [first, last] of `text` holds.
double FoundIn(const ContentOfSentence& c, const PreparedText& text, size_t first, size_t last) {
  double found = 0;
  for (size_t k = 0; k < c.stems.size(); ++k) {
    for (size_t j = first; j <= last; ++j) {
      if (Holds(text.sentences[j].stems, c.stems[k])) {
        found += c.weights[k];
        break;
      }
    }
  }
  return found;
}

struct Cell {
  double found = 0;  // weight of short-text words found so far
  uint8_t di = 0, dj = 0;  // the last step: 1/0 skip a short sentence, 0/1 skip a long one
  double share = 0;
};

// The weight of `text`'s distinct stems that `other` holds, over their whole weight.
double ShareFoundIn(const PreparedText& text, const PreparedText& other) {
  std::vector<std::pair<uint64_t, double>> stems;
  for (const SentenceBag& bag : text.sentences) {
    const ContentOfSentence c = ContentOf(bag);
    for (size_t k = 0; k < c.stems.size(); ++k) stems.push_back({c.stems[k], c.weights[k]});
  }
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end(),
                          [](const auto& x, const auto& y) { return x.first == y.first; }),
              stems.end());
  double total = 0, found = 0;
  for (const auto& [stem, weight] : stems) {
    total += weight;
    const bool held = std::any_of(other.sentences.begin(), other.sentences.end(),
                                  [&](const SentenceBag& bag) { return Holds(bag.stems, stem); });
    found += held ? weight : 0;
  }
  return total > 0 ? found / total : 0;
}

double Weight(const PreparedText& text) {
  double w = 0;
  for (const SentenceBag& bag : text.sentences) w += bag.weight;
  return w;
}

}  // namespace

SummaryMatch MatchSummary(const PreparedText& shorter, const PreparedText& longer,
                          const AlignOptions& options) {
  SummaryMatch match;
  const size_t n = shorter.sentences.size(), m = longer.sentences.size();
  // The same weights the alignment chose the shorter text by; a corpus run asks this
  // of most candidate pairs, and most stop here.
  if (n == 0 || m == 0 || Weight(shorter) > options.max_summary_weight * Weight(longer)) {
    return match;
  }
  std::vector<ContentOfSentence> content(n);
  double total = 0;
  for (size_t i = 0; i < n; ++i) {
    content[i] = ContentOf(shorter.sentences[i]);
    total += content[i].weight;
  }
  if (total <= 0) return match;

  std::vector<Cell> table((n + 1) * (m + 1));
  const auto at = [&](size_t i, size_t j) -> Cell& { return table[i * (m + 1) + j]; };
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      if (i == 0 && j == 0) continue;
      Cell best{-1, 0, 0, 0};
      if (i > 0 && at(i - 1, j).found > best.found) best = {at(i - 1, j).found, 1, 0, 0};
      if (j > 0 && at(i, j - 1).found > best.found) best = {at(i, j - 1).found, 0, 1, 0};
      if (i > 0 && j > 0 && content[i - 1].weight > 0) {
        for (size_t run = 1; run <= kMaxRun && run <= j; ++run) {
          const double found = FoundIn(content[i - 1], longer, j - run, j - 1);
          const double share = found / content[i - 1].weight;
          if (share < options.min_summary_sentence_share) continue;
          const double score = at(i - 1, j - run).found + found;
          if (score > best.found) {
            best = {score, 1, static_cast<uint8_t>(run), share};
          }
        }
      }
      at(i, j) = best;
    }
  }
  // Walk back from the end; only pairs that count add to the containment.
  const double mean = total / static_cast<double>(n);
  double counted_found = 0;
  for (size_t i = n, j = m; i > 0 || j > 0;) {
    const Cell& c = at(i, j);
    if (c.di == 0 || c.dj == 0) {
      i -= c.di;
      j -= c.dj;
      continue;
    }
    const ContentOfSentence& sentence = content[i - 1];
    AlignedPair pair;
    pair.a_first = pair.a_last = static_cast<uint32_t>(i - 1);
    pair.b_first = static_cast<uint32_t>(j - c.dj);
    pair.b_last = static_cast<uint32_t>(j - 1);
    pair.similarity = c.share;
    pair.slight = sentence.weight < options.min_pair_weight * mean || sentence.figures;
    if (!pair.slight) {
      ++match.counted_pairs;
      counted_found += c.share * sentence.weight;
    }
    match.pairs.push_back(pair);
    i -= c.di;
    j -= c.dj;
  }
  std::reverse(match.pairs.begin(), match.pairs.end());
  match.containment = counted_found / total;
  match.summary = match.counted_pairs >= options.min_summary_pairs &&
                  match.containment >= options.min_summary_containment;
  if (match.summary) match.longer_containment = ShareFoundIn(longer, shorter);
  return match;
}

}  // namespace echoes
