#include "cluster/star_clusters.h"

#include <algorithm>

#include "cluster/representative.h"

namespace echoes {

Clustering ClusterStars(const DocumentTable& table, const Clustering& base,
                        const std::vector<Edge>& edges) {
  const size_t n = table.docs.size();
  const auto between_units = [&](const Edge& e) {
    return base.representative_of[e.a] == e.a && base.representative_of[e.b] == e.b;
  };
  // Adjacency in CSR form: neighbours of record r are adjacent[offsets[r] .. offsets[r+1]).
  std::vector<uint64_t> offsets(n + 1, 0);
  for (const Edge& e : edges) {
    if (!between_units(e)) continue;
    ++offsets[e.a + 1];
    ++offsets[e.b + 1];
  }
  for (size_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
  std::vector<uint64_t> adjacent(offsets[n]);
  {
    std::vector<uint64_t> fill(offsets.begin(), offsets.end() - 1);
    for (size_t k = 0; k < edges.size(); ++k) {
      if (!between_units(edges[k])) continue;
      adjacent[fill[edges[k].a]++] = k;
      adjacent[fill[edges[k].b]++] = k;
    }
  }

  // Only units with an edge compete for centers: one without is its own center
  // whatever the order, so the sort (random reads of DocumentInfo) skips most records.
  std::vector<uint64_t> units;
  for (uint64_t i = 0; i < n; ++i) {
    if (!table.docs[i].rejected && base.representative_of[i] == i && offsets[i + 1] > offsets[i])
      units.push_back(i);
  }
  // The most linked unit first: a source with three rewrites is the center of all
  // four, where the earliest or longest copy, linked to the source alone, would take
  // it and leave the other rewrites out (they were verified against the source, not
  // against that copy). Ties go to the representative order.
  const auto degree = [&](uint64_t r) { return offsets[r + 1] - offsets[r]; };
  std::sort(units.begin(), units.end(), [&](uint64_t a, uint64_t b) {
    if (degree(a) != degree(b)) return degree(a) > degree(b);
    return PrefersAsRepresentative(table.docs[a], a, table.docs[b], b);
  });

  constexpr uint64_t kUnassigned = ~uint64_t{0};
  std::vector<uint64_t> center_of(n, kUnassigned);
  for (uint64_t i = 0; i < n; ++i) {
    if (offsets[i + 1] == offsets[i]) center_of[i] = i;  // no edge: its own center
  }
  std::vector<int64_t> unit_edge(n, -1);
  for (uint64_t center : units) {
    if (center_of[center] != kUnassigned) continue;
    center_of[center] = center;
    for (uint64_t k = offsets[center]; k < offsets[center + 1]; ++k) {
      const Edge& e = edges[adjacent[k]];
      const uint64_t other = e.a == center ? e.b : e.a;
      if (center_of[other] != kUnassigned) continue;
      if (e.relation == Relation::kContained &&
          table.docs[other].shingles > table.docs[center].shingles) {
        continue;  // the center is the excerpt: keep the fuller text
      }
      center_of[other] = center;
      unit_edge[other] = static_cast<int64_t>(adjacent[k]);
    }
  }

  Clustering result;
  result.representative_of.resize(n);
  result.relation_of.assign(n, Relation::kNone);
  result.edge_of.assign(n, -1);
  // Members by center, in CSR form as well: most records are alone, and a vector
  // per record would cost an allocation each.
  std::vector<uint32_t> member_count(n, 0);
  for (uint64_t i = 0; i < n; ++i) {
    if (!table.docs[i].rejected) ++member_count[center_of[base.representative_of[i]]];
  }
  for (uint64_t i = 0; i < n; ++i) {
    result.representative_of[i] = i;
    if (table.docs[i].rejected) continue;
    const uint64_t unit = base.representative_of[i];
    const uint64_t center = center_of[unit];
    result.representative_of[i] = center;
    if (i == center) continue;
    if (unit == center) {
      result.relation_of[i] = base.relation_of[i];
      result.edge_of[i] = base.edge_of[i];
    } else {
      result.edge_of[i] = unit_edge[unit];
      result.relation_of[i] = edges[static_cast<size_t>(unit_edge[unit])].relation;
    }
  }
  std::vector<int64_t> cluster_of(n, -1);
  for (uint64_t i = 0; i < n; ++i) {
    if (table.docs[i].rejected) continue;
    const uint64_t center = result.representative_of[i];
    if (member_count[center] < 2) continue;
    if (cluster_of[center] < 0) {  // i is the cluster's first member in read order
      cluster_of[center] = static_cast<int64_t>(result.clusters.size());
      Cluster cluster;
      cluster.representative = center;
      cluster.members.reserve(member_count[center]);
      result.clusters.push_back(std::move(cluster));
    }
    result.clusters[static_cast<size_t>(cluster_of[center])].members.push_back(i);
  }
  return result;
}

}  // namespace echoes
