// SampleRuns: each run is a ScratchFile holding a raw array of ShingleSample, read back
// through a buffer as the merge advances.

#include "index/sample_runs.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <queue>
#include <system_error>
#include <utility>

#include "util/huge_pages.h"
#include "util/radix_sort.h"

namespace echoes {
namespace {

// One run being merged: its file and a buffer of the samples read ahead.
class RunReader {
 public:
  RunReader(const ScratchFile* file, uint64_t samples) : file_(file), left_(samples) {}

  Status Open() {
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
    if (Status s = file_->ReadAt(offset_, buffer_.data(), want * sizeof(ShingleSample)); !s.ok()) {
      return s;
    }
    offset_ += want * sizeof(ShingleSample);
    left_ -= want;
    end_ = want;
    return Status::Ok();
  }

  const ScratchFile* file_;
  uint64_t left_;  // samples not yet read from the file
  uint64_t offset_ = 0;
  std::vector<ShingleSample> buffer_;
  size_t next_ = 0, end_ = 0;
};

}  // namespace

void SortSamplesByHash(std::vector<ShingleSample>* samples) {
  std::vector<ShingleSample> scratch;
  scratch.reserve(samples->size());  // fresh memory: faulted in 2 MB at a time
  AdviseHugePages(scratch.data(), scratch.capacity() * sizeof(ShingleSample));
  RadixSort(samples, [](const ShingleSample& s) { return uint64_t{s.hash}; }, &scratch);
}

SampleRuns::SampleRuns(std::string dir) : dir_(std::move(dir)) {}

SampleRuns::~SampleRuns() {
  runs_.clear();  // removes the files, so that the directory is empty
  std::error_code ec;
  if (created_dir_) std::filesystem::remove(dir_, ec);
}

uint64_t SampleRuns::spilled_samples() const {
  uint64_t total = 0;
  for (uint64_t n : run_sizes_) total += n;
  return total;
}

Status SampleRuns::Spill(std::vector<ShingleSample>* samples) {
  if (runs_.empty()) {
    std::error_code ec;
    created_dir_ = std::filesystem::create_directories(dir_, ec);
    if (ec) return Status::IoError(dir_ + ": cannot create directory: " + ec.message());
  }
  SortSamplesByHash(samples);
  runs_.push_back(std::make_unique<ScratchFile>());  // listed now, so the destructor removes it
  run_sizes_.push_back(samples->size());
  ScratchFile& run = *runs_.back();
  Status written = run.Create(dir_ + "/samples-" + std::to_string(runs_.size() - 1) + ".run");
  if (written.ok()) written = run.Append(samples->data(), samples->size() * sizeof(ShingleSample));
  std::vector<ShingleSample>().swap(*samples);
  return written;
}

Status SampleRuns::Merge(std::vector<ShingleSample> tail,
                         const std::function<void(const ShingleSample&)>& visit) const {
  SortSamplesByHash(&tail);
  std::vector<std::unique_ptr<RunReader>> readers;
  for (size_t run = 0; run < runs_.size(); ++run) {
    readers.push_back(std::make_unique<RunReader>(runs_[run].get(), run_sizes_[run]));
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
