// LooksHardWrapped: the lengths of lines that are followed by another non-empty
// line (a paragraph's last line is short by nature) are compared with the longest of
// them; wrapping at a column leaves most within 15 characters of it.

#include "text/hard_wrap.h"

#include <algorithm>
#include <vector>

namespace echoes {
namespace {

constexpr size_t kMaxWidth = 100;  // wider lines are paragraphs, not a wrap
constexpr size_t kSlack = 15;      // a wrapped line ends this close to the width
constexpr size_t kMinLines = 4;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

bool IsWrapBreak(std::string_view text, size_t newline) {
  const size_t next = newline + 1;
  return next < text.size() && !IsBlank(text[next]) && text[next] != '\n';
}

bool LooksHardWrapped(std::string_view text) {
  std::vector<size_t> lengths;  // of lines that wrap into a next one
  size_t start = 0;
  for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    size_t end = i;
    while (end > start && IsBlank(text[end - 1])) --end;
    size_t begin = start;
    while (begin < end && IsBlank(text[begin])) ++begin;
    if (end > begin && IsWrapBreak(text, i)) lengths.push_back(end - start);
    start = i + 1;
  }
  if (lengths.size() < kMinLines) return false;
  const size_t width = *std::max_element(lengths.begin(), lengths.end());
  if (width > kMaxWidth) return false;
  const size_t near_width = static_cast<size_t>(std::count_if(
      lengths.begin(), lengths.end(), [&](size_t n) { return n + kSlack >= width; }));
  return 2 * near_width > lengths.size();
}

std::string UnwrapLines(std::string_view text) {
  std::string out(text);
  if (!LooksHardWrapped(text)) return out;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\n' && IsWrapBreak(text, i)) out[i] = ' ';
  }
  return out;
}

}  // namespace echoes
