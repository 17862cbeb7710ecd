// ParseDate: a small hand-written scanner. Dates only order cluster members, so the
// formats are the handful that corpora carry (Common Crawl, news feeds, Reuters),
// not every variant strptime knows.

#include "text/date_parser.h"

#include <array>
#include <cctype>
#include <string>

namespace echoes {
namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool ValidDate(int64_t y, int m, int d) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0);
}

// A cursor over the text with the few reads the formats need.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  bool done() const { return pos_ >= s_.size(); }
  char peek() const { return done() ? '\0' : s_[pos_]; }
  void SkipSpaces() {
    while (!done() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool Take(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // Reads between min and max digits.
  bool Number(int min, int max, int* out) {
    int n = 0, value = 0;
    while (n < max && std::isdigit(static_cast<unsigned char>(peek()))) {
      value = value * 10 + (s_[pos_++] - '0');
      ++n;
    }
    *out = value;
    return n >= min;
  }
  // Reads a run of letters, lower-cased.
  std::string Word() {
    std::string w;
    while (std::isalpha(static_cast<unsigned char>(peek()))) {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s_[pos_++]))));
    }
    return w;
  }
  void SkipDigits() {
    while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

int MonthFromName(const std::string& word) {
  static constexpr std::array<const char*, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    if (word.compare(0, 3, kMonths[i]) == 0) return i + 1;
  }
  return 0;
}

// [HH:MM[:SS[.frac]]] [Z | ±HH[:]MM | UTC | GMT]; adds the seconds into *seconds.
bool ParseTimeAndZone(Scanner& in, int64_t* seconds) {
  in.SkipSpaces();
  if (in.done()) return true;
  int hour = 0, minute = 0, second = 0;
  if (!in.Number(1, 2, &hour) || !in.Take(':') || !in.Number(2, 2, &minute)) return false;
  if (in.Take(':')) {
    if (!in.Number(2, 2, &second)) return false;
    if (in.Take('.') || in.Take(',')) in.SkipDigits();
  }
  if (hour > 23 || minute > 59 || second > 60) return false;
  *seconds += hour * 3600 + minute * 60 + second;
  in.SkipSpaces();
  if (in.done()) return true;
  if (in.Take('Z')) return true;
  const char sign = in.peek();
  if (sign == '+' || sign == '-') {
    in.Take(sign);
    int zh = 0, zm = 0;
    if (!in.Number(2, 2, &zh)) return false;
    in.Take(':');
    in.Number(0, 2, &zm);
    const int64_t offset = zh * 3600 + zm * 60;
    *seconds += sign == '+' ? -offset : offset;
    return true;
  }
  const std::string zone = in.Word();
  return zone == "utc" || zone == "gmt" || zone == "ut";
}

}  // namespace

std::optional<int64_t> ParseDate(std::string_view text) {
  Scanner in(text);
  in.SkipSpaces();
  int64_t seconds = 0;
  int year = 0, month = 0, day = 0;
  if (std::isalpha(static_cast<unsigned char>(in.peek()))) {
    // RFC 2822 with a weekday: "Wed, 08 Nov 2023 ...".
    in.Word();
    in.Take(',');
    in.SkipSpaces();
  }
  int first = 0;
  if (!in.Number(1, 4, &first)) return std::nullopt;
  if (in.Take('-') || in.Take('/') || in.Take(' ')) {
    if (std::isalpha(static_cast<unsigned char>(in.peek()))) {
      // "26-FEB-1987" or "08 Nov 2023".
      day = first;
      month = MonthFromName(in.Word());
      if (!(in.Take('-') || in.Take(' ')) || !in.Number(4, 4, &year)) return std::nullopt;
    } else {
      // "2023-11-08" or "2023/11/08".
      if (first < 1000) return std::nullopt;
      year = first;
      if (!in.Number(1, 2, &month) || !(in.Take('-') || in.Take('/')) || !in.Number(1, 2, &day)) {
        return std::nullopt;
      }
      in.Take('T');
    }
  } else {
    return std::nullopt;
  }
  if (!ValidDate(year, month, day)) return std::nullopt;
  seconds = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400;
  if (!ParseTimeAndZone(in, &seconds)) return std::nullopt;
  return seconds;
}

}  // namespace echoes
