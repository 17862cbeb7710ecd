// FindRewriteCandidates: each band's sentences sorted by key, so a bucket is a run;
// then, record by record, the partners its sentences meet in every band are gathered
// and counted in distinct sentences per side. Nothing proportional to the number of
// sentence collisions is ever stored: a corpus in which every sentence has fifty
// reworded cousins (the benchmark corpus) makes billions of them.

#include "index/rewrite_candidates.h"

#include <algorithm>
#include <atomic>
#include <compare>

#include "util/parallel_ranges.h"
#include "util/radix_sort.h"

namespace echoes {
namespace {

// One band's buckets that can pair anything: those of two sentences or more, and at
// most max_bucket (a larger one is boilerplate and skipped). Their sentences in key
// order, each bucket a run, and where each sentence sits. Lone sentences, most of a
// real corpus's, take no room but their slot_of entry.
struct BandBuckets {
  static constexpr uint32_t kUnpaired = UINT32_MAX;
  // Buckets hold at most this many sentences, so a member knows its run in 16 bits.
  static constexpr size_t kMaxBucket = UINT16_MAX;
  // A filed sentence as its record and its place among the record's filed sentences:
  // what a meeting needs, read in sequence instead of looked up at random. Each member
  // also knows where it sits in its run, so the run's bounds cost no lookup of their
  // own: a sentence's whole bucket is one random read into `order`, the neighbouring
  // members in the same or the next cache lines.
  struct Member {
    uint32_t record;
    uint32_t local;
    uint16_t offset;  // from the first member of its bucket
    uint16_t size;    // of its bucket
  };
  std::vector<Member> order;      // sorted by key (then sentence id)
  std::vector<uint32_t> slot_of;  // sentence id → its position in order, or kUnpaired
  uint64_t skipped_buckets = 0;
};

BandBuckets SortBand(const SentenceFiling& filing, const std::vector<uint32_t>& local,
                     size_t band, size_t max_bucket, std::vector<uint64_t>* keyed, std::vector<uint64_t>* scratch) {
  const size_t n = filing.record_of.size();
  keyed->resize(n);
  for (size_t s = 0; s < n; ++s) {
    (*keyed)[s] = uint64_t{filing.keys[s * filing.bands + band]} << 32 | s;
  }
  // Stable on the key, sentences in ascending order: buckets list them in order.
  RadixSort(keyed, [](uint64_t v) { return v >> 32; }, scratch);
  BandBuckets b;
  b.slot_of.assign(n, BandBuckets::kUnpaired);
  for (size_t begin = 0; begin < n;) {
    size_t end = begin + 1;
    while (end < n && (*keyed)[end] >> 32 == (*keyed)[begin] >> 32) ++end;
    const size_t size = end - begin;
    b.skipped_buckets += size > max_bucket;
    if (size >= 2 && size <= max_bucket) {
      for (size_t p = begin; p < end; ++p) {
        const auto sentence = static_cast<uint32_t>((*keyed)[p]);
        b.slot_of[sentence] = static_cast<uint32_t>(b.order.size());
        b.order.push_back({filing.record_of[sentence], local[sentence],
                           static_cast<uint16_t>(p - begin), static_cast<uint16_t>(size)});
      }
    }
    begin = end;
  }
  return b;
}

// Sentences ahead whose buckets are prefetched (see the record loop).
constexpr uint32_t kPrefetchAhead = 4;

// A meeting of two filed sentences as one word, so that a record's meetings sort as
// integers: the partner record, then this record's filed sentence (from its first),
// then the partner's. Both places fit 16 bits (kMaxFiledPerRecord).
using Meeting = uint64_t;
inline Meeting MeetingOf(uint32_t partner, uint32_t mine, uint32_t theirs) {
  return uint64_t{partner} << 32 | mine << 16 | theirs;
}
inline uint32_t PartnerOf(Meeting m) { return static_cast<uint32_t>(m >> 32); }
inline uint32_t MineOf(Meeting m) { return static_cast<uint32_t>(m >> 16) & 0xFFFF; }
inline uint32_t TheirsOf(Meeting m) { return static_cast<uint32_t>(m) & 0xFFFF; }

}  // namespace

std::vector<RewriteCandidate> FindRewriteCandidates(const SentenceFiling& filing,
                                                    const RewriteIndexOptions& options,
                                                    int threads, RewriteIndexStats* stats) {
  const size_t sentences = filing.record_of.size();
  // Records in CSR form over their filed sentences, and each sentence's place in its
  // record.
  std::vector<uint32_t> records, first_of_record;
  std::vector<uint32_t> local(sentences);
  for (size_t s = 0; s < sentences; ++s) {
    if (s == 0 || filing.record_of[s] != filing.record_of[s - 1]) {
      records.push_back(filing.record_of[s]);
      first_of_record.push_back(static_cast<uint32_t>(s));
    }
    local[s] = static_cast<uint32_t>(s - first_of_record.back());
  }
  first_of_record.push_back(static_cast<uint32_t>(sentences));
  // Bands sorted in parallel, each by one thread.
  std::vector<BandBuckets> bands(filing.bands);
  {
    const auto sort_range = [&](size_t first, size_t last, std::vector<int>*) {
      std::vector<uint64_t> keyed, scratch;
      for (size_t band = first; band < last; ++band) {
        bands[band] = SortBand(filing, local, band,
                               std::min(options.max_bucket, BandBuckets::kMaxBucket), &keyed,
                               &scratch);
      }
    };
    FindInRanges<int>(filing.bands, threads, sort_range);
  }
  // Filed sentences by record id: asked for nearly every partner met, so a table.
  std::vector<uint32_t> filed_of(records.empty() ? 0 : size_t{records.back()} + 1, 0);
  for (size_t k = 0; k < records.size(); ++k) {
    filed_of[records[k]] = first_of_record[k + 1] - first_of_record[k];
  }
  const auto filed = [&](uint32_t record) { return filed_of[record]; };

  std::atomic<uint64_t> sentence_pairs{0};
  const auto record_range = [&](size_t first, size_t last, std::vector<RewriteCandidate>* out) {
    std::vector<Meeting> met;
    std::vector<uint32_t> theirs;
    // Meetings with each partner of the current record, up to 2; zero between records.
    std::vector<uint8_t> meetings_with(filed_of.size(), 0);
    uint64_t pairs = 0;
    for (size_t k = first; k < last; ++k) {
      const uint32_t record = records[k];
      met.clear();
      const uint32_t record_end =
          std::min<uint32_t>(first_of_record[k + 1], first_of_record[k] + kMaxFiledPerRecord);
      for (uint32_t s = first_of_record[k]; s < record_end; ++s) {
        for (const BandBuckets& band : bands) {
          // The bucket of a sentence a few ahead, fetched while this one is counted:
          // the loop waits on memory, not on arithmetic.
          if (s + kPrefetchAhead < sentences) {
            const uint32_t ahead = band.slot_of[s + kPrefetchAhead];
            if (ahead != BandBuckets::kUnpaired) __builtin_prefetch(&band.order[ahead]);
          }
          const uint32_t p = band.slot_of[s];
          if (p == BandBuckets::kUnpaired) continue;
          const BandBuckets::Member& me = band.order[p];
          // A big bucket links each sentence only to its first ones, and those to all.
          // Members are in sentence order, so each pair is counted from its earlier
          // record by walking only the members after this one: a sentence past the
          // first ones has no partner of its own to count (its first ones are earlier
          // and count it).
          if (me.offset >= options.linked_per_bucket) continue;
          const size_t bucket_end = p - me.offset + me.size;
          for (size_t q = p + 1; q < bucket_end; ++q) {
            const BandBuckets::Member& t = band.order[q];
            // Not with itself; places past the cap not at all.
            if (t.record == record || t.local >= kMaxFiledPerRecord) continue;
            met.push_back(MeetingOf(t.record, local[s], t.local));
          }
        }
      }
      // Most partners are met once: one sentence pair, a candidate only when either
      // side files a single sentence. They are counted and dropped before the sort,
      // which then orders only the partners met more than once.
      const uint32_t own_filed = first_of_record[k + 1] - first_of_record[k];
      for (Meeting m : met) {
        uint8_t& count = meetings_with[PartnerOf(m)];
        count += count < 2;
      }
      size_t kept = 0;
      for (Meeting m : met) {
        const uint32_t partner = PartnerOf(m);
        if (meetings_with[partner] >= 2 || own_filed <= 1 || filed(partner) <= 1) {
          met[kept++] = m;
        } else {
          meetings_with[partner] = 0;
          ++pairs;
        }
      }
      met.resize(kept);
      for (Meeting m : met) meetings_with[PartnerOf(m)] = 0;
      std::sort(met.begin(), met.end());
      met.erase(std::unique(met.begin(), met.end()), met.end());
      pairs += met.size();
      for (size_t begin = 0; begin < met.size();) {
        const uint32_t partner = PartnerOf(met[begin]);
        size_t end = begin + 1;
        // Sorted by this record's sentence within the partner: its distinct ones are
        // counted as they pass; the partner's need a sort of their own.
        uint32_t mine_distinct = 1;
        while (end < met.size() && PartnerOf(met[end]) == partner) {
          mine_distinct += MineOf(met[end]) != MineOf(met[end - 1]);
          ++end;
        }
        uint32_t theirs_distinct = 1;
        if (end - begin > 1 && mine_distinct > 1) {
          theirs.clear();
          for (size_t m = begin; m < end; ++m) theirs.push_back(TheirsOf(met[m]));
          std::sort(theirs.begin(), theirs.end());
          theirs_distinct = static_cast<uint32_t>(std::unique(theirs.begin(), theirs.end()) -
                                                  theirs.begin());
        }
        const uint32_t shared = std::min(mine_distinct, theirs_distinct);
        if (shared >= options.min_shared || shared >= std::min(own_filed, filed(partner))) {
          RewriteCandidate c{record, partner, shared, {}};
          for (size_t m = begin; m < end; ++m) c.met.push_back({MineOf(met[m]), TheirsOf(met[m])});
          out->push_back(std::move(c));
        }
        begin = end;
      }
    }
    sentence_pairs += pairs;
  };
  std::vector<RewriteCandidate> candidates =
      FindInRanges<RewriteCandidate>(records.size(), threads, record_range);
  if (stats != nullptr) {
    stats->sentence_pairs = sentence_pairs.load();
    stats->skipped_buckets = 0;
    for (const BandBuckets& band : bands) stats->skipped_buckets += band.skipped_buckets;
  }
  return candidates;
}

}  // namespace echoes
