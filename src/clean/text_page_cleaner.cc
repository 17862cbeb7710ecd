// CleanPageText: lines → features → model → the body span → kept lines.

#include "clean/text_page_cleaner.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "clean/article_header.h"
#include "clean/line_features.h"
#include "clean/line_model.h"
#include "text/hard_wrap.h"
#include "text/written_date.h"

namespace echoes {
namespace {

// A line of prose anchors the body span: enough words, a sentence's end, and the
// model's agreement.
constexpr size_t kProseMinWords = 12;
constexpr float kProseMaxChromeShare = 0.15f;
constexpr size_t kShortSentenceMinWords = 5;
constexpr size_t kShortSentencesAtAnEdge = 2;

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

size_t Words(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

bool EndsSentence(std::string_view s) {
  if (s.empty()) return false;
  const char last = s.back();
  return last == '.' || last == '!' || last == '?' || last == '"' || s.ends_with("\xE2\x80\x9D");
}

}  // namespace

CleanedText CleanPageText(std::string_view raw_page) {
  // Wrapped prose is judged paragraph by paragraph, as a flattened page would show it:
  // its line fragments look like menu items to the line model.
  const std::string unwrapped = UnwrapLines(raw_page);
  const std::string_view page = unwrapped;
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= page.size();) {
    size_t end = page.find('\n', start);
    if (end == std::string_view::npos) end = page.size();
    const std::string_view line = Trim(page.substr(start, end - start));
    if (!line.empty()) lines.push_back(line);
    start = end + 1;
  }
  CleanedText out;
  if (lines.empty()) return out;

  std::vector<TextFeatures> text_features;
  text_features.reserve(lines.size());
  for (std::string_view line : lines) text_features.push_back(TextFeaturesOf(line));
  std::vector<LineFeatures> features;
  LineFeaturesOf(text_features, &features);
  std::vector<uint8_t> content(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) content[i] = kLineModel.IsContent(features[i].data());

  // The body span: from the first to the last line of prose. A long sentence-ending
  // line without furniture words is prose even where the model hesitates (a last
  // paragraph next to "Subscribe to our newsletter").
  std::vector<uint8_t> prose(lines.size());
  size_t first = lines.size(), last = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const bool clean = content[i] || text_features[i][kChromeShare] < kProseMaxChromeShare;
    prose[i] = clean && Words(lines[i]) >= kProseMinWords && EndsSentence(lines[i]);
    if (!prose[i]) continue;
    first = std::min(first, i);
    last = i;
  }
  if (first == lines.size()) {  // no prose at all: keep what the model keeps
    first = 0;
    last = lines.size() - 1;
  } else {
    // A short sentence with few furniture words is body when it stands between two
    // lines of body, or as one of the first or last two lines of the body ("The repair bill is
    // estimated at 150,000 euros."): the line model, seeing few words, often doubts
    // it. Runs of short lines (link titles, product lists) are not let in this way.
    const auto short_sentence = [&](size_t i) {
      return text_features[i][kChromeShare] < kProseMaxChromeShare &&
             text_features[i][kSeparators] == 0 && Words(lines[i]) >= kShortSentenceMinWords &&
             lines[i].back() == '.';
    };
    const auto body = [&](size_t i) { return content[i] || prose[i]; };
    std::vector<size_t> sandwiched;
    for (size_t i = first + 1; i < last; ++i) {
      if (!body(i) && body(i - 1) && body(i + 1) && short_sentence(i)) sandwiched.push_back(i);
    }
    for (size_t i : sandwiched) prose[i] = 1;
    for (size_t n = 0; n < kShortSentencesAtAnEdge && first > 0 && short_sentence(first - 1); ++n) {
      prose[--first] = 1;
    }
    for (size_t n = 0; n < kShortSentencesAtAnEdge && last + 1 < lines.size() &&
                       short_sentence(last + 1);
         ++n) {
      prose[++last] = 1;
    }
  }
  for (size_t i = first; i <= last; ++i) {
    if (!content[i] && !prose[i]) continue;
    if (!out.text.empty()) out.text += "\n\n";
    out.text += lines[i];
  }

  // The headline: the last headline-like line above the body (several words, no
  // sentence end). A breadcrumb glued to it ("Home > StocksHeadline -Site") is a
  // longer line that contains it; the headline is the line on its own.
  for (size_t i = first; i-- > 0;) {
    const std::string_view line = lines[i];
    const size_t words = Words(line);
    const bool furniture = text_features[i][kChromeShare] > 0 || text_features[i][kSeparators] > 0;
    if (words >= 4 && words <= 40 && !EndsSentence(line) && !furniture &&
        line.find(':') == std::string_view::npos) {
      out.title = std::string(line);
      break;
    }
  }
  // The first date above the body not labelled as an update; else the first update.
  std::string updated;
  for (size_t i = 0; i < first && out.date.empty(); ++i) {
    for (WrittenDay& shown : FindWrittenDays(lines[i], 4)) {
      if (!IsLabelledAsUpdate(lines[i], shown.offset)) {
        out.date = std::move(shown.day);
        break;
      }
      if (updated.empty()) updated = std::move(shown.day);
    }
  }
  if (out.date.empty()) out.date = std::move(updated);
  return out;
}

}  // namespace echoes
