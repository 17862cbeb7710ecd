// FindNearEdges: the near-duplicate stages between reading and clustering:
// bucket (LSH bands and containment samples → candidates) → verify (signatures, then
// exact shingle sets read again for the pairs too close to call).

#ifndef ECHOES_PIPELINE_NEAR_STAGE_H_
#define ECHOES_PIPELINE_NEAR_STAGE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cluster/exact_clusters.h"
#include "echoes/dedup.h"
#include "io/input_source.h"
#include "match/edge.h"
#include "match/pair_verifier.h"
#include "pipeline/document_table.h"
#include "sketch/sketcher.h"

namespace echoes {

struct NearEdges {
  std::vector<Edge> edges;  // verified, sorted by (a, b); a and b stand for their exact groups
  uint64_t candidates = 0;
  uint64_t exact_checks = 0;
  std::vector<std::pair<std::string, double>> phase_seconds;  // bands, samples, estimate, exact
};

// Finds the verified near and contained edges between the records that represent
// their exact-duplicate groups in `exact`. Reads `sources` again only if some pair needs
// its exact shingle sets. Uses up to `threads` threads; the result does not depend on
// it. Errors: kInternal if an input changed since the first read.
Result<NearEdges> FindNearEdges(const DocumentTable& table, const Clustering& exact,
                                const std::vector<InputSource>& sources,
                                const DedupOptions& options, const SketchOptions& sketch,
                                int threads);

}  // namespace echoes

#endif  // ECHOES_PIPELINE_NEAR_STAGE_H_
