// The rule that picks which member of a cluster is kept.

#ifndef ECHOES_CLUSTER_REPRESENTATIVE_H_
#define ECHOES_CLUSTER_REPRESENTATIVE_H_

#include <cstdint>

#include "pipeline/document_table.h"

namespace echoes {

// True if record `a` (read at position a_index) is a better representative than `b`:
// the earlier date wins, and any date beats none (the likely origin is the oldest
// dated copy); then the longer text (the most complete copy); then the one read first.
// A strict weak order, so the choice never depends on the order members are compared in.
bool PrefersAsRepresentative(const DocumentInfo& a, uint64_t a_index, const DocumentInfo& b,
                             uint64_t b_index);

}  // namespace echoes

#endif  // ECHOES_CLUSTER_REPRESENTATIVE_H_
