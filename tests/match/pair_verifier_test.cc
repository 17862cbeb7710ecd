#include "match/pair_verifier.h"

#include <gtest/gtest.h>

namespace echoes {
namespace {

// Two records whose signatures agree in `equal` of 128 slots.
DocumentTable Pair(size_t equal, uint32_t shingles_a, uint32_t shingles_b) {
  DocumentTable t;
  t.docs.resize(2);
  t.docs[0].shingles = shingles_a;
  t.docs[1].shingles = shingles_b;
  t.signature_size = 128;
  t.signatures.resize(256);
  for (size_t i = 0; i < 128; ++i) {
    t.signatures[i] = static_cast<uint16_t>(i);
    t.signatures[128 + i] = static_cast<uint16_t>(i < equal ? i : 1000 + i);
  }
  return t;
}

TEST(PairVerifierTest, EstimateAcceptsRejectsOrDefers) {
  VerifyOptions o;
  Edge e;
  EXPECT_EQ(EstimatePair(Pair(128, 100, 100), {0, 1}, o, &e), Verdict::kAccept);
  EXPECT_EQ(e.relation, Relation::kNear);
  EXPECT_FLOAT_EQ(e.jaccard, 1.0f);
  EXPECT_EQ(EstimatePair(Pair(102, 100, 100), {0, 1}, o, &e), Verdict::kUncertain);  // 0.797
  EXPECT_EQ(EstimatePair(Pair(10, 100, 100), {0, 1}, o, &e), Verdict::kReject);
  // Jaccard 0.33 between 100 and 300 shingles: the small one is all inside the large.
  EXPECT_EQ(EstimatePair(Pair(43, 100, 300), {0, 1}, o, &e), Verdict::kAccept);
  EXPECT_EQ(e.relation, Relation::kContained);
  EXPECT_GT(e.containment, 0.95f);
}

TEST(PairVerifierTest, ExactPairMeasuresJaccardAndContainment) {
  VerifyOptions o;
  Edge e;
  const std::vector<uint32_t> a = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const std::vector<uint32_t> b = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11};
  ASSERT_TRUE(ExactPair({0, 1}, a, b, o, &e));
  EXPECT_EQ(e.relation, Relation::kNear);
  EXPECT_NEAR(e.jaccard, 9.0 / 11.0, 1e-6);
  EXPECT_TRUE(e.exact);
  const std::vector<uint32_t> excerpt = {2, 3, 4};
  ASSERT_TRUE(ExactPair({0, 1}, a, excerpt, o, &e));
  EXPECT_EQ(e.relation, Relation::kContained);
  EXPECT_FLOAT_EQ(e.containment, 1.0f);
  EXPECT_FALSE(ExactPair({0, 1}, a, {50, 51, 52}, o, &e));
  EXPECT_EQ(IntersectionSize(a, b), 9u);
}

}  // namespace
}  // namespace echoes
