// SplitSentences: one pass over the bytes; a candidate end is checked against the
// word before it and the text after it.

#include "text/sentence_splitter.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <string>

#include "text/hard_wrap.h"

namespace echoes {
namespace {

// Abbreviations after which a period rarely ends a sentence when a capitalised word
// follows (titles, months, common news abbreviations), lower-cased, without the dot.
constexpr std::array<std::string_view, 44> kAbbreviations = {
    "mr",  "mrs",  "ms",  "dr",   "prof", "sr",   "jr",  "st",   "gen",    "gov",  "sen",
    "rep", "lt",   "col", "capt", "sgt",  "rev",  "hon", "pres", "jan",    "feb",  "mar",
    "apr", "jun",  "jul", "aug",  "sep",  "sept", "oct", "nov",  "dec",    "no",   "vs",
    "inc", "corp", "co",  "ltd",  "mt",   "ft",   "ave", "blvd", "approx", "dept", "est"};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || IsUpper(c); }

// Closing quotes and brackets that may follow the end punctuation: " ' ) ] ” ’ »
size_t SkipClosers(std::string_view t, size_t i) {
  for (;;) {
    if (i < t.size() && (t[i] == '"' || t[i] == '\'' || t[i] == ')' || t[i] == ']')) {
      ++i;
    } else if (t.substr(i).starts_with("\xE2\x80\x9D") || t.substr(i).starts_with("\xE2\x80\x99")) {
      i += 3;
    } else if (t.substr(i).starts_with("\xC2\xBB")) {
      i += 2;
    } else {
      return i;
    }
  }
}

// True if what starts at t[i] can begin a sentence: a capital, a digit, an opening
// quote or bracket, or a non-ASCII letter (we cannot tell its case cheaply).
bool CanStart(std::string_view t, size_t i) {
  if (i >= t.size()) return true;
  const char c = t[i];
  if (IsUpper(c) || IsDigit(c) || c == '"' || c == '\'' || c == '(' || c == '[') return true;
  if (t.substr(i).starts_with("\xE2\x80\x9C") || t.substr(i).starts_with("\xE2\x80\x98"))
    return true;
  return (static_cast<unsigned char>(c) & 0x80) != 0 && !t.substr(i).starts_with("\xE2\x80");
}

// The word that ends just before position `dot` (letters and inner dots: "U.S").
std::string_view WordBefore(std::string_view t, size_t dot) {
  size_t start = dot;
  while (start > 0 && (IsLetter(t[start - 1]) || t[start - 1] == '.')) --start;
  return t.substr(start, dot - start);
}

bool IsAbbreviationBefore(std::string_view t, size_t dot) {
  const std::string_view word = WordBefore(t, dot);
  if (word.empty()) return false;
  if (word.size() == 1 && IsUpper(word[0])) return true;      // an initial: "John F. Kennedy"
  if (word.find('.') != std::string_view::npos) return true;  // "U.S", "a.m"
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), lower) != kAbbreviations.end();
}

// The first position at or after i that holds a line break or end punctuation
// (. ! ?), or t.size(). They are one byte in thirty of news text: scanning for them
// sixteen bytes at a time (SSE2) beats looking at every byte.
size_t NextBreakOrEnd(std::string_view t, size_t i) {
#ifdef __SSE2__
  const __m128i newline = _mm_set1_epi8('\n'), period = _mm_set1_epi8('.');
  const __m128i bang = _mm_set1_epi8('!'), question = _mm_set1_epi8('?');
  for (; i + 16 <= t.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + i));
    const __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, newline), _mm_cmpeq_epi8(v, period)),
        _mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(v, question)));
    if (const int mask = _mm_movemask_epi8(hit); mask != 0) {
      return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
  }
#endif
  for (; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '\n' || c == '.' || c == '!' || c == '?') return i;
  }
  return t.size();
}

void Add(std::string_view t, size_t begin, size_t end, std::vector<SentenceSpan>* out) {
  while (begin < end && (IsSpace(t[begin]) || t[begin] == '\n')) ++begin;
  while (end > begin && (IsSpace(t[end - 1]) || t[end - 1] == '\n')) --end;
  if (end > begin) out->push_back({begin, end});
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view t) {
  std::vector<SentenceSpan> out;
  size_t begin = 0;
  // In hard-wrapped prose a line break inside a paragraph is a space.
  const bool wrapped = LooksHardWrapped(t);
  for (size_t i = NextBreakOrEnd(t, 0); i < t.size(); i = NextBreakOrEnd(t, i + 1)) {
    const char c = t[i];
    if (c == '\n' && wrapped && IsWrapBreak(t, i)) continue;
    if (c == '\n') {
      Add(t, begin, i, &out);
      begin = i + 1;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    // "3.5", "$1.8", "example.com": a period inside a token.
    if (c == '.' && i + 1 < t.size() && !IsSpace(t[i + 1]) && t[i + 1] != '\n' && t[i + 1] != '"' &&
        t[i + 1] != '\'' && t[i + 1] != ')' && !t.substr(i + 1).starts_with("\xE2\x80")) {
      continue;
    }
    size_t end = i + 1;
    while (end < t.size() && (t[end] == '.' || t[end] == '!' || t[end] == '?'))
      ++end;  // "?!", "..."
    end = SkipClosers(t, end);
    if (end < t.size() && !IsSpace(t[end]) && t[end] != '\n') continue;
    size_t next = end;
    while (next < t.size() && IsSpace(t[next])) ++next;
    if (next < t.size() && t[next] != '\n' && !CanStart(t, next)) continue;
    if (c == '.' && end == i + 1 && IsAbbreviationBefore(t, i) && next < t.size() &&
        t[next] != '\n' && (IsUpper(t[next]) || IsDigit(t[next]))) {
      // "Mr. Blinken", "U.S. Secretary", "Oct. 8": not an end. (After "U.S." a sentence can end;
      // the capital that follows then usually starts a common word, which we cannot
      // tell apart cheaply: keeping the two together costs less than a false split.)
      continue;
    }
    Add(t, begin, end, &out);
    begin = end;
    i = end - 1;
  }
  Add(t, begin, t.size(), &out);
  return out;
}

}  // namespace echoes
