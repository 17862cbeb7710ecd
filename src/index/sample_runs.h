// SampleRuns: containment samples spilled to disk as sorted runs, merged back in order.
//
// A corpus samples about one shingle in sixteen: 8 bytes per sample, ~200 bytes per
// 2 KB record, 20 GB at 10^8 records, and sorting them needs as much again. When the
// samples read so far pass a memory budget, the reading pass sorts them and writes
// them here as one run; the bucket stage streams all runs merged, so only the samples
// that share their hash with another record are ever held again (a few percent on
// real text). Records are appended in order, so run k holds earlier records than
// run k + 1: merging by hash, ties to the earlier run, gives exactly the (hash,
// record) order that sorting everything in memory gives.

#ifndef ECHOES_INDEX_SAMPLE_RUNS_H_
#define ECHOES_INDEX_SAMPLE_RUNS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "echoes/status.h"
#include "io/scratch_file.h"
#include "pipeline/document_table.h"

namespace echoes {

class SampleRuns {
 public:
  // Runs are files "<dir>/samples-<n>.run"; `dir` is created at the first spill and
  // removed, with the runs, by the destructor (only if this object created it).
  explicit SampleRuns(std::string dir);
  ~SampleRuns();
  SampleRuns(const SampleRuns&) = delete;  // owns files
  SampleRuns& operator=(const SampleRuns&) = delete;

  // Sorts `samples` (records ascending, all later than those of earlier runs) by
  // hash, keeping record order, writes them as the next run and empties the vector,
  // freeing its memory. Errors: kIoError (the path and the system's reason).
  Status Spill(std::vector<ShingleSample>* samples);

  // Calls visit(sample) for every sample of every run and then of `tail` (records
  // later than all runs; sorted here), in (hash, record) order, repeats included.
  // Reads each run through a buffer of up to `kReadBufferBytes`. Errors: kIoError, and
  // kInternal if a run is shorter than was written.
  Status Merge(std::vector<ShingleSample> tail,
               const std::function<void(const ShingleSample&)>& visit) const;

  size_t runs() const { return runs_.size(); }
  uint64_t spilled_samples() const;

  static constexpr size_t kReadBufferBytes = 1 << 20;

 private:
  std::string dir_;
  bool created_dir_ = false;
  std::vector<std::unique_ptr<ScratchFile>> runs_;
  std::vector<uint64_t> run_sizes_;  // samples per run
};

// Sorts samples by hash, keeping the order of equal hashes (records stay ascending).
void SortSamplesByHash(std::vector<ShingleSample>* samples);

}  // namespace echoes

#endif  // ECHOES_INDEX_SAMPLE_RUNS_H_
