// The models that tell content from page furniture, trained by
// bench/train_line_models.py on the WCXB development half (weights and trees in
// line_model_weights.cc):
//   - LinearModel, a logistic regression, for lines of flattened page text;
//   - LinearModel also for HTML blocks of pages unlike the (English) training pages,
//     where trees extrapolate badly;
//   - TreeModel, gradient-boosted decision trees, for HTML blocks, whose markup
//     features interact (a short line means one thing inside the article's container
//     and another at its edge) in ways a linear model cannot weigh.

#ifndef ECHOES_CLEAN_LINE_MODEL_H_
#define ECHOES_CLEAN_LINE_MODEL_H_

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace echoes {

struct LinearModel {
  float bias;
  const float* weights;
  size_t size;
  float threshold;  // P(content) from here on is content

  float Probability(const float* features) const {
    float z = bias;
    for (size_t i = 0; i < size; ++i) z += weights[i] * features[i];
    return 1.f / (1.f + std::exp(-z));
  }
  bool IsContent(const float* features) const { return Probability(features) >= threshold; }
};

// A decision tree of depth kTreeDepth, stored complete (a branch that ends early
// repeats its leaf below and splits at +infinity): node i splits on
// features[feature[i]] <= cut[i] to node 2i + 1, else to 2i + 2; the last level
// indexes `leaf`. Walking it is three loads and compares, no unpredictable branch.
constexpr int kTreeDepth = 3;
struct Tree {
  int16_t feature[(1 << kTreeDepth) - 1];
  // The largest float not above the trainer's (double) cut: for float features,
  // x > cut in floats exactly when x > the trainer's cut.
  float cut[(1 << kTreeDepth) - 1];
  float leaf[1 << kTreeDepth];  // added to the log-odds
};

struct TreeModel {
  float bias;         // log-odds before any tree
  const Tree* trees;
  size_t count;
  size_t features;    // how many features it reads
  float threshold;    // P(content) from here on is content

  float Probability(const float* x) const {
    float z = bias;
    for (size_t t = 0; t < count; ++t) {
      const Tree& tree = trees[t];
      int i = 0;
      for (int depth = 0; depth < kTreeDepth; ++depth) {
        i = 2 * i + 1 + (x[tree.feature[i]] > tree.cut[i]);
      }
      z += tree.leaf[i - ((1 << kTreeDepth) - 1)];
    }
    return 1.f / (1.f + std::exp(-z));
  }
  bool IsContent(const float* x) const { return Probability(x) >= threshold; }
};

extern const TreeModel kBlockModel;          // HTML blocks (BlockFeatures)
extern const LinearModel kBlockLinearModel;  // the same, for pages unlike English ones
extern const LinearModel kLineModel;  // lines of flattened page text (LineFeatures)

}  // namespace echoes

#endif  // ECHOES_CLEAN_LINE_MODEL_H_
