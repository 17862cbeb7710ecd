// FindRewriteEdges. Only cluster representatives are filed: a near copy of a rewrite
// follows its representative, so comparing it again would add nothing but time.
// Candidate texts are read back once each and kept for the alignment of all their
// pairs; pairs are aligned in contiguous slices, joined in order.

#include "pipeline/rewrite_stage.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <tuple>

#include "index/rewrite_candidates.h"
#include "pipeline/record_rereader.h"
#include "rewrite/alignment.h"
#include "util/parallel_ranges.h"

namespace echoes {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

int DatesOrder(const DocumentInfo& a, const DocumentInfo& b) {
  if (a.date == kNoDate || b.date == kNoDate) return 0;
  const int64_t day_a = a.date / kSecondsPerDay, day_b = b.date / kSecondsPerDay;
  return day_a == day_b ? 0 : (day_a < day_b ? -1 : 1);
}

std::string SentencesText(const SentencedText& s, uint32_t first, uint32_t last) {
  return std::string(s.text.substr(s.spans[first].begin, s.spans[last].end - s.spans[first].begin));
}

struct AlignedEdge {
  Edge edge;
  RewriteEvidenceText evidence;
};

}  // namespace

Result<RewriteEdges> FindRewriteEdges(const DocumentTable& table, const Clustering& clustering,
                                      const std::vector<Edge>& known,
                                      const std::vector<InputSource>& sources,
                                      const DedupOptions& options, int threads) {
  RewriteEdges result;
  auto phase_start = std::chrono::steady_clock::now();
  const auto end_phase = [&](const char* name) {
    const auto now = std::chrono::steady_clock::now();
    result.phase_seconds.push_back(
        {name, std::chrono::duration<double>(now - phase_start).count()});
    phase_start = now;
  };
  if (table.sentence_bands == 0 || !table.term_weights) return result;

  // The representatives' filed sentences.
  SentenceFiling filing;
  filing.bands = table.sentence_bands;
  uint64_t first_key = 0;
  for (uint64_t r = 0; r < table.docs.size(); ++r) {
    const DocumentInfo& doc = table.docs[r];
    const uint64_t keys = uint64_t{doc.sentences} * filing.bands;
    if (!doc.rejected && clustering.representative_of[r] == r && doc.sentences > 0) {
      filing.keys.insert(filing.keys.end(), table.sentence_keys.begin() + first_key,
                         table.sentence_keys.begin() + first_key + keys);
      filing.record_of.insert(filing.record_of.end(), doc.sentences, static_cast<uint32_t>(r));
    }
    first_key += keys;
  }
  if (filing.record_of.size() >= UINT32_MAX) {
    return Status::InvalidArgument("more than 2^32 sentences in one run; split the corpus");
  }
  RewriteIndexStats index_stats;
  std::vector<RewriteCandidate> candidates =
      FindRewriteCandidates(filing, RewriteIndexOptions(), threads, &index_stats);
  const auto already_linked = [&](const RewriteCandidate& c) {
    const auto it = std::lower_bound(known.begin(), known.end(), c, [](const Edge& e, const auto& x) {
      return std::tie(e.a, e.b) < std::tie(x.a, x.b);
    });
    return it != known.end() && it->a == c.a && it->b == c.b;
  };
  candidates.erase(std::remove_if(candidates.begin(), candidates.end(), already_linked),
                   candidates.end());
  filing = SentenceFiling();
  result.candidates = candidates.size();
  result.sentence_pairs = index_stats.sentence_pairs;
  result.skipped_buckets = index_stats.skipped_buckets;
  end_phase("rewrite index");

  // The candidates' texts, each read once, in sentences.
  std::vector<uint32_t> wanted;
  for (const RewriteCandidate& c : candidates) {
    wanted.push_back(c.a);
    wanted.push_back(c.b);
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  std::vector<SentencedText> texts(wanted.size());
  std::vector<std::unique_ptr<ContentWords>> words(static_cast<size_t>(std::max(threads, 1)));
  for (auto& w : words) w = std::make_unique<ContentWords>();
  Status read = ReadRecordsAgain(
      wanted, table, sources, options, nullptr, threads,
      [&](size_t k, size_t slice, RecordProcessor* processor, const RecordBatch& batch,
          const RecordRef& record) {
        std::string_view text;
        if (processor->ComparedTextOf(batch, record, &text)) {
          texts[k] = SplitIntoSentences(std::string(text), words[slice].get());
        }
      });
  if (!read.ok()) return read;
  const auto text_of = [&](uint32_t record) -> const SentencedText& {
    return texts[static_cast<size_t>(std::lower_bound(wanted.begin(), wanted.end(), record) -
                                     wanted.begin())];
  };

  // Alignment: every candidate, in slices joined in order.
  const TermWeights& weights = *table.term_weights;
  const auto align_range = [&](size_t first, size_t last, std::vector<AlignedEdge>* found) {
    for (size_t k = first; k < last; ++k) {
      const RewriteCandidate& c = candidates[k];
      const SentencedText& a = text_of(c.a);
      const SentencedText& b = text_of(c.b);
      const RewriteEvidence evidence = AlignDocuments(a, b, weights);
      if (!evidence.rewrite) continue;
      AlignedEdge aligned;
      aligned.edge.a = c.a;
      aligned.edge.b = c.b;
      aligned.edge.relation = Relation::kRewrite;
      aligned.edge.alignment = static_cast<float>(evidence.score);
      RewriteEvidenceText& text = aligned.evidence;
      text.sentences_a = static_cast<uint32_t>(a.spans.size());
      text.sentences_b = static_cast<uint32_t>(b.spans.size());
      text.coverage_a = static_cast<float>(evidence.coverage_a);
      text.coverage_b = static_cast<float>(evidence.coverage_b);
      text.direction = GuessDirection(DatesOrder(table.docs[c.a], table.docs[c.b]), evidence);
      for (const AlignedPair& p : evidence.pairs) {
        RewriteEvidenceText::Pair pair;
        pair.a_first = p.a_first;
        pair.a_last = p.a_last;
        pair.b_first = p.b_first;
        pair.b_last = p.b_last;
        pair.similarity = static_cast<float>(p.similarity);
        pair.quotation = p.quotation;
        pair.moved = p.moved;
        pair.a_text = SentencesText(a, p.a_first, p.a_last);
        pair.b_text = SentencesText(b, p.b_first, p.b_last);
        text.pairs.push_back(std::move(pair));
      }
      found->push_back(std::move(aligned));
    }
  };
  std::vector<AlignedEdge> aligned =
      FindInRanges<AlignedEdge>(candidates.size(), threads, align_range);
  for (AlignedEdge& e : aligned) {
    e.edge.evidence = static_cast<uint32_t>(result.evidence.size());
    result.edges.push_back(e.edge);
    result.evidence.push_back(std::move(e.evidence));
  }
  end_phase("rewrite align");
  return result;
}

}  // namespace echoes
