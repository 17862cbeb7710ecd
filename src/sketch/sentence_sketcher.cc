// SentenceSketcher. Stems are already 64-bit hashes (content_words.h), so one
// multiply by a random odd constant per MinHash value permutes them well enough; the
// high 32 bits of the product are its value, the minimum over the stems its slot.

#include "sketch/sentence_sketcher.h"

#include <algorithm>
#include <array>
#include <limits>

namespace echoes {
namespace {

uint64_t SplitMix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Whether `terms` hold at least `wanted` distinct stems: a scan that stops as soon as
// it has seen that many, instead of sorting the sentence (wanted is a handful).
bool HasDistinctStems(const std::vector<Term>& terms, size_t wanted) {
  if (terms.size() < wanted) return false;
  std::array<uint64_t, 16> seen;
  if (wanted > seen.size()) {
    std::vector<uint64_t> stems;
    for (const Term& t : terms) stems.push_back(t.stem);
    std::sort(stems.begin(), stems.end());
    return static_cast<size_t>(std::unique(stems.begin(), stems.end()) - stems.begin()) >= wanted;
  }
  size_t distinct = 0;
  for (const Term& t : terms) {
    if (std::find(seen.begin(), seen.begin() + distinct, t.stem) != seen.begin() + distinct) {
      continue;
    }
    seen[distinct++] = t.stem;
    if (distinct >= wanted) return true;
  }
  return distinct >= wanted;
}

}  // namespace

SentenceSketcher::SentenceSketcher(const SentenceSketchOptions& options) : options_(options) {
  const size_t values = static_cast<size_t>(options_.bands) * static_cast<size_t>(options_.rows);
  multipliers_.resize(values);
  uint64_t seed = 0x5E47E4CE0000ULL;  // fixed: keys must not change between runs
  for (uint64_t& m : multipliers_) {
    seed = SplitMix64(seed);
    m = seed | 1;
  }
}

bool SentenceSketcher::Files(const std::vector<Term>& terms) {
  return HasDistinctStems(terms, options_.min_stems);
}

bool SentenceSketcher::Sketch(const std::vector<Term>& terms, uint32_t* keys) {
  if (!HasDistinctStems(terms, options_.min_stems)) return false;
  // A stem that repeats changes no minimum: the stems go in as they come, each one
  // into all the values at once (a loop the compiler vectorises; value by value over
  // the stems it could not, and long sentences made that a twentieth of a run).
  const size_t values = multipliers_.size();
  minima_.assign(values, std::numeric_limits<uint32_t>::max());
  numbers_.clear();
  for (const Term& t : terms) {
    const uint64_t stem = t.stem;
    for (size_t v = 0; v < values; ++v) {
      minima_[v] = std::min(minima_[v], static_cast<uint32_t>((stem * multipliers_[v]) >> 32));
    }
    if (t.number && options_.numbers_in_key) numbers_.push_back(t.stem);
  }
  std::sort(numbers_.begin(), numbers_.end());
  numbers_.erase(std::unique(numbers_.begin(), numbers_.end()), numbers_.end());
  uint64_t figures = 0;
  for (uint64_t n : numbers_) figures = SplitMix64(figures ^ n);
  const size_t rows = static_cast<size_t>(options_.rows);
  for (size_t band = 0; band < static_cast<size_t>(options_.bands); ++band) {
    uint64_t key = band ^ figures;
    for (size_t row = 0; row < rows; ++row) key = SplitMix64(key ^ minima_[band * rows + row]);
    keys[band] = static_cast<uint32_t>(key >> 32);
  }
  return true;
}

}  // namespace echoes
