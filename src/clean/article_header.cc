// ReadArticleHeader: headline from the article's <h1>, date from the lines around it.

#include "clean/article_header.h"

#include <algorithm>
#include <vector>

#include "text/written_date.h"

namespace echoes {
namespace {

// Blocks before and after the headline that may hold its date line.
constexpr int kDateWindowBefore = 4;
constexpr int kDateWindowAfter = 12;
// Blocks after the article's end that may hold a "Posted on …" line.
constexpr int kDateWindowAfterEnd = 4;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
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

// Whether `folded` (lower-cased) is one of the page's site names.
bool IsSiteName(std::string_view folded, const PageMetadata& metadata) {
  for (const std::string& name : metadata.site_names) {
    if (Lower(Collapse(DecodeEntities(name))) == folded) return true;
  }
  return false;
}

// Whether a heading (lower-cased) is the site's name rather than a headline: blogs
// and small sites make their name the page's <h1>. It is when it is a site name
// (og:site_name, or a part a declared title's site suffix lost), or when a declared
// title is the heading, ": " and another declared title ("Lessons Learned: The lean
// startup" with og:title "The lean startup").
bool IsSiteHeading(std::string_view heading, const PageMetadata& metadata) {
  if (IsSiteName(heading, metadata)) return true;
  std::vector<std::string> declared;
  for (const std::string& t : metadata.titles) declared.push_back(Lower(Collapse(DecodeEntities(t))));
  const std::string prefix = std::string(heading) + ": ";
  for (const std::string& whole : declared) {
    if (whole.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string_view rest = std::string_view(whole).substr(prefix.size());
    if (std::find(declared.begin(), declared.end(), rest) != declared.end()) return true;
  }
  return false;
}

// `part` without the separator that joins it to the headline (" | ", " – ", ": "),
// trimmed; lower-cased.
std::string WithoutJoint(std::string_view part) {
  std::string folded = Lower(part);
  const auto junk = [](char c) {
    return c == ' ' || c == '|' || c == '-' || c == ':' || c == '\xE2' || c == '\x80' ||
           c == '\x93' || c == '\x94' || c == '\xC2' || c == '\xB7';
  };
  while (!folded.empty() && junk(folded.back())) folded.pop_back();
  size_t start = 0;
  while (start < folded.size() && junk(folded[start])) ++start;
  return folded.substr(start);
}

// A heading that holds a declared headline and more, where the more is what sites
// put beside a headline: their name ("Critics' Choice … – Artlyst"), a section after
// " | " ("… | Opinion"), a date ("Dec 18 2025 Preparing a transition") or a one-word
// kicker ("Blog: Best agencies of 2025"). Then the declared headline, as the heading
// spells it. A longer heading that merely continues (a subtitle after " – ", a
// declared title cut short for search engines) stays whole.
std::string WithoutKicker(const std::string& heading, const PageMetadata& metadata) {
  const std::string folded = Lower(heading);
  for (const std::string& h : metadata.headlines) {
    const std::string declared = Lower(Collapse(DecodeEntities(h)));
    if (declared.size() >= folded.size() || std::count(declared.begin(), declared.end(), ' ') < 2) {
      continue;
    }
    const size_t at = folded.find(declared);
    if (at == std::string::npos) continue;
    const std::string_view before = std::string_view(folded).substr(0, at);
    const std::string_view after = std::string_view(folded).substr(at + declared.size());
    const std::string before_word = WithoutJoint(before), after_word = WithoutJoint(after);
    const bool before_ok = before_word.empty() || IsSiteName(before_word, metadata) ||
                           (before.size() <= 24 && !FindDayInText(before).empty()) ||
                           (before.size() >= 2 && before.substr(before.size() - 2) == ": " &&
                            before_word.find(' ') == std::string::npos);
    // (After a dash, only a name of one or two words: longer parts are subtitles.)
    const bool after_ok =
        after_word.empty() || after.substr(0, 3) == " | " ||
        (std::count(after_word.begin(), after_word.end(), ' ') <= 1 && IsSiteName(after_word, metadata));
    if (before_ok && after_ok) return heading.substr(at, declared.size());
  }
  return heading;
}

// Which written days a scan for the page's date may take.
enum class DateLabel {
  kAny,          // any day not labelled as an update
  kPublication,  // only a day labelled as the publication ("Published", "Posted on")
};

// Sets *date to the first day written in blocks [begin, end) that `wanted` allows,
// and *updated, when it is empty, to the first day labelled as an update on the way:
// the fallback when no publication day is found anywhere.
void FindDate(const PageBlocks& page, int begin, int end, DateLabel wanted, std::string* date,
              std::string* updated) {
  for (int i = begin; i < end && date->empty(); ++i) {
    const std::string& text = page.blocks[static_cast<size_t>(i)].text;
    for (WrittenDay& shown : FindWrittenDays(text, 4)) {
      if (IsLabelledAsUpdate(text, shown.offset)) {
        if (updated->empty()) *updated = std::move(shown.day);
        continue;
      }
      if (wanted == DateLabel::kAny || IsLabelledAsPublication(text, shown.offset)) {
        *date = std::move(shown.day);
        break;
      }
    }
  }
}

}  // namespace

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
    if (IsSiteHeading(folded, metadata)) continue;
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
  if (headline >= 0) headline_text = WithoutKicker(headline_text, metadata);
  header.title = headline >= 0 ? headline_text : DecodeEntities(metadata.title);
  header.headline_block = headline;

  // The date: the first one written near the headline (or the article's start) that
  // is not labelled as an update ("Updated July 9, 2025"): the publication date is
  // asked for, and a page that shows both usually declares the first one too. "Near"
  // reaches the article's first paragraph when sidebars sit between the two.
  const int blocks = static_cast<int>(page.blocks.size());
  const int anchor = headline >= 0 ? headline : first_kept;
  const int from = std::max(0, anchor - kDateWindowBefore);
  const int to = std::min(blocks, std::max(anchor + kDateWindowAfter, first_kept + 1) + 1);
  std::string updated;
  FindDate(page, from, to, DateLabel::kAny, &header.date, &updated);
  if (header.date.empty()) header.date = metadata.published;
  // Blogs often sign off with "Posted on 15/12/2025 by …" under the article.
  const int last_kept = selection.blocks.empty() ? -1 : static_cast<int>(selection.blocks.back());
  if (header.date.empty() && last_kept >= 0) {
    FindDate(page, std::max(to, last_kept + 1),
             std::min(blocks, last_kept + 1 + kDateWindowAfterEnd), DateLabel::kPublication,
             &header.date, &updated);
  }
  if (header.date.empty()) header.date = std::move(updated);
  if (header.date.empty()) header.date = metadata.modified;
  // Pages that declare nothing may still say "Updated March 13, 2024" further down
  // the article, past a table of contents or a product list: a labelled date anywhere
  // in it is the page's date.
  if (header.date.empty() && last_kept >= 0) {
    FindDate(page, first_kept, last_kept + 1, DateLabel::kPublication, &header.date, &updated);
    if (header.date.empty()) header.date = std::move(updated);
  }
  return header;
}

}  // namespace echoes
