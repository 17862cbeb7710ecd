// The fast normalizer against a slow, obviously correct one: utf8proc over the whole
// text at once, then token classes per code point. Random texts mix every path the
// fast one takes: ASCII blocks, words with accents (composed and not), combining marks
// after ASCII letters, full-width forms, CJK, punctuation, ignorables, invalid bytes.

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <random>

#include "echoes/normalize.h"
#include "text/utf8.h"

namespace echoes {
namespace {

bool Unspaced(int32_t cp) {
  return (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) ||
         (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x3040 && cp <= 0x30FF) ||
         (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFF66 && cp <= 0xFF9F) || (cp >= 0x20000 && cp <= 0x3134F);
}

std::string SlowNormalize(std::string_view text) {
  std::string valid;
  RepairUtf8(text, &valid);
  utf8proc_uint8_t* mapped = nullptr;
  const auto options = static_cast<utf8proc_option_t>(
      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
                                    static_cast<utf8proc_ssize_t>(valid.size()), &mapped, options);
  EXPECT_GE(n, 0);
  std::string out;
  bool pending = false;
  for (utf8proc_ssize_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    i += utf8proc_iterate(mapped + i, n - i, &cp);
    const utf8proc_category_t cat = utf8proc_category(cp);
    const bool token = Unspaced(cp) || (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);
    if (!token) {
      pending = true;
      continue;
    }
    if ((pending || Unspaced(cp)) && !out.empty()) out.push_back(' ');
    pending = Unspaced(cp);
    utf8proc_uint8_t buf[4];
    out.append(reinterpret_cast<char*>(buf), static_cast<size_t>(utf8proc_encode_char(cp, buf)));
  }
  std::free(mapped);
  return out;
}

TEST(NormalizerOracleTest, FastPathEqualsWholeTextUtf8proc) {
  const std::vector<std::string> pieces = {"a",
                                           "B",
                                           "z",
                                           "Q",
                                           "7",
                                           " ",
                                           "  ",
                                           "\n",
                                           "\t",
                                           ".",
                                           ",",
                                           "-",
                                           "'",
                                           "\"",
                                           "(",
                                           "!",
                                           "word",
                                           "Mixed",
                                           "ABC123",
                                           "e\xCC\x81",
                                           "\xC3\xA9",
                                           "\xC3\x9F",
                                           "SS",
                                           "\xEF\xBC\xA1",
                                           "\xEF\xBC\x91",
                                           "\xE6\x9D\xB1",
                                           "\xE3\x81\x82",
                                           "\xEF\xBD\xB6\xEF\xBE\x9E",
                                           "\xE2\x80\x94",
                                           "\xE2\x80\x9C",
                                           "\xC2\xAD",
                                           "\xE2\x80\x8B",
                                           "\xEF\xAC\x81",
                                           "\xD0\x96",
                                           "\xCE\xA3",
                                           "\xE0\xB8\x81",
                                           "\xCC\x88",
                                           "\xF0\x9F\x98\x80",
                                           "\xFF",
                                           "\xC3",
                                           "\xE2\x80"};
  std::mt19937 rng(20261123);
  TextNormalizer normalizer;
  std::string fast;
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 40);
    for (int k = 0; k < length; ++k) text += pieces[rng() % pieces.size()];
    normalizer.Normalize(text, &fast);
    ASSERT_EQ(fast, SlowNormalize(text)) << "input: " << text;
  }
  // Long, mostly ASCII texts: whole 64-byte blocks (the SIMD path where the CPU has
  // it) entered and left at every kind of boundary.
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = 50 + static_cast<int>(rng() % 250);
    for (int k = 0; k < length; ++k) {
      const size_t pick = rng() % 100 < 95 ? rng() % 17 : rng() % pieces.size();
      text += pieces[pick];
    }
    normalizer.Normalize(text, &fast);
    ASSERT_EQ(fast, SlowNormalize(text)) << "input: " << text;
  }
}

}  // namespace
}  // namespace echoes
