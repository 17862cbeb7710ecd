// Sketcher: a normalized text → its shingle hashes, MinHash signature, LSH band keys
// and containment samples, in one pass over the tokens.

#ifndef ECHOES_SKETCH_SKETCHER_H_
#define ECHOES_SKETCH_SKETCHER_H_

#include <cstdint>
#include <string>
#include <vector>

namespace echoes {

struct SketchOptions {
  int shingle_size = 5;  // words per shingle
  int num_perm = 128;    // MinHash values (one-permutation bins) per signature
  int bands = 16;        // LSH bands; bands * rows <= num_perm
  int rows = 8;          // signature values per band
  // A shingle is a containment sample when its hash has these low bits zero (1 in 16):
  // enough that a 100-word excerpt shares ~6 samples with its source.
  int sample_bits = 4;
};

// What a document contributes to the index.
struct Sketch {
  std::vector<uint16_t> signature;  // num_perm slots: the high 16 bits of each bin's minimum
  // One per band: a 32-bit hash of its rows' 32-bit minima. Two unrelated records share
  // one by chance with probability 2^-32 per band (about 10^4 pairs per band at 10^7
  // records), which verification rejects; 32 bits halve the memory and the sort.
  std::vector<uint32_t> band_keys;
  std::vector<uint32_t> samples;  // sampled shingle hashes in text order (repeats repeat)
  uint32_t shingles = 0;          // number of shingles (with repeats)
};

// Thread safety: not thread-safe (scratch buffers); use one per thread.
class Sketcher {
 public:
  explicit Sketcher(const SketchOptions& options);
  Sketcher(const Sketcher&) = delete;  // scratch is per-thread state
  Sketcher& operator=(const Sketcher&) = delete;

  // Sketches `normalized` (tokens joined by single spaces, see normalize.h). The string
  // is padded in place with zero bytes past its size, so tokens can be read 8 bytes at
  // a time; its contents up to size() are unchanged.
  void Compute(std::string* normalized, Sketch* out);

  // The sorted, unique 32-bit shingle hashes of `normalized` (padded as above): the
  // exact set that Jaccard and containment are defined over.
  void ShingleSet(std::string* normalized, std::vector<uint32_t>* out);

  const SketchOptions& options() const { return options_; }

 private:
  // Fills token_hashes_ with one 64-bit hash per token of `normalized` (padded).
  void HashTokens(std::string* normalized);
  // Fills shingle_hashes_ with the 64-bit hash of each shingle of token_hashes_.
  void HashShingles();

  SketchOptions options_;
  std::vector<uint32_t> ends_;  // token end offsets
  std::vector<uint64_t> token_hashes_;
  std::vector<uint64_t> shingle_hashes_;
  std::vector<uint32_t> minima_;  // per bin, then densified
  std::vector<uint32_t> filled_;  // the bins before densification
};

}  // namespace echoes

#endif  // ECHOES_SKETCH_SKETCHER_H_
