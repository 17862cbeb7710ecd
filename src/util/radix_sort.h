// RadixSort: a stable LSD radix sort on unsigned integer keys.
//
// The candidate stages sort tens of millions of (key, record) pairs; comparison sorts
// spent over a fifth of a near-duplicate run there. Eight bits per pass, one counting
// pass for all digits, and passes where every element has the same digit are skipped
// (the high bytes of small keys), so a sort is a few linear sweeps.

#ifndef ECHOES_UTIL_RADIX_SORT_H_
#define ECHOES_UTIL_RADIX_SORT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace echoes {

// Sorts `items` by key(item), an unsigned integer of at most 8 bytes, keeping the order
// of items with equal keys. Uses a scratch vector as large as `items`.
template <typename T, typename KeyFn>
void RadixSort(std::vector<T>* items, KeyFn key) {
  constexpr int kPasses = 8;
  const size_t n = items->size();
  if (n < 2) return;
  std::vector<std::array<size_t, 256>> counts(kPasses);
  for (auto& c : counts) c.fill(0);
  for (const T& item : *items) {
    const uint64_t k = key(item);
    for (int pass = 0; pass < kPasses; ++pass) ++counts[pass][(k >> (8 * pass)) & 0xFF];
  }
  std::vector<T> scratch(n);
  std::vector<T>* from = items;
  std::vector<T>* to = &scratch;
  for (int pass = 0; pass < kPasses; ++pass) {
    std::array<size_t, 256>& count = counts[pass];
    bool trivial = false;
    for (size_t c : count) {
      if (c == n) trivial = true;
    }
    if (trivial) continue;  // every element has the same digit here
    size_t offset = 0;
    for (size_t& c : count) {
      const size_t here = c;
      c = offset;
      offset += here;
    }
    for (const T& item : *from) (*to)[count[(key(item) >> (8 * pass)) & 0xFF]++] = item;
    std::swap(from, to);
  }
  if (from != items) *items = std::move(*from);
}

}  // namespace echoes

#endif  // ECHOES_UTIL_RADIX_SORT_H_
