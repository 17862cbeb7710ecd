#include "cluster/exact_clusters.h"

#include <gtest/gtest.h>

#include "cluster/representative.h"

namespace echoes {
namespace {

DocumentInfo Doc(uint64_t hash, int64_t date, uint64_t bytes, bool rejected = false) {
  DocumentInfo d;
  d.hash = Hash128{hash, 0};
  d.date = date;
  d.text_bytes = bytes;
  d.rejected = rejected;
  return d;
}

TEST(RepresentativeTest, EarliestDateThenLongestThenFirst) {
  EXPECT_TRUE(PrefersAsRepresentative(Doc(1, 100, 10), 5, Doc(1, 200, 99), 0));
  EXPECT_TRUE(PrefersAsRepresentative(Doc(1, 100, 10), 5, Doc(1, kNoDate, 99), 0));
  EXPECT_TRUE(PrefersAsRepresentative(Doc(1, kNoDate, 99), 5, Doc(1, kNoDate, 10), 0));
  EXPECT_TRUE(PrefersAsRepresentative(Doc(1, kNoDate, 10), 0, Doc(1, kNoDate, 10), 5));
  EXPECT_FALSE(PrefersAsRepresentative(Doc(1, kNoDate, 10), 5, Doc(1, kNoDate, 10), 5));
}

TEST(ExactClustersTest, GroupsByHashAndIgnoresRejected) {
  DocumentTable table;
  table.docs = {Doc(7, kNoDate, 10), Doc(3, kNoDate, 5),
                Doc(7, 50, 10),      Doc(3, kNoDate, 5, /*rejected=*/true),
                Doc(9, kNoDate, 1),  Doc(3, kNoDate, 8)};
  Clustering c = ClusterExact(table);
  ASSERT_EQ(c.clusters.size(), 2u);
  EXPECT_EQ(c.clusters[0].members, (std::vector<uint64_t>{0, 2}));
  EXPECT_EQ(c.clusters[0].representative, 2u);  // the dated one
  EXPECT_EQ(c.clusters[1].members, (std::vector<uint64_t>{1, 5}));
  EXPECT_EQ(c.clusters[1].representative, 5u);  // the longer one
  EXPECT_EQ(c.representative_of, (std::vector<uint64_t>{2, 5, 2, 3, 4, 5}));
}

}  // namespace
}  // namespace echoes
