// Dates written for readers ("July 9, 2025", "9 Jul 2025", "12.12.2025"), as opposed
// to the machine timestamps ParseDate reads: what a page shows under its headline.

#ifndef ECHOES_TEXT_WRITTEN_DATE_H_
#define ECHOES_TEXT_WRITTEN_DATE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace echoes {

// A calendar date written in a text, and the byte where it starts.
struct WrittenDay {
  std::string day;  // YYYY-MM-DD
  size_t offset = 0;
};

// Up to `limit` dates written in `text`, in reading order. Understands
//   July 9, 2025 · Jul. 9th 2025 · Sept 9 2025 (English month names and abbreviations)
//   9 July 2025 · 9th of July, 2025
//   2025-07-09 (also as the start of a timestamp)
//   12.12.2025 (day first) · 3/4/2025 (month first, unless the first number is > 12)
//   2025.12.17 · 2025/12/17 (year, month, day)
// Years 1900-2100; impossible days (February 30th) are skipped.
std::vector<WrittenDay> FindWrittenDays(std::string_view text, size_t limit);

// The first date written in `text`, as YYYY-MM-DD; empty if there is none.
std::string FindDayInText(std::string_view text);

// Whether the few words before the date at `offset` of `text` say it is an update
// ("Updated", "Last modified on", "Reviewed:") or the publication ("Posted on the",
// "Published:").
bool IsLabelledAsUpdate(std::string_view text, size_t offset);
bool IsLabelledAsPublication(std::string_view text, size_t offset);

}  // namespace echoes

#endif  // ECHOES_TEXT_WRITTEN_DATE_H_
