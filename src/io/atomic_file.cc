// AtomicFile: temp file + rename(2), which is atomic within one file system.

#include "io/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace echoes {
namespace {
constexpr size_t kBufferBytes = 1 << 20;
}  // namespace

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(temp_path_.c_str());
  }
}

Status AtomicFile::Open(const std::string& dir, const std::string& name) {
  final_path_ = dir + "/" + name;
  temp_path_ = dir + "/." + name + ".tmp-" + std::to_string(::getpid());
  fd_ = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) return Status::IoError(temp_path_ + ": cannot create: " + std::strerror(errno));
  buffer_.reserve(kBufferBytes);
  return Status::Ok();
}

Status AtomicFile::Append(std::string_view bytes) {
  if (!error_.ok()) return error_;
  buffer_.append(bytes);
  if (buffer_.size() >= kBufferBytes) error_ = Flush();
  return error_;
}

Status AtomicFile::Flush() {
  size_t done = 0;
  while (done < buffer_.size()) {
    ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(temp_path_ + ": write failed: " + std::strerror(errno));
    }
    done += static_cast<size_t>(n);
  }
  buffer_.clear();
  return Status::Ok();
}

Status AtomicFile::Commit() {
  if (fd_ < 0) return Status::Internal("AtomicFile::Commit without Open");
  if (error_.ok()) error_ = Flush();
  if (!error_.ok()) return error_;
  if (::close(fd_) != 0) {
    fd_ = -1;
    ::unlink(temp_path_.c_str());
    return Status::IoError(temp_path_ + ": close failed: " + std::strerror(errno));
  }
  fd_ = -1;
  if (::rename(temp_path_.c_str(), final_path_.c_str()) != 0) {
    ::unlink(temp_path_.c_str());
    return Status::IoError(final_path_ + ": rename failed: " + std::strerror(errno));
  }
  return Status::Ok();
}

}  // namespace echoes
