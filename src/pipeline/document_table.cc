// DocumentTable::Append: concatenation with offsets rebased.

#include "pipeline/document_table.h"

namespace echoes {

void DocumentTable::Append(DocumentTable&& other) {
  const uint64_t id_base = ids.size();
  const uint64_t record_base = docs.size();
  ids.append(other.ids);
  docs.reserve(docs.size() + other.docs.size());
  for (DocumentInfo doc : other.docs) {
    doc.id_offset += id_base;
    docs.push_back(doc);
  }
  for (Rejection& r : other.rejections) {
    r.record += record_base;
    rejections.push_back(std::move(r));
  }
  repaired_utf8 += other.repaired_utf8;
  generated_ids += other.generated_ids;
  unparsed_dates += other.unparsed_dates;
  text_bytes += other.text_bytes;
  other = DocumentTable();
}

}  // namespace echoes
