// ExactHash: XXH3-128 of the normalized text.

#include <xxhash.h>

#include <cstdio>

#include "echoes/hash.h"

namespace echoes {

Hash128 ExactHash(std::string_view normalized) {
  const XXH128_hash_t h = XXH3_128bits(normalized.data(), normalized.size());
  return Hash128{h.low64, h.high64};
}

std::string Hash128::ToHex() const {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(high),
                static_cast<unsigned long long>(low));
  return std::string(buf, 32);
}

}  // namespace echoes
