// UTF-8 repair by the table of well-formed byte sequences (Unicode 15, table 3-7);
// ASCII is skipped eight bytes at a time, since nearly all text is mostly ASCII.
// Whole-text validation is simdjson's.

#include "text/utf8.h"

#include <simdjson.h>

#include <cstdint>
#include <cstring>

namespace echoes {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

inline bool InRange(unsigned char c, unsigned char lo, unsigned char hi) {
  return c >= lo && c <= hi;
}

// Length of the ASCII prefix of s.
size_t AsciiPrefix(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

}  // namespace

size_t ValidUtf8SequenceLength(std::string_view s) {
  if (s.empty()) return 0;
  auto b = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  if (InRange(c, 0xC2, 0xDF)) return s.size() >= 2 && InRange(b(1), 0x80, 0xBF) ? 2 : 0;
  if (InRange(c, 0xE0, 0xEF)) {
    if (s.size() < 3) return 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
    return InRange(b(1), lo, hi) && InRange(b(2), 0x80, 0xBF) ? 3 : 0;
  }
  if (InRange(c, 0xF0, 0xF4)) {
    if (s.size() < 4) return 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // past U+10FFFF
    return InRange(b(1), lo, hi) && InRange(b(2), 0x80, 0xBF) && InRange(b(3), 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

bool IsValidUtf8(std::string_view s) {
  // simdjson's validator checks 64 bytes at a time (whole web pages go through here).
  return simdjson::validate_utf8(s.data(), s.size());
}

size_t RepairUtf8(std::string_view s, std::string* out) {
  out->clear();
  out->reserve(s.size() + 16);
  size_t replaced = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t ascii = AsciiPrefix(s.substr(i));
    out->append(s.data() + i, ascii);
    i += ascii;
    if (i >= s.size()) break;
    size_t n = ValidUtf8SequenceLength(s.substr(i));
    if (n > 0) {
      out->append(s.data() + i, n);
      i += n;
    } else {
      out->append(kReplacement, 3);
      ++replaced;
      ++i;
    }
  }
  return replaced;
}

}  // namespace echoes
