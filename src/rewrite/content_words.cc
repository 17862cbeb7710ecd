// ContentWords: tokens are runs of letters and digits (a number runs on over its inner
// '.', ',', '/' and '-', and is keyed by its digits alone, since "3,000", "3.000" and
// "3000" are one figure in different conventions, as are "4.25" and "4,25", while a
// bond priced at "101-7/8" is not one priced at "101-1/4"); ASCII is lower-cased;
// quotation marks toggle the quoted state.

#include "rewrite/content_words.h"

#include <libstemmer.h>
#define XXH_INLINE_ALL  // short words: the call costs more than the hash
#include <xxhash.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <string>

#include "util/bytes.h"

namespace echoes {
namespace {

// English function words: they carry no content of their own. A short list on
// purpose: on MSRP, dropping fewer words (keeping "said", "not", pronouns) matches
// paraphrases better than long stop lists.
constexpr std::array<std::string_view, 24> kFunctionWords = {
    "a",  "an",   "the",  "of",   "to", "in",  "and", "or",   "is", "are", "was", "were",
    "be", "been", "that", "this", "it", "its", "for", "with", "as", "on",  "at",  "by"};

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Lower-cases into `out` the run of word bytes of s starting at i, stopping at the
// first byte that is not one or is 0xE2 (the lead byte of curly quotes and dashes,
// which TermsOf looks at itself), and returns the run's length. `out` has room for 16
// bytes past the run. Sixteen bytes at a time where SSE2 is there: a word is a few
// bytes, and a byte-by-byte loop was half the time of TermsOf.
size_t LowerWordRun(std::string_view s, size_t i, char* out) {
  const size_t start = i;
#ifdef __SSE2__
  while (i + 16 <= s.size()) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const auto in = [&](__m128i x, char low, char high) {
      return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(low - 1))),
                           _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(high + 1)), x));
    };
    const __m128i letter = in(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
    const __m128i digit = in(v, '0', '9');
    const __m128i upper = in(v, 'A', 'Z');
    const __m128i e2 = _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE2)));
    const unsigned word = (static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit))) |
                           static_cast<unsigned>(_mm_movemask_epi8(v))) &
                          ~static_cast<unsigned>(_mm_movemask_epi8(e2));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + (i - start)),
                     _mm_add_epi8(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
    const unsigned stops = ~word & 0xFFFF;
    if (stops != 0) return i - start + static_cast<size_t>(__builtin_ctz(stops));
    i += 16;
  }
#endif
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (!IsWordByte(c) || c == 0xE2) break;
    out[i - start] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return i - start;
}

bool IsFunctionWord(std::string_view word) {
  if (word.size() > 4) return false;  // the longest is "been", "that", "this", "with"
  for (std::string_view f : kFunctionWords) {
    if (f.size() == word.size() && f[0] == word[0] && f == word) return true;
  }
  return false;
}

// The digits of a number written as a word ("seven" → "7", "forty" → "40"), or empty.
// Scale words (hundred, million) stay words: "10 million" and "10 billion" differ in
// them, and a figure is compared as the set of its numbers.
std::string_view DigitsOfNumberWord(std::string_view w) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 28> kNumberWords = {{
      {"zero", "0"},      {"one", "1"},        {"two", "2"},       {"three", "3"},
      {"four", "4"},      {"five", "5"},       {"six", "6"},       {"seven", "7"},
      {"eight", "8"},     {"nine", "9"},       {"ten", "10"},      {"eleven", "11"},
      {"twelve", "12"},   {"thirteen", "13"},  {"fourteen", "14"}, {"fifteen", "15"},
      {"sixteen", "16"},  {"seventeen", "17"}, {"eighteen", "18"}, {"nineteen", "19"},
      {"twenty", "20"},   {"thirty", "30"},    {"forty", "40"},    {"fifty", "50"},
      {"sixty", "60"},    {"seventy", "70"},   {"eighty", "80"},   {"ninety", "90"}}};
  if (w.size() < 3 || w.size() > 9) return {};
  for (const auto& [word, digits] : kNumberWords) {
    if (word.size() == w.size() && word == w) return digits;
  }
  return {};
}

// `digits`: a number's digits, `separated` when written with an inner separator
// ("6.6", "3,000", "101-7/8"): those always tell.
bool IsTellingFigure(std::string_view digits, bool separated) {
  if (separated || digits.size() > 4) return true;
  if (digits.size() == 4) return !(digits.starts_with("19") || digits.starts_with("20"));
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value > 31;
}

// "didn't" gives "didn" and "t".
bool IsNegation(std::string_view w) {
  return w == "not" || w == "no" || w == "never" || w == "nor" || w == "without" || w == "t";
}

bool IsQuoteAt(std::string_view s, size_t i, size_t* length, bool* opens, bool* closes) {
  *opens = *closes = false;
  if (s[i] == '"') {
    *length = 1;
    *opens = *closes = true;  // straight quotes toggle
    return true;
  }
  if (s[i] != '\xE2') return false;
  if (s.substr(i).starts_with("\xE2\x80\x9C")) {  // “
    *length = 3;
    *opens = true;
    return true;
  }
  if (s.substr(i).starts_with("\xE2\x80\x9D")) {  // ”
    *length = 3;
    *closes = true;
    return true;
  }
  return false;
}

}  // namespace

constexpr size_t kKnownWordSlots = size_t{1} << 18;

ContentWords::ContentWords()
    : stemmer_(sb_stemmer_new("english", "UTF_8")), known_(kKnownWordSlots) {}

uint64_t ContentWords::KeyOf(std::string_view word) {
  // Words of up to 16 bytes (nearly all) by two multiplications; `word` has 8
  // readable bytes past its end (TermsOf pads lowered_), so the loads need no care.
  // Only the cache sees these keys; stems are hashed with XXH3.
  if (word.size() > 16) return XXH3_64bits(word.data(), word.size()) | 1;
  const size_t n = word.size();
  const uint64_t low = LoadLow(word.data(), n);
  const uint64_t high = n > 8 ? LoadLow(word.data() + 8, n - 8) : 0;
  uint64_t h = (low ^ 0x9E3779B97F4A7C15) * 0xBF58476D1CE4E5B9;
  h ^= (high + n) * 0x94D049BB133111EB;
  h ^= h >> 31;
  h *= 0xD6E8FEB86CAD4D63;
  return (h ^ (h >> 29)) | 1;  // 0 marks an empty slot
}

const ContentWords::KnownWord& ContentWords::Know(uint64_t key, std::string_view word) {
  KnownWord& slot = known_[key & (kKnownWordSlots - 1)];
  if (slot.key == key) return slot;
  slot.key = key;
  if (IsFunctionWord(word)) {
    slot.kind = WordKind::kFunction;
    slot.stem = 0;
  } else if (const std::string_view digits = DigitsOfNumberWord(word); !digits.empty()) {
    slot.kind = WordKind::kNumber;  // "four cts" and "4 cts" state the same figure
    slot.stem = XXH3_64bits(digits.data(), digits.size());
  } else {
    slot.kind = WordKind::kContent;
    const sb_symbol* stem = sb_stemmer_stem(
        stemmer_, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    slot.stem = stem == nullptr
                    ? XXH3_64bits(word.data(), word.size())
                    : XXH3_64bits(stem, static_cast<size_t>(sb_stemmer_length(stemmer_)));
  }
  return slot;
}

ContentWords::~ContentWords() { sb_stemmer_delete(stemmer_); }

bool ContentWords::TermsOf(std::string_view s, bool quoted, std::vector<Term>* out) {
  out->clear();
  // First the sentence's words, lower-cased, each one's cache slot fetched as soon as
  // its key is known; then what they are. A probe misses the cache about every other
  // word, and a sentence's misses overlap when they are not waited for one by one.
  words_.clear();
  // The lower-cased words never outgrow the sentence; 16 bytes more for the stores of
  // LowerWordRun and the loads of KeyOf.
  lowered_.resize(s.size() + 16);
  char* const lowered = lowered_.data();
  uint32_t lowered_size = 0;
  bool starts_sentence = true;  // the next word opens the sentence (or a quotation)
  for (size_t i = 0; i < s.size();) {
    const auto first = static_cast<unsigned char>(s[i]);
    if (first == '"' || first == 0xE2) {
      size_t quote_length = 0;
      bool opens = false, closes = false;
      if (IsQuoteAt(s, i, &quote_length, &opens, &closes)) {
        quoted = opens && closes ? !quoted : opens;
        if (quoted) starts_sentence = true;
        i += quote_length;
        continue;
      }
      // Curly single quotes and other punctuation inside UTF-8 (’ – —) are not words.
      if (first == 0xE2 && s.substr(i).starts_with("\xE2\x80")) {
        i += 3;
        continue;
      }
    }
    if (!IsWordByte(first)) {
      ++i;
      continue;
    }
    // Filled in place: a struct of bytes built on the stack and copied in whole makes
    // the copy wait on a failed store forward, which cost a fifth of this function.
    RawWord& w = words_.emplace_back();
    w.number = first >= '0' && first <= '9';
    w.begin = static_cast<uint32_t>(i);
    w.opening = starts_sentence;
    w.quoted = quoted;
    w.lowered = lowered_size;
    starts_sentence = false;
    while (true) {
      const size_t run = LowerWordRun(s, i, lowered + lowered_size);
      i += run;
      lowered_size += static_cast<uint32_t>(run);
      if (i >= s.size()) break;
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == 0xE2) {  // a letter or symbol of that UTF-8 block, unless punctuation
        if (s.substr(i).starts_with("\xE2\x80")) break;
        lowered[lowered_size++] = s[i++];
        continue;
      }
      const bool separator = c == '.' || c == ',' || c == '/' || c == '-';
      const bool inner = separator && w.number && i + 1 < s.size() && s[i + 1] >= '0' &&
                         s[i + 1] <= '9';
      if (!inner) break;
      ++i;  // 3,000 = 3.000 = 3000; 101-7/8 is one price
    }
    w.end = static_cast<uint32_t>(i);
    const std::string_view word(lowered + w.lowered, lowered_size - w.lowered);
    w.key = w.number ? XXH3_64bits(word.data(), word.size()) : KeyOf(word);
    if (!w.number) __builtin_prefetch(&known_[w.key & (kKnownWordSlots - 1)]);
  }
  for (size_t k = 0; k < words_.size(); ++k) {
    const RawWord& w = words_[k];
    const uint32_t lowered_end = k + 1 < words_.size() ? words_[k + 1].lowered : lowered_size;
    const std::string_view word(lowered + w.lowered, lowered_end - w.lowered);
    const KnownWord* known = w.number ? nullptr : &Know(w.key, word);
    if (known != nullptr && known->kind == WordKind::kFunction) continue;
    Term& term = out->emplace_back();  // in place, as above
    // A name: capitalised inside the sentence, and not a word in capitals (headlines,
    // tickers and sign-offs are written in capitals whole).
    term.name = !w.opening && s[w.begin] >= 'A' && s[w.begin] <= 'Z' && w.end - w.begin > 1 &&
                !(s[w.begin + 1] >= 'A' && s[w.begin + 1] <= 'Z');
    term.begin = w.begin;
    term.end = w.end;
    term.quoted = w.quoted;
    term.negation = IsNegation(word);
    term.number = w.number || known->kind == WordKind::kNumber;
    if (w.number) {
      term.telling_figure = IsTellingFigure(word, word.size() != w.end - w.begin);
    } else if (term.number) {
      term.telling_figure = IsTellingFigure(DigitsOfNumberWord(word), false);
    }
    term.stem = w.number ? w.key : known->stem;
  }
  return quoted;
}

}  // namespace echoes
