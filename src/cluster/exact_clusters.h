// ClusterExact: groups of records with the same normalized text.

#ifndef ECHOES_CLUSTER_EXACT_CLUSTERS_H_
#define ECHOES_CLUSTER_EXACT_CLUSTERS_H_

#include <cstdint>
#include <vector>

#include "cluster/clustering.h"
#include "pipeline/document_table.h"

namespace echoes {

// Groups the accepted records of `table` by ExactHash and picks each group's
// representative with PrefersAsRepresentative. Sorting record indices by hash keeps
// memory at 8 bytes per record, with no hash map of vectors.
Clustering ClusterExact(const DocumentTable& table);

}  // namespace echoes

#endif  // ECHOES_CLUSTER_EXACT_CLUSTERS_H_
