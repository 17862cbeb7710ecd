// LinearModel: a logistic regression over line or block features, trained by
// bench/train_line_models.py (weights in line_model_weights.cc).

#ifndef ECHOES_CLEAN_LINE_MODEL_H_
#define ECHOES_CLEAN_LINE_MODEL_H_

#include <cmath>
#include <cstddef>

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

extern const LinearModel kBlockModel;  // HTML blocks (BlockFeatures)
extern const LinearModel kLineModel;   // lines of flattened page text (LineFeatures)

}  // namespace echoes

#endif  // ECHOES_CLEAN_LINE_MODEL_H_
