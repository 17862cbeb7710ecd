// AtomicFile: temp file + rename(2), which is atomic within one file system.

#include "io/atomic_file.h"

#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>

namespace echoes {
namespace {
constexpr size_t kBufferBytes = 1 << 20;
// Kept records are copied from their input in blocks of this size: one pread and one
// writev per block. Measured on ext4 for 1.1 GB in 57k ranges: 0.20-0.27 s, against
// 0.43-0.62 s for one sendfile per range (each sets up a kernel pipe) and 0.30-0.38 s
// for one pread per range into the write buffer.
constexpr uint64_t kBlockBytes = 8 << 20;
constexpr size_t kMaxRangesPerWrite = IOV_MAX;
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
  if (!ranges_.empty()) error_ = FlushRanges();
  if (!error_.ok()) return error_;
  buffer_.append(bytes);
  if (buffer_.size() >= kBufferBytes) error_ = FlushBuffer();
  return error_;
}

Status AtomicFile::Flush() {
  Status status = FlushRanges();
  return status.ok() ? FlushBuffer() : status;
}

Status AtomicFile::FlushBuffer() {
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

Status AtomicFile::FlushRanges() {
  iovec* next = ranges_.data();
  size_t left = ranges_.size();
  while (left > 0) {
    const ssize_t n = ::writev(fd_, next, static_cast<int>(std::min(left, kMaxRangesPerWrite)));
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(temp_path_ + ": write failed: " + std::strerror(errno));
    }
    // A short write ends anywhere: skip the ranges it finished, trim the one it cut.
    size_t written = static_cast<size_t>(n);
    while (left > 0 && written >= next->iov_len) {
      written -= next->iov_len;
      ++next;
      --left;
    }
    if (left > 0) {
      next->iov_base = static_cast<char*>(next->iov_base) + written;
      next->iov_len -= written;
    }
  }
  ranges_.clear();
  block_fd_ = -1;  // a block is reused only by the ranges that directly follow it
  return Status::Ok();
}

Status AtomicFile::ReadBlock(int in_fd, uint64_t offset, uint64_t size,
                             const std::string& in_name) {
  const uint64_t want = std::max(kBlockBytes, size);
  if (want > block_capacity_) {
    block_.reset(new char[want]);  // not zeroed: pread fills what is used
    block_capacity_ = want;
  }
  block_fd_ = -1;
  block_size_ = 0;
  while (block_size_ < want) {
    const ssize_t n = ::pread(in_fd, block_.get() + block_size_, want - block_size_,
                              static_cast<off_t>(offset + block_size_));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IoError(in_name + ": read failed: " + std::strerror(errno));
    if (n == 0) break;  // the end of the input
    block_size_ += static_cast<uint64_t>(n);
  }
  if (block_size_ < size) {
    block_size_ = 0;
    return Status::Internal(in_name + ": changed while echoes was reading it");
  }
  block_fd_ = in_fd;
  block_begin_ = offset;
  return Status::Ok();
}

Status AtomicFile::AppendFileRange(int in_fd, uint64_t offset, uint64_t size,
                                   const std::string& in_name) {
  if (!error_.ok()) return error_;
  if (size == 0) return error_;
  const bool in_block = in_fd == block_fd_ && offset >= block_begin_ &&
                        offset + size <= block_begin_ + block_size_;
  // A block stays valid only while ranges of it are pending (Append flushes them and
  // drops it), so the buffer is empty whenever the range lies in the block.
  if (!in_block) {
    // The pending ranges point into the block about to be replaced.
    error_ = Flush();
    if (error_.ok()) error_ = ReadBlock(in_fd, offset, size, in_name);
    if (!error_.ok()) return error_;
  }
  ranges_.push_back({block_.get() + (offset - block_begin_), size});
  return error_;
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
