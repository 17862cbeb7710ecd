// ContentWords: tokens are runs of letters and digits (a number keeps its inner '.'
// and ','); ASCII is lower-cased; quotation marks toggle the quoted state.

#include "rewrite/content_words.h"

#include <libstemmer.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <string>

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

const ContentWords::KnownWord& ContentWords::Know(const std::string& word) {
  const uint64_t key = XXH3_64bits(word.data(), word.size()) | 1;  // 0 marks an empty slot
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
  std::string word;
  bool starts_sentence = true;  // the next word opens the sentence (or a quotation)
  for (size_t i = 0; i < s.size();) {
    size_t quote_length = 0;
    bool opens = false, closes = false;
    if (IsQuoteAt(s, i, &quote_length, &opens, &closes)) {
      quoted = opens && closes ? !quoted : opens;
      if (quoted) starts_sentence = true;
      i += quote_length;
      continue;
    }
    // Curly single quotes and other punctuation inside UTF-8 (’ – —) are not words.
    if (s[i] == '\xE2' && s.substr(i).starts_with("\xE2\x80")) {
      i += 3;
      continue;
    }
    if (!IsWordByte(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    bool number = s[i] >= '0' && s[i] <= '9';
    const size_t begin = i;
    const bool opening = starts_sentence;
    starts_sentence = false;
    word.clear();
    while (i < s.size()) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == 0xE2 && s.substr(i).starts_with("\xE2\x80")) break;
      const bool inner = number && (c == '.' || c == ',') && i + 1 < s.size() && s[i + 1] >= '0' &&
                         s[i + 1] <= '9';
      if (!IsWordByte(c) && !inner) break;
      word.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++i;
    }
    if (word.empty()) continue;
    const KnownWord* known = number ? nullptr : &Know(word);
    if (known != nullptr && known->kind == WordKind::kFunction) continue;
    Term term;
    // A name: capitalised inside the sentence, and not a word in capitals (headlines,
    // tickers and sign-offs are written in capitals whole).
    term.name = !opening && s[begin] >= 'A' && s[begin] <= 'Z' && i - begin > 1 &&
                !(s[begin + 1] >= 'A' && s[begin + 1] <= 'Z');
    term.begin = static_cast<uint32_t>(begin);
    term.end = static_cast<uint32_t>(i);
    term.quoted = quoted;
    term.negation = IsNegation(word);
    if (number) {
      word.erase(std::remove(word.begin(), word.end(), ','), word.end());  // 3,000 = 3000
      term.stem = XXH3_64bits(word.data(), word.size());
    } else {
      number = known->kind == WordKind::kNumber;
      term.stem = known->stem;
    }
    term.number = number;
    out->push_back(term);
  }
  return quoted;
}

}  // namespace echoes
