// TextNormalizer: NFKC + case folding + token boundaries in one pass.
//
// Most web and news text is ASCII, so each byte below 0x80 goes through a 128-entry
// table (token byte → lower-case; anything else → separator). A word that holds a
// non-ASCII byte is handed whole to utf8proc: it starts at the previous ASCII
// separator, so a combining mark after an ASCII letter ("u" + U+0308) composes with it
// exactly as NFKC over the whole text would. utf8proc writes code points into a reused
// buffer, so the hot loop does not allocate.

#include <utf8proc.h>

#include <array>
#include <cstring>

#if defined(__AVX512BW__) && defined(__AVX512VBMI__) && defined(__AVX512VBMI2__)
#include <immintrin.h>
#define ECHOES_NORMALIZE_AVX512 1
#endif

#include "echoes/normalize.h"
#include "text/utf8.h"

namespace echoes {
namespace {

// kAsciiToken[c] is the lower-case byte for an ASCII letter or digit, 0 for a separator.
constexpr std::array<char, 128> MakeAsciiTable() {
  std::array<char, 128> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) table[c] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = static_cast<char>(c - 'A' + 'a');
  return table;
}
alignas(64) constexpr std::array<char, 128> kAsciiToken = MakeAsciiTable();

#ifdef ECHOES_NORMALIZE_AVX512
// 64 ASCII bytes at once: a two-register byte permute looks every byte up in
// kAsciiToken, a separator is kept (as a space) only right after a token byte, and
// compress-store packs the kept bytes. `after_token` says whether the byte before the
// block was a token byte. Returns the bytes written.
inline size_t NormalizeAsciiBlock(const unsigned char* in, char* out, bool* after_token) {
  const __m512i bytes = _mm512_loadu_si512(in);
  const __m512i low = _mm512_load_si512(kAsciiToken.data());
  const __m512i high = _mm512_load_si512(kAsciiToken.data() + 64);
  const __m512i mapped = _mm512_permutex2var_epi8(low, bytes, high);
  const __mmask64 token = _mm512_test_epi8_mask(mapped, mapped);
  const __mmask64 after = (token << 1) | static_cast<__mmask64>(*after_token);
  const __mmask64 keep = token | (~token & after);
  const __m512i text = _mm512_mask_blend_epi8(token, _mm512_set1_epi8(' '), mapped);
  _mm512_mask_compressstoreu_epi8(out, keep, text);
  *after_token = (token >> 63) != 0;
  return static_cast<size_t>(__builtin_popcountll(keep));
}
#endif

// Scripts written without spaces between words: each character is a token.
bool IsUnspacedScript(int32_t cp) {
  return (cp >= 0x0E00 && cp <= 0x0EFF) ||  // Thai, Lao
         (cp >= 0x1000 && cp <= 0x109F) ||  // Myanmar
         (cp >= 0x1780 && cp <= 0x17FF) ||  // Khmer
         (cp >= 0x3040 && cp <= 0x30FF) ||  // Hiragana, Katakana
         (cp >= 0x31F0 && cp <= 0x31FF) ||  // Katakana phonetic extensions
         (cp >= 0x3400 && cp <= 0x4DBF) ||  // Han extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||  // Han
         (cp >= 0xF900 && cp <= 0xFAFF) ||  // Han compatibility
         (cp >= 0xFF66 && cp <= 0xFF9F) ||  // half-width Katakana (NFKC maps most away)
         (cp >= 0x20000 && cp <= 0x3134F);  // Han extensions B..G
}

bool IsTokenCategory(utf8proc_category_t category) {
  switch (category) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

void AppendCodepoint(int32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// utf8proc applies COMPAT only when COMPOSE or DECOMPOSE is also set; composition
// itself happens in utf8proc_normalize_utf32.
constexpr utf8proc_option_t kDecomposeOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
constexpr utf8proc_option_t kComposeOptions =
    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE);

}  // namespace

NormalizeStats TextNormalizer::Normalize(std::string_view text, std::string* out) {
  NormalizeStats stats;
  // ASCII output never outgrows its input, so the hot loop writes through a raw pointer
  // into a buffer sized up front; only the utf8proc path appends to the string.
  constexpr size_t kSlack = 16;  // the branchless loop stores one byte past its output
  out->resize(text.size() + kSlack);
  char* begin = out->data();
  char* w = begin;
  bool pending_space = false;  // a separator was seen since the last token byte
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
#ifdef ECHOES_NORMALIZE_AVX512
    // Whole 64-byte ASCII blocks. The block writes a separator's space eagerly (after
    // the token before it), so first settle a space still pending from the scalar path.
    if (i + 64 <= n) {
      if (pending_space && w != begin && w[-1] != ' ') *w++ = ' ';
      pending_space = false;
      bool after_token = w != begin && w[-1] != ' ';
      while (i + 64 <= n) {
        const __mmask64 high_bits = _mm512_movepi8_mask(_mm512_loadu_si512(p + i));
        if (high_bits != 0) break;
        w += NormalizeAsciiBlock(p + i, w, &after_token);
        i += 64;
      }
      // Back to the scalar paths' lazy spaces.
      if (w != begin && w[-1] == ' ') {
        --w;
        pending_space = true;
      }
    }
#endif
    // Branchless over blocks of 8 ASCII bytes: which byte is a letter or a separator
    // follows the text, not a pattern, so branches on it would mispredict once a word.
    // Each byte stores a space (kept only before a token that follows a separator)
    // and its token byte (kept only if it is one).
    for (; i + 8 <= n; i += 8) {
      uint64_t block;
      std::memcpy(&block, p + i, 8);
      if (block & 0x8080808080808080ULL) break;
      for (size_t k = 0; k < 8; ++k) {
        const char t = kAsciiToken[p[i + k]];
        const bool token = t != 0;
        *w = ' ';
        w += token & pending_space & (w != begin);
        *w = t;
        w += token;
        pending_space = !token;
      }
    }
    for (; i < n; ++i) {
      const unsigned char c = p[i];
      if (c >= 0x80) break;
      const char t = kAsciiToken[c];
      if (t == 0) {
        pending_space = true;
        continue;
      }
      if (pending_space) {
        *w = ' ';
        w += (w != begin);  // no space before the first token
        pending_space = false;
      }
      *w++ = t;
      if (i + 8 <= n && (i & 7) == 7) {
        ++i;
        break;  // back to whole blocks
      }
    }
    if (i >= n) break;
    if (p[i] < 0x80) continue;
    // A non-ASCII byte. Its word began after the last ASCII separator: take back the
    // ASCII letters already written for it (they map one to one) and hand the whole
    // word, up to the next ASCII separator, to utf8proc.
    size_t word_start = i;
    while (word_start > 0 && p[word_start - 1] < 0x80 && kAsciiToken[p[word_start - 1]] != 0) {
      --word_start;
    }
    w -= i - word_start;
    size_t end = i;
    while (end < n && !(p[end] < 0x80 && kAsciiToken[p[end]] == 0)) ++end;
    out->resize(static_cast<size_t>(w - begin));
    if (!out->empty() && out->back() != ' ') pending_space = true;
    NormalizeWord(text.substr(word_start, end - word_start), out, &pending_space, &stats);
    // Room again for the rest of the input, written through the pointer.
    const size_t written = out->size();
    out->resize(written + (n - end) + kSlack);
    begin = out->data();
    w = begin + written;
    i = end;
  }
  out->resize(static_cast<size_t>(w - begin));
  if (!out->empty() && out->back() == ' ') out->pop_back();
  return stats;
}

void TextNormalizer::NormalizeWord(std::string_view word, std::string* out, bool* pending_space,
                                   NormalizeStats* stats) {
  if (!IsValidUtf8(word)) {
    stats->invalid_utf8 += RepairUtf8(word, &repaired_);
    word = repaired_;
  }
  // Decompose with case folding into code points, growing the buffer until it fits.
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(word.data());
  const auto length = static_cast<utf8proc_ssize_t>(word.size());
  if (codepoints_.size() < word.size() + 8) codepoints_.resize(word.size() * 2 + 8);
  utf8proc_ssize_t n;
  for (;;) {
    n = utf8proc_decompose(bytes, length, codepoints_.data(),
                           static_cast<utf8proc_ssize_t>(codepoints_.size()), kDecomposeOptions);
    if (n < 0) return;  // cannot happen on repaired input; drop the word rather than fail
    if (static_cast<size_t>(n) <= codepoints_.size()) break;
    codepoints_.resize(static_cast<size_t>(n));
  }
  n = utf8proc_normalize_utf32(codepoints_.data(), n, kComposeOptions);
  if (n < 0) return;

  for (utf8proc_ssize_t k = 0; k < n; ++k) {
    const int32_t cp = codepoints_[static_cast<size_t>(k)];
    const bool unspaced = IsUnspacedScript(cp);
    if (!unspaced && !IsTokenCategory(utf8proc_category(cp))) {
      *pending_space = true;
      continue;
    }
    if (unspaced) *pending_space = true;  // a token of its own: separated on both sides
    if (*pending_space) {
      if (!out->empty()) out->push_back(' ');
      *pending_space = false;
    }
    AppendCodepoint(cp, out);
    if (unspaced) *pending_space = true;
  }
}

std::vector<std::string_view> Tokenize(std::string_view normalized) {
  std::vector<std::string_view> tokens;
  ForEachToken(normalized, [&](std::string_view t) { tokens.push_back(t); });
  return tokens;
}

}  // namespace echoes
