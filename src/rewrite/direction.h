// GuessDirection: which of two texts that rewrite each other is the likely source.
// Never more than the evidence shows: dates first, then containment, else undetermined.

#ifndef ECHOES_REWRITE_DIRECTION_H_
#define ECHOES_REWRITE_DIRECTION_H_

#include "rewrite/alignment.h"

namespace echoes {

enum class Direction { kUndetermined, kAToB, kBToA };

struct DirectionGuess {
  Direction direction = Direction::kUndetermined;
  const char* basis = "undetermined";  // "dates", "containment" or "undetermined"
};

// `dates_order` < 0 when A is dated earlier, > 0 when B is, 0 when either is undated or
// they are the same day. Without a date order: when the aligned pairs cover nearly all
// of one text (>= 0.8 of its content) and clearly less of the other (at most 0.6), the
// covered text is inside the other (an excerpt, a summary, a trimmed copy), and the
// fuller text is the likely source.
DirectionGuess GuessDirection(int dates_order, const RewriteEvidence& evidence);

}  // namespace echoes

#endif  // ECHOES_REWRITE_DIRECTION_H_
