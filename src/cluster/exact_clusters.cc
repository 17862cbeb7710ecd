#include "cluster/exact_clusters.h"

#include <algorithm>
#include <cstddef>
#include <numeric>

#include "cluster/representative.h"
#include "util/radix_sort.h"

namespace echoes {

Clustering ClusterExact(const DocumentTable& table) {
  const std::vector<DocumentInfo>& docs = table.docs;
  Clustering result;
  result.representative_of.resize(docs.size());
  std::iota(result.representative_of.begin(), result.representative_of.end(), uint64_t{0});
  result.relation_of.assign(docs.size(), Relation::kNone);
  result.edge_of.assign(docs.size(), -1);

  std::vector<uint64_t> order;
  order.reserve(docs.size());
  for (uint64_t i = 0; i < docs.size(); ++i) {
    if (!docs[i].rejected) order.push_back(i);
  }
  // Radix sort on the low 64 bits (stable: indices stay ascending), then order the
  // rare runs of equal low halves by the whole hash, so equal hashes are adjacent.
  RadixSort(&order, [&](uint64_t i) { return docs[i].hash.low; });
  for (size_t begin = 0; begin < order.size();) {
    size_t end = begin + 1;
    while (end < order.size() && docs[order[end]].hash.low == docs[order[begin]].hash.low) ++end;
    if (end - begin > 1) {
      std::sort(order.begin() + static_cast<std::ptrdiff_t>(begin),
                order.begin() + static_cast<std::ptrdiff_t>(end), [&](uint64_t a, uint64_t b) {
                  if (docs[a].hash != docs[b].hash) return docs[a].hash < docs[b].hash;
                  return a < b;
                });
    }
    begin = end;
  }

  for (size_t begin = 0; begin < order.size();) {
    size_t end = begin + 1;
    while (end < order.size() && docs[order[end]].hash == docs[order[begin]].hash) ++end;
    if (end - begin >= 2) {
      Cluster cluster;
      cluster.members.assign(order.begin() + static_cast<std::ptrdiff_t>(begin),
                             order.begin() + static_cast<std::ptrdiff_t>(end));
      cluster.representative = cluster.members[0];
      for (uint64_t m : cluster.members) {
        if (PrefersAsRepresentative(docs[m], m, docs[cluster.representative],
                                    cluster.representative)) {
          cluster.representative = m;
        }
      }
      for (uint64_t m : cluster.members) {
        result.representative_of[m] = cluster.representative;
        if (m != cluster.representative) result.relation_of[m] = Relation::kExact;
      }
      result.clusters.push_back(std::move(cluster));
    }
    begin = end;
  }
  std::sort(result.clusters.begin(), result.clusters.end(),
            [](const Cluster& a, const Cluster& b) { return a.members[0] < b.members[0]; });
  return result;
}

}  // namespace echoes
