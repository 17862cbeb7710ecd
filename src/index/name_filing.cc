// NameKeys: a MinHash of the rare-name set, bands × rows values, each band's rows
// hashed into one 32-bit key.

#include "index/name_filing.h"

#include <algorithm>
#include <cmath>

namespace echoes {
namespace {

uint64_t Mix(uint64_t x) {  // splitmix64's finaliser
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

double MinRareNameWeight(uint64_t documents, const NameFilingOptions& options) {
  // TermWeights::Weight is log((N + 1) / (df + 0.5)).
  return std::log((static_cast<double>(documents) + 1) /
                  (static_cast<double>(options.max_records) + 0.5));
}

void NameKeys(std::span<const uint32_t> rare_names, const NameFilingOptions& options,
              uint32_t* keys) {
  for (size_t band = 0; band < options.bands; ++band) {
    uint64_t key = band;
    for (size_t row = 0; row < options.rows; ++row) {
      const uint64_t seed = Mix(band * options.rows + row + 1);
      uint64_t minimum = UINT64_MAX;
      for (uint32_t name : rare_names) minimum = std::min(minimum, Mix(name ^ seed));
      key = Mix(key ^ minimum);
    }
    keys[band] = static_cast<uint32_t>(key >> 32);
  }
}

}  // namespace echoes
