// ClusterStars: exact groups + verified edges → clusters that cannot chain.

#ifndef ECHOES_CLUSTER_STAR_CLUSTERS_H_
#define ECHOES_CLUSTER_STAR_CLUSTERS_H_

#include <vector>

#include "cluster/clustering.h"
#include "match/edge.h"
#include "pipeline/document_table.h"

namespace echoes {

// Star clustering with a chaining guard, over the groups of `base` (its
// representatives are the units: exact-duplicate groups, or near-duplicate clusters
// when rewrite edges join them). Units are visited by number of edges, most first,
// ties in representative order (PrefersAsRepresentative: earliest date, then longest
// text, then first read). An
// unassigned unit becomes a center, and takes every unassigned unit that has a verified
// edge *to the center itself*; a `contained` edge takes only the contained (smaller)
// side, so a full article is never dropped in favour of its excerpt. Every unit is thus
// verified against its representative: a chain A1–A2–…–A50 of pairwise near texts
// cannot pull A1 and A50 together unless they are near each other. The other members
// of a unit follow it: those of the center keep their relation and edge in `base`,
// those of a unit that joined a center are linked by that unit's edge. Edges between
// records that are not units are ignored. The adjacency follows the order of `edges`.
Clustering ClusterStars(const DocumentTable& table, const Clustering& base,
                        const std::vector<Edge>& edges);

}  // namespace echoes

#endif  // ECHOES_CLUSTER_STAR_CLUSTERS_H_
