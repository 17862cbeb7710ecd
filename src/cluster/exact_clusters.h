// ClusterExact: groups of records with the same normalized text.

#ifndef ECHOES_CLUSTER_EXACT_CLUSTERS_H_
#define ECHOES_CLUSTER_EXACT_CLUSTERS_H_

#include <cstdint>
#include <vector>

#include "pipeline/document_table.h"

namespace echoes {

struct Cluster {
  uint64_t representative = 0;   // record index of the member kept
  std::vector<uint64_t> members;  // record indices in read order, representative included
};

// Clusters of two or more records, ordered by their first member.
struct Clustering {
  std::vector<Cluster> clusters;
  // For each record: the representative of its cluster, or itself when it is alone
  // (rejected records included).
  std::vector<uint64_t> representative_of;
};

// Groups the accepted records of `table` by ExactHash and picks each group's
// representative with PrefersAsRepresentative. Sorting record indices by hash keeps
// memory at 8 bytes per record, with no hash map of vectors.
Clustering ClusterExact(const DocumentTable& table);

}  // namespace echoes

#endif  // ECHOES_CLUSTER_EXACT_CLUSTERS_H_
