// ReadMetadata: one walk over the tree for <title>, <meta>, JSON-LD scripts, <h1>,
// <time> and itemprop elements, then a choice among the candidates.

#include "clean/page_metadata.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>
#include <vector>

#include "text/date_parser.h"
#include "text/written_date.h"

namespace echoes {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Whitespace runs (and no-break spaces) become one space; ends trimmed.
std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      ++i;
      c = ' ';
    }
    if (IsSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// The text under `node`, collapsed.
std::string ElementText(myhtml_tree_node_t* node) {
  std::string raw;
  myhtml_tree_node_t* at = myhtml_node_child(node);
  size_t budget = 10000;
  while (at != nullptr && budget-- > 0) {
    const myhtml_tag_id_t tag = TagOf(at);
    if (tag == MyHTML_TAG__TEXT) raw += TextOf(at);
    if (tag != MyHTML_TAG_SCRIPT && tag != MyHTML_TAG_STYLE && myhtml_node_child(at) != nullptr) {
      at = myhtml_node_child(at);
      continue;
    }
    while (at != nullptr && at != node && myhtml_node_next(at) == nullptr)
      at = myhtml_node_parent(at);
    if (at == nullptr || at == node) break;
    at = myhtml_node_next(at);
  }
  return Collapse(raw);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool EqualFolded(std::string_view a, std::string_view b) { return Lower(a) == Lower(b); }

// Candidates in order of trust; the first non-empty wins.
struct Candidates {
  std::string ld_headline, og_title, twitter_title, html_title, site_name;
  std::string ld_date, meta_date, itemprop_date, time_date;
  std::string ld_modified, meta_modified;
  std::string ld_author, meta_author, itemprop_author;
  std::string article_body;
};

constexpr std::string_view kDateMetaNames[] = {"article:published_time",
                                               "og:published_time",
                                               "datepublished",
                                               "date",
                                               "pubdate",
                                               "publishdate",
                                               "publish-date",
                                               "publish_date",
                                               "dc.date",
                                               "dc.date.issued",
                                               "dcterms.created",
                                               "dcterms.date",
                                               "sailthru.date",
                                               "parsely-pub-date",
                                               "article.published",
                                               "cxenseparse:recs:publishtime",
                                               "og:article:published_time",
                                               "og:publish_date",
                                               "published",
                                               "published-date",
                                               "published_date",
                                               "publication_date"};
constexpr std::string_view kAuthorMetaNames[] = {
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"};

bool IsArticleType(std::string_view type) {
  return type.find("Article") != std::string_view::npos ||
         type.find("Posting") != std::string_view::npos || type == "Report" ||
         type == "ReportageNews" || type == "Review" || type == "Recipe" || type == "HowTo";
}

std::string NameOf(simdjson::dom::element value) {
  if (value.is_string()) return std::string(value.get_string().value_unsafe());
  if (value.is_object()) {
    auto name = value["name"];
    if (!name.error() && name.is_string()) return std::string(name.get_string().value_unsafe());
  }
  simdjson::dom::array items;
  if (value.get_array().get(items) == simdjson::SUCCESS) {
    std::string names;
    for (simdjson::dom::element item : items) {
      const std::string one = NameOf(item);
      if (one.empty()) continue;
      if (!names.empty()) names += ", ";
      names += one;
    }
    return names;
  }
  return {};
}

void ReadJsonLd(simdjson::dom::element value, int depth, Candidates* c) {
  if (depth > 8) return;
  simdjson::dom::array items;
  if (value.get_array().get(items) == simdjson::SUCCESS) {
    for (simdjson::dom::element item : items) ReadJsonLd(item, depth + 1, c);
    return;
  }
  simdjson::dom::object object;
  if (value.get_object().get(object) != simdjson::SUCCESS) return;
  bool article = false;
  auto type = object["@type"];
  if (!type.error()) {
    if (type.is_string()) article = IsArticleType(type.get_string().value_unsafe());
    simdjson::dom::array types;
    if (type.get_array().get(types) == simdjson::SUCCESS) {
      for (simdjson::dom::element t : types) {
        if (t.is_string() && IsArticleType(t.get_string().value_unsafe())) article = true;
      }
    }
  }
  auto text = [&](const char* key) -> std::string {
    auto v = object[key];
    return !v.error() && v.is_string() ? std::string(v.get_string().value_unsafe()) : std::string();
  };
  if (article || object["headline"].error() == simdjson::SUCCESS) {
    if (c->ld_headline.empty()) c->ld_headline = Collapse(text("headline"));
    if (c->ld_date.empty()) c->ld_date = text("datePublished");
    if (c->ld_modified.empty()) c->ld_modified = text("dateModified");
    if (c->ld_author.empty()) {
      auto author = object["author"];
      if (!author.error()) c->ld_author = Collapse(NameOf(author.value_unsafe()));
    }
    if (c->article_body.empty()) c->article_body = text("articleBody");
  }
  auto graph = object["@graph"];
  if (!graph.error()) ReadJsonLd(graph.value_unsafe(), depth + 1, c);
  auto main_entity = object["mainEntity"];
  if (!main_entity.error()) ReadJsonLd(main_entity.value_unsafe(), depth + 1, c);
}

void ReadMeta(myhtml_tree_node_t* node, Candidates* c) {
  std::string key = Lower(AttributeOf(node, "property"));
  if (key.empty()) key = Lower(AttributeOf(node, "name"));
  if (key.empty()) key = Lower(AttributeOf(node, "itemprop"));
  if (key.empty()) return;
  const std::string_view content = AttributeOf(node, "content");
  if (content.empty()) return;
  if (key == "og:title" && c->og_title.empty()) c->og_title = Collapse(DecodeEntities(content));
  if (key == "twitter:title" && c->twitter_title.empty()) {
    c->twitter_title = Collapse(DecodeEntities(content));
  }
  if (key == "og:site_name" && c->site_name.empty()) {
    c->site_name = Collapse(DecodeEntities(content));
  }
  if (c->meta_modified.empty() && (key == "article:modified_time" || key == "og:updated_time" ||
                                   key == "datemodified" || key == "last-modified")) {
    c->meta_modified = std::string(content);
  }
  if (c->meta_date.empty()) {
    for (std::string_view name : kDateMetaNames) {
      if (key == name) c->meta_date = std::string(content);
    }
  }
  if (c->meta_author.empty()) {
    for (std::string_view name : kAuthorMetaNames) {
      if (key == name && content.find("://") == std::string_view::npos) {
        c->meta_author = Collapse(DecodeEntities(content));
      }
    }
  }
}

bool LooksLikeTwoDigits(std::string_view s) {
  return s.size() == 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9';
}

}  // namespace

std::string DayOf(std::string_view value) {
  const std::string v = Collapse(value);
  // "2025-09-04…" or "2025/09/04…": the day as written.
  if (v.size() >= 10 && (v[4] == '-' || v[4] == '/') && v[7] == v[4] &&
      LooksLikeTwoDigits(v.substr(5, 2)) && LooksLikeTwoDigits(v.substr(8, 2))) {
    std::string day = v.substr(0, 10);
    day[4] = day[7] = '-';
    if (ParseDate(day)) return day;
  }
  const std::optional<int64_t> seconds = ParseDate(v);
  if (!seconds) return FindDayInText(v);  // "July 17, 2025", as some pages declare it
  const int64_t days = *seconds >= 0 ? *seconds / 86400 : (*seconds - 86399) / 86400;
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m),
                static_cast<int>(d));
  return buffer;
}

std::string DecodeEntities(std::string_view value) {
  if (value.find('&') == std::string_view::npos) return std::string(value);
  static constexpr std::pair<std::string_view, uint32_t> kNamed[] = {
      {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014},
      {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
      {"hellip", 0x2026}, {"copy", 0xA9},    {"reg", 0xAE},     {"trade", 0x2122},
      {"laquo", 0xAB},    {"raquo", 0xBB},   {"middot", 0xB7},  {"bull", 0x2022}};
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    const size_t semicolon = value[i] == '&' ? value.find(';', i) : std::string_view::npos;
    if (semicolon == std::string_view::npos || semicolon - i > 10) {
      out.push_back(value[i]);
      continue;
    }
    const std::string_view name = value.substr(i + 1, semicolon - i - 1);
    uint32_t code = 0;
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      for (char ch : name.substr(hex ? 2 : 1)) {
        const int digit = ch >= '0' && ch <= '9'          ? ch - '0'
                          : hex && ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                          : hex && ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                                          : -1;
        if (digit < 0 || code > 0x10FFFF) {
          code = 0;
          break;
        }
        code = code * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
      }
    } else {
      for (const auto& [entity, point] : kNamed) {
        if (name == entity) code = point;
      }
    }
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      out.push_back(value[i]);
      continue;
    }
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code >> 6)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (code >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (code >> 18)));
      out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
    i = semicolon;
  }
  return out;
}

SplitTitle SplitSiteName(std::string_view title, std::string_view site_name) {
  static constexpr std::array<std::string_view, 6> kSeparators = {" | ", " - ",  " – ",
                                                                  " — ", " :: ", " · "};
  SplitTitle split{std::string(title), {}};
  // One part at a time, from either end, while a part is the site's name or short
  // beside the rest: "Headline | Section | Site" loses both of its tails.
  for (bool removed = true; removed;) {
    removed = false;
    const std::string_view rest = split.headline;
    for (std::string_view sep : kSeparators) {
      const size_t first = rest.find(sep), last = rest.rfind(sep);
      if (first == std::string_view::npos) continue;
      const std::string_view front = rest.substr(0, first);
      const std::string_view back = rest.substr(last + sep.size());
      std::string_view site, kept;
      if (!site_name.empty() && EqualFolded(back, site_name)) {
        site = back, kept = rest.substr(0, last);
      } else if (!site_name.empty() && EqualFolded(front, site_name)) {
        site = front, kept = rest.substr(first + sep.size());
      } else if (back.size() * 2 < rest.size()) {  // no name to go by: the short end part
        site = back, kept = rest.substr(0, last);
      }
      if (site.empty()) continue;
      split.site_parts.emplace_back(site);
      split.headline = std::string(kept);
      removed = true;
      break;
    }
  }
  return split;
}

PageMetadata ReadMetadata(const HtmlParser& parser, size_t max_nodes) {
  Candidates c;
  simdjson::dom::parser json;
  myhtml_tree_node_t* root = parser.html();
  myhtml_tree_node_t* node = root == nullptr ? nullptr : myhtml_node_child(root);
  size_t visited = 0;
  while (node != nullptr && visited++ < max_nodes) {
    const myhtml_tag_id_t tag = TagOf(node);
    bool descend = true;
    switch (tag) {
      case MyHTML_TAG_TITLE:
        if (c.html_title.empty()) c.html_title = ElementText(node);
        descend = false;
        break;
      case MyHTML_TAG_META:
        ReadMeta(node, &c);
        break;
      case MyHTML_TAG_SCRIPT: {
        descend = false;
        if (Lower(AttributeOf(node, "type")) != "application/ld+json") break;
        std::string raw;
        for (myhtml_tree_node_t* t = myhtml_node_child(node); t != nullptr;
             t = myhtml_node_next(t)) {
          raw += TextOf(t);
        }
        simdjson::dom::element doc;
        if (json.parse(raw).get(doc) == simdjson::SUCCESS) ReadJsonLd(doc, 0, &c);
        break;
      }
      case MyHTML_TAG_STYLE:
      case MyHTML_TAG_NOSCRIPT:
      case MyHTML_TAG_TEMPLATE:
        descend = false;
        break;
      case MyHTML_TAG_TIME:
        if (c.time_date.empty()) c.time_date = std::string(AttributeOf(node, "datetime"));
        break;
      default:
        break;
    }
    if (tag != MyHTML_TAG__TEXT && tag != MyHTML_TAG_META) {
      const std::string_view itemprop = AttributeOf(node, "itemprop");
      if (itemprop == "datePublished" && c.itemprop_date.empty()) {
        std::string_view v = AttributeOf(node, "content");
        if (v.empty()) v = AttributeOf(node, "datetime");
        c.itemprop_date = v.empty() ? ElementText(node) : std::string(v);
      }
      if (itemprop == "author" && c.itemprop_author.empty()) c.itemprop_author = ElementText(node);
    }
    if (descend && myhtml_node_child(node) != nullptr) {
      node = myhtml_node_child(node);
      continue;
    }
    while (node != nullptr && node != root && myhtml_node_next(node) == nullptr) {
      node = myhtml_node_parent(node);
    }
    if (node == nullptr || node == root) break;
    node = myhtml_node_next(node);
  }

  PageMetadata m;
  for (const std::string* t : {&c.ld_headline, &c.og_title, &c.twitter_title, &c.html_title}) {
    if (!t->empty()) m.titles.push_back(*t);
  }
  if (!c.site_name.empty()) m.site_names.push_back(c.site_name);
  for (size_t i = 0; i < m.titles.size(); ++i) {
    SplitTitle split = SplitSiteName(m.titles[i], c.site_name);
    for (std::string& part : split.site_parts) m.site_names.push_back(std::move(part));
    if (i == 0) m.title = split.headline;
    m.headlines.push_back(std::move(split.headline));
  }
  for (const std::string* d : {&c.ld_date, &c.meta_date, &c.itemprop_date, &c.time_date}) {
    m.published = DayOf(*d);
    if (!m.published.empty()) break;
  }
  for (const std::string* d : {&c.ld_modified, &c.meta_modified}) {
    m.modified = DayOf(*d);
    if (!m.modified.empty()) break;
  }
  for (const std::string* a : {&c.ld_author, &c.meta_author, &c.itemprop_author}) {
    if (!a->empty()) {
      m.author = *a;
      break;
    }
  }
  m.article_body = std::move(c.article_body);
  return m;
}

}  // namespace echoes
