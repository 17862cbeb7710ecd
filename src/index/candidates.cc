// Candidate generation by sorting, not hashing into maps of vectors: (key, record)
// pairs are sorted per band and equal keys are adjacent. At 10^7 records a band is
// 160 MB of pairs sorted in place, where a map of vectors would allocate per bucket.

#include "index/candidates.h"

#include <algorithm>
#include <thread>
#include <utility>

#include "index/sample_runs.h"
#include "index/spilled_sketches.h"
#include "util/huge_pages.h"
#include "util/parallel_ranges.h"
#include "util/radix_sort.h"

namespace echoes {
namespace {

inline uint64_t PairKey(const CandidatePair& p) { return uint64_t{p.a} << 32 | p.b; }

// Sorts `pairs` and drops repeats.
void SortUnique(std::vector<CandidatePair>* pairs, std::vector<CandidatePair>* scratch) {
  RadixSort(pairs, PairKey, scratch);
  pairs->erase(std::unique(pairs->begin(), pairs->end()), pairs->end());
}

}  // namespace

Result<std::vector<CandidatePair>> BandCandidates(const DocumentTable& table,
                                                  const std::vector<uint32_t>& units,
                                                  int threads) {
  // Bands [first, last) into `pairs`, sorted and without repeats. A pair met in several
  // bands is emitted by each and the repeats are sorted out, rather than checked
  // against the earlier bands' keys: with spilled sketches only one band is at hand.
  std::vector<Status> failures(table.band_count);
  const auto band_range = [&](size_t first, size_t last, std::vector<CandidatePair>* pairs) {
    // (key << 32 | record): sorted on the key's 4 bytes only; the sort is stable and
    // units are in record order, so equal keys stay sorted by record.
    std::vector<uint64_t> keyed(units.size());
    std::vector<uint64_t> scratch;
    std::vector<uint32_t> spilled_column;
    std::vector<CandidatePair> pair_scratch;
    size_t unique_pairs = 0;  // pairs->size() at the last SortUnique
    for (size_t band = first; band < last; ++band) {
      // The band's keys: every band_count-th word in memory, or the band's own file.
      const uint32_t* column = table.band_keys.data() + band;
      size_t stride = table.band_count;
      if (table.spilled_sketches != nullptr) {
        failures[band] = table.spilled_sketches->ReadBand(band, &spilled_column);
        if (!failures[band].ok()) return;
        column = spilled_column.data();
        stride = 1;
      }
      for (size_t i = 0; i < units.size(); ++i) {
        keyed[i] = uint64_t{column[units[i] * stride]} << 32 | units[i];
      }
      RadixSort(&keyed, [](uint64_t k) { return k >> 32; }, &scratch);
      for (size_t begin = 0; begin < keyed.size();) {
        size_t end = begin + 1;
        while (end < keyed.size() && (keyed[end] >> 32) == (keyed[begin] >> 32)) ++end;
        for (size_t q = begin + 1; q < end; ++q) {
          const size_t first_partners = std::min(q, begin + kMaxBucketPairs);
          for (size_t p = begin; p < first_partners; ++p) {
            pairs->push_back({static_cast<uint32_t>(keyed[p]), static_cast<uint32_t>(keyed[q])});
          }
        }
        begin = end;
      }
      // Near-duplicates meet in most bands: fold the repeats in as they pile up.
      if (pairs->size() > 2 * unique_pairs + 4096) {
        SortUnique(pairs, &pair_scratch);
        unique_pairs = pairs->size();
      }
    }
    SortUnique(pairs, &pair_scratch);
  };
  std::vector<CandidatePair> pairs =
      FindInRanges<CandidatePair>(table.band_count, threads, band_range);
  for (const Status& s : failures) {
    if (!s.ok()) return s;
  }
  std::vector<CandidatePair> scratch;
  SortUnique(&pairs, &scratch);
  return pairs;
}

namespace {

// The groups of 2 to kMaxSampleGroup units that share a sample, collected from samples
// in (hash, record) order: members[group_ends[g - 1], group_ends[g]) share one hash.
// Only these are held; on real text most samples are singletons.
class SampleGroups {
 public:
  explicit SampleGroups(const std::vector<uint8_t>& is_unit) : is_unit_(is_unit) {}

  void Add(const ShingleSample& s) {
    if (!is_unit_[s.record]) return;
    const size_t open = OpenGroupBegin();
    if (members_.size() > open && s.hash == hash_) {
      if (members_.back() == s.record) return;  // a shingle repeated in one text
      members_.push_back(s.record);
      return;
    }
    CloseGroup();
    hash_ = s.hash;
    members_.push_back(s.record);
  }
  void CloseGroup() {
    const size_t begin = OpenGroupBegin();
    const size_t size = members_.size() - begin;
    if (size >= 2 && size <= kMaxSampleGroup) {
      group_ends_.push_back(static_cast<uint32_t>(members_.size()));
    } else {
      members_.resize(begin);
    }
  }

  const std::vector<uint32_t>& members() const { return members_; }
  const std::vector<uint32_t>& group_ends() const { return group_ends_; }

 private:
  size_t OpenGroupBegin() const { return group_ends_.empty() ? 0 : group_ends_.back(); }

  const std::vector<uint8_t>& is_unit_;
  std::vector<uint32_t> members_;
  std::vector<uint32_t> group_ends_;
  uint32_t hash_ = 0;
};

// The samples of `table` in (hash, record) order into `groups`: merged from the runs
// spilled while reading, or sorted here. By hash only: samples were appended in record
// order and the sort is stable, so records stay ascending within a hash, and half the
// passes are saved. With two threads or more, the samples are split on the hash's top
// bit and the halves sorted at once: the low half then the high half is the whole.
Status CollectGroups(const DocumentTable& table, const std::vector<uint8_t>& is_unit,
                     int threads, SampleGroups* groups) {
  const auto add = [&](const ShingleSample& s) { groups->Add(s); };
  if (table.spilled_samples != nullptr) {
    std::vector<ShingleSample> tail;
    for (const ShingleSample& s : table.samples) {
      if (is_unit[s.record]) tail.push_back(s);
    }
    return table.spilled_samples->Merge(std::move(tail), add);
  }
  std::vector<ShingleSample> low, high;
  // Fresh memory the size of the samples: faulted in 2 MB at a time, not 4 KB.
  for (std::vector<ShingleSample>* half : {&low, &high}) {
    half->reserve(table.samples.size() / 2 + table.samples.size() / 64);
    AdviseHugePages(half->data(), half->capacity() * sizeof(ShingleSample));
  }
  for (const ShingleSample& s : table.samples) {
    if (is_unit[s.record]) (s.hash >> 31 ? high : low).push_back(s);
  }
  if (threads > 1) {
    std::thread high_sorter(SortSamplesByHash, &high);
    SortSamplesByHash(&low);
    high_sorter.join();
  } else {
    SortSamplesByHash(&low);
    SortSamplesByHash(&high);
  }
  for (const ShingleSample& s : low) groups->Add(s);
  std::vector<ShingleSample>().swap(low);
  for (const ShingleSample& s : high) groups->Add(s);
  return Status::Ok();
}

}  // namespace

Result<std::vector<CandidatePair>> SampleCandidates(const DocumentTable& table,
                                                    const std::vector<uint8_t>& is_unit,
                                                    uint32_t min_shared, int threads) {
  SampleGroups groups(is_unit);
  if (Status s = CollectGroups(table, is_unit, threads, &groups); !s.ok()) return s;
  groups.CloseGroup();
  const std::vector<uint32_t>& members = groups.members();
  const std::vector<uint32_t>& group_ends = groups.group_ends();

  // Each record's later partners, group by group: a record at position p of a sample
  // group [begin, end) shares that sample with members[p + 1, end). Listing these
  // ranges per record (a compressed sparse row) and counting partners per record
  // replaces materialising and sorting one pair per shared sample, which cost ten
  // times the pairs it yields on text built from common sentences.
  struct Partners {
    uint32_t from, end;  // positions in `members`
  };
  const size_t n = table.docs.size();
  std::vector<uint32_t> row(n + 1, 0);
  const auto for_each_group = [&](auto visit) {
    for (size_t g = 0, begin = 0; g < group_ends.size(); begin = group_ends[g++]) {
      visit(begin, size_t{group_ends[g]});
    }
  };
  for_each_group([&](size_t begin, size_t end) {
    for (size_t p = begin; p + 1 < end; ++p) ++row[members[p] + 1];
  });
  for (size_t i = 0; i < n; ++i) row[i + 1] += row[i];
  std::vector<Partners> partners(row[n]);
  {
    std::vector<uint32_t> fill(row.begin(), row.end() - 1);
    for_each_group([&](size_t begin, size_t end) {
      for (size_t p = begin; p + 1 < end; ++p) {
        partners[fill[members[p]]++] = {static_cast<uint32_t>(p + 1),
                                               static_cast<uint32_t>(end)};
      }
    });
  }

  // Records [first, last) against their later partners; with threads, the records
  // are cut into contiguous ranges whose pair lists are joined in order.
  const auto count_range = [&](size_t first, size_t last, std::vector<CandidatePair>* pairs) {
    std::vector<uint32_t> shared(n, 0);  // samples shared with the current record
    std::vector<uint32_t> touched;
    constexpr uint32_t kPrefetchAhead = 8;  // groups lie all over `members`
    for (size_t a = first; a < last; ++a) {
      const size_t first_pair = pairs->size();
      for (uint32_t k = row[a]; k < row[a + 1]; ++k) {
        if (k + kPrefetchAhead < partners.size()) {
          __builtin_prefetch(&members[partners[k + kPrefetchAhead].from]);
        }
        for (uint32_t q = partners[k].from; q < partners[k].end; ++q) {
          const uint32_t b = members[q];
          if (shared[b] == 0) touched.push_back(b);
          if (++shared[b] == min_shared) pairs->push_back({static_cast<uint32_t>(a), b});
        }
      }
      std::sort(pairs->begin() + static_cast<std::ptrdiff_t>(first_pair), pairs->end());
      for (uint32_t b : touched) shared[b] = 0;
      touched.clear();
    }
  };
  return FindInRanges<CandidatePair>(n, threads, count_range);
}

}  // namespace echoes
