// ReadAllRecords: the reading pass, one batch per worker at a time.

#ifndef ECHOES_PIPELINE_PARALLEL_READER_H_
#define ECHOES_PIPELINE_PARALLEL_READER_H_

#include <chrono>
#include <cstdint>
#include <vector>

#include "echoes/dedup.h"
#include "echoes/status.h"
#include "index/sample_runs.h"
#include "index/spilled_sketches.h"
#include "io/input_source.h"
#include "io/record_batcher.h"
#include "pipeline/document_table.h"
#include "sketch/sentence_sketcher.h"
#include "sketch/sketcher.h"

namespace echoes {

// Cuts the inputs into batches on the calling thread and processes them on `threads`
// workers (inline when threads == 1), appending the results to *out in batch order, so
// the table is the same for every thread count. With options.strict, reading stops
// after the first batch that holds a rejected record (every earlier batch is still
// processed, so the first rejection in read order is in *out). Returns the bytes read
// after decompression. `sketch` and `sentences` may be null (see RecordProcessor); with
// `sentences`, out->term_weights holds the stem counts of every record read.
// What the reading pass may hold, and where the rest goes.
struct SpillTargets {
  // Whenever out->samples pass `sample_budget` bytes they are spilled to `samples`.
  SampleRuns* samples = nullptr;  // null: never
  uint64_t sample_budget = UINT64_MAX;
  // Whenever out->signatures and out->band_keys pass `sketch_budget` bytes they are
  // spilled to `sketches`; once they were, the last records' sketches follow them there
  // at the end, so that all are on disk.
  SpilledSketches* sketches = nullptr;  // null: never
  uint64_t sketch_budget = UINT64_MAX;
};

// The first spill error stops the reading and is returned.
Result<uint64_t> ReadAllRecords(const std::vector<InputSource>& sources,
                                const DedupOptions& options, const SketchOptions* sketch,
                                const SentenceSketchOptions* sentences, int threads,
                                std::chrono::steady_clock::time_point start,
                                uint64_t total_bytes, const SpillTargets& spill,
                                DocumentTable* out);

}  // namespace echoes

#endif  // ECHOES_PIPELINE_PARALLEL_READER_H_
