// RadixSort: a stable LSD radix sort on unsigned integer keys.
//
// The candidate stages sort tens of millions of (key, record) pairs; comparison sorts
// spent over a fifth of a near-duplicate run there. Eleven bits per pass (2,048
// counters stay in L1, and a 32-bit key takes three passes instead of four), one
// counting pass for all digits, and passes where every element has the same digit
// are skipped (the high bits of small keys), so a sort is a few linear sweeps.

#ifndef ECHOES_UTIL_RADIX_SORT_H_
#define ECHOES_UTIL_RADIX_SORT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace echoes {

// Sorts `items` by key(item), an unsigned integer of at most 8 bytes, keeping the order
// of items with equal keys. `scratch` is resized to items->size() and may be reused
// across calls: a large sort's scratch costs page faults on every fresh allocation.
template <typename T, typename KeyFn>
void RadixSort(std::vector<T>* items, KeyFn key, std::vector<T>* scratch) {
  constexpr int kDigitBits = 11;
  constexpr int kPasses = (64 + kDigitBits - 1) / kDigitBits;
  constexpr size_t kBuckets = size_t{1} << kDigitBits;
  constexpr uint64_t kDigitMask = kBuckets - 1;
  const size_t n = items->size();
  if (n < 2) return;
  std::vector<std::array<size_t, kBuckets>> counts(kPasses);
  for (auto& c : counts) c.fill(0);
  for (const T& item : *items) {
    const uint64_t k = key(item);
    for (int pass = 0; pass < kPasses; ++pass) ++counts[pass][(k >> (kDigitBits * pass)) & kDigitMask];
  }
  scratch->resize(n);
  std::vector<T>* from = items;
  std::vector<T>* to = scratch;
  for (int pass = 0; pass < kPasses; ++pass) {
    std::array<size_t, kBuckets>& count = counts[pass];
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
    T* out = to->data();
    for (const T& item : *from) out[count[(key(item) >> (kDigitBits * pass)) & kDigitMask]++] = item;
    std::swap(from, to);
  }
  if (from != items) items->swap(*from);
}

// The same with a scratch vector of its own.
template <typename T, typename KeyFn>
void RadixSort(std::vector<T>* items, KeyFn key) {
  std::vector<T> scratch;
  RadixSort(items, key, &scratch);
}

}  // namespace echoes

#endif  // ECHOES_UTIL_RADIX_SORT_H_
