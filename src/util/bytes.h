// Reading short byte strings a word at a time: the hashers of tokens and words load 8
// bytes at once and mask away what lies past the string.

#ifndef ECHOES_UTIL_BYTES_H_
#define ECHOES_UTIL_BYTES_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace echoes {

// The 8 bytes at p (unaligned).
inline uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// The first min(n, 8) bytes at p as the low bytes of a word, the rest zero. p must
// have 8 readable bytes.
inline uint64_t LoadLow(const char* p, size_t n) {
  static constexpr uint64_t kKeep[9] = {0,
                                        0xFF,
                                        0xFFFF,
                                        0xFFFFFF,
                                        0xFFFFFFFF,
                                        0xFFFFFFFFFF,
                                        0xFFFFFFFFFFFF,
                                        0xFFFFFFFFFFFFFF,
                                        0xFFFFFFFFFFFFFFFF};
  return Load8(p) & kKeep[n < 8 ? n : 8];
}

}  // namespace echoes

#endif  // ECHOES_UTIL_BYTES_H_
