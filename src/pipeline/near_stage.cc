// FindNearEdges. Candidates from the two indexes are merged, each is estimated on its
// signatures, and the uncertain ones are settled on the exact shingle sets of just the
// records involved, read back from the inputs (pipeline/record_rereader.h).

#include "pipeline/near_stage.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <thread>

#include "index/candidates.h"
#include "pipeline/record_rereader.h"

namespace echoes {

Result<NearEdges> FindNearEdges(const DocumentTable& table, const Clustering& exact,
                                const std::vector<InputSource>& sources,
                                const DedupOptions& options, const SketchOptions& sketch,
                                int threads) {
  std::vector<uint32_t> units;
  std::vector<uint8_t> is_unit(table.docs.size(), 0);
  for (uint64_t i = 0; i < table.docs.size(); ++i) {
    if (table.docs[i].rejected || exact.representative_of[i] != i) continue;
    units.push_back(static_cast<uint32_t>(i));
    is_unit[i] = 1;
  }

  NearEdges result;
  auto phase_start = std::chrono::steady_clock::now();
  const auto end_phase = [&](const char* name) {
    const auto now = std::chrono::steady_clock::now();
    result.phase_seconds.push_back(
        {name, std::chrono::duration<double>(now - phase_start).count()});
    phase_start = now;
  };
  // Each index spreads its own work over the threads (bands by range, samples by
  // hash half and by record range).
  Result<std::vector<CandidatePair>> found_by_bands = BandCandidates(table, units, threads);
  if (!found_by_bands.ok()) return found_by_bands.status();
  const std::vector<CandidatePair>& banded = found_by_bands.value();
  Result<std::vector<CandidatePair>> found_by_samples = SampleCandidates(table, is_unit, 2, threads);
  if (!found_by_samples.ok()) return found_by_samples.status();
  const std::vector<CandidatePair>& sampled = found_by_samples.value();
  end_phase("index");
  std::vector<CandidatePair> candidates;
  candidates.reserve(banded.size() + sampled.size());
  std::set_union(banded.begin(), banded.end(), sampled.begin(), sampled.end(),
                 std::back_inserter(candidates));

  VerifyOptions verify;
  verify.threshold = options.threshold;
  verify.containment = options.containment;
  result.candidates = candidates.size();
  // Estimates in `threads` contiguous slices, merged in slice order: same result for
  // any thread count.
  const size_t slices = std::max<size_t>(
      1, std::min<size_t>(static_cast<size_t>(threads), candidates.size() / 4096 + 1));
  std::vector<std::vector<Edge>> accepted(slices);
  std::vector<std::vector<CandidatePair>> unsure(slices);
  const auto estimate_slice = [&](size_t slice) {
    const size_t begin = candidates.size() * slice / slices;
    const size_t end = candidates.size() * (slice + 1) / slices;
    // Candidates pair records from all over the table: fetch the signatures a few
    // pairs ahead, or each estimate waits on two cache misses.
    constexpr size_t kPrefetchAhead = 8;
    for (size_t k = begin; k < end; ++k) {
      if (k + kPrefetchAhead < end) {
        const CandidatePair& ahead = candidates[k + kPrefetchAhead];
        for (size_t line = 0; line < table.signature_size * sizeof(uint16_t); line += 64) {
          __builtin_prefetch(reinterpret_cast<const char*>(table.SignatureOf(ahead.a)) + line);
          __builtin_prefetch(reinterpret_cast<const char*>(table.SignatureOf(ahead.b)) + line);
        }
      }
      Edge edge;
      switch (EstimatePair(table, candidates[k], verify, &edge)) {
        case Verdict::kAccept:
          accepted[slice].push_back(edge);
          break;
        case Verdict::kUncertain:
          unsure[slice].push_back(candidates[k]);
          break;
        case Verdict::kReject:
          break;
      }
    }
  };
  {
    std::vector<std::thread> workers;
    for (size_t slice = 1; slice < slices; ++slice) workers.emplace_back(estimate_slice, slice);
    estimate_slice(0);
    for (std::thread& t : workers) t.join();
  }
  std::vector<CandidatePair> uncertain;
  for (size_t slice = 0; slice < slices; ++slice) {
    result.edges.insert(result.edges.end(), accepted[slice].begin(), accepted[slice].end());
    uncertain.insert(uncertain.end(), unsure[slice].begin(), unsure[slice].end());
  }
  end_phase("estimate");
  if (!uncertain.empty()) {
    std::vector<uint32_t> wanted;
    for (const CandidatePair& p : uncertain) {
      wanted.push_back(p.a);
      wanted.push_back(p.b);
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::vector<std::vector<uint32_t>> sets(wanted.size());
    Status read = ReadRecordsAgain(
        wanted, table, sources, options, &sketch, threads,
        [&](size_t k, size_t, RecordProcessor* processor, const RecordBatch& batch,
            const RecordRef& record) { processor->ShingleSetOf(batch, record, &sets[k]); });
    if (!read.ok()) return read;
    const auto set_of = [&](uint32_t record) -> const std::vector<uint32_t>& {
      return sets[static_cast<size_t>(
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
  end_phase("exact");
  std::sort(result.edges.begin(), result.edges.end(),
            [](const Edge& x, const Edge& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
  return result;
}

}  // namespace echoes
