#include "sketch/sketcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <sstream>

#include "match/pair_verifier.h"

namespace echoes {
namespace {

std::string Words(int from, int to) {
  std::string s;
  for (int i = from; i < to; ++i) s += (s.empty() ? "" : " ") + ("word" + std::to_string(i));
  return s;
}

Sketch SketchOf(Sketcher& sketcher, std::string text) {
  Sketch sketch;
  sketcher.Compute(&text, &sketch);
  return sketch;
}

std::vector<uint32_t> SetOf(Sketcher& sketcher, std::string text) {
  std::vector<uint32_t> set;
  sketcher.ShingleSet(&text, &set);
  return set;
}

TEST(SketcherTest, SameTextSameSketchAndTheInputIsUnchanged) {
  Sketcher sketcher{SketchOptions{}};
  std::string text = Words(0, 300);
  const std::string before = text;
  Sketch a;
  sketcher.Compute(&text, &a);
  EXPECT_EQ(text, before);
  Sketch b = SketchOf(sketcher, before);
  EXPECT_EQ(a.signature, b.signature);
  EXPECT_EQ(a.band_keys, b.band_keys);
  EXPECT_EQ(a.samples, b.samples);
  EXPECT_EQ(a.signature.size(), 128u);
  EXPECT_EQ(a.band_keys.size(), 16u);
  EXPECT_EQ(a.shingles, 296u);
}

TEST(SketcherTest, ShingleSetsCountUniqueFiveGramsAndShortTextsAreOneShingle) {
  Sketcher sketcher{SketchOptions{}};
  EXPECT_EQ(SetOf(sketcher, Words(0, 10)).size(), 6u);
  EXPECT_EQ(SetOf(sketcher, "a b a b a b a b").size(), 2u);  // "a b a b a", "b a b a b"
  EXPECT_EQ(SetOf(sketcher, "only three words").size(), 1u);
  EXPECT_TRUE(SetOf(sketcher, "").empty());
  // A shingle's hash depends on its tokens only, not on the bytes around them.
  const auto a = SetOf(sketcher, Words(0, 5));
  const auto b = SetOf(sketcher, Words(0, 5) + " tail words here");
  EXPECT_TRUE(std::includes(b.begin(), b.end(), a.begin(), a.end()));
  // Long tokens (> 16 bytes) take the other hash path and still work.
  EXPECT_EQ(SetOf(sketcher, "internationalization " + Words(0, 4)).size(), 1u);
}

TEST(SketcherTest, SignatureEstimatesJaccard) {
  Sketcher sketcher{SketchOptions{}};
  // 1000 words; the copy shares the first 800: Jaccard = 796 / 1196 ≈ 0.666.
  const std::string a = Words(0, 1000);
  const std::string b = Words(0, 800) + " " + Words(5000, 5200);
  const auto sa = SetOf(sketcher, a), sb = SetOf(sketcher, b);
  const double shared = static_cast<double>(IntersectionSize(sa, sb));
  const double exact = shared / (sa.size() + sb.size() - shared);
  const Sketch ka = SketchOf(sketcher, a), kb = SketchOf(sketcher, b);
  size_t equal = 0;
  for (size_t i = 0; i < 128; ++i) equal += ka.signature[i] == kb.signature[i];
  EXPECT_NEAR(equal / 128.0, exact, 0.15);  // > 3 standard deviations
}

// Dense text (one-letter words: up to 32 token ends per 64-byte block) must cut tokens
// exactly as sparse text does: the number of distinct 5-gram hashes equals the number
// of distinct 5-grams counted from the words themselves.
TEST(SketcherTest, DenseTextShinglesMatchAWordLevelCount) {
  Sketcher sketcher{SketchOptions{}};
  std::mt19937 random(11);
  std::vector<std::string> words;
  std::string text;
  for (int i = 0; i < 3000; ++i) {
    words.push_back(std::string(1, static_cast<char>('a' + random() % 6)));
    text += (i ? " " : "") + words.back();
  }
  std::set<std::string> grams;
  for (size_t i = 0; i + 5 <= words.size(); ++i) {
    grams.insert(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2] + ' ' + words[i + 3] + ' ' +
                 words[i + 4]);
  }
  EXPECT_EQ(SetOf(sketcher, text).size(), grams.size());
}

// Texts with fewer shingles than signature slots leave bins empty; densification must
// keep the estimate unbiased. 200 pairs of 60-word texts sharing their first 45 words.
TEST(SketcherTest, ShortTextsEstimateJaccardWithoutBias) {
  Sketcher sketcher{SketchOptions{}};
  double estimate_sum = 0, exact_sum = 0;
  for (int pair = 0; pair < 200; ++pair) {
    const int base = pair * 1000;
    const std::string a = Words(base, base + 60);
    const std::string b = Words(base, base + 45) + " " + Words(base + 500, base + 515);
    const auto sa = SetOf(sketcher, a), sb = SetOf(sketcher, b);
    ASSERT_LT(sa.size(), 128u) << "the texts must be shorter than the signature";
    const double shared = static_cast<double>(IntersectionSize(sa, sb));
    exact_sum += shared / (sa.size() + sb.size() - shared);
    const Sketch ka = SketchOf(sketcher, a), kb = SketchOf(sketcher, b);
    size_t equal = 0;
    for (size_t i = 0; i < 128; ++i) equal += ka.signature[i] == kb.signature[i];
    estimate_sum += equal / 128.0;
  }
  // The mean of 200 estimates has a standard error near 0.005.
  EXPECT_NEAR(estimate_sum / 200, exact_sum / 200, 0.02);
}

}  // namespace
}  // namespace echoes
