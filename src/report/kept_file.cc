// WriteKept: the second pass. Keeping only ids and hashes in memory, and copying the
// records from the inputs again, is what lets a run hold 10^8 documents in a few GB.

#include "report/kept_file.h"

#include "io/atomic_file.h"
#include "io/batch_prefetcher.h"
#include "report/json_writer.h"

namespace echoes {

Status WriteKept(const std::string& dir, const std::vector<InputSource>& sources,
                 const DedupOptions& options, const DocumentTable& table,
                 const Clustering& clustering, int threads) {
  AtomicFile file;
  Status status = file.Open(dir, "kept.jsonl");
  if (!status.ok()) return status;
  // With a second thread, the next batches are read while this one is written.
  BatchPrefetcher batcher(&sources, 4 << 20, options.max_record_bytes, threads > 1);
  RecordBatch batch;
  uint64_t index = 0;
  std::string line;
  while (batcher.Next(&batch)) {
    for (const RecordRef& record : batch.records) {
      if (index >= table.docs.size()) {
        return Status::Internal(
            "an input changed while echoes was reading it (more records "
            "on the second pass)");
      }
      const uint64_t i = index++;
      if (table.docs[i].rejected || clustering.representative_of[i] != i) continue;
      if (record.kind == RecordKind::kJsonLine) {
        status = file.Append(batch.BytesOf(record));
        if (status.ok()) status = file.Append("\n");
        if (!status.ok()) return status;
        continue;
      }
      if (record.kind == RecordKind::kTextDocument) {
        line.assign("{");
        AppendJsonString(&line, options.id_field);
        line.push_back(':');
        AppendJsonString(&line, table.IdOf(i));
        line.push_back(',');
        AppendJsonString(&line, options.text_field);
        line.push_back(':');
        AppendJsonString(&line, batch.BytesOf(record));
        line.push_back('}');
      } else {
        return Status::Internal("an input changed while echoes was reading it (record " +
                                std::to_string(i) + " became unreadable)");
      }
      line.push_back('\n');
      status = file.Append(line);
      if (!status.ok()) return status;
    }
  }
  if (index != table.docs.size()) {
    return Status::Internal(
        "an input changed while echoes was reading it (fewer records on "
        "the second pass)");
  }
  return file.Commit();
}

}  // namespace echoes
