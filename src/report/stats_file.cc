#include "report/stats_file.h"

#include <map>

#include "io/atomic_file.h"
#include "report/json_writer.h"

namespace echoes {
namespace {

void AppendCount(std::string* out, const char* key, uint64_t value) {
  out->append("  \"").append(key).append("\": ").append(std::to_string(value)).append(",\n");
}

void AppendMap(std::string* out, const char* key, const std::map<std::string, uint64_t>& map) {
  out->append("  \"").append(key).append("\": {");
  bool first = true;
  for (const auto& [name, count] : map) {
    out->append(first ? "" : ", ");
    AppendJsonString(out, name);
    out->append(": ").append(std::to_string(count));
    first = false;
  }
  out->append("},\n");
}

}  // namespace

std::string StatsToJson(const DedupStats& s) {
  std::string out = "{\n";
  AppendCount(&out, "read", s.read);
  AppendCount(&out, "kept", s.kept);
  AppendCount(&out, "dropped", s.dropped);
  AppendCount(&out, "rejected", s.rejected);
  AppendMap(&out, "dropped_by_relation", s.dropped_by_relation);
  AppendMap(&out, "rejected_by_reason", s.rejected_by_reason);
  AppendCount(&out, "clusters", s.clusters);
  AppendCount(&out, "largest_cluster", s.largest_cluster);
  out.append("  \"cluster_sizes\": {");
  bool first = true;
  for (const auto& [size, count] : s.cluster_sizes) {
    out.append(first ? "\"" : ", \"").append(std::to_string(size)).append("\": ");
    out.append(std::to_string(count));
    first = false;
  }
  out.append("},\n  \"largest_clusters\": [");
  first = true;
  for (const auto& [id, size] : s.largest_clusters) {
    out.append(first ? "{\"representative\": " : ", {\"representative\": ");
    AppendJsonString(&out, id);
    out.append(", \"members\": ").append(std::to_string(size)).append("}");
    first = false;
  }
  out.append("],\n");
  out.append("  \"lsh\": {\"bands\": ").append(std::to_string(s.bands));
  out.append(", \"rows\": ").append(std::to_string(s.rows)).append("},\n");
  AppendCount(&out, "candidates", s.candidates);
  AppendCount(&out, "verified_edges", s.verified_edges);
  AppendCount(&out, "exact_checks", s.exact_checks);
  AppendCount(&out, "spilled_samples", s.spilled_samples);
  AppendCount(&out, "sample_runs", s.sample_runs);
  AppendCount(&out, "spilled_sketches", s.spilled_sketches);
  AppendCount(&out, "rewrite_candidates", s.rewrite_candidates);
  AppendCount(&out, "rewrite_name_candidates", s.rewrite_name_candidates);
  AppendCount(&out, "rewrite_aligned", s.rewrite_aligned);
  AppendCount(&out, "rewrite_sentence_pairs", s.rewrite_sentence_pairs);
  AppendCount(&out, "rewrite_skipped_buckets", s.rewrite_skipped_buckets);
  AppendCount(&out, "rewrite_edges", s.rewrite_edges);
  AppendCount(&out, "repaired_utf8", s.repaired_utf8);
  AppendCount(&out, "generated_ids", s.generated_ids);
  AppendCount(&out, "unparsed_dates", s.unparsed_dates);
  AppendCount(&out, "sources", s.sources);
  AppendCount(&out, "skipped_files", s.skipped_files);
  AppendCount(&out, "input_bytes", s.input_bytes);
  AppendCount(&out, "text_bytes", s.text_bytes);
  const double seconds = s.seconds > 0 ? s.seconds : 1e-9;
  out.append("  \"run\": {\"threads\": ").append(std::to_string(s.threads));
  out.append(", \"seconds\": ");
  AppendJsonScore(&out, s.seconds);
  out.append(", \"mb_per_s\": ");
  AppendJsonScore(&out, static_cast<double>(s.input_bytes) / 1e6 / seconds);
  out.append(", \"docs_per_s\": ");
  AppendJsonScore(&out, static_cast<double>(s.read) / seconds);
  out.append(", \"phases\": {");
  for (size_t i = 0; i < s.phase_seconds.size(); ++i) {
    if (i > 0) out.append(", ");
    AppendJsonString(&out, s.phase_seconds[i].first);
    out.append(": ");
    AppendJsonScore(&out, s.phase_seconds[i].second);
  }
  out.append("}}\n}\n");
  return out;
}

Status WriteStats(const std::string& dir, const DedupStats& stats) {
  AtomicFile file;
  Status status = file.Open(dir, "stats.json");
  if (!status.ok()) return status;
  status = file.Append(StatsToJson(stats));
  if (!status.ok()) return status;
  return file.Commit();
}

}  // namespace echoes
