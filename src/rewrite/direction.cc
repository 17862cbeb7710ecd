#include "rewrite/direction.h"

namespace echoes {

DirectionGuess GuessDirection(int dates_order, const RewriteEvidence& evidence) {
  constexpr double kContained = 0.8, kClearlyLess = 0.6;
  DirectionGuess guess;
  if (dates_order != 0) {
    guess.direction = dates_order < 0 ? Direction::kAToB : Direction::kBToA;
    guess.basis = "dates";
  } else if (evidence.coverage_b >= kContained && evidence.coverage_a <= kClearlyLess) {
    guess.direction = Direction::kAToB;  // B sits inside A
    guess.basis = "containment";
  } else if (evidence.coverage_a >= kContained && evidence.coverage_b <= kClearlyLess) {
    guess.direction = Direction::kBToA;
    guess.basis = "containment";
  }
  return guess;
}

}  // namespace echoes
