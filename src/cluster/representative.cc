#include "cluster/representative.h"

namespace echoes {

bool PrefersAsRepresentative(const DocumentInfo& a, uint64_t a_index, const DocumentInfo& b,
                             uint64_t b_index) {
  const bool a_dated = a.date != kNoDate;
  const bool b_dated = b.date != kNoDate;
  if (a_dated != b_dated) return a_dated;
  if (a_dated && a.date != b.date) return a.date < b.date;
  if (a.text_bytes != b.text_bytes) return a.text_bytes > b.text_bytes;
  return a_index < b_index;
}

}  // namespace echoes
