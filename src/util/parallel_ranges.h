// FindInRanges: split a count of work items over threads, join the results in order.

#ifndef ECHOES_UTIL_PARALLEL_RANGES_H_
#define ECHOES_UTIL_PARALLEL_RANGES_H_

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace echoes {

// Cuts [0, count) into `threads` contiguous ranges, runs find(first, last, &found) on
// each (the first on the calling thread), and joins the lists in range order, so the
// result does not depend on the thread count.
template <typename T, typename Find>
std::vector<T> FindInRanges(size_t count, int threads, Find find) {
  const size_t ranges = std::clamp<size_t>(static_cast<size_t>(std::max(threads, 1)), 1,
                                           std::max<size_t>(count, 1));
  std::vector<std::vector<T>> found(ranges);
  std::vector<std::thread> workers;
  for (size_t r = 1; r < ranges; ++r) {
    workers.emplace_back(find, count * r / ranges, count * (r + 1) / ranges, &found[r]);
  }
  find(0, count / ranges, &found[0]);
  for (std::thread& t : workers) t.join();
  std::vector<T> all = std::move(found[0]);
  for (size_t r = 1; r < ranges; ++r) all.insert(all.end(), found[r].begin(), found[r].end());
  return all;
}

}  // namespace echoes

#endif  // ECHOES_UTIL_PARALLEL_RANGES_H_
