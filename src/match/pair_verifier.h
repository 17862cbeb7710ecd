// PairVerifier: turns a candidate pair into an edge, or rejects it.

#ifndef ECHOES_MATCH_PAIR_VERIFIER_H_
#define ECHOES_MATCH_PAIR_VERIFIER_H_

#include <cstdint>
#include <vector>

#include "index/candidates.h"
#include "match/edge.h"
#include "pipeline/document_table.h"

namespace echoes {

struct VerifyOptions {
  double threshold = 0.8;    // Jaccard for near
  double containment = 0.8;  // containment of the smaller record for contained
  // Estimates this close to a threshold are settled on the exact shingle sets. With
  // 128 slots the Jaccard estimate's standard deviation is at most 0.044, so 0.1
  // leaves a wrong call from the estimate alone at about 1 in 100 near the edge.
  // Both margins widen for texts with fewer shingles than slots (see EstimatePair).
  double jaccard_margin = 0.1;
  // The containment estimate is derived from the Jaccard estimate and the shingle
  // counts, and is noisier for unequal sizes.
  double containment_margin = 0.15;
};

enum class Verdict {
  kReject,     // not an echo: the estimate is clearly below both thresholds
  kAccept,     // an echo on the estimate alone: clearly above a threshold
  kUncertain,  // too close to call: compare the exact shingle sets
};

// Decides a pair on the MinHash signatures and shingle counts; fills *edge (with the
// estimates) unless it rejects.
Verdict EstimatePair(const DocumentTable& table, const CandidatePair& pair,
                     const VerifyOptions& options, Edge* edge);

// Decides a pair on the sorted, unique shingle sets of both records; fills *edge and
// returns false if it is not an echo.
bool ExactPair(const CandidatePair& pair, const std::vector<uint32_t>& shingles_a,
               const std::vector<uint32_t>& shingles_b, const VerifyOptions& options, Edge* edge);

// Size of the intersection of two sorted, unique vectors.
size_t IntersectionSize(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

}  // namespace echoes

#endif  // ECHOES_MATCH_PAIR_VERIFIER_H_
