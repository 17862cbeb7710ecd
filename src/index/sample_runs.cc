// SampleRuns: runs are raw arrays of ShingleSample, written and read with plain
// write(2)/read(2): the data never leaves this process and this machine, so no header
// or byte-order handling is worth having; a short run is reported, not guessed at.

#include "index/sample_runs.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <queue>
#include <system_error>
#include <utility>

#include "util/radix_sort.h"

namespace echoes {
namespace {

Status SystemError(const std::string& what, const std::string& path) {
  return Status::IoError(path + ": cannot " + what + ": " + std::strerror(errno));
}

Status WriteAll(int fd, const char* data, size_t size, const std::string& path) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return SystemError("write a sample run", path);
    data += n;
    size -= static_cast<size_t>(n);
  }
  return Status::Ok();
}

// One run being merged: its file and a buffer of the samples read ahead.
class RunReader {
 public:
  RunReader(std::string path, uint64_t samples) : path_(std::move(path)), left_(samples) {}
  ~RunReader() {
    if (fd_ >= 0) ::close(fd_);
  }
  RunReader(const RunReader&) = delete;
  RunReader& operator=(const RunReader&) = delete;

  Status Open() {
    fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return SystemError("open a sample run", path_);
    buffer_.resize(static_cast<size_t>(
        std::min<uint64_t>(left_, SampleRuns::kReadBufferBytes / sizeof(ShingleSample))));
    return Refill();
  }
  bool done() const { return next_ == end_; }
  const ShingleSample& head() const { return buffer_[next_]; }
  Status Advance() {
    ++next_;
    return next_ == end_ ? Refill() : Status::Ok();
  }

 private:
  Status Refill() {
    next_ = end_ = 0;
    const size_t want = static_cast<size_t>(std::min<uint64_t>(left_, buffer_.size()));
    char* data = reinterpret_cast<char*>(buffer_.data());
    size_t got = 0;
    while (got < want * sizeof(ShingleSample)) {
      const ssize_t n = ::read(fd_, data + got, want * sizeof(ShingleSample) - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return SystemError("read a sample run", path_);
      if (n == 0) return Status::Internal(path_ + ": sample run is shorter than written");
      got += static_cast<size_t>(n);
    }
    left_ -= want;
    end_ = want;
    return Status::Ok();
  }

  std::string path_;
  uint64_t left_;  // samples not yet read from the file
  int fd_ = -1;
  std::vector<ShingleSample> buffer_;
  size_t next_ = 0, end_ = 0;
};

}  // namespace

void SortSamplesByHash(std::vector<ShingleSample>* samples) {
  std::vector<ShingleSample> scratch;
  RadixSort(samples, [](const ShingleSample& s) { return uint64_t{s.hash}; }, &scratch);
}

SampleRuns::SampleRuns(std::string dir) : dir_(std::move(dir)) {}

SampleRuns::~SampleRuns() {
  std::error_code ec;
  for (size_t run = 0; run < run_sizes_.size(); ++run) std::filesystem::remove(RunPath(run), ec);
  if (created_dir_) std::filesystem::remove(dir_, ec);
}

std::string SampleRuns::RunPath(size_t run) const {
  return dir_ + "/samples-" + std::to_string(run) + ".run";
}

uint64_t SampleRuns::spilled_samples() const {
  uint64_t total = 0;
  for (uint64_t n : run_sizes_) total += n;
  return total;
}

Status SampleRuns::Spill(std::vector<ShingleSample>* samples) {
  if (run_sizes_.empty()) {
    std::error_code ec;
    created_dir_ = std::filesystem::create_directories(dir_, ec);
    if (ec) return Status::IoError(dir_ + ": cannot create directory: " + ec.message());
  }
  SortSamplesByHash(samples);
  const std::string path = RunPath(run_sizes_.size());
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return SystemError("create a sample run", path);
  run_sizes_.push_back(samples->size());  // listed now, so the destructor removes it
  Status written = WriteAll(fd, reinterpret_cast<const char*>(samples->data()),
                            samples->size() * sizeof(ShingleSample), path);
  if (::close(fd) != 0 && written.ok()) written = SystemError("close a sample run", path);
  std::vector<ShingleSample>().swap(*samples);
  return written;
}

Status SampleRuns::Merge(std::vector<ShingleSample> tail,
                         const std::function<void(const ShingleSample&)>& visit) const {
  SortSamplesByHash(&tail);
  std::vector<std::unique_ptr<RunReader>> readers;
  for (size_t run = 0; run < run_sizes_.size(); ++run) {
    readers.push_back(std::make_unique<RunReader>(RunPath(run), run_sizes_[run]));
    if (Status s = readers.back()->Open(); !s.ok()) return s;
  }
  // The tail is the last run; a heap of (hash, run) keeps equal hashes in run order,
  // which is record order.
  const size_t tail_run = readers.size();
  size_t tail_next = 0;
  const auto head_of = [&](size_t run) -> const ShingleSample& {
    return run == tail_run ? tail[tail_next] : readers[run]->head();
  };
  using Entry = std::pair<uint32_t, size_t>;  // (hash, run)
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heads;
  for (size_t run = 0; run < readers.size(); ++run) {
    if (!readers[run]->done()) heads.push({readers[run]->head().hash, run});
  }
  if (!tail.empty()) heads.push({tail[0].hash, tail_run});
  while (!heads.empty()) {
    const size_t run = heads.top().second;
    heads.pop();
    // Every sample of this run with the same hash comes before any later run's.
    const uint32_t hash = head_of(run).hash;
    bool more = false;
    if (run == tail_run) {
      while (tail_next < tail.size() && tail[tail_next].hash == hash) visit(tail[tail_next++]);
      more = tail_next < tail.size();
    } else {
      RunReader& reader = *readers[run];
      while (!reader.done() && reader.head().hash == hash) {
        visit(reader.head());
        if (Status s = reader.Advance(); !s.ok()) return s;
      }
      more = !reader.done();
    }
    if (more) heads.push({head_of(run).hash, run});
  }
  return Status::Ok();
}

}  // namespace echoes
