#include "clean/line_model.h"

#include "clean/line_features.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace echoes {
namespace {

constexpr float kAlways = std::numeric_limits<float>::max();

// One tree of depth 3: feature 0 <= 0.5 goes left to a leaf reached early (padded:
// cuts at +infinity, the same value in all four leaves below), else right to splits on
// feature 1 at 2.0, then feature 2 at -1.0 or at 1.0.
constexpr Tree kTrees[] = {
    {{0, 0, 1, 0, 0, 2, 2},
     {0.5f, kAlways, 2.0f, kAlways, kAlways, -1.0f, 1.0f},
     {-1.f, -1.f, -1.f, -1.f, 0.25f, 0.5f, 0.75f, 1.f}},
};
constexpr TreeModel kModel = {0.f, kTrees, 1, 3, 0.5f};

float Logit(float p) { return std::log(p / (1 - p)); }

TEST(TreeModelTest, WalksSplitsAndPaddedLeaves) {
  const float early[] = {0.5f, 100.f, 100.f};  // 0.5 <= 0.5: left, whatever follows
  EXPECT_NEAR(Logit(kModel.Probability(early)), -1.f, 1e-5);
  EXPECT_FALSE(kModel.IsContent(early));
  const float a[] = {0.6f, 2.0f, -1.0f};  // right, left (2.0 <= 2.0), left (-1 <= -1)
  EXPECT_NEAR(Logit(kModel.Probability(a)), 0.25f, 1e-5);
  const float b[] = {0.6f, 2.0f, -0.9f};  // right, left, right
  EXPECT_NEAR(Logit(kModel.Probability(b)), 0.5f, 1e-5);
  const float c[] = {0.6f, 2.1f, 1.0f};  // right, right, left
  EXPECT_NEAR(Logit(kModel.Probability(c)), 0.75f, 1e-5);
  const float d[] = {0.6f, 2.1f, 1.5f};  // right, right, right
  EXPECT_NEAR(Logit(kModel.Probability(d)), 1.f, 1e-5);
  EXPECT_TRUE(kModel.IsContent(d));
}

TEST(TreeModelTest, TheBlockModelWasTrainedOnTodaysBlockFeatures) {
  // A feature added or removed without retraining (bench/train_line_models.py) shows here.
  EXPECT_EQ(kBlockModel.features, kBlockFeatureCount);
  EXPECT_EQ(kLineModel.size, kLineFeatureCount);
  for (size_t t = 0; t < kBlockModel.count; ++t) {
    for (int16_t f : kBlockModel.trees[t].feature) {
      EXPECT_GE(f, 0);
      EXPECT_LT(static_cast<size_t>(f), kBlockModel.features);
    }
  }
  EXPECT_GT(kBlockModel.count, 0u);
}

}  // namespace
}  // namespace echoes
