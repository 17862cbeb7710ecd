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

// Reads `sources` again, cutting records exactly as the reading pass did, and writes
// each kept record to <dir>/kept.jsonl: a JSONL line as it came (plus "\n"), a text file
// as {"id": ..., "text": ...}. Errors: kIoError; kInternal if the inputs changed since
// the reading pass (the record count differs). With threads > 1 the input is read on
// a second thread.
Status WriteKept(const std::string& dir, const std::vector<InputSource>& sources,
                 const DedupOptions& options, const DocumentTable& table,
                 const Clustering& clustering, int threads);

}  // namespace echoes

#endif  // ECHOES_REPORT_KEPT_FILE_H_
