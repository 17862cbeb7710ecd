// DocumentTable: the compact state kept per record between reading and writing.

#ifndef ECHOES_PIPELINE_DOCUMENT_TABLE_H_
#define ECHOES_PIPELINE_DOCUMENT_TABLE_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "echoes/hash.h"
#include "io/record_batch.h"
#include "rewrite/sentence_similarity.h"

namespace echoes {

class SampleRuns;       // index/sample_runs.h
class SpilledSketches;  // index/spilled_sketches.h

constexpr int64_t kNoDate = std::numeric_limits<int64_t>::min();

// 72 bytes per record: the text itself is not kept; the writing pass reads it again,
// and the exact checks read single records back from where they were found.
struct DocumentInfo {
  Hash128 hash;             // ExactHash of the normalized text
  int64_t date = kNoDate;   // seconds since the epoch, or kNoDate
  uint64_t text_bytes = 0;  // length of the text as read (after JSON unescaping)
  uint64_t id_offset = 0;   // the id is DocumentTable::ids[id_offset, +id_size)
  uint32_t id_size = 0;
  uint32_t shingles = 0;       // shingles in the text (with repeats), when sketched
  uint64_t stream_offset = 0;  // the record's place in its source, after decompression
  uint32_t record_size = 0;    // its size there in bytes
  uint32_t source = 0;         // index into the input list
  uint32_t sentences = 0;      // sentences filed for rewrite candidates (sentence_keys)
  uint16_t names = 0;          // its name stems in DocumentTable::name_stems
  bool rejected = false;
};

// A containment sample: a sampled shingle hash and the record holding it.
struct ShingleSample {
  uint32_t hash;
  uint32_t record;
  auto operator<=>(const ShingleSample&) const = default;
};

// A record that could not be used, and why.
struct Rejection {
  uint64_t record = 0;  // index into DocumentTable::docs
  uint32_t source = 0;  // index into the input list
  uint64_t line = 0;    // 1-based; 0 = the file as a whole
  RejectReason reason = RejectReason::kUnreadable;
  std::string message;
};

// One entry per record read, in read order. A batch fills its own table; the run
// appends them in batch order, which is what makes output independent of threads.
struct DocumentTable {
  std::vector<DocumentInfo> docs;
  std::string ids;
  std::vector<Rejection> rejections;  // in read order
  // Sketches, when near-duplicate detection is on: `signature_size` 16-bit MinHash
  // slots and `band_count` band keys per record (zeros for rejected records).
  size_t signature_size = 0;
  size_t band_count = 0;
  std::vector<uint16_t> signatures;
  std::vector<uint32_t> band_keys;
  // The sketches of all records, when the reading pass spilled them to disk because
  // they passed its memory budget (DedupOptions::sketch_memory): `signatures` and
  // `band_keys` are then empty, and `spilled_signatures` is their mapping. Null when
  // the sketches stayed in memory.
  std::shared_ptr<SpilledSketches> spilled_sketches;
  const uint16_t* spilled_signatures = nullptr;
  std::vector<ShingleSample> samples;
  // Samples of earlier records, spilled to disk when `samples` passed the reading
  // pass's memory budget (DedupOptions::sample_memory); null when none were.
  std::shared_ptr<SampleRuns> spilled_samples;
  // Rewrite detection: `sentence_bands` keys per filed sentence (SentenceSketcher),
  // a record's sentences consecutive, DocumentInfo::sentences of them; and the stem
  // document frequencies of all records read (set by the reading pass, not by Append).
  size_t sentence_bands = 0;
  std::vector<uint32_t> sentence_keys;
  // Each record's distinct name stems (Term::name), their low 32 bits, ascending;
  // DocumentInfo::names of them, records in order. None for a record with more than
  // kMaxRecordNames: it is compared as if it had none (always plausible).
  static constexpr size_t kMaxRecordNames = 65535;
  std::vector<uint32_t> name_stems;
  std::unique_ptr<TermWeights> term_weights;
  uint64_t repaired_utf8 = 0;
  uint64_t generated_ids = 0;
  uint64_t unparsed_dates = 0;
  uint64_t text_bytes = 0;

  // Bytes of signatures and band keys held in memory.
  uint64_t sketch_bytes() const {
    return signatures.size() * sizeof(uint16_t) + band_keys.size() * sizeof(uint32_t);
  }

  const uint16_t* SignatureOf(size_t record) const {
    return (spilled_signatures != nullptr ? spilled_signatures : signatures.data()) +
           record * signature_size;
  }

  std::string_view IdOf(size_t record) const {
    return std::string_view(ids).substr(docs[record].id_offset, docs[record].id_size);
  }

  // Moves `other`'s entries to the end of this table.
  void Append(DocumentTable&& other);

  // Makes room for `factor` times the entries held now in the per-record arrays, and
  // in the sketch and sample arrays too unless `sketches_spill` / `samples_spill` (they
  // will be written to disk and freed). The reading pass calls it once, after a first
  // part of the corpus, so that the arrays are not copied at every doubling; it costs
  // address space, not memory, until the room is written.
  void ReserveScaled(double factor, bool sketches_spill, bool samples_spill);
};

}  // namespace echoes

#endif  // ECHOES_PIPELINE_DOCUMENT_TABLE_H_
