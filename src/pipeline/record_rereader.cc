// ReadRecordsAgain. A pread slice opens each input once and reads every wanted record
// of its slice at its noted offset; the streaming pass walks the batches as the first
// pass cut them, counting records to find the wanted ones.

#include "pipeline/record_rereader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

#include "io/batch_prefetcher.h"

namespace echoes {
namespace {

constexpr size_t kBatchBytes = 4 << 20;

// Records wanted[begin, end), each read with one pread.
Status PreadSlice(const std::vector<uint32_t>& wanted, size_t begin, size_t end, size_t slice,
                  const DocumentTable& table, const std::vector<InputSource>& sources,
                  const DedupOptions& options, const SketchOptions* sketch,
                  const RecordVisitor& visit) {
  RecordProcessor processor(&options, &sources, sketch);
  std::vector<int> fds(sources.size(), -1);
  RecordBatch batch;
  Status status;
  for (size_t k = begin; k < end && status.ok(); ++k) {
    const DocumentInfo& doc = table.docs[wanted[k]];
    int& fd = fds[doc.source];
    if (fd < 0) fd = ::open(sources[doc.source].path.c_str(), O_RDONLY | O_CLOEXEC);
    batch.bytes.resize(doc.record_size + RecordBatch::kPadding);
    size_t done = 0;
    while (fd >= 0 && done < doc.record_size) {
      const ssize_t n = ::pread(fd, batch.bytes.data() + done, doc.record_size - done,
                                static_cast<off_t>(doc.stream_offset + done));
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    if (done < doc.record_size) {
      status = Status::Internal(sources[doc.source].name +
                                ": changed while echoes was reading it (a record is missing)");
      break;
    }
    RecordRef ref;
    ref.source = doc.source;
    ref.kind = sources[doc.source].kind == SourceKind::kTextFile ? RecordKind::kTextDocument
                                                                 : RecordKind::kJsonLine;
    ref.size = doc.record_size;
    batch.records.assign(1, ref);
    visit(k, slice, &processor, batch, ref);
  }
  for (int fd : fds) {
    if (fd >= 0) ::close(fd);
  }
  return status;
}

Status PreadRecords(const std::vector<uint32_t>& wanted, const DocumentTable& table,
                    const std::vector<InputSource>& sources, const DedupOptions& options,
                    const SketchOptions* sketch, int threads, const RecordVisitor& visit) {
  const size_t slices = std::max<size_t>(
      1, std::min<size_t>(static_cast<size_t>(threads), wanted.size() / 256 + 1));
  std::vector<Status> status(slices);
  const auto read_slice = [&](size_t slice) {
    status[slice] = PreadSlice(wanted, wanted.size() * slice / slices,
                               wanted.size() * (slice + 1) / slices, slice, table, sources,
                               options, sketch, visit);
  };
  std::vector<std::thread> workers;
  for (size_t slice = 1; slice < slices; ++slice) workers.emplace_back(read_slice, slice);
  read_slice(0);
  for (std::thread& t : workers) t.join();
  for (const Status& s : status) {
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status StreamRecords(const std::vector<uint32_t>& wanted, const DocumentTable& table,
                     const std::vector<InputSource>& sources, const DedupOptions& options,
                     const SketchOptions* sketch, int threads, const RecordVisitor& visit) {
  RecordProcessor processor(&options, &sources, sketch);
  BatchPrefetcher batcher(&sources, kBatchBytes, options.max_record_bytes, threads > 1);
  RecordBatch batch;
  uint64_t index = 0;
  size_t next = 0;
  while (next < wanted.size() && batcher.Next(&batch)) {
    for (const RecordRef& record : batch.records) {
      if (next < wanted.size() && index == wanted[next]) {
        visit(next, 0, &processor, batch, record);
        ++next;
      }
      ++index;
    }
  }
  if (next < wanted.size() || index > table.docs.size()) {
    return Status::Internal(
        "an input changed while echoes was reading it (records missing on a second pass)");
  }
  return Status::Ok();
}

}  // namespace

Status ReadRecordsAgain(const std::vector<uint32_t>& wanted, const DocumentTable& table,
                        const std::vector<InputSource>& sources, const DedupOptions& options,
                        const SketchOptions* sketch, int threads, const RecordVisitor& visit) {
  if (wanted.empty()) return Status::Ok();
  return AllUncompressed(sources)
             ? PreadRecords(wanted, table, sources, options, sketch, threads, visit)
             : StreamRecords(wanted, table, sources, options, sketch, threads, visit);
}

}  // namespace echoes
