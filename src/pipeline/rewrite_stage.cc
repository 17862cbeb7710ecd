// FindRewriteEdges. Only cluster representatives are filed: a near copy of a rewrite
// follows its representative, so comparing it again would add nothing but time.
// Candidate texts are read back once each and kept for the alignment of all their
// pairs; pairs are aligned in contiguous slices, joined in order.

#include "pipeline/rewrite_stage.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <memory>
#include <span>
#include <tuple>

#include "index/name_filing.h"
#include "index/rewrite_candidates.h"
#include "pipeline/record_rereader.h"
#include "rewrite/alignment.h"
#include "sketch/sentence_sketcher.h"
#include "util/parallel_ranges.h"

namespace echoes {
namespace {

constexpr int64_t kSecondsPerDay = 86400;
// Text bytes of the records one verification block holds (see FindRewriteEdges).
constexpr uint64_t kBlockTextBytes = uint64_t{48} << 20;

int DatesOrder(const DocumentInfo& a, const DocumentInfo& b) {
  if (a.date == kNoDate || b.date == kNoDate) return 0;
  const int64_t day_a = a.date / kSecondsPerDay, day_b = b.date / kSecondsPerDay;
  return day_a == day_b ? 0 : (day_a < day_b ? -1 : 1);
}

std::string SentencesText(const SentencedText& s, uint32_t first, uint32_t last) {
  return std::string(s.text.substr(s.spans[first].begin, s.spans[last].end - s.spans[first].begin));
}

// The cheap test before the alignment: of the sentence pairs that met in the index,
// at least min_short_pairs (on distinct sentences of each side) must be alike by the
// sentence model itself. Key collisions of sentences that only share a few common
// stems ("the company said it expects") make most candidates, and this rejects them
// at the cost of a few comparisons instead of one per sentence pair.
bool SentencesThatMetAreAlike(const RewriteCandidate& c, const std::vector<uint32_t>& filed_a,
                              const std::vector<uint32_t>& filed_b, const PreparedText& a,
                              const PreparedText& b, const TermWeights& weights,
                              const AlignOptions& options) {
  std::vector<uint32_t> alike_a, alike_b;
  for (const auto& [fa, fb] : c.met) {
    if (fa >= filed_a.size() || fb >= filed_b.size()) continue;  // defensive: text changed
    const uint32_t i = filed_a[fa], j = filed_b[fb];
    if (AlignmentSimilarity(a.sentences[i], b.sentences[j], weights, options.min_similarity) >=
        options.min_similarity) {
      alike_a.push_back(i);
      alike_b.push_back(j);
    }
  }
  const auto distinct = [](std::vector<uint32_t>* v) {
    std::sort(v->begin(), v->end());
    return static_cast<size_t>(std::unique(v->begin(), v->end()) - v->begin());
  };
  return std::min(distinct(&alike_a), distinct(&alike_b)) >= options.min_short_pairs;
}

struct AlignedEdge {
  Edge edge;
  RewriteEvidenceText evidence;
};

}  // namespace

Result<RewriteEdges> FindRewriteEdges(const DocumentTable& table, const Clustering& clustering,
                                      const std::vector<Edge>& known,
                                      const std::vector<InputSource>& sources,
                                      const DedupOptions& options,
                                      const SentenceSketchOptions& sentences, int threads) {
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
  std::vector<uint32_t> representatives;
  uint64_t first_key = 0;
  for (uint64_t r = 0; r < table.docs.size(); ++r) {
    const DocumentInfo& doc = table.docs[r];
    const uint64_t keys = uint64_t{doc.sentences} * filing.bands;
    if (!doc.rejected && clustering.representative_of[r] == r) {
      representatives.push_back(static_cast<uint32_t>(r));
      if (doc.sentences > 0) {
        filing.keys.insert(filing.keys.end(), table.sentence_keys.begin() + first_key,
                           table.sentence_keys.begin() + first_key + keys);
        filing.record_of.insert(filing.record_of.end(), doc.sentences, static_cast<uint32_t>(r));
      }
    }
    first_key += keys;
  }
  if (filing.record_of.size() >= UINT32_MAX) {
    return Status::InvalidArgument("more than 2^32 sentences in one run; split the corpus");
  }
  RewriteIndexStats index_stats;
  std::vector<RewriteCandidate> candidates =
      FindRewriteCandidates(filing, RewriteIndexOptions(), threads, &index_stats);
  filing = SentenceFiling();
  end_phase("rewrite index: sentences");

  // The names' channel: pairs whose rare names agree, for rewrites too heavy for any
  // of their sentences to meet (name_filing.h). Merged into the sentence candidates;
  // a pair found by both keeps the sentences that met, but as a pair met by names it
  // goes to the alignment even when those sentences are not alike.
  std::vector<uint64_t> first_name(table.docs.size() + 1, 0);
  for (size_t r = 0; r < table.docs.size(); ++r) {
    first_name[r + 1] = first_name[r] + table.docs[r].names;
  }
  const bool names_kept = table.name_stems.size() == first_name.back();
  const auto names_of = [&](uint32_t r) {
    return std::span<const uint32_t>(table.name_stems.data() + first_name[r], table.docs[r].names);
  };
  const TermWeights& weights = *table.term_weights;
  if (names_kept) {
    RewriteIndexOptions by_names;
    by_names.min_shared = 1;
    RewriteIndexStats name_stats;
    std::vector<RewriteCandidate> named = FindRewriteCandidates(
        FileByNames(representatives, names_of, weights), by_names, threads, &name_stats);
    result.name_candidates = named.size();
    std::vector<RewriteCandidate> merged;
    merged.reserve(candidates.size() + named.size());
    const auto before = [](const RewriteCandidate& x, const RewriteCandidate& y) {
      return std::tie(x.a, x.b) < std::tie(y.a, y.b);
    };
    size_t i = 0, j = 0;
    while (i < candidates.size() || j < named.size()) {
      if (j == named.size() || (i < candidates.size() && !before(named[j], candidates[i]))) {
        const bool both = j < named.size() && !before(candidates[i], named[j]);
        j += both;
        merged.push_back(std::move(candidates[i++]));
        merged.back().by_names = both;
      } else {
        RewriteCandidate c = std::move(named[j++]);
        c.met.clear();
        c.shared_sentences = 0;
        c.by_names = true;
        merged.push_back(std::move(c));
      }
    }
    candidates = std::move(merged);
  }
  end_phase("rewrite index: names");
  const auto already_linked = [&](const RewriteCandidate& c) {
    const auto it = std::lower_bound(known.begin(), known.end(), c, [](const Edge& e, const auto& x) {
      return std::tie(e.a, e.b) < std::tie(x.a, x.b);
    });
    return it != known.end() && it->a == c.a && it->b == c.b;
  };
  candidates.erase(std::remove_if(candidates.begin(), candidates.end(), already_linked),
                   candidates.end());
  result.candidates = candidates.size();

  // Pairs whose names disagree fail the alignment's first test whatever their texts:
  // tested here on the names the reading pass kept, so their texts are never read
  // again (in the benchmark corpus, 95% of the candidates).
  const AlignOptions align;
  if (names_kept) {
    // Each name's weight looked up once, not once per candidate its record is in.
    std::vector<double> name_weight(table.name_stems.size());
    std::vector<double> names_total(table.docs.size(), 0);
    for (size_t r = 0; r < table.docs.size(); ++r) {
      for (uint64_t k = first_name[r]; k < first_name[r + 1]; ++k) {
        names_total[r] += name_weight[k] = weights.Weight(table.name_stems[k]);
      }
    }
    const auto weighed_names_of = [&](uint32_t r) {
      return WeighedNames{names_of(r),
                          std::span<const double>(name_weight.data() + first_name[r],
                                                  table.docs[r].names),
                          names_total[r]};
    };
    const auto names_disagree = [&](const RewriteCandidate& c) {
      return NameOverlap(weighed_names_of(c.a), weighed_names_of(c.b)) < align.min_name_overlap;
    };
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(), names_disagree),
                     candidates.end());
  }
  result.aligned = candidates.size();
  result.sentence_pairs = index_stats.sentence_pairs;
  result.skipped_buckets = index_stats.skipped_buckets;
  end_phase("rewrite name check");

  // Verification in blocks of candidates whose texts fit kBlockTextBytes: prepared
  // texts take about twenty times their size, and a corpus can have candidates
  // everywhere (in the benchmark corpus, every record has some).
  std::vector<std::unique_ptr<ContentWords>> words(static_cast<size_t>(std::max(threads, 1)));
  for (auto& w : words) w = std::make_unique<ContentWords>();
  std::vector<std::unique_ptr<SentenceSketcher>> sketchers(words.size());
  for (auto& s : sketchers) s = std::make_unique<SentenceSketcher>(sentences);
  std::vector<uint32_t> wanted;
  std::vector<SentencedText> texts;
  std::vector<PreparedText> prepared;
  std::vector<std::vector<uint32_t>> filed;  // filed sentence → sentence
  // The block's texts, each read once, in sentences.
  const auto load = [&]() -> Status {
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    texts.assign(wanted.size(), SentencedText());
    prepared.assign(wanted.size(), PreparedText());
    filed.assign(wanted.size(), {});
    return ReadRecordsAgain(
        wanted, table, sources, options, nullptr, threads,
        [&](size_t k, size_t slice, RecordProcessor* processor, const RecordBatch& batch,
            const RecordRef& record) {
          std::string_view text;
          if (!processor->ComparedTextOf(batch, record, &text)) return;
          texts[k] = SplitIntoSentences(std::string(text), words[slice].get());
          prepared[k] = PrepareText(texts[k], weights);
          for (size_t i = 0; i < texts[k].terms.size(); ++i) {
            if (sketchers[slice]->Files(texts[k].terms[i])) filed[k].push_back(i);
          }
        });
  };
  const auto index_of = [&](uint32_t record) {
    return static_cast<size_t>(std::lower_bound(wanted.begin(), wanted.end(), record) -
                               wanted.begin());
  };

  std::vector<AlignedEdge> aligned;
  const auto align_range = [&](size_t first, size_t last, std::vector<AlignedEdge>* found) {
    for (size_t k = first; k < last; ++k) {
      const RewriteCandidate& c = candidates[k];
      const size_t ka = index_of(c.a), kb = index_of(c.b);
      if (NameOverlap(prepared[ka], prepared[kb]) < align.min_name_overlap ||
          FigureOverlap(prepared[ka], prepared[kb]) < align.min_figure_overlap) {
        continue;
      }
      if (!c.by_names && !SentencesThatMetAreAlike(c, filed[ka], filed[kb], prepared[ka],
                                                   prepared[kb], weights, align)) {
        continue;
      }
      const SentencedText& a = texts[ka];
      const SentencedText& b = texts[kb];
      const RewriteEvidence evidence =
          AlignPrepared(a, prepared[ka], b, prepared[kb], weights, align);
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
      text.name_overlap = static_cast<float>(evidence.name_overlap);
      text.figure_overlap = static_cast<float>(evidence.figure_overlap);
      text.summary = evidence.summary;
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
        pair.anchored = p.anchored;
        pair.slight = p.slight;
        pair.a_text = SentencesText(a, p.a_first, p.a_last);
        pair.b_text = SentencesText(b, p.b_first, p.b_last);
        text.pairs.push_back(std::move(pair));
      }
      found->push_back(std::move(aligned));
    }
  };
  std::vector<uint8_t> in_block(table.docs.size(), 0);
  for (size_t block_begin = 0; block_begin < candidates.size();) {
    // A block ends where its records' texts would outgrow the budget.
    size_t block_end = block_begin;
    uint64_t bytes = 0;
    for (uint32_t r : wanted) in_block[r] = 0;
    wanted.clear();
    while (block_end < candidates.size() && (block_end == block_begin || bytes < kBlockTextBytes)) {
      const RewriteCandidate& c = candidates[block_end++];
      for (uint32_t r : {c.a, c.b}) {
        if (in_block[r]) continue;
        in_block[r] = 1;
        wanted.push_back(r);
        bytes += table.docs[r].text_bytes;
      }
    }
    if (Status read = load(); !read.ok()) return read;
    const auto align_block = [&](size_t first, size_t last, std::vector<AlignedEdge>* found) {
      align_range(block_begin + first, block_begin + last, found);
    };
    std::vector<AlignedEdge> block =
        FindInRanges<AlignedEdge>(block_end - block_begin, threads, align_block);
    aligned.insert(aligned.end(), std::make_move_iterator(block.begin()),
                   std::make_move_iterator(block.end()));
    block_begin = block_end;
  }
  texts.clear();
  prepared.clear();
  filed.clear();
  for (AlignedEdge& e : aligned) {
    e.edge.evidence = static_cast<uint32_t>(result.evidence.size());
    result.edges.push_back(e.edge);
    result.evidence.push_back(std::move(e.evidence));
  }
  end_phase("rewrite align");
  return result;
}

}  // namespace echoes
