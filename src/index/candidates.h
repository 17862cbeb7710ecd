// Candidate pairs: records that met in an LSH band or share containment samples.
// Never verdicts: every candidate goes through match/pair_verifier.h.

#ifndef ECHOES_INDEX_CANDIDATES_H_
#define ECHOES_INDEX_CANDIDATES_H_

#include <compare>
#include <cstdint>
#include <vector>

#include "echoes/status.h"
#include "pipeline/document_table.h"

namespace echoes {

struct CandidatePair {
  uint32_t a = 0;  // a < b, record indices
  uint32_t b = 0;
  auto operator<=>(const CandidatePair&) const = default;
};

// Buckets larger than this pair each member only with the bucket's first kMaxBucketPairs
// members, so that one huge family (or a junk band value) costs O(n), not O(n²).
constexpr size_t kMaxBucketPairs = 100;

// Pairs of `units` (records standing for their exact-duplicate group) whose band keys
// are equal in at least one band, each once. Sorted, and the same for any number of
// `threads` (each takes a range of bands) and whether or not the sketches were spilled
// to disk (DocumentTable::spilled_sketches). Errors: those of reading a spilled band
// back (kIoError, kInternal).
Result<std::vector<CandidatePair>> BandCandidates(const DocumentTable& table,
                                                  const std::vector<uint32_t>& units,
                                                  int threads = 1);

// Sample groups larger than this are skipped: a shingle shared by that many records
// is boilerplate, or its records are near-duplicates that the bands find anyway.
constexpr size_t kMaxSampleGroup = 32;

// Pairs of units that share at least `min_shared` containment samples: candidates for
// `contained` (an excerpt has a low Jaccard with its source, so bands miss it). Sorted,
// and the same for any number of `threads`, and whether or not the table's samples
// were spilled to disk (DocumentTable::spilled_samples). Errors: those of reading the
// spilled runs back (kIoError, kInternal).
Result<std::vector<CandidatePair>> SampleCandidates(const DocumentTable& table,
                                                    const std::vector<uint8_t>& is_unit,
                                                    uint32_t min_shared = 2, int threads = 1);

}  // namespace echoes

#endif  // ECHOES_INDEX_CANDIDATES_H_
