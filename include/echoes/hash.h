// Hash128: the exact-duplicate key of a normalized text.

#ifndef ECHOES_HASH_H_
#define ECHOES_HASH_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace echoes {

// A 128-bit hash (XXH3-128). At 10^9 documents the chance that two different
// texts share one is about 10^-21, so equal hashes are treated as equal texts.
struct Hash128 {
  uint64_t low = 0;
  uint64_t high = 0;

  auto operator<=>(const Hash128&) const = default;

  // 32 lower-case hex digits, high half first.
  std::string ToHex() const;
};

// Returns the hash of a normalized text (see normalize.h).
Hash128 ExactHash(std::string_view normalized);

}  // namespace echoes

#endif  // ECHOES_HASH_H_
