// ByteSource: the decompressed bytes of one input file.

#ifndef ECHOES_IO_BYTE_SOURCE_H_
#define ECHOES_IO_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "echoes/status.h"

namespace echoes {

// A stream of bytes read from a file, decompressed if it is gzip (any number of
// members, as pigz and WARC files write them) or zstd. The format is recognised from
// the first bytes, not from the file name.
//
// Thread safety: one thread at a time.
class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `capacity` bytes into `buffer`. Returns the count, 0 at the end of the
  // stream. Errors: kIoError (read failed), kCorruptInput (bad or truncated compressed
  // data: every byte before the damage has already been returned).
  virtual Result<size_t> Read(char* buffer, size_t capacity) = 0;

  // Bytes consumed from the file so far (compressed bytes for compressed files).
  virtual uint64_t consumed() const = 0;

  // "gzip", "zstd" or "plain".
  virtual const char* format() const = 0;
};

// Opens `path`. Errors: kNotFound, kIoError.
Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path);

// All of `path`, decompressed (plain, gzip or zstd, as OpenByteSource reads it).
// Errors: kNotFound, kIoError, kCorruptInput (damaged or truncated compression).
Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace echoes

#endif  // ECHOES_IO_BYTE_SOURCE_H_
