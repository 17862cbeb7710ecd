// CleanPageText: the article out of flattened page text (a scraped page saved as
// text, one block per line, like the seeds): breadcrumbs, view and date lines, link
// lists (Related, Ranking…), share, subscribe and comment lines, photo credits and
// counters go; every body paragraph stays.

#ifndef ECHOES_CLEAN_TEXT_PAGE_CLEANER_H_
#define ECHOES_CLEAN_TEXT_PAGE_CLEANER_H_

#include <string>
#include <string_view>

namespace echoes {

struct CleanedText {
  std::string text;   // body paragraphs, separated by blank lines
  std::string title;  // the headline line (split from a breadcrumb glued to it)
  std::string date;   // the first date written above the body, YYYY-MM-DD, or empty
};

// Lines are judged by a linear model over their own and their neighbours' text
// features (clean/line_model.h, trained on WCXB pages flattened), inside the span
// from the first to the last paragraph of prose: chrome before and after the body
// (headers, link lists, footers) goes whole, chrome inside it line by line.
CleanedText CleanPageText(std::string_view page);

}  // namespace echoes

#endif  // ECHOES_CLEAN_TEXT_PAGE_CLEANER_H_
