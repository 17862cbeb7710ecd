#include "index/lsh_plan.h"

#include <gtest/gtest.h>

namespace echoes {
namespace {

TEST(LshPlanTest, DefaultPlanFavoursRecallAtTheThreshold) {
  const LshPlan plan = ChooseLshPlan(0.8, 128);
  EXPECT_LE(plan.bands * plan.rows, 128);
  EXPECT_GE(CandidateProbability(0.8, plan), 0.9);
  EXPECT_GE(CandidateProbability(0.85, plan), 0.99);
  EXPECT_LE(CandidateProbability(0.5, plan), 0.1);
}

TEST(LshPlanTest, LowerThresholdsGetFewerRowsPerBand) {
  EXPECT_LT(ChooseLshPlan(0.5, 128).rows, ChooseLshPlan(0.9, 128).rows);
}

TEST(LshPlanTest, SCurveIsMonotoneFromZeroToOne) {
  const LshPlan plan{16, 8};
  EXPECT_DOUBLE_EQ(CandidateProbability(0.0, plan), 0.0);
  EXPECT_DOUBLE_EQ(CandidateProbability(1.0, plan), 1.0);
  double last = 0;
  for (int i = 1; i <= 20; ++i) {
    const double p = CandidateProbability(i / 20.0, plan);
    EXPECT_GE(p, last);
    last = p;
  }
}

}  // namespace
}  // namespace echoes
