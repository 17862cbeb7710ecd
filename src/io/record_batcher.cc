// RecordBatcher: sources → batches of raw records.
//
// Bytes are read in 1 MiB blocks straight into the batch, and lines are cut where they
// lie: a record's bytes are copied by the kernel once and never again. The start of a
// line that does not fit moves on to the next batch, so a record never straddles two
// batches and each batch can be parsed on its own thread. A line longer than the size
// limit is not buffered: the batcher reports it and skips to the next newline, so a
// 10 GB line costs 1 MiB.

#include "io/record_batcher.h"

#include <cstring>

namespace echoes {
namespace {

constexpr size_t kReadBlockBytes = 1 << 20;
constexpr size_t kBinarySniffBytes = 8192;

bool IsBlank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace

const char* RejectReasonName(RejectReason reason) {
  switch (reason) {
    case RejectReason::kInvalidJson:
      return "invalid_json";
    case RejectReason::kMissingText:
      return "missing_text";
    case RejectReason::kTextNotString:
      return "text_not_string";
    case RejectReason::kEmptyText:
      return "empty_text";
    case RejectReason::kTooLarge:
      return "too_large";
    case RejectReason::kBinary:
      return "binary";
    case RejectReason::kCorruptInput:
      return "corrupt_input";
    case RejectReason::kUnreadable:
      return "unreadable";
  }
  return "unknown";
}

RecordBatcher::RecordBatcher(const std::vector<InputSource>* sources, size_t batch_bytes,
                             uint64_t max_record_bytes)
    : sources_(sources), batch_bytes_(batch_bytes), max_record_bytes_(max_record_bytes) {}

uint64_t RecordBatcher::consumed_bytes() const {
  return finished_consumed_ + (source_ ? source_->consumed() : 0);
}

bool RecordBatcher::Next(RecordBatch* batch) {
  batch->Clear();
  // Room for a full batch, the block that overshoots it and the padding, so that
  // reading never moves the bytes already in the batch.
  batch->bytes.reserve(batch_bytes_ + kReadBlockBytes + RecordBatch::kPadding);
  while (batch->bytes.size() < batch_bytes_) {
    if (!source_) {
      if (!OpenNextSource(batch)) break;
      continue;
    }
    const SourceKind kind = (*sources_)[current_].kind;
    if (kind == SourceKind::kTextFile || kind == SourceKind::kHtmlFile) {
      ReadTextDocument(batch);
    } else if (kind == SourceKind::kWarc) {
      AddUnreadable(batch, RejectReason::kUnreadable, 0,
                    "a WARC file: run `echoes clean` on it first, then dedup its output");
      CloseSource();
    } else {
      ReadJsonlLines(batch);
    }
  }
  if (batch->records.empty()) return false;
  batch->sequence = sequence_++;
  batch->bytes.append(RecordBatch::kPadding, '\0');
  return true;
}

bool RecordBatcher::OpenNextSource(RecordBatch* batch) {
  while (next_source_ < sources_->size()) {
    current_ = static_cast<uint32_t>(next_source_++);
    carry_.clear();
    uncut_offset_ = 0;
    line_ = 0;
    eof_ = false;
    first_fill_ = true;
    Result<std::unique_ptr<ByteSource>> opened = OpenByteSource((*sources_)[current_].path);
    if (!opened.ok()) {
      AddUnreadable(batch, RejectReason::kUnreadable, 0, opened.status().message());
      return true;
    }
    source_ = std::move(opened).value();
    return true;
  }
  return false;
}

void RecordBatcher::CloseSource() {
  if (source_) finished_consumed_ += source_->consumed();
  source_.reset();
  carry_.clear();
}

bool RecordBatcher::Fill(RecordBatch* batch, size_t uncut) {
  std::string& bytes = batch->bytes;
  const size_t old_size = bytes.size();
  bytes.resize(old_size + kReadBlockBytes);
  Result<size_t> n = source_->Read(bytes.data() + old_size, kReadBlockBytes);
  bytes.resize(old_size + (n.ok() ? n.value() : 0));
  if (!n.ok()) {
    const std::string_view partial = std::string_view(bytes).substr(uncut);
    std::string message = n.status().message();
    if (!IsBlank(partial)) message += "; line " + std::to_string(line_ + 1) + " is incomplete";
    bytes.resize(uncut);
    AddUnreadable(batch,
                  n.status().code() == StatusCode::kCorruptInput ? RejectReason::kCorruptInput
                                                                 : RejectReason::kUnreadable,
                  line_ + 1, std::move(message));
    CloseSource();
    return false;
  }
  decompressed_ += n.value();
  if (first_fill_) {
    first_fill_ = false;
    const size_t sniff = std::min(bytes.size() - uncut, kBinarySniffBytes);
    if (std::memchr(bytes.data() + uncut, '\0', sniff) != nullptr) {
      bytes.resize(uncut);
      AddUnreadable(batch, RejectReason::kBinary, 0,
                    (*sources_)[current_].name +
                        ": binary file (NUL bytes in the first 8 KiB; UTF-16 text is not "
                        "supported, convert it to UTF-8)");
      CloseSource();
      return false;
    }
  }
  if (n.value() == 0) eof_ = true;
  return true;
}

void RecordBatcher::ReadTextDocument(RecordBatch* batch) {
  const size_t start = batch->bytes.size();
  while (!eof_) {
    if (!Fill(batch, start)) return;  // damage recorded, source closed
    if (batch->bytes.size() - start > max_record_bytes_) {
      batch->bytes.resize(start);
      AddUnreadable(batch, RejectReason::kTooLarge, 1,
                    "document larger than the limit of " + std::to_string(max_record_bytes_) +
                        " bytes (--max-record-mb)");
      CloseSource();
      return;
    }
  }
  AddRecord(batch, RecordKind::kTextDocument, 1, start, batch->bytes.size() - start);
  CloseSource();
}

void RecordBatcher::ReadJsonlLines(RecordBatch* batch) {
  std::string& bytes = batch->bytes;
  size_t uncut = bytes.size();  // bytes[uncut, size) are read but not cut into lines yet
  bytes.append(carry_);
  carry_.clear();
  // Moves the cut point past `length` bytes of the source.
  const auto advance = [&](size_t length) {
    uncut += length;
    uncut_offset_ += length;
  };
  for (;;) {
    const char* start = bytes.data() + uncut;
    const size_t available = bytes.size() - uncut;
    const void* newline = std::memchr(start, '\n', available);
    if (newline != nullptr) {
      const size_t length = static_cast<size_t>(static_cast<const char*>(newline) - start);
      ++line_;
      if (length > max_record_bytes_) {
        AddUnreadable(batch, RejectReason::kTooLarge, line_,
                      "record larger than the limit of " + std::to_string(max_record_bytes_) +
                          " bytes (--max-record-mb)");
      } else {
        AddRecord(batch, RecordKind::kJsonLine, line_, uncut, length);
      }
      advance(length + 1);
      continue;
    }
    if (available > max_record_bytes_) {
      // Report the oversized line now and drop it block by block up to its newline.
      ++line_;
      AddUnreadable(batch, RejectReason::kTooLarge, line_,
                    "record larger than the limit of " + std::to_string(max_record_bytes_) +
                        " bytes (--max-record-mb)");
      for (;;) {
        uncut_offset_ += bytes.size() - uncut;
        bytes.resize(uncut);
        if (eof_) break;
        if (!Fill(batch, uncut)) return;
        const char* from = bytes.data() + uncut;  // Fill may have moved the bytes
        const void* end = std::memchr(from, '\n', bytes.size() - uncut);
        if (end != nullptr) {
          const size_t dropped = static_cast<size_t>(static_cast<const char*>(end) - from) + 1;
          uncut_offset_ += dropped;
          bytes.erase(uncut, dropped);
          break;
        }
      }
      continue;
    }
    if (eof_) {
      if (available > 0) {
        ++line_;
        AddRecord(batch, RecordKind::kJsonLine, line_, uncut, available);
        advance(available);
      }
      CloseSource();
      return;
    }
    if (uncut >= batch_bytes_) {
      // The batch is full: the start of the next line waits for the next batch.
      carry_.assign(bytes, uncut, std::string::npos);
      bytes.resize(uncut);
      return;
    }
    if (!Fill(batch, uncut)) return;  // damage recorded, source closed
  }
}

void RecordBatcher::AddUnreadable(RecordBatch* batch, RejectReason reason, uint64_t line,
                                  std::string message) {
  RecordRef r;
  r.source = current_;
  r.kind = RecordKind::kUnreadable;
  r.reason = reason;
  r.line = line;
  r.offset = batch->messages.size();
  batch->messages.push_back(std::move(message));
  batch->records.push_back(r);
}

void RecordBatcher::AddRecord(RecordBatch* batch, RecordKind kind, uint64_t line, size_t offset,
                              size_t size) {
  if (kind == RecordKind::kJsonLine &&
      IsBlank(std::string_view(batch->bytes).substr(offset, size))) {
    return;
  }
  RecordRef r;
  r.source = current_;
  r.kind = kind;
  r.line = line;
  r.stream_offset = uncut_offset_;
  r.offset = offset;
  r.size = size;
  batch->records.push_back(r);
}

}  // namespace echoes
