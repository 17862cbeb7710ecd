// RecordProcessor: the per-record work of the reading pass.
//
// simdjson's On-Demand API parses each line where it lies in the batch (the batch
// keeps padding after its last record), visits every field once, and checks that
// nothing follows the object, so a line is either one whole JSON object or rejected.
// simdjson validates UTF-8 first; a line that fails only that check is repaired
// (bad bytes → U+FFFD) and parsed again, since one bad byte must not cost a document.

#include "pipeline/record_processor.h"

#include <algorithm>

#include "echoes/hash.h"
#include "index/rewrite_candidates.h"
#include "rewrite/alignment.h"
#include "text/date_parser.h"
#include "text/utf8.h"

namespace echoes {

namespace ondemand = simdjson::ondemand;

RecordProcessor::RecordProcessor(const DedupOptions* options,
                                 const std::vector<InputSource>* sources,
                                 const SketchOptions* sketch,
                                 const SentenceSketchOptions* sentences)
    : options_(options), sources_(sources) {
  if (sketch != nullptr) sketcher_ = std::make_unique<Sketcher>(*sketch);
  if (sentences != nullptr) {
    sentence_sketcher_ = std::make_unique<SentenceSketcher>(*sentences);
    content_words_ = std::make_unique<ContentWords>();
    term_weights_ = std::make_unique<TermWeights>();
  }
}

void RecordProcessor::Process(const RecordBatch& batch, DocumentTable* out) {
  if (sketcher_) {
    out->signature_size = static_cast<size_t>(sketcher_->options().num_perm);
    out->band_count = static_cast<size_t>(sketcher_->options().bands);
  }
  if (sentence_sketcher_) {
    out->sentence_bands = static_cast<size_t>(sentence_sketcher_->options().bands);
  }
  for (const RecordRef& record : batch.records) {
    switch (record.kind) {
      case RecordKind::kUnreadable:
        Reject(record, record.reason, batch.messages[record.offset], out);
        break;
      case RecordKind::kTextDocument: {
        DocumentInfo doc;
        bool repaired = false;
        if (!Fingerprint(ArticleOf(batch.BytesOf(record), record.source), &doc, &repaired)) {
          Reject(record, RejectReason::kEmptyText, "the text has no letters or digits", out);
          break;
        }
        out->repaired_utf8 += repaired;
        AddDocument(doc, record, (*sources_)[record.source].text_id, out);
        break;
      }
      case RecordKind::kJsonLine:
        ProcessJsonLine(batch, record, out);
        break;
    }
  }
}

simdjson::error_code RecordProcessor::Iterate(const RecordBatch& batch, const RecordRef& record,
                                              ondemand::document* json, bool* repaired) {
  const char* data = batch.bytes.data() + record.offset;
  const size_t capacity = batch.bytes.size() - record.offset;  // the batch's padding follows
  simdjson::error_code error =
      parser_.iterate(simdjson::padded_string_view(data, record.size, capacity)).get(*json);
  if (error != simdjson::UTF8_ERROR) return error;
  RepairUtf8(std::string_view(data, record.size), &repaired_);
  const size_t length = repaired_.size();
  repaired_.append(simdjson::SIMDJSON_PADDING, ' ');
  *repaired = true;
  return parser_.iterate(simdjson::padded_string_view(repaired_.data(), length, repaired_.size()))
      .get(*json);
}

void RecordProcessor::ProcessJsonLine(const RecordBatch& batch, const RecordRef& record,
                                      DocumentTable* out) {
  bool repaired = false;
  ondemand::document json;
  simdjson::error_code error = Iterate(batch, record, &json, &repaired);
  ondemand::object object;
  if (!error) {
    ondemand::json_type type;
    error = json.type().get(type);
    if (!error && type != ondemand::json_type::object) {
      Reject(record, RejectReason::kInvalidJson, "invalid JSON: the line is not a JSON object",
             out);
      return;
    }
    if (!error) error = json.get_object().get(object);
  }

  std::string_view text, id, date;
  bool has_text = false, has_id = false, has_date = false, text_not_string = false;
  if (!error) {
    for (auto field_result : object) {
      ondemand::field field;
      if ((error = std::move(field_result).get(field))) break;
      std::string_view key;
      if ((error = field.unescaped_key().get(key))) break;
      ondemand::value value = field.value();
      if (key == options_->text_field && !has_text) {
        has_text = true;
        ondemand::json_type type;
        if ((error = value.type().get(type))) break;
        if (type != ondemand::json_type::string) {
          text_not_string = true;
        } else if ((error = value.get_string().get(text))) {
          break;
        }
      } else if (key == options_->id_field && !has_id) {
        ondemand::json_type type;
        if ((error = value.type().get(type))) break;
        if (type == ondemand::json_type::string) {
          if ((error = value.get_string().get(id))) break;
          has_id = true;
        } else if (type == ondemand::json_type::number) {
          id = value.raw_json_token();
          while (!id.empty() && (id.back() == ' ' || id.back() == '\t')) id.remove_suffix(1);
          has_id = true;
        }
      } else if (key == options_->date_field && !has_date) {
        if (value.get_string().get(date) == simdjson::SUCCESS) has_date = true;
      }
    }
  }
  // After the whole object, the iterator must be at the end of the line.
  if (!error && json.current_location().error() != simdjson::OUT_OF_BOUNDS) {
    error = simdjson::TRAILING_CONTENT;
  }
  if (error) {
    Reject(record, RejectReason::kInvalidJson,
           std::string("invalid JSON: ") + simdjson::error_message(error), out);
    return;
  }
  if (!has_text) {
    Reject(record, RejectReason::kMissingText, "no \"" + options_->text_field + "\" field", out);
    return;
  }
  if (text_not_string) {
    Reject(record, RejectReason::kTextNotString,
           "the \"" + options_->text_field + "\" field is not a string", out);
    return;
  }

  DocumentInfo doc;
  if (!Fingerprint(ArticleOf(text, record.source), &doc, &repaired)) {
    Reject(record, RejectReason::kEmptyText,
           "the \"" + options_->text_field + "\" field has no letters or digits", out);
    return;
  }
  out->repaired_utf8 += repaired;
  if (has_date) {
    std::optional<int64_t> seconds = ParseDate(date);
    if (seconds) {
      doc.date = *seconds;
    } else {
      ++out->unparsed_dates;
    }
  }
  if (has_id) {
    AddDocument(doc, record, id, out);
  } else {
    AddDocument(doc, record, (*sources_)[record.source].name + ":" + std::to_string(record.line),
                out);
    ++out->generated_ids;
  }
}

bool RecordProcessor::Fingerprint(std::string_view text, DocumentInfo* doc, bool* repaired) {
  NormalizeStats stats = normalizer_.Normalize(text, &normalized_);
  if (normalized_.empty()) return false;
  doc->hash = ExactHash(normalized_);
  doc->text_bytes = text.size();
  if (sketcher_) sketcher_->Compute(&normalized_, &sketch_);
  if (sentence_sketcher_) SketchSentences(text);
  if (stats.invalid_utf8 > 0) *repaired = true;
  return true;
}

void RecordProcessor::SketchSentences(std::string_view text) {
  sentence_keys_.clear();
  sentence_count_ = 0;
  record_stems_.clear();
  record_names_.clear();
  SplitIntoSentences(text, content_words_.get(), &sentenced_);
  const size_t bands = static_cast<size_t>(sentence_sketcher_->options().bands);
  for (const std::vector<Term>& terms : sentenced_.terms) {
    for (const Term& t : terms) {
      record_stems_.push_back(t.stem);
      if (t.name) record_names_.push_back(static_cast<uint32_t>(t.stem));
    }
    if (sentence_count_ == kMaxFiledPerRecord) continue;  // the rewrite index reads no more
    sentence_keys_.resize(sentence_keys_.size() + bands);
    if (sentence_sketcher_->Sketch(terms, sentence_keys_.data() + sentence_keys_.size() - bands)) {
      ++sentence_count_;
    } else {
      sentence_keys_.resize(sentence_keys_.size() - bands);
    }
  }
  record_distinct_.Reset(record_stems_.size());
  for (uint64_t stem : record_stems_) record_distinct_.Add(stem);
  term_weights_->AddDistinctStems(record_distinct_.values());
  std::sort(record_names_.begin(), record_names_.end());
  record_names_.erase(std::unique(record_names_.begin(), record_names_.end()), record_names_.end());
  if (record_names_.size() > DocumentTable::kMaxRecordNames) record_names_.clear();
}

void RecordProcessor::AddDocument(DocumentInfo doc, const RecordRef& record, std::string_view id,
                                  DocumentTable* out) {
  doc.stream_offset = record.stream_offset;
  doc.record_size = static_cast<uint32_t>(record.size);
  doc.source = record.source;
  doc.id_offset = out->ids.size();
  doc.id_size = static_cast<uint32_t>(id.size());
  out->ids.append(id);
  out->text_bytes += doc.text_bytes;
  doc.shingles = sketcher_ ? sketch_.shingles : 0;
  if (sentence_sketcher_) {
    doc.sentences = sentence_count_;
    doc.names = static_cast<uint16_t>(record_names_.size());
    out->name_stems.insert(out->name_stems.end(), record_names_.begin(), record_names_.end());
    out->sentence_keys.insert(out->sentence_keys.end(), sentence_keys_.begin(),
                              sentence_keys_.end());
  }
  out->docs.push_back(doc);
  AppendSketch(false, out);
}

void RecordProcessor::AppendSketch(bool rejected, DocumentTable* out) {
  if (!sketcher_) return;
  if (rejected) {
    out->signatures.resize(out->signatures.size() + out->signature_size, 0);
    out->band_keys.resize(out->band_keys.size() + out->band_count, 0);
    return;
  }
  const auto record = static_cast<uint32_t>(out->docs.size() - 1);
  out->signatures.insert(out->signatures.end(), sketch_.signature.begin(), sketch_.signature.end());
  out->band_keys.insert(out->band_keys.end(), sketch_.band_keys.begin(), sketch_.band_keys.end());
  for (uint32_t hash : sketch_.samples) out->samples.push_back({hash, record});
}

void RecordProcessor::Reject(const RecordRef& record, RejectReason reason, std::string message,
                             DocumentTable* out) {
  Rejection r;
  r.record = out->docs.size();
  r.source = record.source;
  r.line = record.line;
  r.reason = reason;
  r.message = std::move(message);
  out->rejections.push_back(std::move(r));
  DocumentInfo doc;
  doc.rejected = true;
  out->docs.push_back(doc);
  AppendSketch(true, out);
}

bool RecordProcessor::TextOfJsonLine(const RecordBatch& batch, const RecordRef& record,
                                     std::string_view* text) {
  bool repaired = false;
  ondemand::document json;
  simdjson::error_code error = Iterate(batch, record, &json, &repaired);
  ondemand::object object;
  if (error || json.get_object().get(object)) return false;
  for (auto field_result : object) {
    ondemand::field field;
    std::string_view key;
    if (std::move(field_result).get(field) || field.unescaped_key().get(key)) return false;
    if (key == options_->text_field)
      return field.value().get_string().get(*text) == simdjson::SUCCESS;
  }
  return false;
}

bool RecordProcessor::ComparedTextOf(const RecordBatch& batch, const RecordRef& record,
                                     std::string_view* out) {
  std::string_view text;
  if (record.kind == RecordKind::kTextDocument) {
    text = batch.BytesOf(record);
  } else if (record.kind != RecordKind::kJsonLine || !TextOfJsonLine(batch, record, &text)) {
    return false;
  }
  *out = ArticleOf(text, record.source);
  return true;
}

void RecordProcessor::ShingleSetOf(const RecordBatch& batch, const RecordRef& record,
                                   std::vector<uint32_t>* out) {
  out->clear();
  std::string_view text;
  if (!ComparedTextOf(batch, record, &text)) return;
  normalizer_.Normalize(text, &normalized_);
  sketcher_->ShingleSet(&normalized_, out);
}

std::string_view RecordProcessor::ArticleOf(std::string_view text, uint32_t source) {
  const bool html_file = (*sources_)[source].kind == SourceKind::kHtmlFile;
  if (!html_file && !options_->clean) return text;
  if (html_file || LooksLikeHtml(text)) {
    if (!cleaner_) cleaner_ = std::make_unique<PageCleaner>();
    // A page that is not one (binary junk) has no article: its text is empty.
    if (!cleaner_->CleanHtml(text, "", &cleaned_).ok()) cleaned_.text.clear();
  } else {
    cleaned_ = CleanPageTextToPage(text);
    // A short text with no page around it (a wire brief, a results table) can look
    // like chrome line by line; a record is never emptied by cleaning plain text.
    if (cleaned_.text.empty()) return text;
  }
  return cleaned_.text;
}

}  // namespace echoes
