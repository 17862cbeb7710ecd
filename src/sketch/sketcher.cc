// Sketcher: token hashes → shingle hashes → MinHash → band keys.
//
// Each token is hashed once (short tokens with two 8-byte loads and a multiply mix,
// no length-dependent loop: most words are under 9 bytes), and a shingle's hash is
// built from its tokens' hashes, so no shingle string is ever made. MinHash uses
// num_perm 32-bit multiply-add permutations of the shingle hash; the loop over
// permutations has no branches and GCC turns it into AVX-512 min/mul/add over 16
// lanes. PERFORMANCE.md measured this family at the theoretical MinHash error.

#include "sketch/sketcher.h"

#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <limits>

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

inline uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

inline uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// Hash of one token; `p` has at least 16 readable bytes. Bytes past the token are
// masked away, so the hash depends on the token only. Two multiplies and one final
// mix: the shingle hash mixes again, so this only has to separate tokens.
inline uint64_t HashToken(const char* p, size_t length) {
  // kKeep[n]: the low n bytes of a word (n = 0..8).
  static constexpr uint64_t kKeep[9] = {0,
                                        0xFF,
                                        0xFFFF,
                                        0xFFFFFF,
                                        0xFFFFFFFF,
                                        0xFFFFFFFFFF,
                                        0xFFFFFFFFFFFF,
                                        0xFFFFFFFFFFFFFF,
                                        0xFFFFFFFFFFFFFFFF};
  if (length <= 16) {
    const uint64_t lo = Load8(p) & kKeep[length < 8 ? length : 8];
    const uint64_t hi = Load8(p + 8) & kKeep[length > 8 ? length - 8 : 0];
    uint64_t h = lo * 0x9E3779B97F4A7C15ULL ^ (hi + length) * 0xC2B2AE3D27D4EB4FULL;
    return h ^ (h >> 29);
  }
  return XXH3_64bits_withSeed(p, length, kSeed);
}

// Bit k set where byte k of the 8 bytes at p is a space (exact, no false positives).
inline uint64_t SpaceBits(const char* p) {
  const uint64_t x = Load8(p) ^ 0x2020202020202020ULL;  // spaces become zero bytes
  const uint64_t t = ((x & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | x;
  const uint64_t zero_high_bits = ~t & 0x8080808080808080ULL;
  // Gather the 8 high bits into the low byte.
  return ((zero_high_bits >> 7) * 0x0102040810204080ULL) >> 56;
}

}  // namespace

Sketcher::Sketcher(const SketchOptions& options) : options_(options) {
  uint64_t state = kSeed;
  // Padded to whole 16-lane blocks; the padding lanes are computed and ignored.
  const size_t padded = (static_cast<size_t>(options_.num_perm) + 15) / 16 * 16;
  multipliers_.resize(padded, 1);
  addends_.resize(padded, 0);
  for (int i = 0; i < options_.num_perm; ++i) {
    multipliers_[static_cast<size_t>(i)] = static_cast<uint32_t>(SplitMix(&state)) | 1u;
    addends_[static_cast<size_t>(i)] = static_cast<uint32_t>(SplitMix(&state));
  }
}

void Sketcher::Shingle(std::string* normalized) {
  const size_t size = normalized->size();
  normalized->append(24, '\0');
  const char* text = normalized->data();
  // At most one token per two bytes; writing through a pointer keeps the capacity
  // check out of the loop.
  token_hashes_.resize(size / 2 + 2);
  uint64_t* hashes = token_hashes_.data();
  size_t token_count = 0;
  // Token ends are found 8 bytes at a time (SWAR) instead of one memchr per word.
  size_t start = 0;
  for (size_t block = 0; block < size; block += 8) {
    uint64_t spaces = SpaceBits(text + block);
    if (block + 8 > size) spaces &= (uint64_t{1} << (size - block)) - 1;
    while (spaces != 0) {
      const size_t end = block + static_cast<size_t>(__builtin_ctzll(spaces));
      hashes[token_count++] = HashToken(text + start, end - start);
      start = end + 1;
      spaces &= spaces - 1;
    }
  }
  if (start < size) hashes[token_count++] = HashToken(text + start, size - start);
  token_hashes_.resize(token_count);
  normalized->resize(size);

  shingles_.clear();
  const size_t n = static_cast<size_t>(options_.shingle_size);
  const size_t tokens = token_hashes_.size();
  if (tokens == 0) return;
  // A text shorter than one shingle is one shingle of all its tokens.
  const size_t width = std::min(n, tokens);
  const size_t count = tokens - width + 1;
  shingles_.resize(count);
  // h = t[i]·P^(w-1) + … + t[i+w-1]: independent multiplies per shingle, so consecutive
  // shingles overlap in the pipeline (a running rolling hash would chain them).
  constexpr uint64_t kP = 0x100000001B3ULL;
  uint64_t powers[32];
  powers[width - 1] = 1;
  for (size_t k = width - 1; k > 0; --k) powers[k - 1] = powers[k] * kP;
  const uint64_t* t = token_hashes_.data();
  if (width == 5) {
    for (size_t i = 0; i < count; ++i) {
      const uint64_t h = t[i] * powers[0] + t[i + 1] * powers[1] + t[i + 2] * powers[2] +
                         t[i + 3] * powers[3] + t[i + 4];
      shingles_[i] = Mix(h + width);
    }
  } else {
    for (size_t i = 0; i < count; ++i) {
      uint64_t h = 0;
      for (size_t k = 0; k < width; ++k) h += t[i + k] * powers[k];
      shingles_[i] = Mix(h + width);
    }
  }
}

// 16 lanes of 32 bits: one AVX-512 register (GCC lowers it to two AVX2 or four SSE
// registers on older CPUs).
typedef uint32_t Lanes __attribute__((vector_size(64)));
constexpr size_t kLanes = 16;

void Sketcher::Compute(std::string* normalized, Sketch* out) {
  Shingle(normalized);
  const size_t perms = static_cast<size_t>(options_.num_perm);
  const uint64_t sample_mask = (uint64_t{1} << options_.sample_bits) - 1;
  out->samples.clear();
  values_.resize(shingles_.size());
  for (size_t i = 0; i < shingles_.size(); ++i) {
    const uint64_t s = shingles_[i];
    values_[i] = static_cast<uint32_t>(s >> 32);
    if ((s & sample_mask) == 0) out->samples.push_back(values_[i]);
  }
  // Lanes outside, shingles inside: the running minima stay in registers for the whole
  // document, and each shingle costs one multiply, one add and one min per 16
  // permutations, with no store-to-load chain through memory.
  // Four registers per sweep: four independent multiply-add-min chains hide the
  // multiply's latency, and each shingle value is broadcast once per 64 permutations.
  const size_t padded = (perms + kLanes - 1) / kLanes * kLanes;
  minima_.assign(padded, std::numeric_limits<uint32_t>::max());
  size_t j = 0;
  for (; j + 4 * kLanes <= padded; j += 4 * kLanes) {
    Lanes a[4], b[4], m[4];
    std::memcpy(a, multipliers_.data() + j, sizeof a);
    std::memcpy(b, addends_.data() + j, sizeof b);
    std::memcpy(m, minima_.data() + j, sizeof m);
    for (uint32_t x : values_) {
      for (int r = 0; r < 4; ++r) {
        const Lanes v = a[r] * x + b[r];
        m[r] = v < m[r] ? v : m[r];
      }
    }
    std::memcpy(minima_.data() + j, m, sizeof m);
  }
  for (; j < padded; j += kLanes) {
    Lanes a, b, minimum;
    std::memcpy(&a, multipliers_.data() + j, sizeof a);
    std::memcpy(&b, addends_.data() + j, sizeof b);
    std::memcpy(&minimum, minima_.data() + j, sizeof minimum);
    for (uint32_t x : values_) {
      const Lanes v = a * x + b;
      minimum = v < minimum ? v : minimum;
    }
    std::memcpy(minima_.data() + j, &minimum, sizeof minimum);
  }
  const uint32_t* minima = minima_.data();
  std::sort(out->samples.begin(), out->samples.end());
  out->samples.erase(std::unique(out->samples.begin(), out->samples.end()), out->samples.end());
  out->shingles = static_cast<uint32_t>(shingles_.size());

  out->signature.resize(perms);
  for (size_t j = 0; j < perms; ++j) out->signature[j] = static_cast<uint16_t>(minima[j] >> 16);
  const size_t rows = static_cast<size_t>(options_.rows);
  out->band_keys.resize(static_cast<size_t>(options_.bands));
  for (size_t band = 0; band < out->band_keys.size(); ++band) {
    out->band_keys[band] = static_cast<uint32_t>(
        XXH3_64bits_withSeed(minima + band * rows, rows * sizeof(uint32_t), kSeed + band));
  }
}

void Sketcher::ShingleSet(std::string* normalized, std::vector<uint32_t>* out) {
  Shingle(normalized);
  out->clear();
  out->reserve(shingles_.size());
  for (uint64_t s : shingles_) out->push_back(static_cast<uint32_t>(s >> 32));
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

}  // namespace echoes
