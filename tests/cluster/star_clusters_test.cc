#include "cluster/star_clusters.h"

#include <gtest/gtest.h>

#include "cluster/exact_clusters.h"

namespace echoes {
namespace {

DocumentTable Docs(const std::vector<uint32_t>& shingles) {
  DocumentTable t;
  for (size_t i = 0; i < shingles.size(); ++i) {
    DocumentInfo d;
    d.hash = Hash128{i + 1, 0};
    d.shingles = shingles[i];
    d.text_bytes = shingles[i];
    t.docs.push_back(d);
  }
  return t;
}

Edge Link(uint32_t a, uint32_t b, Relation r) {
  Edge e;
  e.a = a;
  e.b = b;
  e.relation = r;
  e.jaccard = r == Relation::kNear ? 0.9f : 0.4f;
  e.containment = 1.0f;
  return e;
}

TEST(StarClustersTest, ChainsDoNotMerge) {
  // 0-1-2-3-4 each near its neighbour only; equal lengths. 1, 2 and 3 have two edges
  // each, so 1 (read first) is the first center and takes 0 and 2; 3 takes 4.
  DocumentTable t = Docs({100, 100, 100, 100, 100});
  std::vector<Edge> edges;
  for (uint32_t i = 0; i + 1 < 5; ++i) edges.push_back(Link(i, i + 1, Relation::kNear));
  Clustering c = ClusterStars(t, ClusterExact(t), edges);
  EXPECT_EQ(c.representative_of, (std::vector<uint64_t>{1, 1, 1, 3, 3}));
  EXPECT_EQ(c.clusters.size(), 2u);
}

TEST(StarClustersTest, TheMostLinkedRecordIsTheCenter) {
  // Record 0 is the source of three rewrites 1, 2, 3; record 1 is longer and dated
  // earlier (a misleading date), so by representative order alone it would be the
  // center and take only 0, leaving 2 and 3 out.
  DocumentTable t = Docs({100, 300, 100, 100});
  t.docs[1].date = 100;
  const std::vector<Edge> edges = {Link(0, 1, Relation::kRewrite), Link(0, 2, Relation::kRewrite),
                                   Link(0, 3, Relation::kRewrite)};
  Clustering c = ClusterStars(t, ClusterExact(t), edges);
  EXPECT_EQ(c.representative_of, (std::vector<uint64_t>{0, 0, 0, 0}));
  ASSERT_EQ(c.clusters.size(), 1u);
  for (uint64_t member : {1, 2, 3}) {
    const Edge& e = edges[static_cast<size_t>(c.edge_of[member])];
    EXPECT_TRUE(e.a == member || e.b == member) << member;
    EXPECT_TRUE(e.a == 0 || e.b == 0) << "member " << member << " not verified against the center";
  }
}

TEST(StarClustersTest, AnExcerptNeverDisplacesItsContainer) {
  // Record 0 is an excerpt of 1, but dated earlier: it is visited first.
  DocumentTable t = Docs({50, 200});
  t.docs[0].date = 100;
  Clustering c = ClusterStars(t, ClusterExact(t), {Link(0, 1, Relation::kContained)});
  EXPECT_EQ(c.representative_of, (std::vector<uint64_t>{0, 1}));
  EXPECT_TRUE(c.clusters.empty());
  // The other way round, the excerpt joins its container.
  t.docs[0].date = kNoDate;
  c = ClusterStars(t, ClusterExact(t), {Link(0, 1, Relation::kContained)});
  EXPECT_EQ(c.representative_of, (std::vector<uint64_t>{1, 1}));
  EXPECT_EQ(c.relation_of[0], Relation::kContained);
}

TEST(StarClustersTest, ExactDuplicatesFollowTheirGroup) {
  DocumentTable t = Docs({300, 200, 200});
  t.docs[2].hash = t.docs[1].hash;  // 2 is an exact copy of 1
  Clustering exact = ClusterExact(t);
  Clustering c = ClusterStars(t, exact, {Link(0, 1, Relation::kNear)});
  EXPECT_EQ(c.representative_of, (std::vector<uint64_t>{0, 0, 0}));
  EXPECT_EQ(c.relation_of[1], Relation::kNear);
  EXPECT_EQ(c.relation_of[2], Relation::kNear);
  ASSERT_EQ(c.clusters.size(), 1u);
  EXPECT_EQ(c.clusters[0].members, (std::vector<uint64_t>{0, 1, 2}));
}

}  // namespace
}  // namespace echoes
