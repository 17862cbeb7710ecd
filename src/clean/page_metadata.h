// PageMetadata: a page's title, author and publication date, from what it declares
// (JSON-LD, OpenGraph and other <meta> tags, <time>, itemprop) and what it shows (<h1>,
// <title>).

#ifndef ECHOES_CLEAN_PAGE_METADATA_H_
#define ECHOES_CLEAN_PAGE_METADATA_H_

#include <string>

#include "html/html_document.h"

namespace echoes {

struct PageMetadata {
  std::string title;   // the headline, site name removed
  std::string author;
  std::string date;    // YYYY-MM-DD, or empty
  std::string article_body;  // JSON-LD articleBody, when the page has one
};

// Reads the metadata of the page `parser` holds. `max_nodes` caps the walk.
PageMetadata ReadMetadata(const HtmlParser& parser, size_t max_nodes);

// The publication day in `value` ("2025-09-04T23:30:00-04:00" → "2025-09-04": the
// day as written, not moved to UTC), or empty if it holds no date.
std::string DayOf(std::string_view value);

// `title` without a site name joined to it by " | ", " - ", " – ", " — ", " :: " or
// " · ": the part equal to `site_name` is dropped, else the longest part is kept.
std::string StripSiteName(std::string_view title, std::string_view site_name);

}  // namespace echoes

#endif  // ECHOES_CLEAN_PAGE_METADATA_H_
