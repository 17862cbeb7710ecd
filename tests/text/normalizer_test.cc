#include <gtest/gtest.h>

#include "echoes/normalize.h"

namespace echoes {
namespace {

std::string Norm(std::string_view text) {
  TextNormalizer normalizer;
  std::string out;
  normalizer.Normalize(text, &out);
  return out;
}

TEST(NormalizerTest, FoldsCasePunctuationAndWhitespace) {
  EXPECT_EQ(Norm("  The U.S.  economy\tgrew 3%,\n\nsaid Mr. Smith!  "),
            "the u s economy grew 3 said mr smith");
  EXPECT_EQ(Norm("..."), "");
  EXPECT_EQ(Norm(""), "");
}

TEST(NormalizerTest, CaseAndPunctuationVariantsAreEqual) {
  EXPECT_EQ(Norm("BRIDGE CLOSED \xE2\x80\x94 \xE2\x80\x9C"
                 "for repairs\xE2\x80\x9D"),
            Norm("Bridge closed - \"for repairs\""));
}

TEST(NormalizerTest, AppliesNfkcAndCaseFolding) {
  // Full-width digits and letters become ASCII.
  EXPECT_EQ(Norm("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94 \xEF\xBC\xA1\xEF\xBC\xA2"),
            "2024 ab");
  // German sharp s folds to "ss", so STRASSE and Straße are one word.
  EXPECT_EQ(Norm("Stra\xC3\x9F"
                 "e"),
            Norm("STRASSE"));
  // Composed and decomposed umlauts are equal, also when the base letter is ASCII.
  EXPECT_EQ(Norm("M\xC3\xBCller"), Norm("Mu\xCC\x88ller"));
  EXPECT_EQ(Norm("M\xC3\xBCller"), "m\xC3\xBCller");
  // The fi ligature expands.
  EXPECT_EQ(Norm("\xEF\xAC\x81nal"), "final");
}

TEST(NormalizerTest, DropsDefaultIgnorableCodePoints) {
  EXPECT_EQ(Norm("co\xC2\xADoper\xE2\x80\x8B"
                 "ate"),
            "cooperate");  // soft hyphen, ZWSP
}

TEST(NormalizerTest, SplitsUnspacedScriptsIntoCharacters) {
  // 東京都 → three tokens; mixed with Latin and digits.
  EXPECT_EQ(Norm("\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD"), "\xE6\x9D\xB1 \xE4\xBA\xAC \xE9\x83\xBD");
  EXPECT_EQ(Norm("Tokyo\xE6\x9D\xB1\xE4\xBA\xAC 2024"), "tokyo \xE6\x9D\xB1 \xE4\xBA\xAC 2024");
  // Half-width katakana become full-width (NFKC), one token each.
  EXPECT_EQ(Norm("\xEF\xBD\xB6\xEF\xBE\x80"), Norm("\xE3\x82\xAB\xE3\x82\xBF"));
}

TEST(NormalizerTest, KeepsCyrillicAndGreekWords) {
  EXPECT_EQ(
      Norm("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90, "
           "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1"),
      "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xCE\xB1\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1");
}

TEST(NormalizerTest, RepairsInvalidUtf8AndCountsIt) {
  TextNormalizer normalizer;
  std::string out;
  NormalizeStats stats = normalizer.Normalize("caf\xC3 au lait\xFF!", &out);
  EXPECT_EQ(stats.invalid_utf8, 2u);
  EXPECT_EQ(out, "caf au lait");
}

TEST(NormalizerTest, TokenizeSplitsOnSingleSpaces) {
  std::string normalized = Norm("One, two; THREE.");
  std::vector<std::string_view> tokens = Tokenize(normalized);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0], "one");
  EXPECT_EQ(tokens[2], "three");
}

}  // namespace
}  // namespace echoes
