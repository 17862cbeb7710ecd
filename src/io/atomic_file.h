// AtomicFile: an output file that appears whole or not at all.

#ifndef ECHOES_IO_ATOMIC_FILE_H_
#define ECHOES_IO_ATOMIC_FILE_H_

#include <sys/uio.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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
  // Appends `size` bytes of the open file `in_fd` from `offset`. Ranges met in rising
  // order are read in large blocks and written with one gathered write per block, so
  // many small ranges cost few system calls; `in_fd` must not be closed or reused for
  // another file until the next call of any other method. `in_name` names the input
  // in messages.
  // Errors: kIoError; kInternal if the input is shorter than that now.
  Status AppendFileRange(int in_fd, uint64_t offset, uint64_t size, const std::string& in_name);
  // Flushes, closes and renames into place. Errors: kIoError.
  Status Commit();

 private:
  // Writes whatever is pending: the gathered ranges, then the buffer (only one of the
  // two is ever non-empty).
  Status Flush();
  Status FlushBuffer();
  Status FlushRanges();
  // Reads at least `size` bytes of `in_fd` from `offset` into the block.
  Status ReadBlock(int in_fd, uint64_t offset, uint64_t size, const std::string& in_name);

  int fd_ = -1;
  std::string temp_path_;
  std::string final_path_;
  std::string buffer_;
  // A block of an input, [block_begin_, block_begin_ + block_size_) of block_fd_, and the
  // ranges of it still to be written.
  std::unique_ptr<char[]> block_;
  uint64_t block_capacity_ = 0;
  int block_fd_ = -1;
  uint64_t block_begin_ = 0;
  uint64_t block_size_ = 0;
  std::vector<iovec> ranges_;
  Status error_;
};

}  // namespace echoes

#endif  // ECHOES_IO_ATOMIC_FILE_H_
