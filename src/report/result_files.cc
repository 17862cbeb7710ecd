// The result files. Each is built line by line into a buffer that AtomicFile flushes,
// with the JSON written by hand: the shapes are fixed and this keeps output byte-stable.

#include "report/result_files.h"

#include "io/atomic_file.h"
#include "report/json_writer.h"

namespace echoes {
namespace {

// Opens `name` in `dir`, lets `fill` append lines, and commits.
template <typename Fill>
Status WriteFile(const std::string& dir, const std::string& name, Fill&& fill) {
  AtomicFile file;
  Status status = file.Open(dir, name);
  if (!status.ok()) return status;
  std::string line;
  status = fill([&](const std::string& l) { return file.Append(l); }, line);
  if (!status.ok()) return status;
  return file.Commit();
}

}  // namespace

Status WriteDropped(const std::string& dir, const DocumentTable& table,
                    const Clustering& clustering, const std::vector<Edge>& edges) {
  return WriteFile(dir, "dropped.jsonl", [&](auto append, std::string& line) -> Status {
    for (uint64_t i = 0; i < table.docs.size(); ++i) {
      const uint64_t rep = clustering.representative_of[i];
      if (rep == i || table.docs[i].rejected) continue;
      line.assign("{\"id\":");
      AppendJsonString(&line, table.IdOf(i));
      line.append(",\"duplicate_of\":");
      AppendJsonString(&line, table.IdOf(rep));
      line.append(",\"relation\":\"");
      line.append(RelationName(clustering.relation_of[i]));
      line.append("\",\"score\":");
      const int64_t e = clustering.edge_of[i];
      AppendJsonScore(&line, e < 0 ? 1.0 : edges[static_cast<size_t>(e)].score());
      line.append("}\n");
      Status s = append(line);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  });
}

Status WriteClusters(const std::string& dir, const DocumentTable& table,
                     const Clustering& clustering) {
  return WriteFile(dir, "clusters.jsonl", [&](auto append, std::string& line) -> Status {
    for (size_t c = 0; c < clustering.clusters.size(); ++c) {
      const Cluster& cluster = clustering.clusters[c];
      line.assign("{\"cluster\":");
      line.append(std::to_string(c));
      line.append(",\"representative\":");
      AppendJsonString(&line, table.IdOf(cluster.representative));
      line.append(",\"members\":[");
      for (size_t k = 0; k < cluster.members.size(); ++k) {
        if (k > 0) line.push_back(',');
        AppendJsonString(&line, table.IdOf(cluster.members[k]));
      }
      line.append("]}\n");
      Status s = append(line);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  });
}

namespace {

// The "evidence" object of a rewrite edge, with sides as the line names them: side A
// of the line is the edge's b when `swap`.
void AppendRewriteEvidence(const RewriteEvidenceText& e, bool swap, const DocumentTable& table,
                           const Edge& edge, std::string* line) {
  size_t counted = 0, quotations = 0;
  for (const RewriteEvidenceText::Pair& p : e.pairs) {
    counted += !p.quotation && !p.slight;
    quotations += p.quotation;
  }
  line->append("{\"aligned_pairs\":");
  line->append(std::to_string(counted));
  line->append(",\"quotation_pairs\":");
  line->append(std::to_string(quotations));
  if (e.summary) line->append(",\"summary\":true");
  line->append(",\"coverage_a\":");
  AppendJsonScore(line, swap ? e.coverage_b : e.coverage_a);
  line->append(",\"coverage_b\":");
  AppendJsonScore(line, swap ? e.coverage_a : e.coverage_b);
  line->append(",\"name_overlap\":");
  AppendJsonScore(line, e.name_overlap);
  line->append(",\"figure_overlap\":");
  AppendJsonScore(line, e.figure_overlap);
  line->append(",\"sentences_a\":");
  line->append(std::to_string(swap ? e.sentences_b : e.sentences_a));
  line->append(",\"sentences_b\":");
  line->append(std::to_string(swap ? e.sentences_a : e.sentences_b));
  line->append(",\"source\":");
  if (e.direction.direction == Direction::kUndetermined) {
    line->append("null");
  } else {
    AppendJsonString(line, table.IdOf(e.direction.direction == Direction::kAToB ? edge.a : edge.b));
  }
  line->append(",\"source_basis\":\"");
  line->append(e.direction.basis);
  line->append("\",\"pairs\":[");
  for (size_t k = 0; k < e.pairs.size(); ++k) {
    const RewriteEvidenceText::Pair& p = e.pairs[k];
    const uint32_t a_first = swap ? p.b_first : p.a_first, a_last = swap ? p.b_last : p.a_last;
    const uint32_t b_first = swap ? p.a_first : p.b_first, b_last = swap ? p.a_last : p.b_last;
    line->append(k ? ",{\"a\":[" : "{\"a\":[");
    line->append(std::to_string(a_first) + "," + std::to_string(a_last) + "],\"b\":[" +
                 std::to_string(b_first) + "," + std::to_string(b_last) + "],\"similarity\":");
    AppendJsonScore(line, p.similarity);
    if (p.quotation) line->append(",\"quotation\":true");
    if (p.moved) line->append(",\"moved\":true");
    if (p.anchored) line->append(",\"anchored\":true");
    if (p.slight) line->append(",\"slight\":true");
    line->append(",\"a_text\":");
    AppendJsonString(line, swap ? p.b_text : p.a_text);
    line->append(",\"b_text\":");
    AppendJsonString(line, swap ? p.a_text : p.b_text);
    line->push_back('}');
  }
  line->append("]}");
}

}  // namespace

Status WriteEdges(const std::string& dir, const DocumentTable& table, const Clustering& clustering,
                  const std::vector<Edge>& edges,
                  const std::vector<RewriteEvidenceText>& rewrite_evidence, bool all_edges) {
  return WriteFile(dir, "edges.jsonl", [&](auto append, std::string& line) -> Status {
    std::vector<uint8_t> written(all_edges ? edges.size() : 0, 0);
    const auto write = [&](uint64_t a, uint64_t b, Relation relation, const Edge* edge) {
      line.assign("{\"a\":");
      AppendJsonString(&line, table.IdOf(a));
      line.append(",\"b\":");
      AppendJsonString(&line, table.IdOf(b));
      line.append(",\"relation\":\"");
      line.append(RelationName(relation));
      line.append("\",\"score\":");
      if (edge == nullptr) {
        line.append("1,\"evidence\":{\"normalized_hash\":\"");
        line.append(table.docs[b].hash.ToHex());
        line.append("\"}}\n");
        return append(line);
      }
      AppendJsonScore(&line, edge->score());
      // `a` stands in for the edge's endpoint other than `b`.
      const uint64_t stand_in = edge->a == b ? edge->b : edge->a;
      if (stand_in != a) {
        line.append(",\"via\":");
        AppendJsonString(&line, table.IdOf(stand_in));
      }
      line.append(",\"evidence\":");
      if (edge->relation == Relation::kRewrite) {
        AppendRewriteEvidence(rewrite_evidence[edge->evidence], edge->a == b, table, *edge,
                              &line);
        line.append("}\n");
        return append(line);
      }
      line.append("{\"jaccard\":");
      AppendJsonScore(&line, edge->jaccard);
      line.append(",\"containment\":");
      AppendJsonScore(&line, edge->containment);
      line.append(",\"shingles_a\":");
      line.append(std::to_string(table.docs[a].shingles));
      line.append(",\"shingles_b\":");
      line.append(std::to_string(table.docs[b].shingles));
      line.append(edge->exact ? ",\"measured\":\"shingle sets\"}}\n"
                              : ",\"measured\":\"minhash estimate\"}}\n");
      return append(line);
    };
    for (const Cluster& cluster : clustering.clusters) {
      for (uint64_t m : cluster.members) {
        if (m == cluster.representative) continue;
        const int64_t e = clustering.edge_of[m];
        if (e >= 0 && all_edges) written[static_cast<size_t>(e)] = 1;
        Status s = write(m, cluster.representative, clustering.relation_of[m],
                         e < 0 ? nullptr : &edges[static_cast<size_t>(e)]);
        if (!s.ok()) return s;
      }
    }
    for (size_t k = 0; k < written.size(); ++k) {
      if (written[k]) continue;
      Status s = write(edges[k].a, edges[k].b, edges[k].relation, &edges[k]);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  });
}

Status WriteRejected(const std::string& dir, const DocumentTable& table,
                     const std::vector<InputSource>& sources) {
  return WriteFile(dir, "rejected.jsonl", [&](auto append, std::string& line) -> Status {
    for (const Rejection& r : table.rejections) {
      line.assign("{\"source\":");
      AppendJsonString(&line, sources[r.source].name);
      line.append(",\"line\":");
      line.append(std::to_string(r.line));
      line.append(",\"reason\":\"");
      line.append(RejectReasonName(r.reason));
      line.append("\",\"message\":");
      AppendJsonString(&line, r.message);
      line.append("}\n");
      Status s = append(line);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  });
}

}  // namespace echoes
