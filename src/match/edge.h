// Relation and Edge: what a verified link between two records says.

#ifndef ECHOES_MATCH_EDGE_H_
#define ECHOES_MATCH_EDGE_H_

#include <cstdint>

namespace echoes {

enum class Relation : uint8_t {
  kNone,       ///< not an echo
  kExact,      ///< same normalized text
  kNear,       ///< shingle Jaccard >= threshold
  kContained,  ///< the smaller record's shingles are mostly inside the larger one
  kRewrite,    ///< the same story sentence by sentence, reworded (aligned sentences)
};

// "exact", "near", "contained", "rewrite" (or "none").
const char* RelationName(Relation relation);

// A verified link between records a < b, with the figures behind it.
struct Edge {
  uint32_t a = 0;
  uint32_t b = 0;
  Relation relation = Relation::kNone;
  float jaccard = 0;      // shingle Jaccard: exact if `exact`, else the MinHash estimate
  float containment = 0;  // share of the smaller record's shingles inside the other
  bool exact = false;     // decided on the full shingle sets, read again from the input
  float alignment = 0;    // rewrite: aligned share of the shorter text's content
  uint32_t evidence = 0;  // rewrite: index of its aligned sentences (RewriteEdges)

  // The figure that the relation is about.
  float score() const {
    switch (relation) {
      case Relation::kContained:
        return containment;
      case Relation::kRewrite:
        return alignment;
      default:
        return jaccard;
    }
  }
};

}  // namespace echoes

#endif  // ECHOES_MATCH_EDGE_H_
