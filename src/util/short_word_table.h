// ShortWordTable: a fixed vocabulary of short words (at most 16 bytes), each with a
// byte of flags (which lists it is on), looked up with one hash of two masked 8-byte
// loads and, almost always, one probe. The page cleaner asks it about every word of a
// page's text and of its class names, so a lookup must cost no per-byte loop.

#ifndef ECHOES_UTIL_SHORT_WORD_TABLE_H_
#define ECHOES_UTIL_SHORT_WORD_TABLE_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "util/bytes.h"

namespace echoes {

class ShortWordTable {
 public:
  // Longer words are never in the table.
  static constexpr size_t kMaxWord = 16;

  // Room for about slots / 2 words.
  explicit ShortWordTable(size_t slots = 1024) : hashes_(slots, 0), flags_(slots, 0) {}

  // Adds `flags` to the word's flags. Words longer than kMaxWord are ignored: no
  // lookup could find them.
  void Add(std::string_view word, uint8_t flags) {
    if (word.size() > kMaxWord) return;
    const uint64_t h = Hash(word);
    size_t i = h & (hashes_.size() - 1);
    while (hashes_[i] != 0 && hashes_[i] != h) i = (i + 1) & (hashes_.size() - 1);
    hashes_[i] = h;
    flags_[i] |= flags;
  }

  template <size_t N>
  void AddAll(const std::string_view (&words)[N], uint8_t flags) {
    for (std::string_view w : words) Add(w, flags);
  }

  // The flags of the `size` bytes at `padded`, which must have kMaxWord readable
  // bytes (those past `size` are ignored); 0 for words not in the table.
  uint8_t FlagsOf(const char* padded, size_t size) const {
    if (size > kMaxWord) return 0;
    const uint64_t h = Hash(padded, size);
    for (size_t i = h & (hashes_.size() - 1);; i = (i + 1) & (hashes_.size() - 1)) {
      if (hashes_[i] == h) return flags_[i];
      if (hashes_[i] == 0) return 0;
    }
  }

  uint8_t FlagsOf(std::string_view word) const {
    if (word.size() > kMaxWord) return 0;
    char padded[kMaxWord] = {};
    std::memcpy(padded, word.data(), word.size());
    return FlagsOf(padded, word.size());
  }

 private:
  // Two words of one table with the same 64-bit hash would share their flags; with
  // a few hundred words that has probability ~1e-15.
  static uint64_t Hash(const char* padded, size_t size) {
    const uint64_t lo = LoadLow(padded, size);
    const uint64_t hi = LoadLow(padded + 8, size > 8 ? size - 8 : 0);
    uint64_t h = (lo * 0x9E3779B97F4A7C15ULL) ^ ((hi + size) * 0xC2B2AE3D27D4EB4FULL);
    h ^= h >> 29;
    return h | 1;  // never 0: 0 marks an empty slot
  }
  static uint64_t Hash(std::string_view word) {
    char padded[kMaxWord] = {};
    std::memcpy(padded, word.data(), std::min(word.size(), kMaxWord));
    return Hash(padded, word.size());
  }

  std::vector<uint64_t> hashes_;  // size a power of two
  std::vector<uint8_t> flags_;
};

}  // namespace echoes

#endif  // ECHOES_UTIL_SHORT_WORD_TABLE_H_
