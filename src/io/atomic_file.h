// AtomicFile: an output file that appears whole or not at all.

#ifndef ECHOES_IO_ATOMIC_FILE_H_
#define ECHOES_IO_ATOMIC_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "echoes/status.h"

namespace echoes {

// Writes to "<dir>/.<name>.tmp-<pid>" and renames it to "<dir>/<name>" on Commit(),
// so that a killed run never leaves a truncated file under the final name. Writes are
// buffered (1 MiB). A file dropped without Commit() is removed.
//
// Thread safety: one thread at a time.
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;  // owns a descriptor and a temp file
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Creates the temporary file. Errors: kIoError.
  Status Open(const std::string& dir, const std::string& name);
  // Appends bytes. Errors (kIoError) are sticky and also returned by Commit().
  Status Append(std::string_view bytes);
  // Appends `size` bytes of the open file `in_fd` from `offset`, copied in the kernel
  // (sendfile) where the system allows it. `in_name` names the input in
  // messages. Errors: kIoError; kInternal if the input is shorter than that now.
  Status AppendFileRange(int in_fd, uint64_t offset, uint64_t size, const std::string& in_name);
  // Flushes, closes and renames into place. Errors: kIoError.
  Status Commit();

 private:
  Status Flush();
  // Appends `size` bytes of `in_fd` from `offset` to the buffer (flushing if full).
  Status ReadIntoBuffer(int in_fd, uint64_t offset, uint64_t size, const std::string& in_name);

  int fd_ = -1;
  std::string temp_path_;
  std::string final_path_;
  std::string buffer_;
  Status error_;
};

}  // namespace echoes

#endif  // ECHOES_IO_ATOMIC_FILE_H_
