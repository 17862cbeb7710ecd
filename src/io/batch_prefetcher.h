// BatchPrefetcher: a RecordBatcher running one batch ahead on its own thread.

#ifndef ECHOES_IO_BATCH_PREFETCHER_H_
#define ECHOES_IO_BATCH_PREFETCHER_H_

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "io/input_source.h"
#include "io/record_batcher.h"

namespace echoes {

// Hands out the same batches as RecordBatcher::Next, in the same order, while the next
// ones are read and cut on a background thread (at most `depth` waiting). Passes that
// mostly copy bytes (writing kept.jsonl) then overlap reading with writing.
// With `background` false it is a plain RecordBatcher on the calling thread.
//
// Thread safety: Next() from one thread at a time.
class BatchPrefetcher {
 public:
  // `sources` must outlive the prefetcher.
  BatchPrefetcher(const std::vector<InputSource>* sources, size_t batch_bytes,
                  uint64_t max_record_bytes, bool background, size_t depth = 2);
  ~BatchPrefetcher();                                // stops and joins the reading thread
  BatchPrefetcher(const BatchPrefetcher&) = delete;  // owns a thread
  BatchPrefetcher& operator=(const BatchPrefetcher&) = delete;

  // Replaces *batch with the next batch; false at the end of the input.
  bool Next(RecordBatch* batch);

 private:
  void ReadAhead();

  RecordBatcher batcher_;
  const bool background_;
  const size_t depth_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<RecordBatch> ready_;  // guarded by mutex_
  bool done_ = false;              // guarded by mutex_: the batcher is exhausted
  bool stopping_ = false;          // guarded by mutex_: the consumer has gone
  std::thread thread_;
};

}  // namespace echoes

#endif  // ECHOES_IO_BATCH_PREFETCHER_H_
