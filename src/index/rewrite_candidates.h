// Rewrite candidates: records that share several sentences filed under the same
// sentence-sketch key (sketch/sentence_sketcher.h). Never verdicts: every candidate is
// aligned sentence by sentence (rewrite/alignment.h) before it becomes an edge.

#ifndef ECHOES_INDEX_REWRITE_CANDIDATES_H_
#define ECHOES_INDEX_REWRITE_CANDIDATES_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace echoes {

// Sentences of one record that the index looks at: its first 65,535 (some 2 MB of
// prose), so that a sentence's place in its record fits 16 bits. The reading pass files
// no more than these.
constexpr uint32_t kMaxFiledPerRecord = 65535;

// The filed sentences of a corpus: `bands` keys per sentence, sentence-major, and the
// record each sentence belongs to (ascending: a record's sentences are consecutive).
struct SentenceFiling {
  size_t bands = 0;
  std::vector<uint32_t> keys;
  std::vector<uint32_t> record_of;
};

struct RewriteCandidate {
  uint32_t a = 0;  // a < b, record indices
  uint32_t b = 0;
  uint32_t shared_sentences = 0;  // sentences of the side with fewer that met the other
  // The sentence pairs that met, as (filed sentence of a, filed sentence of b), each
  // counted from the record's first filed sentence; sorted.
  std::vector<std::pair<uint32_t, uint32_t>> met;
  bool by_names = false;  // also found by its rare names (name_filing.h)
};

struct RewriteIndexOptions {
  // A pair of records must share this many sentences (on each side), or all of the
  // shorter one's: a rewrite carries a sequence of rephrased sentences, two stories
  // about one event share a quote or two. The alignment then decides.
  uint32_t min_shared = 2;
  // A key filed by more sentences than this is boilerplate or a stock phrase ("The
  // company did not respond to a request for comment"), not evidence: skipped.
  size_t max_bucket = 1000;
  // Buckets above this size pair each sentence only with the bucket's first ones, so a
  // popular story with hundreds of spun copies costs O(n), not O(n²).
  size_t linked_per_bucket = 16;
};

struct RewriteIndexStats {
  uint64_t sentence_pairs = 0;     // distinct (sentence, sentence) meetings counted
  uint64_t skipped_buckets = 0;    // keys above max_bucket, summed over bands
};

// Pairs of records with sentences filed under equal keys in some band, at least
// options.min_shared of them on each side (or all sentences of a record with fewer).
// Sorted by (a, b); the same for any number of `threads` (each takes a range of bands).
std::vector<RewriteCandidate> FindRewriteCandidates(const SentenceFiling& filing,
                                                    const RewriteIndexOptions& options,
                                                    int threads, RewriteIndexStats* stats);

}  // namespace echoes

#endif  // ECHOES_INDEX_REWRITE_CANDIDATES_H_
