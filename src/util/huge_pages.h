// HugePageAllocator: a std::allocator for large tables probed at random (word caches,
// per-record counters). With 4 KB pages a 6 MB table spans 1,536 pages, more than the
// TLB holds, and every probe pays a page walk on top of its cache miss; on 2 MB pages
// the same table is three entries. Linux backs such blocks with huge pages when asked
// (transparent huge pages in "madvise" mode, this machine's default); elsewhere, or for
// small blocks, it is the ordinary allocator.

#ifndef ECHOES_UTIL_HUGE_PAGES_H_
#define ECHOES_UTIL_HUGE_PAGES_H_

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace echoes {

// Asks for huge pages under the whole 2 MB pages of [data, data + bytes): for a large
// block not yet written (a vector's reserved room), so that filling it takes one page
// fault per 2 MB instead of one per 4 KB. Advice only: nothing changes where refused.
inline void AdviseHugePages(const void* data, size_t bytes) {
#ifdef MADV_HUGEPAGE
  constexpr uintptr_t kPage = uintptr_t{2} << 20;
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + kPage - 1) / kPage * kPage;
  const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) / kPage * kPage;
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;

  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: allocators convert

  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes < kHugePage) return static_cast<T*>(::operator new(bytes));
    const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (p == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(p, rounded, MADV_HUGEPAGE);  // advice: failure only means small pages
#endif
    return static_cast<T*>(p);
  }

  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kHugePage) {
      ::operator delete(p);
    } else {
      std::free(p);
    }
  }

  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

}  // namespace echoes

#endif  // ECHOES_UTIL_HUGE_PAGES_H_
