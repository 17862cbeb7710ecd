// CrossValidateSentenceModel: features once, then fit on k-1 folds and score the
// held-out fold, k times.

#include "rewrite/paraphrase_eval.h"

#include <algorithm>
#include <fstream>
#include <numeric>
#include <random>

#include "rewrite/content_words.h"

namespace echoes {

Result<std::vector<SentencePair>> ReadMsrp(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  std::vector<SentencePair> pairs;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (number == 1) continue;  // header
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> fields;
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      fields.push_back(
          line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (fields.size() != 5 || (fields[0] != "0" && fields[0] != "1")) {
      return Status::CorruptInput(path + ":" + std::to_string(number) + ": not an MSRP line");
    }
    pairs.push_back({fields[3], fields[4], fields[0] == "1" ? 1 : 0});
  }
  return pairs;
}

CrossValidation CrossValidateSentenceModel(const std::vector<SentencePair>& pairs, int folds) {
  ContentWords words;
  std::vector<std::vector<Term>> terms_a(pairs.size()), terms_b(pairs.size());
  TermWeights weights;
  for (size_t i = 0; i < pairs.size(); ++i) {
    words.TermsOf(pairs[i].a, false, &terms_a[i]);
    words.TermsOf(pairs[i].b, false, &terms_b[i]);
    weights.AddDocument(terms_a[i]);
    weights.AddDocument(terms_b[i]);
  }
  weights.TableWeights();
  std::vector<SentenceFeatures> x(pairs.size());
  std::vector<int> y(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    x[i] = PairFeatures(terms_a[i], terms_b[i], weights);
    y[i] = pairs[i].paraphrase;
  }
  std::vector<size_t> order(pairs.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 random(20261123);
  std::shuffle(order.begin(), order.end(), random);

  CrossValidation cv;
  std::vector<double> held_out_probability(pairs.size());
  double accuracy_sum = 0;
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<SentenceFeatures> train_x;
    std::vector<int> train_y;
    std::vector<size_t> test;
    for (size_t k = 0; k < order.size(); ++k) {
      if (static_cast<int>(k % static_cast<size_t>(folds)) == fold) {
        test.push_back(order[k]);
      } else {
        train_x.push_back(x[order[k]]);
        train_y.push_back(y[order[k]]);
      }
    }
    const SentenceModel model = FitSentenceModel(train_x, train_y);
    size_t correct = 0;
    for (size_t i : test) {
      held_out_probability[i] = model.Probability(x[i]);
      correct += (held_out_probability[i] >= 0.5) == (y[i] == 1);
    }
    accuracy_sum += static_cast<double>(correct) / static_cast<double>(test.size());
  }
  cv.accuracy = accuracy_sum / folds;
  size_t tp = 0, fp = 0, fn = 0, positives = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    const bool said = held_out_probability[i] >= 0.5;
    tp += said && y[i] == 1;
    fp += said && y[i] == 0;
    fn += !said && y[i] == 1;
    positives += y[i] == 1;
  }
  cv.f1 = 2.0 * tp / static_cast<double>(2 * tp + fp + fn);
  // AUC: the chance that a paraphrase scores above a non-paraphrase (ties count half).
  std::vector<size_t> ranked(pairs.size());
  std::iota(ranked.begin(), ranked.end(), 0);
  std::sort(ranked.begin(), ranked.end(),
            [&](size_t a, size_t b) { return held_out_probability[a] < held_out_probability[b]; });
  double rank_sum = 0;
  for (size_t r = 0; r < ranked.size();) {
    size_t end = r + 1;
    while (end < ranked.size() &&
           held_out_probability[ranked[end]] == held_out_probability[ranked[r]])
      ++end;
    const double average_rank = (static_cast<double>(r + 1) + static_cast<double>(end)) / 2.0;
    for (size_t k = r; k < end; ++k) {
      if (y[ranked[k]] == 1) rank_sum += average_rank;
    }
    r = end;
  }
  const double negatives = static_cast<double>(pairs.size() - positives);
  const double pos = static_cast<double>(positives);
  cv.auc = (rank_sum - pos * (pos + 1) / 2.0) / (pos * negatives);
  cv.majority = std::max(pos, negatives) / static_cast<double>(pairs.size());
  cv.model = FitSentenceModel(x, y);
  return cv;
}

}  // namespace echoes
