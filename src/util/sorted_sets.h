// Sets kept as sorted vectors without repeats: the size of an intersection by one merge.

#ifndef ECHOES_UTIL_SORTED_SETS_H_
#define ECHOES_UTIL_SORTED_SETS_H_

#include <cstddef>
#include <vector>

namespace echoes {

// |a ∩ b| for sorted vectors without repeats.
template <typename T>
size_t SortedIntersectionSize(const std::vector<T>& a, const std::vector<T>& b) {
  size_t i = 0, j = 0, shared = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return shared;
}

}  // namespace echoes

#endif  // ECHOES_UTIL_SORTED_SETS_H_
