// WriteKept: the second pass. Keeping only ids and hashes in memory, and copying the
// records from the inputs again, is what lets a run hold 10^8 documents in a few GB.
// Uncompressed inputs are copied by offset; compressed ones are read again.

#include "report/kept_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include "io/atomic_file.h"
#include "io/batch_prefetcher.h"
#include "report/json_writer.h"

namespace echoes {
namespace {

// A text file's record as a JSONL line: {"<id field>": id, "<text field>": text}.
void AppendTextDocumentLine(const DedupOptions& options, std::string_view id,
                            std::string_view text, std::string* line) {
  line->assign("{");
  AppendJsonString(line, options.id_field);
  line->push_back(':');
  AppendJsonString(line, id);
  line->push_back(',');
  AppendJsonString(line, options.text_field);
  line->push_back(':');
  AppendJsonString(line, text);
  line->append("}\n");
}

// Input descriptors, opened on first use and closed on every path out.
class InputFiles {
 public:
  explicit InputFiles(const std::vector<InputSource>& sources)
      : sources_(sources), fds_(sources.size(), -1) {}
  ~InputFiles() {
    for (int fd : fds_) {
      if (fd >= 0) ::close(fd);
    }
  }
  InputFiles(const InputFiles&) = delete;
  InputFiles& operator=(const InputFiles&) = delete;

  Result<int> Get(uint32_t source) {
    int& fd = fds_[source];
    if (fd < 0) fd = ::open(sources_[source].path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      return Status::IoError(sources_[source].name + ": cannot open again: " + std::strerror(errno));
    }
    return fd;
  }

 private:
  const std::vector<InputSource>& sources_;
  std::vector<int> fds_;
};

// Every input is an uncompressed file: kept records are copied from the offsets the
// first pass noted. Adjacent kept JSONL records (one newline apart in their file) go
// out as one range, newlines included; AtomicFile reads the ranges in large blocks and
// writes each block's ranges with one gathered write.
Status WriteKeptByOffset(AtomicFile* file, const std::vector<InputSource>& sources,
                         const DedupOptions& options, const DocumentTable& table,
                         const Clustering& clustering) {
  InputFiles inputs(sources);
  struct Span {
    uint32_t source = 0;
    uint64_t begin = 0, end = 0;
  } span;
  bool open = false;
  auto flush = [&]() -> Status {
    if (!open) return Status::Ok();
    open = false;
    Result<int> fd = inputs.Get(span.source);
    if (!fd.ok()) return fd.status();
    // A JSONL record ends at its newline, so every record but a file's unterminated
    // last line has one in the input: copying it with the span saves a separate
    // one-byte write (and the flush before the next copy) per span.
    const bool newline_follows = span.end < sources[span.source].size_on_disk;
    Status status = file->AppendFileRange(fd.value(), span.begin,
                                          span.end - span.begin + (newline_follows ? 1 : 0),
                                          sources[span.source].name);
    return status.ok() && !newline_follows ? file->Append("\n") : status;
  };
  std::string text;
  std::string line;
  for (uint64_t i = 0; i < table.docs.size(); ++i) {
    const DocumentInfo& doc = table.docs[i];
    if (doc.rejected || clustering.representative_of[i] != i) continue;
    if (sources[doc.source].kind == SourceKind::kJsonl) {
      if (open && doc.source == span.source && doc.stream_offset == span.end + 1) {
        span.end = doc.stream_offset + doc.record_size;
        continue;
      }
      Status status = flush();
      if (!status.ok()) return status;
      span = {doc.source, doc.stream_offset, doc.stream_offset + doc.record_size};
      open = true;
      continue;
    }
    Status status = flush();
    if (!status.ok()) return status;
    Result<int> fd = inputs.Get(doc.source);
    if (!fd.ok()) return fd.status();
    text.resize(doc.record_size);
    size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = ::pread(fd.value(), text.data() + done, text.size() - done,
                                static_cast<off_t>(doc.stream_offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        return Status::Internal(sources[doc.source].name +
                                ": changed while echoes was reading it");
      }
      done += static_cast<size_t>(n);
    }
    AppendTextDocumentLine(options, table.IdOf(i), text, &line);
    status = file->Append(line);
    if (!status.ok()) return status;
  }
  return flush();
}

// The general case (compressed inputs): read the inputs again, cutting records as the
// first pass did. With threads > 1 the input is read on a second thread.
Status WriteKeptByRereading(AtomicFile* file, const std::vector<InputSource>& sources,
                            const DedupOptions& options, const DocumentTable& table,
                            const Clustering& clustering, int threads) {
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
      Status status;
      if (record.kind == RecordKind::kJsonLine) {
        status = file->Append(batch.BytesOf(record));
        if (status.ok()) status = file->Append("\n");
      } else if (record.kind == RecordKind::kTextDocument) {
        AppendTextDocumentLine(options, table.IdOf(i), batch.BytesOf(record), &line);
        status = file->Append(line);
      } else {
        return Status::Internal("an input changed while echoes was reading it (record " +
                                std::to_string(i) + " became unreadable)");
      }
      if (!status.ok()) return status;
    }
  }
  if (index != table.docs.size()) {
    return Status::Internal(
        "an input changed while echoes was reading it (fewer records on "
        "the second pass)");
  }
  return Status::Ok();
}

}  // namespace

Status WriteKept(const std::string& dir, const std::vector<InputSource>& sources,
                 const DedupOptions& options, const DocumentTable& table,
                 const Clustering& clustering, int threads) {
  AtomicFile file;
  Status status = file.Open(dir, "kept.jsonl");
  if (!status.ok()) return status;
  status = AllUncompressed(sources)
               ? WriteKeptByOffset(&file, sources, options, table, clustering)
               : WriteKeptByRereading(&file, sources, options, table, clustering, threads);
  return status.ok() ? file.Commit() : status;
}

}  // namespace echoes
