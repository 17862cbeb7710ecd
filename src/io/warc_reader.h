// WarcReader: the records of a WARC file (ISO 28500; Common Crawl's WARC and WET),
// streamed from any ByteSource, so .warc.gz with one gzip member per record works.

#ifndef ECHOES_IO_WARC_READER_H_
#define ECHOES_IO_WARC_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "echoes/status.h"
#include "io/byte_source.h"

namespace echoes {

struct WarcRecord {
  std::string type;          // WARC-Type: response, conversion, request, warcinfo…
  std::string record_id;     // WARC-Record-ID, without the angle brackets
  std::string target_uri;    // WARC-Target-URI
  std::string date;          // WARC-Date
  std::string content_type;  // Content-Type of the block
  std::string block;         // the record's content: an HTTP response, WET text…
  uint64_t offset = 0;       // where the record starts in the decompressed stream
};

// For a `response` record: the HTTP status, the charset its Content-Type header names
// (may be empty), whether it says the body is HTML, and the body.
struct HttpResponse {
  int status = 0;
  std::string charset;
  bool html = false;
  std::string_view body;
};
bool ParseHttpResponse(std::string_view block, HttpResponse* out);

class WarcReader {
 public:
  explicit WarcReader(std::unique_ptr<ByteSource> source) : source_(std::move(source)) {}

  // The next record: true and *record filled; false at the clean end of the file.
  // Errors (kCorruptInput): a damaged header, or a file that ends inside a record,
  // with the offset reached; every record before it was returned whole.
  Result<bool> Next(WarcRecord* record, uint64_t max_block_bytes);

  uint64_t offset() const { return offset_; }

 private:
  // Makes at least `bytes` bytes available at buffer_[pos_]; false at the end.
  Result<bool> Fill(size_t bytes);
  Result<bool> ReadLine(std::string_view* line);

  std::unique_ptr<ByteSource> source_;
  std::string buffer_;
  size_t pos_ = 0;
  uint64_t offset_ = 0;  // decompressed bytes consumed before buffer_[pos_]
  bool eof_ = false;
};

}  // namespace echoes

#endif  // ECHOES_IO_WARC_READER_H_
