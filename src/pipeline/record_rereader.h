// ReadRecordsAgain: the records a later stage needs, read back from the inputs.
//
// The reading pass keeps no text (DocumentTable holds 72 bytes per record); the exact
// shingle checks and the rewrite alignment read just the records they need again:
// one pread each at the offset the first pass noted when every input is an
// uncompressed file (in `threads` contiguous slices), else in one streaming pass.

#ifndef ECHOES_PIPELINE_RECORD_REREADER_H_
#define ECHOES_PIPELINE_RECORD_REREADER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "echoes/dedup.h"
#include "io/input_source.h"
#include "io/record_batch.h"
#include "pipeline/document_table.h"
#include "pipeline/record_processor.h"

namespace echoes {

// Called once per wanted record: k is its index in `wanted`, slice the reading slice
// (0 <= slice < threads; calls of one slice come from one thread, in order of k), and
// `processor` a processor of that slice that can parse the record out of `batch`.
using RecordVisitor = std::function<void(size_t k, size_t slice, RecordProcessor* processor,
                                         const RecordBatch& batch, const RecordRef& record)>;

// Visits the records `wanted` (sorted, unique record indices of `table`) once each.
// The processors are made with `sketch` (may be null). Errors: kInternal if an input
// changed since the first read.
Status ReadRecordsAgain(const std::vector<uint32_t>& wanted, const DocumentTable& table,
                        const std::vector<InputSource>& sources, const DedupOptions& options,
                        const SketchOptions* sketch, int threads, const RecordVisitor& visit);

}  // namespace echoes

#endif  // ECHOES_PIPELINE_RECORD_REREADER_H_
