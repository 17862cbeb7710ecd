// Page cleaning: the article out of a web page.
//
//   echoes::PageCleaner cleaner;
//   echoes::CleanedPage page;
//   if (cleaner.CleanHtml(html, "", &page).ok()) use(page.text, page.title, page.date);
//
// HTML is parsed by an HTML5 tree builder (MyHTML), decoded from whatever charset it
// is really in, and reduced to its main content: the element that holds the most
// prose and the least page furniture (menus, link lists, share and subscribe
// blocks…), in reading order, with headings, list items and table cells as lines.

#ifndef ECHOES_CLEAN_H_
#define ECHOES_CLEAN_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "echoes/status.h"

namespace echoes {

struct CleanOptions {
  // Per-page caps: hostile markup costs at most this much, and never stops a run.
  size_t max_page_bytes = size_t{16} << 20;  // longer pages are cut (and marked)
  double max_page_seconds = 2.0;  // reading the parsed page stops after this (parsing
                                  // itself is linear in bytes: max_page_bytes bounds it)
  size_t max_page_nodes = 2'000'000;         // the tree walk stops after this many nodes
  int max_page_depth = 512;                  // deeper elements count as flat text
};

struct CleanedPage {
  std::string text;     // the article body; empty if the page has none
  std::string title;    // the headline, without the site name
  std::string author;   // as the page names it; may be empty
  std::string date;     // publication day, YYYY-MM-DD, or empty
  std::string charset;  // what the page was decoded from
  bool truncated = false;  // a cap cut the page short
};

// Thread safety: one PageCleaner per thread (it keeps a parser and scratch).
class PageCleaner {
 public:
  explicit PageCleaner(const CleanOptions& options = CleanOptions());
  ~PageCleaner();
  PageCleaner(const PageCleaner&) = delete;
  PageCleaner& operator=(const PageCleaner&) = delete;

  // Cleans an HTML page. `declared_charset` is what the transport said (an HTTP
  // Content-Type charset), or empty. Errors: kCorruptInput for bytes that are not a
  // page at all (binary data); the caller counts and reports it.
  Status CleanHtml(std::string_view html, std::string_view declared_charset, CleanedPage* out);

 private:
  struct State;
  CleanOptions options_;
  std::unique_ptr<State> state_;
};

// True if `text` starts with markup (after spaces and a byte-order mark): HTML to parse
// rather than text to read.
bool LooksLikeHtml(std::string_view text);

// Flattened page text (a scraped page saved as text, one block per line): the same
// fields, from the lines alone.
CleanedPage CleanPageTextToPage(std::string_view text);

// ---- Whole runs: `echoes clean INPUT... --out FILE` ----

struct CleanRunOptions {
  std::string out_path;  // JSONL, written atomically
  // JSONL inputs: where a record keeps its id, its page and its URL. A record with an
  // `html_field` is HTML; otherwise its `text_field` is HTML if it starts with markup
  // and flattened page text if not.
  std::string id_field = "id";
  std::string html_field = "html";
  std::string text_field = "text";
  std::string url_field = "url";
  // Added to each output record (JSONL records keep all their own fields).
  std::string out_text_field = "clean_text";
  std::string out_title_field = "clean_title";
  std::string out_author_field = "clean_author";
  std::string out_date_field = "clean_date";
  // Corpus boilerplate: a paragraph found in at least this share of one site's pages
  // (and in at least boilerplate_min_pages of them) is dropped from all of them.
  // 0 turns it off. A site is the URL's host, else the input file.
  double boilerplate_share = 0.5;
  uint64_t boilerplate_min_pages = 5;
  uint64_t max_record_bytes = uint64_t{256} << 20;
  bool strict = false;  // stop at the first rejected record (kStrictStop)
  CleanOptions page;
};

struct CleanRunStats {
  uint64_t read = 0;       // pages and records read
  uint64_t cleaned = 0;    // written with text
  uint64_t empty = 0;      // written, but no article text was found
  uint64_t rejected = 0;   // not written: unreadable, binary, broken JSON…
  uint64_t truncated = 0;  // written, but a per-page cap cut the page
  uint64_t boilerplate_paragraphs = 0;  // paragraphs dropped as site boilerplate
  uint64_t html_pages = 0, text_pages = 0, warc_records = 0;
  uint64_t bytes_in = 0, bytes_out = 0;
  double seconds = 0;
  std::vector<std::string> messages;  // "file:line: reason", one per rejected record
};

// Cleans every page of `inputs` (files or directories: .html/.htm, .txt, .jsonl,
// .warc/.wet, each optionally .gz or .zst) into options.out_path. Bad input is
// counted and reported, never fatal (unless options.strict).
// Errors: kInvalidArgument, kNotFound, kIoError, kStrictStop.
Result<CleanRunStats> RunClean(const std::vector<std::string>& inputs,
                               const CleanRunOptions& options);

}  // namespace echoes

#endif  // ECHOES_CLEAN_H_
