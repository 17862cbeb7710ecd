// stats.json: the run's accounting.

#ifndef ECHOES_REPORT_STATS_FILE_H_
#define ECHOES_REPORT_STATS_FILE_H_

#include <string>

#include "echoes/dedup.h"
#include "echoes/status.h"

namespace echoes {

// Returns stats as pretty-printed JSON: counts first, then a "run" object (threads,
// seconds, MB/s, docs/s), the only part that changes between identical runs.
std::string StatsToJson(const DedupStats& stats);

// Writes StatsToJson(stats) to <dir>/stats.json. Errors: kIoError.
Status WriteStats(const std::string& dir, const DedupStats& stats);

}  // namespace echoes

#endif  // ECHOES_REPORT_STATS_FILE_H_
