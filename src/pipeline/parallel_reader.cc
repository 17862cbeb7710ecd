// ReadAllRecords: a bounded queue from one reader to N workers, and an ordered merge.
//
// Reading and cutting lines runs at several GB/s, parsing and normalizing at a few
// hundred MB/s per core, so one reader feeds all workers. The queue holds at most two
// batches per worker, which bounds memory at about 2 × threads × batch size. Workers
// finish out of order; finished tables wait in `done` until every earlier batch has
// been appended.

#include "pipeline/parallel_reader.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "pipeline/record_processor.h"

namespace echoes {
namespace {

constexpr size_t kBatchBytes = 4 << 20;
// The table's arrays are sized for the whole corpus after this much of it (see
// DocumentTable::ReserveScaled): enough records for their proportions to hold.
constexpr uint64_t kReserveAfterBytes = 32 << 20;
constexpr auto kProgressInterval = std::chrono::milliseconds(200);

// Calls options.on_progress at most every kProgressInterval.
class ProgressReporter {
 public:
  ProgressReporter(const DedupOptions& options, std::chrono::steady_clock::time_point start,
                   uint64_t total_bytes)
      : options_(options), start_(start), total_bytes_(total_bytes) {}

  void Report(const RecordBatcher& batcher, uint64_t records, bool force) {
    if (!options_.on_progress) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < kProgressInterval) return;
    last_ = now;
    DedupProgress p;
    p.phase = "reading";
    p.records = records;
    p.bytes = batcher.consumed_bytes();
    p.total_bytes = total_bytes_;
    p.seconds = std::chrono::duration<double>(now - start_).count();
    options_.on_progress(p);
  }

 private:
  const DedupOptions& options_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_{};
  uint64_t total_bytes_;
};

}  // namespace

Result<uint64_t> ReadAllRecords(const std::vector<InputSource>& sources,
                                const DedupOptions& options, const SketchOptions* sketch,
                                const SentenceSketchOptions* sentences, int threads,
                                std::chrono::steady_clock::time_point start,
                                uint64_t total_bytes, const SpillTargets& spill,
                                DocumentTable* out) {
  RecordBatcher batcher(&sources, kBatchBytes, options.max_record_bytes);
  ProgressReporter progress(options, start, total_bytes);
  uint64_t records = 0;
  if (sentences != nullptr) out->term_weights = std::make_unique<TermWeights>();
  // Called after each batch joins *out, in batch order.
  Status spill_status;
  const auto spill_if_over_budget = [&] {
    if (!spill_status.ok()) return;
    if (spill.samples != nullptr &&
        out->samples.size() * sizeof(ShingleSample) >= spill.sample_budget) {
      spill_status = spill.samples->Spill(&out->samples);
    }
    if (spill_status.ok() && spill.sketches != nullptr &&
        out->sketch_bytes() >= spill.sketch_budget) {
      spill_status = spill.sketches->Spill(out);
    }
  };
  // Once a first part of the corpus is in, room for all of it by its proportions.
  uint64_t merged_bytes = 0;  // input bytes of the batches in *out
  bool reserved = false;
  const auto reserve_for_corpus = [&](uint64_t batch_bytes) {
    merged_bytes += batch_bytes;
    if (reserved || merged_bytes < kReserveAfterBytes) return;
    reserved = true;
    const double factor = 1.1 * static_cast<double>(total_bytes) / static_cast<double>(merged_bytes);
    if (factor < 2) return;
    const auto projected = [&](uint64_t bytes) { return static_cast<double>(bytes) * factor; };
    out->ReserveScaled(factor,
                       projected(out->sketch_bytes()) >= static_cast<double>(spill.sketch_budget),
                       projected(out->samples.size() * sizeof(ShingleSample)) >=
                           static_cast<double>(spill.sample_budget));
  };
  // After the last batch: the stem weights tabled, and once any sketches went to
  // disk, all go.
  const auto finish_reading = [&]() -> Status {
    if (!spill_status.ok()) return spill_status;
    if (sentences != nullptr) out->term_weights->TableWeights();
    if (spill.sketches == nullptr || spill.sketches->records() == 0) return Status::Ok();
    if (Status s = spill.sketches->Spill(out); !s.ok()) return s;
    return spill.sketches->FinishWriting();
  };

  if (threads <= 1) {
    RecordProcessor processor(&options, &sources, sketch, sentences);
    RecordBatch batch;
    while (batcher.Next(&batch)) {
      records += batch.records.size();
      processor.Process(batch, out);
      reserve_for_corpus(batch.bytes.size());
      spill_if_over_budget();
      progress.Report(batcher, records, false);
      if (!spill_status.ok()) return spill_status;
      if (options.strict && !out->rejections.empty()) break;
    }
    if (sentences != nullptr) out->term_weights->Merge(*processor.term_weights());
    if (Status s = finish_reading(); !s.ok()) return s;
    progress.Report(batcher, records, true);
    return batcher.decompressed_bytes();
  }

  std::mutex mutex;
  std::condition_variable queue_changed;
  std::deque<RecordBatch> queue;           // guarded by mutex
  bool reading_done = false;               // guarded by mutex
  // Processed batches waiting for their turn, with their input bytes.
  std::map<uint64_t, std::pair<DocumentTable, uint64_t>> done;  // guarded by mutex
  uint64_t next_to_merge = 0;              // guarded by mutex
  std::atomic<bool> saw_rejection{false};
  std::atomic<bool> stop_reading{false};  // a spill failed
  const size_t queue_limit = 2 * static_cast<size_t>(threads);

  auto worker = [&] {
    RecordProcessor processor(&options, &sources, sketch, sentences);
    for (;;) {
      RecordBatch batch;
      {
        std::unique_lock<std::mutex> lock(mutex);
        queue_changed.wait(lock, [&] { return !queue.empty() || reading_done; });
        if (queue.empty()) {
          // Counts add up in any order, so the merged weights do not depend on threads.
          if (sentences != nullptr) out->term_weights->Merge(*processor.term_weights());
          return;
        }
        batch = std::move(queue.front());
        queue.pop_front();
      }
      queue_changed.notify_all();
      DocumentTable table;
      processor.Process(batch, &table);
      if (!table.rejections.empty()) saw_rejection = true;
      std::lock_guard<std::mutex> lock(mutex);
      done.emplace(batch.sequence, std::pair{std::move(table), uint64_t{batch.bytes.size()}});
      for (auto it = done.find(next_to_merge); it != done.end(); it = done.find(next_to_merge)) {
        out->Append(std::move(it->second.first));
        reserve_for_corpus(it->second.second);
        done.erase(it);
        ++next_to_merge;
        spill_if_over_budget();  // under the lock: spills are rare and keep batch order
      }
      if (!spill_status.ok()) stop_reading = true;
    }
  };

  std::vector<std::thread> workers;
  workers.reserve(static_cast<size_t>(threads));
  for (int i = 0; i < threads; ++i) workers.emplace_back(worker);

  RecordBatch batch;
  while (!(options.strict && saw_rejection) && !stop_reading && batcher.Next(&batch)) {
    records += batch.records.size();
    {
      std::unique_lock<std::mutex> lock(mutex);
      queue_changed.wait(lock, [&] { return queue.size() < queue_limit; });
      queue.push_back(std::move(batch));
    }
    queue_changed.notify_all();
    progress.Report(batcher, records, false);
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    reading_done = true;
  }
  queue_changed.notify_all();
  for (std::thread& t : workers) t.join();
  if (Status s = finish_reading(); !s.ok()) return s;
  progress.Report(batcher, records, true);
  return batcher.decompressed_bytes();
}

}  // namespace echoes
