// The JSONL result files: dropped, clusters, edges, rejected.

#ifndef ECHOES_REPORT_RESULT_FILES_H_
#define ECHOES_REPORT_RESULT_FILES_H_

#include <string>
#include <vector>

#include "cluster/clustering.h"
#include "echoes/status.h"
#include "io/input_source.h"
#include "match/edge.h"
#include "pipeline/document_table.h"
#include "pipeline/rewrite_stage.h"

namespace echoes {

// dropped.jsonl: {"id", "duplicate_of", "relation", "score"} per dropped record, in
// read order. Errors: kIoError.
Status WriteDropped(const std::string& dir, const DocumentTable& table,
                    const Clustering& clustering, const std::vector<Edge>& edges);

// clusters.jsonl: {"cluster", "representative", "members"} per cluster, numbered from 0
// in the order of their first member; members in read order. Errors: kIoError.
Status WriteClusters(const std::string& dir, const DocumentTable& table,
                     const Clustering& clustering);

// edges.jsonl: {"a", "b", "relation", "score", "evidence"}: for each dropped record, its
// link to the representative (exact: the shared hash; near and contained: Jaccard,
// containment, shingle counts, and whether they were measured on the full shingle sets
// or estimated from signatures; rewrite: the aligned sentence pairs with their texts,
// coverage of each side, and the likely source). A record that follows a member of
// its cluster (an exact copy of a near duplicate, a near copy of a rewrite) names that
// member in "via": the evidence is the member's. With `all_edges`, then every other
// verified edge. `rewrite_evidence` is what Edge::evidence of rewrite edges indexes.
// Errors: kIoError.
Status WriteEdges(const std::string& dir, const DocumentTable& table, const Clustering& clustering,
                  const std::vector<Edge>& edges,
                  const std::vector<RewriteEvidenceText>& rewrite_evidence, bool all_edges);

// rejected.jsonl: {"source", "line", "reason", "message"} per rejected record, in read
// order; "reason" is a stable name (RejectReasonName), "message" is for people.
// Errors: kIoError.
Status WriteRejected(const std::string& dir, const DocumentTable& table,
                     const std::vector<InputSource>& sources);

}  // namespace echoes

#endif  // ECHOES_REPORT_RESULT_FILES_H_
