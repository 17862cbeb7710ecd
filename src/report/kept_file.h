// kept.jsonl: the kept records, read again from the inputs and copied byte for byte.

#ifndef ECHOES_REPORT_KEPT_FILE_H_
#define ECHOES_REPORT_KEPT_FILE_H_

#include <string>
#include <vector>

#include "cluster/clustering.h"
#include "echoes/dedup.h"
#include "echoes/status.h"
#include "io/input_source.h"
#include "pipeline/document_table.h"

namespace echoes {

// Writes each kept record to <dir>/kept.jsonl, in input order: a JSONL line as it came
// (plus "\n"), a text file as {"id": ..., "text": ...}. The records are read again from
// `sources`: at their noted offsets when every input is uncompressed, otherwise by
// cutting the inputs exactly as the reading pass did (on a second thread when
// threads > 1). Errors: kIoError; kInternal if the inputs changed since the reading
// pass.
Status WriteKept(const std::string& dir, const std::vector<InputSource>& sources,
                 const DedupOptions& options, const DocumentTable& table,
                 const Clustering& clustering, int threads);

}  // namespace echoes

#endif  // ECHOES_REPORT_KEPT_FILE_H_
