#include "io/batch_prefetcher.h"

namespace echoes {

BatchPrefetcher::BatchPrefetcher(const std::vector<InputSource>* sources, size_t batch_bytes,
                                 uint64_t max_record_bytes, bool background, size_t depth)
    : batcher_(sources, batch_bytes, max_record_bytes), background_(background), depth_(depth) {
  if (background_) thread_ = std::thread([this] { ReadAhead(); });
}

BatchPrefetcher::~BatchPrefetcher() {
  if (!background_) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void BatchPrefetcher::ReadAhead() {
  for (;;) {
    RecordBatch batch;
    const bool more = batcher_.Next(&batch);
    std::unique_lock<std::mutex> lock(mutex_);
    if (!more) {
      done_ = true;
      changed_.notify_all();
      return;
    }
    changed_.wait(lock, [&] { return ready_.size() < depth_ || stopping_; });
    if (stopping_) return;
    ready_.push_back(std::move(batch));
    changed_.notify_all();
  }
}

bool BatchPrefetcher::Next(RecordBatch* batch) {
  if (!background_) return batcher_.Next(batch);
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return !ready_.empty() || done_; });
  if (ready_.empty()) return false;
  *batch = std::move(ready_.front());
  ready_.pop_front();
  changed_.notify_all();
  return true;
}

}  // namespace echoes
