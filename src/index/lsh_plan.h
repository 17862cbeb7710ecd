// LshPlan: how MinHash signatures are cut into bands, and what that implies.

#ifndef ECHOES_INDEX_LSH_PLAN_H_
#define ECHOES_INDEX_LSH_PLAN_H_

namespace echoes {

struct LshPlan {
  int bands = 0;
  int rows = 0;
};

// Probability that two documents of Jaccard similarity `s` share at least one band:
// 1 - (1 - s^rows)^bands.
double CandidateProbability(double s, const LshPlan& plan);

// The plan with bands * rows <= num_perm that minimises
//   fp_weight * ∫[0,t] P(s) ds + (1 - fp_weight) * ∫[t,1] (1 - P(s)) ds.
// Every candidate is verified, so a false positive costs one signature comparison
// while a false negative is a duplicate lost: the default weight favours recall.
// At t = 0.8 and 128 permutations this gives 16 bands × 8 rows (P(0.8) = 0.95).
LshPlan ChooseLshPlan(double threshold, int num_perm, double fp_weight = 0.05);

}  // namespace echoes

#endif  // ECHOES_INDEX_LSH_PLAN_H_
