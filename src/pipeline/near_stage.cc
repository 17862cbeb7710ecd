// FindNearEdges. Candidates from the two indexes are merged, each is estimated on its
// signatures, and the uncertain ones are settled on the exact shingle sets of just the
// records involved: read back one by one (pread at the offset the first pass noted)
// when every input is an uncompressed file, else in one streaming pass.

#include "pipeline/near_stage.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <thread>

#include "index/candidates.h"
#include "io/batch_prefetcher.h"
#include "io/byte_source.h"
#include "pipeline/record_processor.h"

namespace echoes {
namespace {

// Shingle sets of the records wanted[begin, end) into sets[begin, end), each record
// read with one pread.
Status PreadShingleSetSlice(const std::vector<uint32_t>& wanted, size_t begin, size_t end,
                            const DocumentTable& table, const std::vector<InputSource>& sources,
                            const DedupOptions& options, const SketchOptions& sketch,
                            std::vector<std::vector<uint32_t>>* sets_out) {
  std::vector<std::vector<uint32_t>>& sets = *sets_out;
  RecordProcessor processor(&options, &sources, &sketch);
  std::vector<int> fds(sources.size(), -1);
  RecordBatch batch;
  Status status;
  for (size_t k = begin; k < end && status.ok(); ++k) {
    const DocumentInfo& doc = table.docs[wanted[k]];
    int& fd = fds[doc.source];
    if (fd < 0) fd = ::open(sources[doc.source].path.c_str(), O_RDONLY | O_CLOEXEC);
    batch.bytes.resize(doc.record_size + RecordBatch::kPadding);
    size_t done = 0;
    while (fd >= 0 && done < doc.record_size) {
      const ssize_t n = ::pread(fd, batch.bytes.data() + done, doc.record_size - done,
                                static_cast<off_t>(doc.stream_offset + done));
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    if (done < doc.record_size) {
      status = Status::Internal(sources[doc.source].name +
                                ": changed while echoes was reading it (a record is missing)");
      break;
    }
    RecordRef ref;
    ref.source = doc.source;
    ref.kind = sources[doc.source].kind == SourceKind::kTextFile ? RecordKind::kTextDocument
                                                                 : RecordKind::kJsonLine;
    ref.size = doc.record_size;
    batch.records.assign(1, ref);
    processor.ShingleSetOf(batch, ref, &sets[k]);
  }
  for (int fd : fds) {
    if (fd >= 0) ::close(fd);
  }
  return status;
}

// Shingle sets of the records in `wanted`, read by `threads` threads in contiguous
// slices (each set depends on its record only, so the result is the same for any
// thread count).
Result<std::vector<std::vector<uint32_t>>> PreadShingleSets(const std::vector<uint32_t>& wanted,
                                                            const DocumentTable& table,
                                                            const std::vector<InputSource>& sources,
                                                            const DedupOptions& options,
                                                            const SketchOptions& sketch,
                                                            int threads) {
  std::vector<std::vector<uint32_t>> sets(wanted.size());
  const size_t slices = std::max<size_t>(
      1, std::min<size_t>(static_cast<size_t>(threads), wanted.size() / 256 + 1));
  std::vector<Status> status(slices);
  const auto read_slice = [&](size_t slice) {
    status[slice] = PreadShingleSetSlice(wanted, wanted.size() * slice / slices,
                                         wanted.size() * (slice + 1) / slices, table, sources,
                                         options, sketch, &sets);
  };
  std::vector<std::thread> workers;
  for (size_t slice = 1; slice < slices; ++slice) workers.emplace_back(read_slice, slice);
  read_slice(0);
  for (std::thread& t : workers) t.join();
  for (const Status& s : status) {
    if (!s.ok()) return s;
  }
  return sets;
}

// Shingle sets of the records in `wanted` (sorted), in the same order, from one
// streaming pass over the inputs.
Result<std::vector<std::vector<uint32_t>>> ReadShingleSets(const std::vector<uint32_t>& wanted,
                                                           const std::vector<InputSource>& sources,
                                                           const DedupOptions& options,
                                                           const SketchOptions& sketch,
                                                           uint64_t record_count, int threads) {
  std::vector<std::vector<uint32_t>> sets(wanted.size());
  RecordProcessor processor(&options, &sources, &sketch);
  BatchPrefetcher batcher(&sources, 4 << 20, options.max_record_bytes, threads > 1);
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
    return Status::Internal(
        "an input changed while echoes was reading it (records missing "
        "on the verification pass)");
  }
  return sets;
}

}  // namespace

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
  std::vector<CandidatePair> banded = BandCandidates(table, units, threads);
  std::vector<CandidatePair> sampled = SampleCandidates(table, is_unit, 2, threads);
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
    Result<std::vector<std::vector<uint32_t>>> sets =
        AllUncompressed(sources)
            ? PreadShingleSets(wanted, table, sources, options, sketch, threads)
            : ReadShingleSets(wanted, sources, options, sketch, table.docs.size(), threads);
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
  end_phase("exact");
  std::sort(result.edges.begin(), result.edges.end(),
            [](const Edge& x, const Edge& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
  return result;
}

}  // namespace echoes
