// ShortWordTable: a fixed vocabulary of short words (at most 16 bytes), each with a
// byte of flags (which lists it is on), looked up with one hash of two masked 8-byte
// loads. The page cleaner asks it about every word of a page's text and of its class
// names, most of which are in no list, so a lookup has no per-byte loop and no branch
// on its outcome: each word sits in one of two slots (cuckoo hashing), and a lookup
// reads both.

#ifndef ECHOES_UTIL_SHORT_WORD_TABLE_H_
#define ECHOES_UTIL_SHORT_WORD_TABLE_H_

#include <algorithm>
#include <utility>
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

  // Room for about slots / 2 words; grows if it must.
  explicit ShortWordTable(size_t slots = 1024) : hashes_(slots, 0), flags_(slots, 0) {}

  // Adds `flags` to the word's flags. Words longer than kMaxWord are ignored: no
  // lookup could find them.
  void Add(std::string_view word, uint8_t flags) {
    if (word.size() > kMaxWord) return;
    const uint64_t h = Hash(word);
    for (size_t slot : {First(h), Second(h)}) {
      if (hashes_[slot] == h) {
        flags_[slot] |= flags;
        return;
      }
    }
    Place(h, flags);
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
    const size_t first = First(h), second = Second(h);
    return static_cast<uint8_t>((hashes_[first] == h ? flags_[first] : 0) |
                                (hashes_[second] == h ? flags_[second] : 0));
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

  size_t First(uint64_t h) const { return h & (hashes_.size() - 1); }
  size_t Second(uint64_t h) const { return (h >> 32) & (hashes_.size() - 1); }

  // Puts a new word in one of its two slots, moving the words in its way to their
  // other slot; doubles the table when that goes in circles.
  void Place(uint64_t h, uint8_t flags) {
    size_t slot = First(h);
    for (size_t kick = 0; kick < 64; ++kick) {
      std::swap(h, hashes_[slot]);
      std::swap(flags, flags_[slot]);
      if (h == 0) return;  // the slot was empty
      slot = slot == First(h) ? Second(h) : First(h);
    }
    std::vector<uint64_t> hashes(2 * hashes_.size(), 0);
    std::vector<uint8_t> all_flags(2 * hashes_.size(), 0);
    hashes.swap(hashes_);
    all_flags.swap(flags_);
    for (size_t i = 0; i < hashes.size(); ++i) {
      if (hashes[i] != 0) Place(hashes[i], all_flags[i]);
    }
    Place(h, flags);
  }

  std::vector<uint64_t> hashes_;  // size a power of two; 0 is an empty slot
  std::vector<uint8_t> flags_;
};

}  // namespace echoes

#endif  // ECHOES_UTIL_SHORT_WORD_TABLE_H_
