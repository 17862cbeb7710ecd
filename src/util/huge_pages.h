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
#include <cstdlib>
#include <new>

namespace echoes {

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
