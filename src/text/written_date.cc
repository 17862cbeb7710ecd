// FindWrittenDays: calendar dates as people write them, found word by word.

#include "text/written_date.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "text/date_parser.h"

namespace echoes {
namespace {

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

bool AllDigits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The one character between two adjacent words of `text`, or 0.
char JoinedBy(std::string_view text, std::string_view left, std::string_view right) {
  const size_t end = static_cast<size_t>(left.data() - text.data()) + left.size();
  const size_t start = static_cast<size_t>(right.data() - text.data());
  return start == end + 1 ? text[end] : '\0';
}

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// A date's label lies in the few words before it ("Last updated on ", "Posted: ").
constexpr size_t kLabelBytes = 24;
size_t LabelStart(size_t offset) { return offset > kLabelBytes ? offset - kLabelBytes : 0; }

}  // namespace

std::string FindDayInText(std::string_view text) {
  std::vector<WrittenDay> days = FindWrittenDays(text, 1);
  return days.empty() ? std::string() : std::move(days.front().day);
}

std::vector<WrittenDay> FindWrittenDays(std::string_view text, size_t limit) {
  std::vector<WrittenDay> found;
  // Every form holds a four-digit year: most lines of a page have no digit at all.
  if (std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return found;
  }
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
  auto add = [&](std::string day, std::string_view first_word) {
    if (day.empty()) return false;
    found.push_back({std::move(day), static_cast<size_t>(first_word.data() - text.data())});
    return found.size() >= limit;
  };
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string_view w = words[k];
    // 2025-07-09 (maybe the start of a timestamp).
    if (w.size() >= 10 && w[4] == '-' && w[7] == '-' && YearNumber(w.substr(0, 4))) {
      const int month = DayNumber(w.substr(5, 2)), day = DayNumber(w.substr(8, 2));
      if (month >= 1 && month <= 12 && day > 0) {
        if (add(Format(YearNumber(w.substr(0, 4)), month, day), w)) return found;
        continue;
      }
    }
    // 2025.12.17 and 2025/12/17: a year first is always followed by month, then day,
    // each of two digits (so that version numbers such as 2021.1.3 are not dates).
    if (k + 2 < words.size() && w.size() == 4 && YearNumber(w) && words[k + 1].size() == 2 &&
        words[k + 2].size() == 2 && AllDigits(words[k + 1]) && AllDigits(words[k + 2])) {
      const char sep = JoinedBy(text, w, words[k + 1]);
      const int month = DayNumber(words[k + 1]), day = DayNumber(words[k + 2]);
      if ((sep == '.' || sep == '/') && JoinedBy(text, words[k + 1], words[k + 2]) == sep &&
          month >= 1 && month <= 12 && day > 0) {
        if (add(Format(YearNumber(w), month, day), w)) return found;
        k += 2;
        continue;
      }
    }
    // 12.12.2025 (day first) and 3/4/2025 (month first unless the first number
    // cannot be a month): numbers joined by one separator, the year last.
    if (k + 2 < words.size() && YearNumber(words[k + 2])) {
      const char sep = JoinedBy(text, w, words[k + 1]);
      if ((sep == '.' || sep == '/') && JoinedBy(text, words[k + 1], words[k + 2]) == sep &&
          AllDigits(w) && AllDigits(words[k + 1])) {
        int first = DayNumber(w), second = DayNumber(words[k + 1]);
        const bool day_first = sep == '.' || first > 12;
        if (day_first) std::swap(first, second);  // now month, day
        if (first >= 1 && first <= 12 && second > 0) {
          if (add(Format(YearNumber(words[k + 2]), first, second), w)) return found;
          k += 2;
          continue;
        }
      }
    }
    // July 9, 2025 / Jul 9th 2025
    if (const int month = MonthOf(w); month > 0 && k + 2 < words.size()) {
      const int day = DayNumber(words[k + 1]), year = YearNumber(words[k + 2]);
      if (day > 0 && year > 0) {
        if (add(Format(year, month, day), w)) return found;
        k += 2;
        continue;
      }
    }
    // 9 July 2025 / 9th of July, 2025
    if (const int day = DayNumber(w); day > 0 && k + 2 < words.size()) {
      size_t at = k + 1;
      if (Lower(words[at]) == "of" && at + 2 < words.size()) ++at;
      const int month = MonthOf(words[at]), year = YearNumber(words[at + 1]);
      if (month > 0 && year > 0) {
        if (add(Format(year, month, day), w)) return found;
        k = at + 1;
        continue;
      }
    }
  }
  return found;
}

bool IsLabelledAsUpdate(std::string_view text, size_t offset) {
  const size_t from = LabelStart(offset);
  const std::string before = Lower(text.substr(from, offset - from));
  for (std::string_view label : {"updat", "modif", "revis", "review", "edited"}) {
    if (before.find(label) != std::string::npos) return true;
  }
  return false;
}

bool IsLabelledAsPublication(std::string_view text, size_t offset) {
  const size_t from = LabelStart(offset);
  const std::string before = Lower(text.substr(from, offset - from));
  return before.find("posted") != std::string::npos || before.find("published") != std::string::npos;
}

}  // namespace echoes
