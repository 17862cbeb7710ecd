// ReadArticleHeader: headline from the article's <h1>, date from the lines around it.

#include "clean/article_header.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "text/date_parser.h"

namespace echoes {
namespace {

// Blocks before and after the headline that may hold its date line.
constexpr int kDateWindowBefore = 4;
constexpr int kDateWindowAfter = 12;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// 1…12 for an English month name or its abbreviation ("Sept" too), else 0.
int MonthOf(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  const std::string w = Lower(word);
  if (w.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    if (kMonths[m] == w || (w.size() <= kMonths[m].size() && kMonths[m].substr(0, w.size()) == w &&
                            (w.size() == 3 || w == "sept"))) {
      return m + 1;
    }
  }
  return 0;
}

// A day number: "9", "09", "9th", "1st".
int DayNumber(std::string_view word) {
  size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2) return 0;
  const std::string_view suffix = word.substr(digits);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") {
    return 0;
  }
  const int day = std::atoi(std::string(word.substr(0, digits)).c_str());
  return day >= 1 && day <= 31 ? day : 0;
}

int YearNumber(std::string_view word) {
  if (word.size() != 4 ||
      !std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return 0;
  }
  const int year = std::atoi(std::string(word).c_str());
  return year >= 1900 && year <= 2100 ? year : 0;
}

std::string Format(int year, int month, int day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  if (!ParseDate(buffer)) return {};  // February 30th and the like
  return buffer;
}

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string FindDayInText(std::string_view text) {
  // Words of letters, digits and hyphens; punctuation (",", ".") separates them.
  std::vector<std::string_view> words;
  for (size_t i = 0; i < text.size();) {
    if (!IsWordChar(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsWordChar(text[j])) ++j;
    words.push_back(text.substr(i, j - i));
    i = j;
  }
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string_view w = words[k];
    // 2025-07-09 (maybe the start of a timestamp).
    if (w.size() >= 10 && w[4] == '-' && w[7] == '-' && YearNumber(w.substr(0, 4))) {
      const int month = DayNumber(w.substr(5, 2)), day = DayNumber(w.substr(8, 2));
      if (month >= 1 && month <= 12 && day > 0) {
        const std::string d = Format(YearNumber(w.substr(0, 4)), month, day);
        if (!d.empty()) return d;
      }
    }
    // July 9, 2025 / Jul 9th 2025
    if (const int month = MonthOf(w); month > 0 && k + 2 < words.size()) {
      const int day = DayNumber(words[k + 1]), year = YearNumber(words[k + 2]);
      if (day > 0 && year > 0) {
        const std::string d = Format(year, month, day);
        if (!d.empty()) return d;
      }
    }
    // 9 July 2025 / 9th of July, 2025
    if (const int day = DayNumber(w); day > 0 && k + 2 < words.size()) {
      size_t at = k + 1;
      if (Lower(words[at]) == "of" && at + 2 < words.size()) ++at;
      const int month = MonthOf(words[at]), year = YearNumber(words[at + 1]);
      if (month > 0 && year > 0) {
        const std::string d = Format(year, month, day);
        if (!d.empty()) return d;
      }
    }
  }
  return {};
}

ArticleHeader ReadArticleHeader(const PageBlocks& page, const ArticleSelection& selection,
                                const PageMetadata& metadata) {
  ArticleHeader header;
  const int first_kept = selection.blocks.empty() ? 0 : static_cast<int>(selection.blocks.front());
  // The headline: a heading (h1 or h2) that a declared title confirms, the h1 first,
  // then the nearest to the article's start; else the h1 nearest the article; else
  // the declared title. (Blogs often make the site name their h1 and the post's
  // title an h2.)
  int headline = -1;
  int best_rank = 1 << 30;
  std::string headline_text;
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const PageBlock& b = page.blocks[i];
    if (b.kind != BlockKind::kHeading || b.heading_level > 2) continue;
    const std::string text = Collapse(b.text);
    const std::string folded = Lower(text);
    if (folded.empty()) continue;
    std::string confirmed_as;  // the declared title's own spelling of the heading
    for (const std::string& t : metadata.titles) {
      const std::string declared = DecodeEntities(t);
      const size_t at = Lower(declared).find(folded);
      if (at != std::string::npos) {
        confirmed_as = declared.substr(at, text.size());
        break;
      }
    }
    if (confirmed_as.empty() && b.heading_level != 1) continue;
    const int distance = std::abs(static_cast<int>(i) - first_kept);
    const int rank =
        (confirmed_as.empty() ? 2 << 20 : 0) + (b.heading_level == 1 ? 0 : 1 << 20) + distance;
    if (rank < best_rank) {
      best_rank = rank;
      headline = static_cast<int>(i);
      // Shouting headings are usually CSS text-transform: the declared spelling is
      // what the author wrote.
      const bool shouting =
          std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      headline_text = shouting && !confirmed_as.empty() ? confirmed_as : text;
    }
  }
  header.title = headline >= 0 ? headline_text : DecodeEntities(metadata.title);
  header.headline_block = headline;

  // The date: the first one written near the headline (or the article's start).
  const int anchor = headline >= 0 ? headline : first_kept;
  const int from = std::max(0, anchor - kDateWindowBefore);
  const int to = std::min(static_cast<int>(page.blocks.size()), anchor + kDateWindowAfter + 1);
  for (int i = from; i < to && header.date.empty(); ++i) {
    header.date = FindDayInText(page.blocks[static_cast<size_t>(i)].text);
  }
  if (header.date.empty()) header.date = metadata.published;
  if (header.date.empty()) header.date = metadata.modified;
  return header;
}

}  // namespace echoes
