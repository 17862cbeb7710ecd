// FindRewriteEdges: the rewrite stages after near-duplicate clustering:
// bucket (sentence-sketch keys → candidate record pairs) → verify (texts read again,
// cut into sentences, aligned with corpus stem weights) → `rewrite` edges with the
// aligned sentences as evidence.

#ifndef ECHOES_PIPELINE_REWRITE_STAGE_H_
#define ECHOES_PIPELINE_REWRITE_STAGE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cluster/clustering.h"
#include "echoes/dedup.h"
#include "io/input_source.h"
#include "match/edge.h"
#include "pipeline/document_table.h"
#include "rewrite/direction.h"
#include "sketch/sentence_sketcher.h"

namespace echoes {

// What makes a rewrite edge believable: its aligned sentences, as text.
struct RewriteEvidenceText {
  struct Pair {
    uint32_t a_first = 0, a_last = 0, b_first = 0, b_last = 0;  // sentence numbers
    float similarity = 0;
    bool quotation = false;  // shared words mostly quoted on both sides: does not count
    bool moved = false;      // found out of order
    bool anchored = false;   // aligned at the lower similarity, between surer pairs
    bool slight = false;     // both sides weigh next to nothing: does not count
    std::string a_text, b_text;
  };
  std::vector<Pair> pairs;
  uint32_t sentences_a = 0, sentences_b = 0;
  float coverage_a = 0, coverage_b = 0;
  float name_overlap = 1, figure_overlap = 1;  // RewriteEvidence's
  bool summary = false;                        // RewriteEvidence's
  DirectionGuess direction;
};

struct RewriteEdges {
  // Relation kRewrite, sorted by (a, b), between records that represent their
  // near-duplicate clusters; Edge::evidence indexes `evidence`.
  std::vector<Edge> edges;
  std::vector<RewriteEvidenceText> evidence;
  uint64_t candidates = 0;       // record pairs that met in the sentence or name index
  uint64_t name_candidates = 0;  // pairs that met in the name index (some also by sentences)
  uint64_t aligned = 0;          // of them, pairs whose names agree: aligned
  uint64_t sentence_pairs = 0;   // sentence key collisions counted by the index
  uint64_t skipped_buckets = 0;  // keys shared by too many sentences (boilerplate)
  std::vector<std::pair<std::string, double>> phase_seconds;  // index, align
};

// Finds the rewrite edges between the records that represent their clusters in
// `clustering` (representative_of[r] == r), from the sentence keys and stem weights
// the reading pass left in `table` (filed with `sentences`). Pairs that already have an edge in `known` (the
// near and contained edges, sorted by (a, b)) are left as they are: clustering has
// judged them, and an excerpt must not come to represent its source through a
// rewrite edge. Reads `sources` again for the candidates' texts.
// Uses up to `threads` threads; the result does not depend on it.
// Errors: kInternal if an input changed since the first read.
Result<RewriteEdges> FindRewriteEdges(const DocumentTable& table, const Clustering& clustering,
                                      const std::vector<Edge>& known,
                                      const std::vector<InputSource>& sources,
                                      const DedupOptions& options,
                                      const SentenceSketchOptions& sentences, int threads);

}  // namespace echoes

#endif  // ECHOES_PIPELINE_REWRITE_STAGE_H_
