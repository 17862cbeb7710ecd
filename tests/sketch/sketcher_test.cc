#include "sketch/sketcher.h"

#include <gtest/gtest.h>

#include <algorithm>

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

}  // namespace
}  // namespace echoes
