#include "index/lsh_plan.h"

#include <cmath>

namespace echoes {
namespace {

// Midpoint rule; the integrands are smooth, 200 steps is far below the weights' precision.
template <typename F>
double Integrate(F f, double from, double to) {
  constexpr int kSteps = 200;
  const double h = (to - from) / kSteps;
  double sum = 0;
  for (int i = 0; i < kSteps; ++i) sum += f(from + (i + 0.5) * h);
  return sum * h;
}

}  // namespace

double CandidateProbability(double s, const LshPlan& plan) {
  return 1.0 - std::pow(1.0 - std::pow(s, plan.rows), plan.bands);
}

LshPlan ChooseLshPlan(double threshold, int num_perm, double fp_weight) {
  LshPlan best{1, num_perm};
  double best_error = 1e300;
  for (int bands = 1; bands <= num_perm; ++bands) {
    for (int rows = 1; bands * rows <= num_perm; ++rows) {
      const LshPlan plan{bands, rows};
      const double fp =
          Integrate([&](double s) { return CandidateProbability(s, plan); }, 0.0, threshold);
      const double fn =
          Integrate([&](double s) { return 1.0 - CandidateProbability(s, plan); }, threshold, 1.0);
      const double error = fp_weight * fp + (1.0 - fp_weight) * fn;
      if (error < best_error) {
        best_error = error;
        best = plan;
      }
    }
  }
  return best;
}

}  // namespace echoes
