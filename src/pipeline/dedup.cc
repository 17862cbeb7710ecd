// RunDedup: the main job, as a sequence of stages over plain data.
//
//   expand inputs → read + parse + normalize + hash (parallel, DocumentTable)
//   → cluster (sort by hash) → write result files → read again, write kept records
//
// Only DocumentTable (48 bytes + the id per record) lives for the whole run; the texts
// are read twice instead of being held, so memory does not grow with corpus bytes.

#include "echoes/dedup.h"

#include <chrono>
#include <filesystem>
#include <system_error>
#include <thread>

#include "cluster/exact_clusters.h"
#include "io/input_source.h"
#include "io/stdin_spool.h"
#include "pipeline/document_table.h"
#include "pipeline/parallel_reader.h"
#include "report/kept_file.h"
#include "report/result_files.h"
#include "report/stats_file.h"

namespace echoes {
namespace {

Status ValidateOptions(const DedupOptions& options) {
  if (options.out_dir.empty()) return Status::InvalidArgument("no output directory (--out)");
  if (options.threads < 0) return Status::InvalidArgument("--threads must be 0 or more");
  if (options.id_field.empty() || options.text_field.empty() || options.date_field.empty()) {
    return Status::InvalidArgument("field names must not be empty");
  }
  if (options.max_record_bytes == 0) {
    return Status::InvalidArgument("the record size limit must be positive");
  }
  return Status::Ok();
}

int ResolveThreads(int requested) {
  if (requested > 0) return requested;
  const unsigned hardware = std::thread::hardware_concurrency();
  return hardware == 0 ? 1 : static_cast<int>(hardware);
}

std::string DescribeRejection(const Rejection& r, const std::vector<InputSource>& sources) {
  std::string where = sources[r.source].name;
  if (r.line > 0) where += ":" + std::to_string(r.line);
  return where + ": " + RejectReasonName(r.reason) + ": " + r.message;
}

DedupStats CountOutcomes(const DocumentTable& table, const Clustering& clustering) {
  DedupStats stats;
  stats.read = table.docs.size();
  for (uint64_t i = 0; i < table.docs.size(); ++i) {
    if (table.docs[i].rejected) {
      ++stats.rejected;
    } else if (clustering.representative_of[i] == i) {
      ++stats.kept;
    } else {
      ++stats.dropped;
      ++stats.dropped_by_relation["exact"];
    }
  }
  for (const Rejection& r : table.rejections) ++stats.rejected_by_reason[RejectReasonName(r.reason)];
  stats.clusters = clustering.clusters.size();
  for (const Cluster& c : clustering.clusters) {
    stats.largest_cluster = std::max<uint64_t>(stats.largest_cluster, c.members.size());
  }
  stats.repaired_utf8 = table.repaired_utf8;
  stats.generated_ids = table.generated_ids;
  stats.unparsed_dates = table.unparsed_dates;
  stats.text_bytes = table.text_bytes;
  return stats;
}

}  // namespace

Result<DedupStats> RunDedup(const std::vector<std::string>& inputs, const DedupOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (Status s = ValidateOptions(options); !s.ok()) return s;
  if (inputs.empty()) return Status::InvalidArgument("no inputs given");

  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) return Status::IoError(options.out_dir + ": cannot create directory: " + ec.message());

  StdinSpool spool;
  for (const std::string& input : inputs) {
    if (input != "-") continue;
    if (Status s = spool.Create(options.out_dir); !s.ok()) return s;
    break;
  }
  Result<InputList> expanded = ExpandInputs(inputs, spool.path());
  if (!expanded.ok()) return expanded.status();
  const InputList& input_list = expanded.value();

  const int threads = ResolveThreads(options.threads);
  DocumentTable table;
  const uint64_t input_bytes =
      ReadAllRecords(input_list.sources, options, threads, start, input_list.total_bytes, &table);
  if (options.strict && !table.rejections.empty()) {
    return Status::StrictStop(DescribeRejection(table.rejections.front(), input_list.sources));
  }

  const Clustering clustering = ClusterExact(table);
  for (auto write : {WriteDropped, WriteClusters, WriteEdges}) {
    if (Status s = write(options.out_dir, table, clustering); !s.ok()) return s;
  }
  if (Status s = WriteRejected(options.out_dir, table, input_list.sources); !s.ok()) return s;
  if (options.on_progress) {
    DedupProgress p;
    p.phase = "writing";
    p.records = table.docs.size();
    p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    options.on_progress(p);
  }
  if (Status s = WriteKept(options.out_dir, input_list.sources, options, table, clustering);
      !s.ok()) {
    return s;
  }

  DedupStats stats = CountOutcomes(table, clustering);
  stats.sources = input_list.sources.size();
  stats.skipped_files = input_list.skipped_files;
  stats.input_bytes = input_bytes;
  stats.threads = threads;
  stats.out_dir = options.out_dir;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (Status s = WriteStats(options.out_dir, stats); !s.ok()) return s;
  return stats;
}

}  // namespace echoes
