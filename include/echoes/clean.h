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

#include "echoes/status.h"

namespace echoes {

struct CleanOptions {
  // Per-page caps: hostile markup costs at most this much, and never stops a run.
  size_t max_page_bytes = size_t{16} << 20;  // longer pages are cut (and marked)
  double max_page_seconds = 2.0;             // parsing stops after this
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

}  // namespace echoes

#endif  // ECHOES_CLEAN_H_
