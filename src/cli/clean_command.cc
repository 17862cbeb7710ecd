// echoes clean: flags → CleanRunOptions → RunClean → summary and exit code.

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/parse_flags.h"
#include "echoes/clean.h"

namespace echoes::cli {
namespace {

constexpr const char* kFooter = R"(
Inputs (each optionally .gz or .zst; directories are walked in name order):
  PAGE.html, PAGE.htm    one web page per file (id = the path)
  PAGE.txt               flattened page text: a scraped page saved as text
  FILE.jsonl             one record per line; the page is in "html", else in "text"
                         (HTML if it starts with markup, flattened text if not)
  FILE.warc, FILE.wet    WARC response records holding HTML, and WET conversion
                         records (several gzip members are fine)
  -                      JSONL on standard input

Output (--out FILE, JSONL, written to a temporary name and renamed): every input
record as it came, plus "clean_text" (the article body: paragraphs separated by a
blank line, list items and table rows on lines of their own), "clean_title",
"clean_author" and "clean_date" (YYYY-MM-DD), null when unknown. Files and WARC
records become {"id", ("url", "warc_date"), clean fields}. Rename the added fields with
--text-out, --title-out, --author-out, --date-out.

HTML is parsed by an HTML5 parser (MyHTML), decoded from the charset it is really in
(valid UTF-8 wins over a wrong declaration; otherwise the transport's or <meta>
charset, else a statistical guess), and reduced to the element holding the most prose
and least furniture; a model trained on labelled pages keeps the article's blocks.
Title and date are the ones shown with the article, else the declared ones.

Corpus boilerplate: a paragraph found on at least --boilerplate-share of one site's
pages (and on at least --boilerplate-min-pages of them) is dropped everywhere on that
site. A site is the URL's host (JSONL "url", WARC target), else the input file.

Per-page caps (bytes, seconds, nodes, depth) stop hostile markup; a capped page is
still cleaned from what was read and counted as truncated. Unreadable records are
counted and listed on stderr with file and line; they never stop the run unless
--strict.

Exit codes: 0 ok, 1 usage error, 2 a record was rejected under --strict,
            3 internal or I/O error.

Examples:
  echoes clean pages/ --out clean.jsonl
  echoes clean CC-MAIN-*.warc.gz --out clean.jsonl
  echoes clean scraped.jsonl --text-field body --out clean.jsonl
  echoes clean ../shared/data/seeds --out seeds.jsonl)";

}  // namespace

int CleanCommand(int argc, char** argv) {
  CLI::App app{"echoes clean: the article out of web pages (HTML, WARC/WET, scraped text)",
               "echoes clean"};
  std::vector<std::string> inputs;
  CleanRunOptions options;
  bool quiet = false;
  double max_page_mb = 16;
  app.add_option("inputs", inputs, "files or directories; - for standard input")->required();
  app.add_option("-o,--out", options.out_path, "output JSONL file")->required();
  app.add_option("--id-field", options.id_field, "JSON field holding the record id")
      ->capture_default_str();
  app.add_option("--html-field", options.html_field, "JSON field holding a page's HTML")
      ->capture_default_str();
  app.add_option("--text-field", options.text_field,
                 "JSON field holding a page (HTML or flattened text) when there is no HTML field")
      ->capture_default_str();
  app.add_option("--url-field", options.url_field, "JSON field holding the page's URL")
      ->capture_default_str();
  app.add_option("--text-out", options.out_text_field, "output field for the article text")
      ->capture_default_str();
  app.add_option("--title-out", options.out_title_field, "output field for the title")
      ->capture_default_str();
  app.add_option("--author-out", options.out_author_field, "output field for the author")
      ->capture_default_str();
  app.add_option("--date-out", options.out_date_field, "output field for the date")
      ->capture_default_str();
  AddShareOption(app, "--boilerplate-share", &options.boilerplate_share,
                 "drop paragraphs found on this share of a site's pages (0 = off)");
  app.add_option("--boilerplate-min-pages", options.boilerplate_min_pages,
                 "... and on at least this many of them")
      ->capture_default_str();
  app.add_option("--max-page-mb", max_page_mb, "pages longer than this are cut here")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-page-seconds", options.page.max_page_seconds,
                 "reading a parsed page stops after this long")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_flag("--strict", options.strict,
               "stop at the first unreadable record with exit code 2, instead of counting it");
  app.add_flag("-q,--quiet", quiet, "no summary");
  app.footer(kFooter);
  if (std::optional<int> stop = ParseFlags(app, argc, argv, "clean")) return *stop;
  options.page.max_page_bytes = static_cast<size_t>(max_page_mb * (1 << 20));

  Result<CleanRunStats> result = RunClean(inputs, options);
  if (!result.ok()) {
    std::cerr << "echoes clean: " << result.status().ToString() << "\n";
    return ExitCodeFor(result.status());
  }
  const CleanRunStats& s = result.value();
  constexpr size_t kShownMessages = 20;
  for (size_t i = 0; i < s.messages.size() && i < kShownMessages; ++i) {
    std::cerr << "echoes clean: rejected " << s.messages[i] << "\n";
  }
  if (s.messages.size() > kShownMessages) {
    std::cerr << "echoes clean: ... and " << s.messages.size() - kShownMessages
              << " more rejected\n";
  }
  if (!quiet) {
    std::printf(
        "echoes clean: read %llu (html %llu, text %llu, warc %llu), cleaned %llu, empty %llu, "
        "rejected %llu, truncated %llu; %llu boilerplate paragraphs dropped; %.2f s, "
        "%.0f pages/s -> %s\n",
        static_cast<unsigned long long>(s.read), static_cast<unsigned long long>(s.html_pages),
        static_cast<unsigned long long>(s.text_pages),
        static_cast<unsigned long long>(s.warc_records), static_cast<unsigned long long>(s.cleaned),
        static_cast<unsigned long long>(s.empty), static_cast<unsigned long long>(s.rejected),
        static_cast<unsigned long long>(s.truncated),
        static_cast<unsigned long long>(s.boilerplate_paragraphs), s.seconds,
        s.seconds > 0 ? static_cast<double>(s.read) / s.seconds : 0.0, options.out_path.c_str());
  }
  return 0;
}

}  // namespace echoes::cli
