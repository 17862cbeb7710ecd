// Text normalization and tokens: the form every detector compares.
//
// The normalized text of a document is its tokens joined by single spaces:
//   1. Unicode NFKC with case folding (utf8proc), default-ignorable code points
//      (soft hyphens, zero-width spaces) removed;
//   2. a token is a maximal run of letters, marks and digits (Unicode L*, M*, N*);
//      every other code point (punctuation, symbols, spaces, controls) separates;
//   3. in scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao,
//      Khmer, Myanmar) every character is a token of its own.
// So "The U.S.  economy—grew 3%." and "the u s economy grew 3" are equal.
// Invalid UTF-8 never fails: each bad sequence becomes U+FFFD (a separator) and is counted.

#ifndef ECHOES_NORMALIZE_H_
#define ECHOES_NORMALIZE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace echoes {

// What normalizing one text found.
struct NormalizeStats {
  size_t invalid_utf8 = 0;  // invalid byte sequences replaced by U+FFFD
};

// Normalizes texts. ASCII runs take a table-driven fast path; only words that hold
// non-ASCII bytes go through utf8proc.
//
// Thread safety: not thread-safe (it keeps scratch buffers); use one per thread.
class TextNormalizer {
 public:
  TextNormalizer() = default;
  TextNormalizer(const TextNormalizer&) = delete;  // scratch is per-thread state
  TextNormalizer& operator=(const TextNormalizer&) = delete;

  // Replaces *out with the normalized form of `text` (see the file comment).
  NormalizeStats Normalize(std::string_view text, std::string* out);

 private:
  // Normalizes one word that holds non-ASCII bytes, appending its tokens to *out.
  void NormalizeWord(std::string_view word, std::string* out, bool* pending_space,
                     NormalizeStats* stats);

  std::vector<int32_t> codepoints_;
  std::string repaired_;
};

// Calls fn(std::string_view token) for each token of a normalized text, in order.
template <typename Fn>
void ForEachToken(std::string_view normalized, Fn&& fn) {
  size_t start = 0;
  while (start < normalized.size()) {
    size_t end = normalized.find(' ', start);
    if (end == std::string_view::npos) end = normalized.size();
    if (end > start) fn(normalized.substr(start, end - start));
    start = end + 1;
  }
}

// Returns the tokens of a normalized text; views into `normalized`.
std::vector<std::string_view> Tokenize(std::string_view normalized);

}  // namespace echoes

#endif  // ECHOES_NORMALIZE_H_
