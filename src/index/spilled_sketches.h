// SpilledSketches: signatures and band keys moved to disk when they pass a memory budget.
//
// A record's sketch is 320 bytes (128 16-bit signature slots, 16 32-bit band keys):
// 32 GB at 10^8 records, more than the machine. When the sketches read so far pass the
// budget, the reading pass appends them here and frees them; after the last record
// everything is here. The two stages that need them read them in the order they use
// them: the bucket stage one band at a time (band keys are written band-major, one
// file per band, so a band is one sequential read of 4 bytes per record), the verify
// stage the signatures through a read-only mapping (record-major, as in memory), whose
// pages the kernel may drop again, so they never push the machine into swap.

#ifndef ECHOES_INDEX_SPILLED_SKETCHES_H_
#define ECHOES_INDEX_SPILLED_SKETCHES_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "echoes/status.h"
#include "io/scratch_file.h"
#include "pipeline/document_table.h"

namespace echoes {

// Thread safety: Spill and FinishWriting from one thread; after FinishWriting, the
// reads from any number of threads.
class SpilledSketches {
 public:
  // Files go to "<dir>/signatures" and "<dir>/band-<k>"; `dir` is created at the first
  // spill and removed with the files by the destructor (only if this object created it).
  explicit SpilledSketches(std::string dir);
  ~SpilledSketches();
  SpilledSketches(const SpilledSketches&) = delete;  // owns files
  SpilledSketches& operator=(const SpilledSketches&) = delete;

  // Appends table->signatures and table->band_keys (the sketches of its records since
  // the previous spill, in record order) and empties them, freeing their memory.
  // Errors: kIoError (the path and the system's reason).
  Status Spill(DocumentTable* table);

  // After the last Spill: maps the signatures for reading. Errors: kIoError.
  Status FinishWriting();

  // Records whose sketches are here.
  uint64_t records() const { return records_; }
  // Bytes written (signatures and band keys).
  uint64_t bytes() const;
  // The signatures of all spilled records, record-major (signature_size slots each);
  // null before FinishWriting.
  const uint16_t* signatures() const { return signatures_; }
  // Band `band`'s key of every spilled record, in record order, into *keys (resized).
  // Errors: kIoError, kInternal if the file is shorter than written.
  Status ReadBand(size_t band, std::vector<uint32_t>* keys) const;

 private:
  std::string dir_;
  bool created_dir_ = false;
  size_t signature_size_ = 0;
  size_t band_count_ = 0;
  uint64_t records_ = 0;
  ScratchFile signature_file_;
  std::vector<std::unique_ptr<ScratchFile>> band_files_;
  const uint16_t* signatures_ = nullptr;
};

}  // namespace echoes

#endif  // ECHOES_INDEX_SPILLED_SKETCHES_H_
