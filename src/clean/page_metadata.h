// PageMetadata: what a page declares about itself: titles, author, publication and
// modification dates, article body (JSON-LD, OpenGraph and other <meta> tags, <title>,
// <time>, itemprop).

#ifndef ECHOES_CLEAN_PAGE_METADATA_H_
#define ECHOES_CLEAN_PAGE_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "html/html_document.h"

namespace echoes {

// What a page declares about itself (the visible headline and date lines are read
// from the text blocks, see article_header.h).
struct PageMetadata {
  std::string title;                // the first declared title, site name removed
  std::vector<std::string> titles;     // every declared title, as declared
  std::vector<std::string> headlines;  // the same, site names removed
  // og:site_name and the parts of declared titles taken for the site's name
  // ("Coast Daily" of "Crane collapses | Coast Daily"), as declared.
  std::vector<std::string> site_names;
  std::string author;
  std::string published;     // YYYY-MM-DD, or empty
  std::string modified;      // YYYY-MM-DD, or empty
  std::string article_body;  // JSON-LD articleBody, when the page has one
};

// Reads the metadata of the page `parser` holds. `max_nodes` caps the walk.
PageMetadata ReadMetadata(const HtmlParser& parser, size_t max_nodes);

// The publication day in `value` ("2025-09-04T23:30:00-04:00" → "2025-09-04": the
// day as written, not moved to UTC), or empty if it holds no date.
std::string DayOf(std::string_view value);

// `value` with HTML character references decoded (&amp; &#8217; &#x2019; and the
// common named ones): MyHTML decodes text nodes but not attribute values.
std::string DecodeEntities(std::string_view value);

// A declared title split into the headline and the site's name joined to it by " | ",
// " - ", " – ", " — ", " :: " or " · ": parts equal to `site_name`, else short end
// parts (shorter than what remains), come off one at a time.
struct SplitTitle {
  std::string headline;
  std::vector<std::string> site_parts;  // in the order removed
};
SplitTitle SplitSiteName(std::string_view title, std::string_view site_name);


}  // namespace echoes

#endif  // ECHOES_CLEAN_PAGE_METADATA_H_
