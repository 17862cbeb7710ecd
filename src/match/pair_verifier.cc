// Pair verification in two tiers. The signature tier compares 128 16-bit slots (the
// chance that two different minima share their high 16 bits, 1/65536, is far below
// the estimate's own error) and derives containment from the Jaccard estimate and the
// shingle counts: |A∩B| = J (|A| + |B|) / (1 + J). Only pairs near a threshold go to
// the exact tier, which needs the texts read again.

#include "match/pair_verifier.h"

#include <algorithm>
#include <cmath>

#include "util/sorted_sets.h"

namespace echoes {
namespace {

Relation Classify(double jaccard, double containment, const VerifyOptions& o) {
  if (jaccard >= o.threshold) return Relation::kNear;
  if (containment >= o.containment) return Relation::kContained;
  return Relation::kNone;
}

}  // namespace

const char* RelationName(Relation relation) {
  switch (relation) {
    case Relation::kNone:
      return "none";
    case Relation::kExact:
      return "exact";
    case Relation::kNear:
      return "near";
    case Relation::kContained:
      return "contained";
    case Relation::kRewrite:
      return "rewrite";
  }
  return "none";
}

Verdict EstimatePair(const DocumentTable& table, const CandidatePair& pair,
                     const VerifyOptions& options, Edge* edge) {
  const uint16_t* sa = table.SignatureOf(pair.a);
  const uint16_t* sb = table.SignatureOf(pair.b);
  size_t equal = 0;
  for (size_t i = 0; i < table.signature_size; ++i) equal += sa[i] == sb[i];
  const double jaccard = static_cast<double>(equal) / static_cast<double>(table.signature_size);
  const double na = table.docs[pair.a].shingles, nb = table.docs[pair.b].shingles;
  const double smaller = std::max(1.0, std::min(na, nb));
  const double containment = std::min(1.0, jaccard * (na + nb) / (1.0 + jaccard) / smaller);

  edge->a = pair.a;
  edge->b = pair.b;
  edge->jaccard = static_cast<float>(jaccard);
  edge->containment = static_cast<float>(containment);
  edge->exact = false;
  // With fewer shingles in the union than slots, one-permutation bins are mostly
  // borrowed copies, and the estimate rests on about |A ∪ B| >= max(na, nb) samples:
  // widen the margins by the square root of what is missing.
  const double slots = static_cast<double>(table.signature_size);
  const double scale = std::sqrt(slots / std::clamp(std::max(na, nb), 1.0, slots));
  const double jaccard_margin = options.jaccard_margin * scale;
  const double containment_margin = options.containment_margin * scale;
  if (jaccard >= options.threshold + jaccard_margin) {
    edge->relation = Relation::kNear;
    return Verdict::kAccept;
  }
  if (jaccard >= options.threshold - jaccard_margin) return Verdict::kUncertain;
  if (containment >= options.containment + containment_margin) {
    edge->relation = Relation::kContained;
    return Verdict::kAccept;
  }
  if (containment >= options.containment - containment_margin) return Verdict::kUncertain;
  return Verdict::kReject;
}

size_t IntersectionSize(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  return SortedIntersectionSize(a, b);
}

bool ExactPair(const CandidatePair& pair, const std::vector<uint32_t>& shingles_a,
               const std::vector<uint32_t>& shingles_b, const VerifyOptions& options, Edge* edge) {
  if (shingles_a.empty() || shingles_b.empty()) return false;
  const double shared = static_cast<double>(IntersectionSize(shingles_a, shingles_b));
  const double na = static_cast<double>(shingles_a.size());
  const double nb = static_cast<double>(shingles_b.size());
  const double jaccard = shared / (na + nb - shared);
  const double containment = shared / std::min(na, nb);
  edge->a = pair.a;
  edge->b = pair.b;
  edge->jaccard = static_cast<float>(jaccard);
  edge->containment = static_cast<float>(containment);
  edge->exact = true;
  edge->relation = Classify(jaccard, containment, options);
  return edge->relation != Relation::kNone;
}

}  // namespace echoes
