// ScratchFile: a file of raw bytes that this process writes and reads back (spilled
// sample runs, spilled sketch columns), removed when the object goes.
//
// No header and no byte-order handling: the data never leaves this process on this
// machine. A file shorter than what was written is reported, never guessed at.

#ifndef ECHOES_IO_SCRATCH_FILE_H_
#define ECHOES_IO_SCRATCH_FILE_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "echoes/status.h"

namespace echoes {

// Thread safety: Append from one thread at a time; ReadAt and the mapping may be used
// from any number of threads once writing is over.
class ScratchFile {
 public:
  ScratchFile() = default;
  ~ScratchFile() { Remove(); }
  ScratchFile(const ScratchFile&) = delete;  // owns a descriptor and a file
  ScratchFile& operator=(const ScratchFile&) = delete;

  // Creates (or truncates) the file, readable and writable by this user only.
  // Errors: kIoError with the path and the system's reason.
  Status Create(std::string path);
  // Appends `size` bytes. Errors: kIoError.
  Status Append(const void* data, size_t size);
  // Reads `size` bytes from `offset` into `out`. Errors: kIoError; kInternal if the file
  // is shorter than that.
  Status ReadAt(uint64_t offset, void* out, size_t size) const;
  // Maps the whole file read-only (the kernel pages it in on demand and may drop the
  // pages again: they are the file's, not anonymous memory). The mapping lives until
  // Remove(). Null for an empty file. Errors: kIoError.
  Result<const char*> Map();
  // Unmaps, closes and deletes the file; nothing if it was never created.
  void Remove();

  uint64_t size() const { return size_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
  uint64_t size_ = 0;
  const char* mapped_ = nullptr;
};

}  // namespace echoes

#endif  // ECHOES_IO_SCRATCH_FILE_H_
