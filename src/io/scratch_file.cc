// ScratchFile over plain open/write/pread/mmap.

#include "io/scratch_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace echoes {
namespace {

Status SystemError(const std::string& what, const std::string& path) {
  return Status::IoError(path + ": cannot " + what + ": " + std::strerror(errno));
}

}  // namespace

Status ScratchFile::Create(std::string path) {
  Remove();
  path_ = std::move(path);
  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd_ < 0) return SystemError("create a scratch file", path_);
  size_ = 0;
  return Status::Ok();
}

Status ScratchFile::Append(const void* data, size_t size) {
  const char* bytes = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd_, bytes, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return SystemError("write", path_);
    bytes += n;
    size -= static_cast<size_t>(n);
    size_ += static_cast<uint64_t>(n);
  }
  return Status::Ok();
}

Status ScratchFile::ReadAt(uint64_t offset, void* out, size_t size) const {
  char* bytes = static_cast<char*>(out);
  while (size > 0) {
    const ssize_t n = ::pread(fd_, bytes, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return SystemError("read", path_);
    if (n == 0) return Status::Internal(path_ + ": scratch file is shorter than written");
    bytes += n;
    size -= static_cast<size_t>(n);
    offset += static_cast<uint64_t>(n);
  }
  return Status::Ok();
}

Result<const char*> ScratchFile::Map() {
  if (mapped_ != nullptr || size_ == 0) return mapped_;
  void* at = ::mmap(nullptr, size_, PROT_READ, MAP_SHARED, fd_, 0);
  if (at == MAP_FAILED) return SystemError("map", path_);
  mapped_ = static_cast<const char*>(at);
  return mapped_;
}

void ScratchFile::Remove() {
  if (mapped_ != nullptr) ::munmap(const_cast<char*>(mapped_), size_);
  mapped_ = nullptr;
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(path_.c_str());
  }
  fd_ = -1;
  size_ = 0;
}

}  // namespace echoes
