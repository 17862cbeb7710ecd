// RecordBatcher: cuts the inputs into batches of raw records.

#ifndef ECHOES_IO_RECORD_BATCHER_H_
#define ECHOES_IO_RECORD_BATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "io/byte_source.h"
#include "io/input_source.h"
#include "io/record_batch.h"

namespace echoes {

// Reads the sources in order and cuts them into records: a JSONL line that is not
// blank, or a whole text file. Damage becomes a record of kind kUnreadable in the
// place where it was found (a file that cannot be opened, NUL bytes, a record past
// the size limit, a truncated gzip stream), so that nothing is lost silently and the
// sequence of records is the same on every pass over the same files.
//
// Thread safety: one thread at a time.
class RecordBatcher {
 public:
  // `sources` must outlive the batcher. A batch closes after about `batch_bytes`.
  RecordBatcher(const std::vector<InputSource>* sources, size_t batch_bytes,
                uint64_t max_record_bytes);
  RecordBatcher(const RecordBatcher&) = delete;  // owns open files
  RecordBatcher& operator=(const RecordBatcher&) = delete;

  // Replaces *batch with the next records. Returns false, with an empty batch, once
  // every source has been read.
  bool Next(RecordBatch* batch);

  // Bytes consumed from the files so far, as on disk.
  uint64_t consumed_bytes() const;
  // Bytes produced so far, after decompression.
  uint64_t decompressed_bytes() const { return decompressed_; }

 private:
  bool OpenNextSource(RecordBatch* batch);
  void CloseSource();
  // Appends the next block of the current source to batch->bytes; false on damage,
  // which it records in `batch` after dropping the bytes from `uncut` on (the
  // incomplete line).
  bool Fill(RecordBatch* batch, size_t uncut);
  void ReadTextDocument(RecordBatch* batch);
  void ReadJsonlLines(RecordBatch* batch);
  void AddUnreadable(RecordBatch* batch, RejectReason reason, uint64_t line, std::string message);
  // The record batch->bytes[offset, offset + size), which starts at uncut_offset_.
  void AddRecord(RecordBatch* batch, RecordKind kind, uint64_t line, size_t offset, size_t size);

  const std::vector<InputSource>* sources_;
  const size_t batch_bytes_;
  const uint64_t max_record_bytes_;

  size_t next_source_ = 0;
  uint32_t current_ = 0;  // index of the open source
  std::unique_ptr<ByteSource> source_;
  std::string carry_;          // the start of a line read for the batch before, which was full
  uint64_t uncut_offset_ = 0;  // position of the first byte not cut yet in the decompressed stream
  uint64_t line_ = 0;          // lines consumed from the current source
  bool eof_ = false;
  bool first_fill_ = true;
  uint64_t finished_consumed_ = 0;
  uint64_t decompressed_ = 0;
  uint64_t sequence_ = 0;
};

}  // namespace echoes

#endif  // ECHOES_IO_RECORD_BATCHER_H_
