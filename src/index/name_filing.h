// Rewrite candidates by names: a heavy rephrasing keeps few of a sentence's words, so
// its sentences seldom meet their sources' in the sentence index, but it keeps who,
// where and how much: the story's rare names and figures. Each record with enough
// rare names is filed as one pseudo-sentence whose keys are the bands of a MinHash of
// that set; FindRewriteCandidates (rewrite_candidates.h) then pairs records that meet
// in a band. Two articles about one event share names too: never a verdict, every
// candidate is aligned (rewrite/alignment.h) before it becomes an edge.

#ifndef ECHOES_INDEX_NAME_FILING_H_
#define ECHOES_INDEX_NAME_FILING_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "index/rewrite_candidates.h"
#include "rewrite/sentence_similarity.h"

namespace echoes {

struct NameFilingOptions {
  // A pair of records at name-set Jaccard J meets in some band with probability
  // 1 - (1 - J^rows)^bands: 0.88 at J = 0.5, 0.36 at 0.3, 0.002 at 0.05. Three rows, not
  // two: in the benchmark corpus, whose records draw sentences from one pool, two rows
  // made a million candidates in 200 MB (20 times the sentence index's) for no more edges.
  size_t bands = 16;
  size_t rows = 3;
  // Records with fewer rare names (a market report, a brief) are not filed: a pair of
  // two or three shared names is a coincidence at corpus scale.
  size_t min_names = 4;
  // A name in more records than this (a country, the agency's own name) is not rare.
  uint64_t max_records = 1000;
};

// One pseudo-sentence for each record of `records` (ascending) with at least
// options.min_names rare names among `names_of(record)` (distinct low 32 bits of its
// name stems, DocumentTable::name_stems), rarity judged by `weights`.
template <typename NamesOf>
SentenceFiling FileByNames(const std::vector<uint32_t>& records, NamesOf names_of,
                           const TermWeights& weights, const NameFilingOptions& options = {});

// The keys of one record's rare names (any order, distinct) into keys[0, bands).
void NameKeys(std::span<const uint32_t> rare_names, const NameFilingOptions& options,
              uint32_t* keys);

// Whether a name with this weight is rare in a corpus of `documents` records.
double MinRareNameWeight(uint64_t documents, const NameFilingOptions& options);

template <typename NamesOf>
SentenceFiling FileByNames(const std::vector<uint32_t>& records, NamesOf names_of,
                           const TermWeights& weights, const NameFilingOptions& options) {
  SentenceFiling filing;
  filing.bands = options.bands;
  const double min_weight = MinRareNameWeight(weights.documents(), options);
  std::vector<uint32_t> rare;
  for (uint32_t r : records) {
    rare.clear();
    for (uint32_t name : names_of(r)) {
      if (weights.Weight(name) >= min_weight) rare.push_back(name);
    }
    if (rare.size() < options.min_names) continue;
    filing.record_of.push_back(r);
    filing.keys.resize(filing.keys.size() + options.bands);
    NameKeys(rare, options, filing.keys.data() + filing.keys.size() - options.bands);
  }
  return filing;
}

}  // namespace echoes

#endif  // ECHOES_INDEX_NAME_FILING_H_
