// RunClean: inputs → pages → cleaned records, in two passes when corpus boilerplate
// is on: the first cleans every page and spools the results while counting, per site,
// the pages each paragraph occurs in; the second drops the paragraphs that occur on
// too many pages of their site and writes the output.

#include <simdjson.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <unordered_map>

#include "clean/text_page_cleaner.h"
#include "echoes/clean.h"
#include "io/atomic_file.h"
#include "io/byte_source.h"
#include "io/input_source.h"
#include "io/record_batcher.h"
#include "io/stdin_spool.h"
#include "io/warc_reader.h"
#include "report/json_writer.h"

namespace echoes {
namespace {

namespace ondemand = simdjson::ondemand;

// A cleaned page waiting for the boilerplate pass.
struct PendingRecord {
  std::string head;  // the output record up to the cleaned fields: "{...," or "{"
  std::string site;
  CleanedPage page;
};

std::string HostOf(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (const size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  return std::string(url.substr(0, url.find(':')));
}

// Paragraphs of a cleaned text: its lines, blank lines dropped.
template <typename Visit>
void ForEachParagraph(std::string_view text, Visit visit) {
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) visit(text.substr(start, end - start));
    start = end + 1;
  }
}

// Spool format: length-prefixed strings, one record after another.
void PutString(std::FILE* f, std::string_view s) {
  const uint64_t size = s.size();
  std::fwrite(&size, sizeof size, 1, f);
  std::fwrite(s.data(), 1, s.size(), f);
}
bool GetString(std::FILE* f, std::string* s) {
  uint64_t size = 0;
  if (std::fread(&size, sizeof size, 1, f) != 1) return false;
  s->resize(size);
  return std::fread(s->data(), 1, size, f) == size;
}

class CleanRun {
 public:
  explicit CleanRun(const CleanRunOptions& options) : options_(options), cleaner_(options.page) {}

  Result<CleanRunStats> Run(const std::vector<std::string>& inputs);

 private:
  void CleanHtmlPage(std::string head, std::string site, std::string_view html,
                     std::string_view charset, const std::string& where);
  void CleanTextPage(std::string head, std::string site, std::string_view text);
  void ReadJsonlRecord(const InputSource& source, std::string_view line, uint64_t line_number);
  void ReadWarc(const InputSource& source);
  void ReadBatched(const InputSource& source);
  void Reject(const std::string& where, const std::string& why);
  void Emit(PendingRecord record);
  Status WriteAll();
  void WriteRecord(const PendingRecord& record, std::string* line);

  const CleanRunOptions& options_;
  PageCleaner cleaner_;
  ondemand::parser json_;
  CleanRunStats stats_;
  Status strict_;
  // Boilerplate bookkeeping.
  std::FILE* spool_ = nullptr;
  std::unordered_map<std::string, uint64_t> site_pages_;
  std::unordered_map<uint64_t, uint32_t> paragraph_pages_;  // hash(site, paragraph) → pages
  AtomicFile out_;
};

uint64_t SiteParagraphHash(std::string_view site, std::string_view paragraph) {
  return XXH3_64bits_withSeed(paragraph.data(), paragraph.size(),
                              XXH3_64bits(site.data(), site.size()));
}

void CleanRun::Reject(const std::string& where, const std::string& why) {
  ++stats_.rejected;
  stats_.messages.push_back(where + ": " + why);
  if (options_.strict && strict_.ok()) strict_ = Status::StrictStop(where + ": " + why);
}

void CleanRun::Emit(PendingRecord record) {
  if (record.page.truncated) ++stats_.truncated;
  if (record.page.text.empty()) {
    ++stats_.empty;
  } else {
    ++stats_.cleaned;
  }
  if (options_.boilerplate_share > 0) {
    ++site_pages_[record.site];
    std::vector<uint64_t> hashes;
    ForEachParagraph(record.page.text, [&](std::string_view p) {
      hashes.push_back(SiteParagraphHash(record.site, p));
    });
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    for (uint64_t h : hashes) ++paragraph_pages_[h];
  }
  PutString(spool_, record.head);
  PutString(spool_, record.site);
  PutString(spool_, record.page.text);
  PutString(spool_, record.page.title);
  PutString(spool_, record.page.author);
  PutString(spool_, record.page.date);
}

void CleanRun::CleanHtmlPage(std::string head, std::string site, std::string_view html,
                             std::string_view charset, const std::string& where) {
  ++stats_.html_pages;
  PendingRecord record{std::move(head), std::move(site), {}};
  const Status status = cleaner_.CleanHtml(html, charset, &record.page);
  if (!status.ok()) {
    Reject(where, status.message());
    return;
  }
  Emit(std::move(record));
}

void CleanRun::CleanTextPage(std::string head, std::string site, std::string_view text) {
  ++stats_.text_pages;
  PendingRecord record{std::move(head), std::move(site), CleanPageTextToPage(text)};
  Emit(std::move(record));
}

void CleanRun::ReadJsonlRecord(const InputSource& source, std::string_view line,
                               uint64_t line_number) {
  const std::string where = source.name + ":" + std::to_string(line_number);
  std::string_view trimmed = line;
  while (!trimmed.empty() &&
         (trimmed.back() == ' ' || trimmed.back() == '\r' || trimmed.back() == '\t')) {
    trimmed.remove_suffix(1);
  }
  simdjson::padded_string padded(trimmed);
  ondemand::document doc;
  ondemand::object object;
  if (json_.iterate(padded).get(doc) != simdjson::SUCCESS ||
      doc.get_object().get(object) != simdjson::SUCCESS) {
    Reject(where, "not a JSON object");
    return;
  }
  std::string html, text, url;
  bool any_field = false;
  for (auto field : object) {
    std::string_view key;
    if (field.unescaped_key().get(key) != simdjson::SUCCESS) {
      Reject(where, "invalid JSON");
      return;
    }
    any_field = true;
    std::string* target = key == options_.html_field   ? &html
                          : key == options_.text_field ? &text
                          : key == options_.url_field  ? &url
                                                       : nullptr;
    if (target == nullptr) continue;  // skipped by the iteration
    std::string_view value;
    if (field.value().get_string().get(value) == simdjson::SUCCESS) *target = std::string(value);
  }
  // After the whole object, the iterator must be at the end of the line.
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) {
    Reject(where, "invalid JSON");
    return;
  }
  if (html.empty() && text.empty()) {
    Reject(where, "no \"" + options_.html_field + "\" or \"" + options_.text_field + "\" string");
    return;
  }
  // The record as it came, minus its closing brace: the cleaned fields follow.
  std::string head(trimmed.substr(0, trimmed.rfind('}')));
  if (any_field) head.push_back(',');
  std::string site = HostOf(url);
  if (site.empty()) site = source.name;
  if (!html.empty()) {
    CleanHtmlPage(std::move(head), std::move(site), html, "", where);
  } else if (LooksLikeHtml(text)) {
    CleanHtmlPage(std::move(head), std::move(site), text, "", where);
  } else {
    CleanTextPage(std::move(head), std::move(site), text);
  }
}

void CleanRun::ReadWarc(const InputSource& source) {
  Result<std::unique_ptr<ByteSource>> opened = OpenByteSource(source.path);
  if (!opened.ok()) {
    ++stats_.read;
    Reject(source.name, opened.status().message());
    return;
  }
  WarcReader reader(std::move(opened.value()));
  WarcRecord record;
  for (;;) {
    Result<bool> next = reader.Next(&record, options_.max_record_bytes);
    if (!next.ok()) {
      ++stats_.read;
      Reject(source.name, next.status().message());
      return;
    }
    if (!next.value()) return;
    const std::string where = source.name + "@" + std::to_string(record.offset);
    std::string head = "{";
    AppendJsonString(&head, options_.id_field);
    head.push_back(':');
    AppendJsonString(&head, record.record_id);
    head += ",";
    AppendJsonString(&head, options_.url_field);
    head.push_back(':');
    AppendJsonString(&head, record.target_uri);
    head += ",\"warc_date\":";
    AppendJsonString(&head, record.date);
    head.push_back(',');
    std::string site = HostOf(record.target_uri);
    if (record.type == "response") {
      HttpResponse response;
      if (!ParseHttpResponse(record.block, &response) || !response.html || response.status < 200 ||
          response.status >= 300) {
        continue;  // not an HTML page: nothing to clean
      }
      ++stats_.read;
      ++stats_.warc_records;
      CleanHtmlPage(std::move(head), std::move(site), response.body, response.charset, where);
    } else if (record.type == "conversion") {
      ++stats_.read;
      ++stats_.warc_records;
      CleanTextPage(std::move(head), std::move(site), record.block);
    }
    if (!strict_.ok()) return;
  }
}

void CleanRun::ReadBatched(const InputSource& source) {
  const std::vector<InputSource> one = {source};
  RecordBatcher batcher(&one, 4 << 20, options_.max_record_bytes);
  RecordBatch batch;
  while (strict_.ok() && batcher.Next(&batch)) {
    for (const RecordRef& record : batch.records) {
      ++stats_.read;
      const std::string where =
          record.line > 0 ? source.name + ":" + std::to_string(record.line) : source.name;
      if (record.kind == RecordKind::kUnreadable) {
        Reject(where, batch.messages[record.offset]);
        continue;
      }
      const std::string_view bytes = batch.BytesOf(record);
      if (record.kind == RecordKind::kJsonLine) {
        ReadJsonlRecord(source, bytes, record.line);
        continue;
      }
      std::string head = "{";
      AppendJsonString(&head, options_.id_field);
      head.push_back(':');
      AppendJsonString(&head, source.text_id);
      head.push_back(',');
      const std::string site = std::filesystem::path(source.path).parent_path().string();
      if (source.kind == SourceKind::kHtmlFile || LooksLikeHtml(bytes)) {
        CleanHtmlPage(std::move(head), site, bytes, "", where);
      } else {
        CleanTextPage(std::move(head), site, bytes);
      }
    }
  }
}

Result<CleanRunStats> CleanRun::Run(const std::vector<std::string>& inputs) {
  const auto start = std::chrono::steady_clock::now();
  if (options_.out_path.empty()) return Status::InvalidArgument("--out FILE is required");
  std::filesystem::path out(options_.out_path);
  const std::string dir = out.has_parent_path() ? out.parent_path().string() : ".";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  StdinSpool stdin_spool;
  if (std::find(inputs.begin(), inputs.end(), "-") != inputs.end()) {
    if (Status s = stdin_spool.Create(dir); !s.ok()) return s;
  }
  ExpandOptions expand;
  expand.web_pages = true;
  Result<InputList> expanded = ExpandInputs(inputs, stdin_spool.path(), expand);
  if (!expanded.ok()) return expanded.status();
  const std::vector<InputSource>& sources = expanded.value().sources;
  if (Status s = out_.Open(dir, out.filename().string()); !s.ok()) return s;
  spool_ = std::tmpfile();
  if (spool_ == nullptr) return Status::IoError("cannot create a temporary file");
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> spool_owner(spool_, std::fclose);

  // Sources in input order. Everything but WARC goes through the record batcher, which
  // cuts JSONL lines, reads whole files, and reports binary, oversized and damaged input.
  for (const InputSource& source : sources) {
    stats_.bytes_in += source.size_on_disk;
    if (source.kind == SourceKind::kWarc) {
      ReadWarc(source);
    } else {
      ReadBatched(source);
    }
    if (!strict_.ok()) return strict_;
  }
  if (Status s = WriteAll(); !s.ok()) return s;
  stats_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats_;
}

void CleanRun::WriteRecord(const PendingRecord& record, std::string* line) {
  *line = record.head;
  const auto field = [&](const std::string& name, const std::string& value, bool last) {
    AppendJsonString(line, name);
    line->push_back(':');
    if (value.empty() && &name != &options_.out_text_field) {
      *line += "null";
    } else {
      AppendJsonString(line, value);
    }
    if (!last) line->push_back(',');
  };
  field(options_.out_text_field, record.page.text, false);
  field(options_.out_title_field, record.page.title, false);
  field(options_.out_author_field, record.page.author, false);
  field(options_.out_date_field, record.page.date, true);
  *line += "}\n";
}

Status CleanRun::WriteAll() {
  std::rewind(spool_);
  PendingRecord record;
  std::string line;
  for (;;) {
    if (!GetString(spool_, &record.head)) break;
    if (!GetString(spool_, &record.site) || !GetString(spool_, &record.page.text) ||
        !GetString(spool_, &record.page.title) || !GetString(spool_, &record.page.author) ||
        !GetString(spool_, &record.page.date)) {
      return Status::IoError("the temporary spool file could not be read back");
    }
    if (options_.boilerplate_share > 0) {
      const uint64_t pages = site_pages_[record.site];
      const double limit =
          std::max<double>(static_cast<double>(options_.boilerplate_min_pages),
                           options_.boilerplate_share * static_cast<double>(pages));
      // Drop the boilerplate lines and keep every other byte, so that list items stay
      // on single lines; then close the gaps the dropped lines leave.
      std::string kept;
      for (size_t start = 0; start < record.page.text.size();) {
        size_t end = record.page.text.find('\n', start);
        if (end == std::string::npos) end = record.page.text.size();
        const std::string_view line(record.page.text.data() + start, end - start);
        const bool boilerplate = !line.empty() && pages >= options_.boilerplate_min_pages &&
                                 paragraph_pages_[SiteParagraphHash(record.site, line)] >= limit;
        stats_.boilerplate_paragraphs += boilerplate;
        if (!boilerplate) {
          kept.append(line);
          kept.push_back('\n');
        }
        start = end + 1;
      }
      std::string closed;
      for (char c : kept) {
        if (c == '\n' && closed.size() >= 2 && closed[closed.size() - 1] == '\n' &&
            closed[closed.size() - 2] == '\n') {
          continue;
        }
        if (c == '\n' && closed.empty()) continue;
        closed.push_back(c);
      }
      while (!closed.empty() && closed.back() == '\n') closed.pop_back();
      kept = std::move(closed);
      record.page.text = std::move(kept);
    }
    WriteRecord(record, &line);
    stats_.bytes_out += line.size();
    if (Status s = out_.Append(line); !s.ok()) return s;
  }
  return out_.Commit();
}

}  // namespace

bool LooksLikeHtml(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\r' ||
                           text.front() == '\t')) {
    text.remove_prefix(1);
  }
  return text.starts_with('<');
}

CleanedPage CleanPageTextToPage(std::string_view text) {
  CleanedText cleaned = CleanPageText(text);
  CleanedPage page;
  page.text = std::move(cleaned.text);
  page.title = std::move(cleaned.title);
  page.date = std::move(cleaned.date);
  page.charset = "utf-8";
  return page;
}

Result<CleanRunStats> RunClean(const std::vector<std::string>& inputs,
                               const CleanRunOptions& options) {
  CleanRun run(options);
  return run.Run(inputs);
}

}  // namespace echoes
