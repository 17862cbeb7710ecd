// FindNearEdges. Candidates from the two indexes are merged, each is estimated on its
// signatures, and the uncertain ones are settled in one streaming pass over the inputs
// that rebuilds the shingle sets of just the records involved.

#include "pipeline/near_stage.h"

#include <algorithm>
#include <iterator>

#include "index/candidates.h"
#include "io/record_batcher.h"
#include "pipeline/record_processor.h"

namespace echoes {
namespace {

// Shingle sets of the records in `wanted` (sorted), in the same order.
Result<std::vector<std::vector<uint32_t>>> ReadShingleSets(
    const std::vector<uint32_t>& wanted, const std::vector<InputSource>& sources,
    const DedupOptions& options, const SketchOptions& sketch, uint64_t record_count) {
  std::vector<std::vector<uint32_t>> sets(wanted.size());
  RecordProcessor processor(&options, &sources, &sketch);
  RecordBatcher batcher(&sources, 4 << 20, options.max_record_bytes);
  RecordBatch batch;
  uint64_t index = 0;
  size_t next = 0;
  while (next < wanted.size() && batcher.Next(&batch)) {
    for (const RecordRef& record : batch.records) {
      if (next < wanted.size() && index == wanted[next]) {
        processor.ShingleSetOf(batch, record, &sets[next]);
        ++next;
      }
      ++index;
    }
  }
  if (next < wanted.size() || index > record_count) {
    return Status::Internal("an input changed while echoes was reading it (records missing "
                            "on the verification pass)");
  }
  return sets;
}

}  // namespace

Result<NearEdges> FindNearEdges(const DocumentTable& table, const Clustering& exact,
                                const std::vector<InputSource>& sources,
                                const DedupOptions& options, const SketchOptions& sketch) {
  std::vector<uint32_t> units;
  std::vector<uint8_t> is_unit(table.docs.size(), 0);
  for (uint64_t i = 0; i < table.docs.size(); ++i) {
    if (table.docs[i].rejected || exact.representative_of[i] != i) continue;
    units.push_back(static_cast<uint32_t>(i));
    is_unit[i] = 1;
  }

  const std::vector<CandidatePair> banded = BandCandidates(table, units);
  const std::vector<CandidatePair> sampled = SampleCandidates(table, is_unit);
  std::vector<CandidatePair> candidates;
  candidates.reserve(banded.size() + sampled.size());
  std::set_union(banded.begin(), banded.end(), sampled.begin(), sampled.end(),
                 std::back_inserter(candidates));

  VerifyOptions verify;
  verify.threshold = options.threshold;
  verify.containment = options.containment;
  NearEdges result;
  result.candidates = candidates.size();
  std::vector<CandidatePair> uncertain;
  for (const CandidatePair& pair : candidates) {
    Edge edge;
    switch (EstimatePair(table, pair, verify, &edge)) {
      case Verdict::kAccept: result.edges.push_back(edge); break;
      case Verdict::kUncertain: uncertain.push_back(pair); break;
      case Verdict::kReject: break;
    }
  }

  if (!uncertain.empty()) {
    std::vector<uint32_t> wanted;
    for (const CandidatePair& p : uncertain) {
      wanted.push_back(p.a);
      wanted.push_back(p.b);
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    Result<std::vector<std::vector<uint32_t>>> sets =
        ReadShingleSets(wanted, sources, options, sketch, table.docs.size());
    if (!sets.ok()) return sets.status();
    const auto set_of = [&](uint32_t record) -> const std::vector<uint32_t>& {
      return sets.value()[static_cast<size_t>(
          std::lower_bound(wanted.begin(), wanted.end(), record) - wanted.begin())];
    };
    for (const CandidatePair& pair : uncertain) {
      Edge edge;
      if (ExactPair(pair, set_of(pair.a), set_of(pair.b), verify, &edge)) {
        result.edges.push_back(edge);
      }
    }
    result.exact_checks = uncertain.size();
  }
  std::sort(result.edges.begin(), result.edges.end(), [](const Edge& x, const Edge& y) {
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  return result;
}

}  // namespace echoes
