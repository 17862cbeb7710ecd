// KeepFreedMemoryInHeap: glibc malloc settings for a process that allocates and frees
// large buffers over and over.

#ifndef ECHOES_UTIL_KEEP_FREED_MEMORY_H_
#define ECHOES_UTIL_KEEP_FREED_MEMORY_H_

#include <malloc.h>

namespace echoes {

// The dedup stages allocate and free buffers of tens of MB one after another (band
// keys, radix scratch, candidate lists), and the HTML parser grows and drops its node
// pools page after page. By default glibc maps each such buffer afresh and unmaps it on
// free, so every reuse pays its page faults again: in a VM these were a quarter of a
// run's time and, under the mmap lock, what kept two threads from scaling. Keeping
// freed memory in the heap lets the next stage, or the next page, reuse it. Call first
// thing in main().
inline void KeepFreedMemoryInHeap() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest accepted value
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
}

}  // namespace echoes

#endif  // ECHOES_UTIL_KEEP_FREED_MEMORY_H_
