// ByteSource implementations: plain files, gzip (zlib) and zstd.
//
// All three read the file with large read() calls into a fixed buffer (faster than
// mmap on a cold or warm page cache here, see PERFORMANCE.md). The compressed readers
// treat "input ended before the stream did" as damage, so a truncated download is
// reported rather than silently taken as complete.

#include "io/byte_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

namespace echoes {
namespace {

constexpr size_t kFileBufferBytes = 1 << 20;

// Owns a file descriptor and reads it in large blocks.
class File {
 public:
  File(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  ~File() { ::close(fd_); }
  File(const File&) = delete;  // owns the descriptor
  File& operator=(const File&) = delete;

  Result<size_t> Read(char* buffer, size_t capacity) {
    for (;;) {
      ssize_t n = ::read(fd_, buffer, capacity);
      if (n >= 0) {
        consumed_ += static_cast<uint64_t>(n);
        return static_cast<size_t>(n);
      }
      if (errno == EINTR) continue;
      return Status::IoError(path_ + ": read failed: " + std::strerror(errno));
    }
  }
  uint64_t consumed() const { return consumed_; }
  const std::string& path() const { return path_; }

 private:
  int fd_;
  std::string path_;
  uint64_t consumed_ = 0;
};

class PlainSource : public ByteSource {
 public:
  PlainSource(std::unique_ptr<File> file, std::string prefix)
      : file_(std::move(file)), prefix_(std::move(prefix)) {}

  Result<size_t> Read(char* buffer, size_t capacity) override {
    size_t n = std::min(capacity, prefix_.size() - prefix_pos_);
    std::memcpy(buffer, prefix_.data() + prefix_pos_, n);
    prefix_pos_ += n;
    if (n == capacity) return n;
    Result<size_t> more = file_->Read(buffer + n, capacity - n);
    if (!more.ok()) return more.status();
    return n + more.value();
  }
  uint64_t consumed() const override { return file_->consumed(); }
  const char* format() const override { return "plain"; }

 private:
  std::unique_ptr<File> file_;
  std::string prefix_;  // bytes read while sniffing the format
  size_t prefix_pos_ = 0;
};

class GzipSource : public ByteSource {
 public:
  GzipSource(std::unique_ptr<File> file, std::string prefix)
      : file_(std::move(file)), in_(std::move(prefix)) {
    const size_t prefix_size = in_.size();
    in_.resize(std::max(prefix_size, kFileBufferBytes));
    std::memset(&stream_, 0, sizeof stream_);
    ok_ = inflateInit2(&stream_, 15 + 16) == Z_OK;  // gzip wrapper only
    stream_.next_in = reinterpret_cast<Bytef*>(in_.data());
    stream_.avail_in = static_cast<uInt>(prefix_size);
  }
  ~GzipSource() override { inflateEnd(&stream_); }

  Result<size_t> Read(char* buffer, size_t capacity) override {
    if (!ok_) return Status::Internal(file_->path() + ": zlib initialisation failed");
    if (!pending_.ok()) return std::exchange(pending_, Status::Ok());
    if (done_) return size_t{0};
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(std::min<size_t>(capacity, 1u << 30));
    const size_t asked = stream_.avail_out;
    while (stream_.avail_out > 0 && !done_) {
      if (stream_.avail_in == 0 && !eof_) {
        Result<size_t> n = file_->Read(in_.data(), in_.size());
        if (!n.ok()) return n.status();
        if (n.value() == 0) eof_ = true;
        stream_.next_in = reinterpret_cast<Bytef*>(in_.data());
        stream_.avail_in = static_cast<uInt>(n.value());
      }
      if (stream_.avail_in == 0 && eof_) {
        if (in_member_) Damage("truncated gzip stream (the file ends inside a member)");
        done_ = true;
        break;
      }
      in_member_ = true;
      int rc = inflate(&stream_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&stream_);  // another member may follow
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        Damage(std::string("corrupt gzip data: ") +
               (stream_.msg != nullptr ? stream_.msg : "inflate failed"));
      }
    }
    const size_t produced = asked - stream_.avail_out;
    // Hand out the bytes before the damage first; report it on the next call.
    if (produced == 0 && !pending_.ok()) return std::exchange(pending_, Status::Ok());
    return produced;
  }
  uint64_t consumed() const override { return file_->consumed() - stream_.avail_in; }
  const char* format() const override { return "gzip"; }

 private:
  void Damage(const std::string& what) {
    done_ = true;
    pending_ = Status::CorruptInput(file_->path() + ": " + what + " (" +
                                    std::to_string(consumed()) + " compressed bytes read)");
  }

  std::unique_ptr<File> file_;
  std::string in_;
  z_stream stream_;
  Status pending_;  // damage found after some bytes were returned
  bool ok_ = false;
  bool eof_ = false;
  bool done_ = false;
  bool in_member_ = false;
};

class ZstdSource : public ByteSource {
 public:
  ZstdSource(std::unique_ptr<File> file, std::string prefix)
      : file_(std::move(file)), in_(std::move(prefix)), stream_(ZSTD_createDStream()) {
    in_input_ = {in_.data(), in_.size(), 0};
  }
  ~ZstdSource() override { ZSTD_freeDStream(stream_); }

  Result<size_t> Read(char* buffer, size_t capacity) override {
    if (!pending_.ok()) return std::exchange(pending_, Status::Ok());
    if (done_) return size_t{0};
    ZSTD_outBuffer out{buffer, capacity, 0};
    while (out.pos < out.size && !done_) {
      if (in_input_.pos == in_input_.size && !eof_) {
        in_.resize(kFileBufferBytes);
        Result<size_t> n = file_->Read(in_.data(), in_.size());
        if (!n.ok()) return n.status();
        if (n.value() == 0) eof_ = true;
        in_input_ = {in_.data(), n.value(), 0};
      }
      if (in_input_.pos == in_input_.size && eof_) {
        // No input left: a clean end lies between frames; inside one, the decoder
        // may still hold output to flush, and if it has none the file was cut.
        if (last_hint_ == 0) {
          done_ = true;
          break;
        }
        const size_t before = out.pos;
        const size_t hint = ZSTD_decompressStream(stream_, &out, &in_input_);
        if (ZSTD_isError(hint)) {
          Damage(std::string("corrupt zstd data: ") + ZSTD_getErrorName(hint));
        } else if (out.pos == before) {
          Damage("truncated zstd stream (the file ends inside a frame)");
        } else {
          last_hint_ = hint;
        }
        continue;
      }
      const size_t hint = ZSTD_decompressStream(stream_, &out, &in_input_);
      if (ZSTD_isError(hint)) {
        Damage(std::string("corrupt zstd data: ") + ZSTD_getErrorName(hint));
      } else {
        last_hint_ = hint;  // 0 exactly when a frame is complete and flushed
      }
    }
    if (out.pos == 0 && !pending_.ok()) return std::exchange(pending_, Status::Ok());
    return out.pos;
  }
  uint64_t consumed() const override {
    return file_->consumed() - (in_input_.size - in_input_.pos);
  }
  const char* format() const override { return "zstd"; }

 private:
  void Damage(const std::string& what) {
    done_ = true;
    pending_ = Status::CorruptInput(file_->path() + ": " + what + " (" +
                                    std::to_string(consumed()) + " compressed bytes read)");
  }

  std::unique_ptr<File> file_;
  std::string in_;
  ZSTD_inBuffer in_input_;
  ZSTD_DStream* stream_;
  Status pending_;  // damage found after some bytes were returned
  size_t last_hint_ = 0;
  bool eof_ = false;
  bool done_ = false;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound(path + ": no such file");
    return Status::IoError(path + ": cannot open: " + std::strerror(errno));
  }
  auto file = std::make_unique<File>(fd, path);
  // Sniff the format from the first bytes; they are handed on to the reader.
  std::string prefix(4, '\0');
  size_t have = 0;
  while (have < prefix.size()) {
    Result<size_t> n = file->Read(prefix.data() + have, prefix.size() - have);
    if (!n.ok()) return n.status();
    if (n.value() == 0) break;
    have += n.value();
  }
  prefix.resize(have);
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(prefix[i]); };
  if (have >= 2 && byte(0) == 0x1F && byte(1) == 0x8B) {
    return std::unique_ptr<ByteSource>(new GzipSource(std::move(file), std::move(prefix)));
  }
  if (have >= 4 && byte(0) == 0x28 && byte(1) == 0xB5 && byte(2) == 0x2F && byte(3) == 0xFD) {
    return std::unique_ptr<ByteSource>(new ZstdSource(std::move(file), std::move(prefix)));
  }
  return std::unique_ptr<ByteSource>(new PlainSource(std::move(file), std::move(prefix)));
}

Result<std::string> ReadWholeFile(const std::string& path) {
  Result<std::unique_ptr<ByteSource>> source = OpenByteSource(path);
  if (!source.ok()) return source.status();
  // Read through a fixed buffer and append: growing the string by a chunk first
  // would zero the chunk (and fault its pages in) for every file, however small.
  std::string out;
  std::vector<char> chunk(1 << 16);
  for (;;) {
    Result<size_t> n = source.value()->Read(chunk.data(), chunk.size());
    if (!n.ok()) return n.status();
    if (n.value() == 0) {
      out.shrink_to_fit();  // callers keep many files; do not hold spare capacity each
      return out;
    }
    out.append(chunk.data(), n.value());
  }
}

}  // namespace echoes
