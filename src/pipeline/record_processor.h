// RecordProcessor: raw records → DocumentInfo (parse, normalize, hash).

#ifndef ECHOES_PIPELINE_RECORD_PROCESSOR_H_
#define ECHOES_PIPELINE_RECORD_PROCESSOR_H_

#include <simdjson.h>

#include <memory>
#include <string>
#include <vector>

#include "echoes/dedup.h"
#include "echoes/normalize.h"
#include "io/input_source.h"
#include "io/record_batch.h"
#include "pipeline/document_table.h"
#include "echoes/clean.h"
#include "rewrite/alignment.h"
#include "rewrite/content_words.h"
#include "rewrite/sentence_similarity.h"
#include "sketch/sentence_sketcher.h"
#include "sketch/sketcher.h"
#include "util/distinct_hashes.h"

namespace echoes {

// Turns each record of a batch into one DocumentInfo: a JSONL line is parsed in place
// with simdjson (its id, text and date fields), a text file is taken whole; the text is
// normalized and hashed. A record that cannot be used becomes a rejected entry with its
// reason; invalid UTF-8 is repaired and counted, never rejected.
//
// Thread safety: not thread-safe (parser and scratch buffers); one per worker thread.
class RecordProcessor {
 public:
  // The pointers must outlive the processor. With `sketch` null, records are hashed
  // for exact duplicates only; otherwise each is also sketched (sketch/sketcher.h).
  // With `sentences` set, each record's sentences are filed for rewrite candidates
  // (sketch/sentence_sketcher.h) and its stems counted in term_weights().
  RecordProcessor(const DedupOptions* options, const std::vector<InputSource>* sources,
                  const SketchOptions* sketch, const SentenceSketchOptions* sentences = nullptr);
  RecordProcessor(const RecordProcessor&) = delete;  // holds a parser
  RecordProcessor& operator=(const RecordProcessor&) = delete;

  // Appends one entry per record of `batch` to *out.
  void Process(const RecordBatch& batch, DocumentTable* out);

  // The sorted, unique shingle hashes of a record's text (empty if it has none or
  // cannot be read). Needs `sketch`.
  void ShingleSetOf(const RecordBatch& batch, const RecordRef& record, std::vector<uint32_t>* out);

  // The text a record is compared on (its article when cleaning), as the reading pass
  // saw it; false if the record has none. The view lives until the next call.
  bool ComparedTextOf(const RecordBatch& batch, const RecordRef& record, std::string_view* out);

  // Stem document frequencies of the records processed so far (null without
  // `sentences`).
  const TermWeights* term_weights() const { return term_weights_.get(); }

 private:
  // Starts parsing a JSONL record in place; a line that fails only UTF-8 validation is
  // repaired into repaired_ and parsed from there (*repaired set).
  simdjson::error_code Iterate(const RecordBatch& batch, const RecordRef& record,
                               simdjson::ondemand::document* json, bool* repaired);
  void ProcessJsonLine(const RecordBatch& batch, const RecordRef& record, DocumentTable* out);
  // Parses a JSONL record far enough to find its text; false if it has none.
  bool TextOfJsonLine(const RecordBatch& batch, const RecordRef& record, std::string_view* text);
  // Splits `text` into sentences: their keys into sentence_keys_, its names into
  // record_names_, its stems counted.
  void SketchSentences(std::string_view text);
  // Appends the sketch of normalized_ (or zeros for a rejected record) to *out.
  void AppendSketch(bool rejected, DocumentTable* out);
  // Normalizes and hashes `text` into *doc; false if it has no tokens. Sets *repaired
  // if invalid UTF-8 was replaced.
  bool Fingerprint(std::string_view text, DocumentInfo* doc, bool* repaired);
  // The text to compare: `text` itself, or its article when it must be cleaned (an
  // HTML file, or DedupOptions::clean). The view lives until the next call.
  std::string_view ArticleOf(std::string_view text, uint32_t source);
  void AddDocument(DocumentInfo doc, const RecordRef& record, std::string_view id,
                   DocumentTable* out);
  void Reject(const RecordRef& record, RejectReason reason, std::string message,
              DocumentTable* out);

  const DedupOptions* options_;
  const std::vector<InputSource>* sources_;
  simdjson::ondemand::parser parser_;
  TextNormalizer normalizer_;
  std::unique_ptr<Sketcher> sketcher_;  // null: exact duplicates only
  std::unique_ptr<PageCleaner> cleaner_;  // made on first use
  CleanedPage cleaned_;
  Sketch sketch_;
  // Rewrite candidates (null when off): sentences, their keys, the corpus's stems.
  std::unique_ptr<SentenceSketcher> sentence_sketcher_;
  std::unique_ptr<ContentWords> content_words_;
  std::unique_ptr<TermWeights> term_weights_;
  std::vector<uint32_t> sentence_keys_;  // of the record being processed
  uint32_t sentence_count_ = 0;
  std::vector<uint64_t> record_stems_;
  DistinctHashes record_distinct_;  // record_stems_ without repeats
  std::vector<uint32_t> record_names_;
  SentencedText sentenced_;  // of the record being processed
  std::string normalized_;
  std::string repaired_;
};

}  // namespace echoes

#endif  // ECHOES_PIPELINE_RECORD_PROCESSOR_H_
