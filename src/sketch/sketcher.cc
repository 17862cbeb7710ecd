// Sketcher: token hashes → shingle hashes → one-permutation MinHash → band keys.
//
// Each token is hashed once (short tokens with two 8-byte loads and a multiply mix,
// no length-dependent loop: most words are under 9 bytes), and a shingle's hash is
// built from its tokens' hashes, so no shingle string is ever made. The signature is
// one-permutation hashing with optimal densification: num_perm bins, each keeping the
// minimum of the shingles hashed into it. Its error matches classic k-permutation
// MinHash once a text has more shingles than bins (bench/minhash_error.cc measures it
// against exact Jaccard), at one compare per shingle instead of num_perm.

#include "sketch/sketcher.h"

#include <xxhash.h>

#if defined(__AVX512BW__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

#include "util/bytes.h"

namespace echoes {
namespace {

constexpr uint64_t kSeed = 0x6563686F65732121ULL;  // "echoes!!": signatures must never change

inline uint64_t Mix(uint64_t x) {  // murmur3 fmix64
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// Hash of one token; `p` has at least 16 readable bytes. Bytes past the token are
// masked away, so the hash depends on the token only. Two multiplies and one final
// mix: the shingle hash mixes again, so this only has to separate tokens.
inline uint64_t HashToken(const char* p, size_t length) {
  if (length <= 16) {
    const uint64_t lo = LoadLow(p, length);
    const uint64_t hi = LoadLow(p + 8, length > 8 ? length - 8 : 0);
    uint64_t h = lo * 0x9E3779B97F4A7C15ULL ^ (hi + length) * 0xC2B2AE3D27D4EB4FULL;
    return h ^ (h >> 29);
  }
  return XXH3_64bits_withSeed(p, length, kSeed);
}

// Bit k set where byte k of the 64 bytes at p is a space.
inline uint64_t SpaceMask(const char* p) {
#if defined(__AVX512BW__)
  return _mm512_cmpeq_epi8_mask(_mm512_loadu_si512(p), _mm512_set1_epi8(' '));
#else
  uint64_t mask = 0;
  for (int k = 0; k < 8; ++k) {                                   // SWAR, 8 bytes at a time, exact
    const uint64_t x = Load8(p + 8 * k) ^ 0x2020202020202020ULL;  // spaces become zero
    const uint64_t t = ((x & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | x;
    const uint64_t zero_high_bits = ~t & 0x8080808080808080ULL;
    mask |= (((zero_high_bits >> 7) * 0x0102040810204080ULL) >> 56) << (8 * k);
  }
  return mask;
#endif
}

// Bytes readable past a text's end: one 64-byte mask block, plus 16 for HashToken.
constexpr size_t kPadding = 64 + 16;

// Maps a 32-bit hash onto [0, n) without a division (Lemire's multiply-shift).
inline uint32_t Reduce(uint32_t hash, uint32_t n) {
  return static_cast<uint32_t>((uint64_t{hash} * n) >> 32);
}

// An empty bin holds this; a shingle whose value is exactly 2^32-1 (chance 2^-32)
// is then treated as absent, in every document alike.
constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();

}  // namespace

Sketcher::Sketcher(const SketchOptions& options) : options_(options) {}

void Sketcher::HashTokens(std::string* normalized) {
  const size_t size = normalized->size();
  normalized->append(kPadding, '\0');
  const char* text = normalized->data();
  // Token ends (the spaces, then the text's end), found 64 bytes at a time. Each block
  // writes 16 positions whether or not it has that many spaces (it rarely has more:
  // words average 6.5 bytes), so the loop has no data-dependent branch to mispredict;
  // only the count advances by the true number.
  ends_.resize(size + 2 * 16 + 1);
  uint32_t* ends = ends_.data();
  size_t count = 0;
  for (size_t block = 0; block < size; block += 64) {
    uint64_t mask = SpaceMask(text + block);
    if (size - block < 64) mask &= (uint64_t{1} << (size - block)) - 1;
    const int spaces = std::popcount(mask);
    uint32_t* out = ends + count;
    const uint32_t base = static_cast<uint32_t>(block);
    for (int i = 0; i < 16; ++i) {
      out[i] = base + static_cast<uint32_t>(std::countr_zero(mask));
      mask &= mask - 1;
    }
    for (int i = 16; i < spaces; ++i) {
      out[i] = base + static_cast<uint32_t>(std::countr_zero(mask));
      mask &= mask - 1;
    }
    count += static_cast<size_t>(spaces);
  }
  if (size > 0) ends[count++] = static_cast<uint32_t>(size);

  token_hashes_.resize(count);
  uint64_t* hashes = token_hashes_.data();
  uint32_t start = 0;
  for (size_t i = 0; i < count; ++i) {
    hashes[i] = HashToken(text + start, ends[i] - start);
    start = ends[i] + 1;
  }
  normalized->resize(size);
}

void Sketcher::HashShingles() {
  const size_t n = static_cast<size_t>(options_.shingle_size);
  const size_t tokens = token_hashes_.size();
  shingle_hashes_.clear();
  if (tokens == 0) return;
  // A text shorter than one shingle is one shingle of all its tokens.
  const size_t width = std::min(n, tokens);
  const size_t count = tokens - width + 1;
  shingle_hashes_.resize(count);
  // h = t[i] ^ rotl(t[i+1], 11) ^ … ^ rotl(t[i+w-1], 11(w-1)): the rotation marks each
  // token's place (11k mod 64 differs for every k < 64) and costs no multiply; the
  // final mix spreads it. Shingles are independent of each other, so this loop is
  // written apart from the bin updates: the compiler runs it eight lanes at a time.
  const uint64_t* t = token_hashes_.data();
  uint64_t* out = shingle_hashes_.data();
  if (width == 5) {
    for (size_t i = 0; i < count; ++i) {
      const uint64_t h = t[i] ^ std::rotl(t[i + 1], 11) ^ std::rotl(t[i + 2], 22) ^
                         std::rotl(t[i + 3], 33) ^ std::rotl(t[i + 4], 44);
      out[i] = Mix(h + 5);
    }
  } else {
    for (size_t i = 0; i < count; ++i) {
      uint64_t h = 0;
      for (size_t k = 0; k < width; ++k) h ^= std::rotl(t[i + k], static_cast<int>(11 * k % 64));
      out[i] = Mix(h + width);
    }
  }
}

void Sketcher::Compute(std::string* normalized, Sketch* out) {
  HashTokens(normalized);
  const uint32_t bins = static_cast<uint32_t>(options_.num_perm);
  const uint64_t sample_mask = (uint64_t{1} << options_.sample_bits) - 1;
  // One-permutation hashing: a shingle's low 32 bits pick its bin, its high 32 bits
  // (the value ShingleSet uses) compete for the bin's minimum. One hash, one compare
  // per shingle, where classic MinHash costs num_perm multiply-adds.
  HashShingles();
  minima_.assign(bins, kEmpty);
  uint32_t* minima = minima_.data();
  const size_t shingles = shingle_hashes_.size();
  out->samples.resize(shingles);
  uint32_t* samples = out->samples.data();
  size_t sampled = 0;
  for (const uint64_t s : shingle_hashes_) {
    const uint32_t value = static_cast<uint32_t>(s >> 32);
    uint32_t& slot = minima[Reduce(static_cast<uint32_t>(s), bins)];
    slot = value < slot ? value : slot;
    samples[sampled] = value;  // kept only when the sample bits are zero (1 in 16)
    sampled += (s & sample_mask) == 0;
  }
  // Not sorted or made unique here: the index sorts all samples at once and drops the
  // repeats there, which costs less than a small sort per text.
  out->samples.resize(sampled);
  out->shingles = static_cast<uint32_t>(shingles);

  // Optimal densification (Shrivastava, ICML 2017): an empty bin borrows the value of
  // the first non-empty bin along its own fixed pseudo-random probe sequence. Both
  // documents of a pair follow the same sequences, so a slot still agrees with
  // probability equal to the Jaccard similarity. Only texts with fewer shingles than
  // bins have many empty bins.
  filled_.assign(minima, minima + bins);
  const size_t nonempty = static_cast<size_t>(
      std::count_if(filled_.begin(), filled_.end(), [](uint32_t v) { return v != kEmpty; }));
  if (nonempty > 0 && nonempty < bins) {
    for (uint32_t bin = 0; bin < bins; ++bin) {
      if (filled_[bin] != kEmpty) continue;
      for (uint64_t attempt = 0;; ++attempt) {
        const uint32_t probe =
            Reduce(static_cast<uint32_t>(Mix(kSeed ^ (uint64_t{bin} << 32 | attempt))), bins);
        if (filled_[probe] != kEmpty) {
          minima[bin] = filled_[probe];
          break;
        }
      }
    }
  }

  out->signature.resize(bins);
  for (size_t j = 0; j < bins; ++j) out->signature[j] = static_cast<uint16_t>(minima[j] >> 16);
  const size_t rows = static_cast<size_t>(options_.rows);
  out->band_keys.resize(static_cast<size_t>(options_.bands));
  for (size_t band = 0; band < out->band_keys.size(); ++band) {
    out->band_keys[band] = static_cast<uint32_t>(
        XXH3_64bits_withSeed(minima + band * rows, rows * sizeof(uint32_t), kSeed + band));
  }
}

void Sketcher::ShingleSet(std::string* normalized, std::vector<uint32_t>* out) {
  HashTokens(normalized);
  HashShingles();
  out->resize(shingle_hashes_.size());
  for (size_t i = 0; i < out->size(); ++i) (*out)[i] = static_cast<uint32_t>(shingle_hashes_[i] >> 32);
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

}  // namespace echoes
