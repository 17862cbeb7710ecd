// DistinctHashes: a record's distinct 64-bit hashes (stems), gathered one by one into
// a small open-addressing set that is reused record after record. Sorting the
// record's few hundred stems to drop repeats cost more than the rest of counting them.

#ifndef ECHOES_UTIL_DISTINCT_HASHES_H_
#define ECHOES_UTIL_DISTINCT_HASHES_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace echoes {

// Thread safety: not thread-safe; one per thread.
class DistinctHashes {
 public:
  // Forgets the previous record's hashes; `expected` bounds how many will be added
  // (more is allowed: the set grows).
  void Reset(size_t expected) {
    for (size_t s : used_) slots_[s] = kEmpty;
    used_.clear();
    values_.clear();
    has_empty_ = false;
    size_t size = 16;
    while (size < 2 * expected) size *= 2;
    if (size > slots_.size()) slots_.assign(size, kEmpty);
  }

  void Add(uint64_t h) {
    if (h == kEmpty) {  // the empty marker itself, kept aside
      if (!has_empty_) values_.push_back(h);
      has_empty_ = true;
      return;
    }
    if (2 * (values_.size() + 1) > slots_.size()) Grow();
    for (size_t s = Slot(h);; s = (s + 1) & (slots_.size() - 1)) {
      if (slots_[s] == h) return;
      if (slots_[s] == kEmpty) {
        slots_[s] = h;
        used_.push_back(s);
        values_.push_back(h);
        return;
      }
    }
  }

  // The distinct hashes added since Reset, in the order first added.
  const std::vector<uint64_t>& values() const { return values_; }

 private:
  static constexpr uint64_t kEmpty = 0;
  size_t Slot(uint64_t h) const { return static_cast<size_t>(h >> 32) & (slots_.size() - 1); }
  void Grow() {
    std::vector<uint64_t> values;
    values.swap(values_);
    slots_.assign(slots_.size() * 2, kEmpty);
    used_.clear();
    has_empty_ = false;
    for (uint64_t h : values) Add(h);  // in their first-added order again
  }

  std::vector<uint64_t> slots_;
  std::vector<size_t> used_;  // slots holding values_, to empty them on Reset
  std::vector<uint64_t> values_;
  bool has_empty_ = false;
};

}  // namespace echoes

#endif  // ECHOES_UTIL_DISTINCT_HASHES_H_
