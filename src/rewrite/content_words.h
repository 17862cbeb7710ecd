// ContentWords: a sentence as the words that carry its content (lower-cased, stemmed
// with Snowball's English stemmer, function words dropped), each marked when it sits
// inside quotation marks and when it is a number.

#ifndef ECHOES_REWRITE_CONTENT_WORDS_H_
#define ECHOES_REWRITE_CONTENT_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/huge_pages.h"

struct sb_stemmer;

namespace echoes {

struct Term {
  uint64_t stem = 0;  // hash of the stem (numbers: of their digits alone)
  bool quoted = false;
  bool number = false;
  // A number that tells one report from another: not a day of the month, a count up
  // to 31 or a year (1900-2099), which two reports of one week share by chance.
  bool telling_figure = false;
  bool negation = false;        // not, no, never, nor, without, n't
  bool name = false;            // capitalised inside its sentence: a name, a place, a month
  uint32_t begin = 0, end = 0;  // the word's bytes in the sentence
};

// Thread safety: one per thread (the stemmer keeps state).
class ContentWords {
 public:
  ContentWords();
  ~ContentWords();
  ContentWords(const ContentWords&) = delete;  // owns the stemmer
  ContentWords& operator=(const ContentWords&) = delete;

  // Replaces *out with the terms of `sentence`, in order. `quoted_at_start` says
  // whether a quotation is open when the sentence begins (quotes span sentences).
  // Returns whether one is open at its end.
  bool TermsOf(std::string_view sentence, bool quoted_at_start, std::vector<Term>* out);

 private:
  // What a lower-cased word that is not written in digits is to TermsOf.
  enum class WordKind : uint8_t { kContent, kFunction, kNumber };
  struct KnownWord {
    uint64_t key = 0;  // the word's hash, 0 for an empty slot
    uint64_t stem = 0;  // the stem's hash; for a number word, that of its digits
    WordKind kind = WordKind::kContent;
  };
  static uint64_t KeyOf(std::string_view word);
  const KnownWord& Know(uint64_t key, std::string_view word);

  sb_stemmer* stemmer_;
  // Recent words, what they are and their stems, direct-mapped by the word's hash:
  // running text repeats its words, and the stemmer (or a list lookup) costs far more
  // than one probe.
  std::vector<KnownWord, HugePageAllocator<KnownWord>> known_;

  // A word of the sentence TermsOf is reading, before it knows what the word is.
  struct RawWord {
    uint32_t begin = 0, end = 0;  // in the sentence
    uint32_t lowered = 0;         // where its lower-cased bytes begin in lowered_
    bool number = false;          // written in digits
    bool opening = false;         // first of the sentence or of a quotation
    bool quoted = false;
    uint64_t key = 0;  // KeyOf the lower-cased word; for a number, the hash of its digits
  };
  std::vector<RawWord> words_;  // scratch of TermsOf
  std::string lowered_;         // scratch of TermsOf: the words, lower-cased, end to end
};

}  // namespace echoes

#endif  // ECHOES_REWRITE_CONTENT_WORDS_H_
