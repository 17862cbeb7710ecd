// SentenceSketcher: a sentence's content words → the LSH keys under which it is filed,
// so that documents sharing reworded sentences meet without comparing every pair.
//
// A spun or paraphrased copy keeps few word 5-grams (the seeds share 4% of theirs) but
// keeps much of each sentence's content stems: light synonym spinning leaves about half
// of them, so the stem-set Jaccard of a rewritten sentence and its source is 0.3-0.6,
// while two unrelated sentences share almost none. Each sentence's distinct stems get a
// small MinHash signature cut into bands of few rows: a sentence pair at Jaccard J
// shares at least one key with probability 1 - (1 - J^rows)^bands.

#ifndef ECHOES_SKETCH_SENTENCE_SKETCHER_H_
#define ECHOES_SKETCH_SENTENCE_SKETCHER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "rewrite/content_words.h"

namespace echoes {

struct SentenceSketchOptions {
  int bands = 8;
  int rows = 2;
  // Sentences with fewer distinct stems ("Reuters", "Photo: AP", a dateline) say too
  // little to pair on and are not filed.
  size_t min_stems = 4;
  // The sentence's figures (its number terms, as a set) are part of every key: a
  // rewrite keeps the facts, and templated reports (quarterly results, crop figures)
  // that differ only in their numbers are different stories, not copies.
  bool numbers_in_key = true;
};

// Thread safety: not thread-safe (scratch); use one per thread.
class SentenceSketcher {
 public:
  explicit SentenceSketcher(const SentenceSketchOptions& options);

  // Writes options().bands keys for the sentence with `terms` to keys[0, bands) and
  // returns true, or returns false if the sentence is too short to file. Key b depends
  // on band b's rows only, and keys of different bands never compare equal by design
  // of their use (each band is indexed on its own).
  bool Sketch(const std::vector<Term>& terms, uint32_t* keys);

  const SentenceSketchOptions& options() const { return options_; }

  // Whether Sketch files a sentence with `terms` (it has enough distinct stems).
  bool Files(const std::vector<Term>& terms);

 private:
  SentenceSketchOptions options_;
  std::vector<uint64_t> multipliers_;  // one odd multiplier per MinHash value
  std::vector<uint32_t> minima_;       // scratch: the sentence's MinHash values
  std::vector<uint64_t> numbers_;      // scratch: its distinct number terms
};

}  // namespace echoes

#endif  // ECHOES_SKETCH_SENTENCE_SKETCHER_H_
