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

// Hash of one token; `p` has at least 16 readable bytes.
inline uint64_t HashToken(const char* p, size_t length) {
  if (length <= 16) {
    // Bytes past the token are masked away, so the hash depends on the token only.
    const uint64_t lo_mask = length >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * length)) - 1;
    const size_t hi_bytes = length > 8 ? length - 8 : 0;
    const uint64_t hi_mask = hi_bytes == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * hi_bytes)) - 1;
    const uint64_t lo = Load8(p) & lo_mask;
    const uint64_t hi = Load8(p + 8) & hi_mask;
    return Mix(lo ^ Mix(hi ^ (length * 0x9E3779B97F4A7C15ULL)));
  }
  return XXH3_64bits_withSeed(p, length, kSeed);
}

}  // namespace

Sketcher::Sketcher(const SketchOptions& options) : options_(options) {
  uint64_t state = kSeed;
  multipliers_.resize(static_cast<size_t>(options_.num_perm));
  addends_.resize(static_cast<size_t>(options_.num_perm));
  for (int i = 0; i < options_.num_perm; ++i) {
    multipliers_[static_cast<size_t>(i)] = static_cast<uint32_t>(SplitMix(&state)) | 1u;
    addends_[static_cast<size_t>(i)] = static_cast<uint32_t>(SplitMix(&state));
  }
}

void Sketcher::Shingle(std::string* normalized) {
  const size_t size = normalized->size();
  normalized->append(16, '\0');
  const char* text = normalized->data();
  token_hashes_.clear();
  size_t start = 0;
  while (start < size) {
    const void* space = std::memchr(text + start, ' ', size - start);
    const size_t end = space ? static_cast<size_t>(static_cast<const char*>(space) - text) : size;
    token_hashes_.push_back(HashToken(text + start, end - start));
    start = end + 1;
  }
  normalized->resize(size);

  shingles_.clear();
  const size_t n = static_cast<size_t>(options_.shingle_size);
  const size_t tokens = token_hashes_.size();
  if (tokens == 0) return;
  // A text shorter than one shingle is one shingle of all its tokens.
  const size_t width = std::min(n, tokens);
  for (size_t i = 0; i + width <= tokens; ++i) {
    uint64_t h = token_hashes_[i];
    for (size_t k = 1; k < width; ++k) h = h * 0x100000001B3ULL + token_hashes_[i + k];
    shingles_.push_back(Mix(h + width));
  }
}

void Sketcher::Compute(std::string* normalized, Sketch* out) {
  Shingle(normalized);
  const size_t perms = static_cast<size_t>(options_.num_perm);
  minima_.assign(perms, std::numeric_limits<uint32_t>::max());
  uint32_t* minima = minima_.data();
  const uint32_t* a = multipliers_.data();
  const uint32_t* b = addends_.data();
  const uint64_t sample_mask = (uint64_t{1} << options_.sample_bits) - 1;
  out->samples.clear();
  for (uint64_t s : shingles_) {
    const auto x = static_cast<uint32_t>(s >> 32);
    for (size_t j = 0; j < perms; ++j) minima[j] = std::min(minima[j], a[j] * x + b[j]);
    if ((s & sample_mask) == 0) out->samples.push_back(static_cast<uint32_t>(s >> 32));
  }
  std::sort(out->samples.begin(), out->samples.end());
  out->samples.erase(std::unique(out->samples.begin(), out->samples.end()), out->samples.end());
  out->shingles = static_cast<uint32_t>(shingles_.size());

  out->signature.resize(perms);
  for (size_t j = 0; j < perms; ++j) out->signature[j] = static_cast<uint16_t>(minima[j] >> 16);
  const size_t rows = static_cast<size_t>(options_.rows);
  out->band_keys.resize(static_cast<size_t>(options_.bands));
  for (size_t band = 0; band < out->band_keys.size(); ++band) {
    out->band_keys[band] =
        XXH3_64bits_withSeed(minima + band * rows, rows * sizeof(uint32_t), kSeed + band);
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
