// RecordBatch: raw records cut from the inputs, handed from the reader to the workers.

#ifndef ECHOES_IO_RECORD_BATCH_H_
#define ECHOES_IO_RECORD_BATCH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace echoes {

// Why a record could not be used. Each has a stable name for stats.json.
enum class RejectReason : uint8_t {
  kInvalidJson,    ///< the line is not one valid JSON object
  kMissingText,    ///< the object has no text field
  kTextNotString,  ///< the text field is not a string
  kEmptyText,      ///< the text has no letters or digits
  kTooLarge,       ///< the record is larger than max_record_bytes
  kBinary,         ///< the file holds NUL bytes: binary data, or UTF-16 text
  kCorruptInput,   ///< the compressed stream is damaged or truncated here
  kUnreadable,     ///< the file could not be opened or read
};

// "invalid_json", "missing_text", ...
const char* RejectReasonName(RejectReason reason);

enum class RecordKind : uint8_t {
  kJsonLine,      // bytes are one JSONL line, without its newline
  kTextDocument,  // bytes are a whole text file
  kUnreadable,    // no usable bytes; `reason` and `message` say why
};

struct RecordRef {
  uint32_t source = 0;  // index into the input list
  RecordKind kind = RecordKind::kJsonLine;
  RejectReason reason = RejectReason::kUnreadable;  // kUnreadable only
  uint64_t line = 0;    // 1-based line in the decompressed file; 0 = the file as a whole
  uint64_t offset = 0;  // kUnreadable: index into RecordBatch::messages; else into bytes
  uint64_t size = 0;
  uint64_t stream_offset = 0;  // where the record starts in its decompressed source
};

// Records in read order. The bytes are followed by at least kPadding readable bytes so
// that simdjson can parse a record in place.
struct RecordBatch {
  static constexpr size_t kPadding = 64;

  uint64_t sequence = 0;  // position of this batch in the run
  std::string bytes;
  std::vector<RecordRef> records;
  std::vector<std::string> messages;

  std::string_view BytesOf(const RecordRef& r) const {
    return std::string_view(bytes).substr(r.offset, r.size);
  }
  void Clear() {
    bytes.clear();
    records.clear();
    messages.clear();
  }
};

}  // namespace echoes

#endif  // ECHOES_IO_RECORD_BATCH_H_
