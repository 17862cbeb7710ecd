// Clustering: which record each record is grouped under, and why.

#ifndef ECHOES_CLUSTER_CLUSTERING_H_
#define ECHOES_CLUSTER_CLUSTERING_H_

#include <cstdint>
#include <vector>

#include "match/edge.h"

namespace echoes {

struct Cluster {
  uint64_t representative = 0;    // record index of the member kept
  std::vector<uint64_t> members;  // record indices in read order, representative included
};

// Clusters of two or more records, ordered by their first member, and for every record
// its representative (itself when alone or kept; rejected records too), the relation
// that links it to the representative, and the edge that shows it.
struct Clustering {
  std::vector<Cluster> clusters;
  std::vector<uint64_t> representative_of;
  std::vector<Relation> relation_of;  // kNone for representatives and lone records
  std::vector<int64_t> edge_of;       // index into the edge list, -1 for exact links and none
};

}  // namespace echoes

#endif  // ECHOES_CLUSTER_CLUSTERING_H_
