// DocumentTable::Append: concatenation with offsets rebased.

#include "pipeline/document_table.h"

#include "util/huge_pages.h"

namespace echoes {

void DocumentTable::Append(DocumentTable&& other) {
  const uint64_t id_base = ids.size();
  const uint64_t record_base = docs.size();
  ids.append(other.ids);
  // insert() grows geometrically; an exact reserve() here would copy the whole table
  // on every batch.
  docs.insert(docs.end(), other.docs.begin(), other.docs.end());
  for (size_t i = record_base; i < docs.size(); ++i) docs[i].id_offset += id_base;
  signature_size = other.signature_size;
  band_count = other.band_count;
  signatures.insert(signatures.end(), other.signatures.begin(), other.signatures.end());
  band_keys.insert(band_keys.end(), other.band_keys.begin(), other.band_keys.end());
  sentence_bands = other.sentence_bands;
  sentence_keys.insert(sentence_keys.end(), other.sentence_keys.begin(), other.sentence_keys.end());
  name_stems.insert(name_stems.end(), other.name_stems.begin(), other.name_stems.end());
  for (ShingleSample sample : other.samples) {
    sample.record += static_cast<uint32_t>(record_base);
    samples.push_back(sample);
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

void DocumentTable::ReserveScaled(double factor, bool sketches_spill, bool samples_spill) {
  const auto grow = [factor](auto* v) {
    v->reserve(static_cast<size_t>(static_cast<double>(v->size()) * factor));
    AdviseHugePages(v->data(), v->capacity() * sizeof(*v->data()));
  };
  grow(&docs);
  grow(&ids);
  grow(&sentence_keys);
  grow(&name_stems);
  if (!sketches_spill) {
    grow(&signatures);
    grow(&band_keys);
  }
  if (!samples_spill) grow(&samples);
}

}  // namespace echoes
