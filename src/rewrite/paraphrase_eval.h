// Calibration of the sentence similarity on labelled sentence pairs (MSRP): k-fold
// cross-validation of the logistic sentence model with its one threshold (0.5).

#ifndef ECHOES_REWRITE_PARAPHRASE_EVAL_H_
#define ECHOES_REWRITE_PARAPHRASE_EVAL_H_

#include <string>
#include <vector>

#include "echoes/status.h"
#include "rewrite/sentence_similarity.h"

namespace echoes {

struct SentencePair {
  std::string a, b;
  int paraphrase = 0;  // 1 or 0
};

// Reads the MSRP training file (tab-separated: Quality, #1 ID, #2 ID, #1 String,
// #2 String, with a header line). Errors: kNotFound, kCorruptInput (file:line).
Result<std::vector<SentencePair>> ReadMsrp(const std::string& path);

struct CrossValidation {
  double accuracy = 0;  // mean over folds
  double f1 = 0;        // of the paraphrase class, over all held-out predictions
  double auc = 0;       // of the held-out probabilities
  double majority = 0;  // accuracy of always answering the majority class
  SentenceModel model;  // fitted on all pairs
};

// Features from content words; stem weights from all sentences of `pairs` (no labels
// involved); `folds`-fold cross-validation with a fixed shuffle.
CrossValidation CrossValidateSentenceModel(const std::vector<SentencePair>& pairs, int folds = 10);

}  // namespace echoes

#endif  // ECHOES_REWRITE_PARAPHRASE_EVAL_H_
