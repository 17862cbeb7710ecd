// CollectBlocks: one iterative walk over the MyHTML tree (no recursion, so nesting
// depth costs no stack), cutting text into blocks at block-level elements.

#include "clean/page_blocks.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <string_view>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "clean/name_hints.h"

namespace echoes {
namespace {

enum class TagClass : uint8_t {
  kInline,  // text flows through it
  kBlock,   // starts and ends a block
  kSkip,    // its subtree carries no readable text
  kBreak,   // <br>: a line break inside the block
  kCell,    // <td>, <th>: text flows on, after a " | " between cells of one row
};

TagClass ClassOf(myhtml_tag_id_t tag) {
  switch (tag) {
    case MyHTML_TAG_SCRIPT:
    case MyHTML_TAG_STYLE:
    case MyHTML_TAG_NOSCRIPT:
    case MyHTML_TAG_TEMPLATE:
    case MyHTML_TAG_HEAD:
    case MyHTML_TAG_SVG:
    case MyHTML_TAG_MATH:
    case MyHTML_TAG_IFRAME:
    case MyHTML_TAG_OBJECT:
    case MyHTML_TAG_EMBED:
    case MyHTML_TAG_SELECT:
    case MyHTML_TAG_OPTION:
    case MyHTML_TAG_BUTTON:
    case MyHTML_TAG_INPUT:
    case MyHTML_TAG_TEXTAREA:
    case MyHTML_TAG_CANVAS:
    case MyHTML_TAG_VIDEO:
    case MyHTML_TAG_AUDIO:
    case MyHTML_TAG_MAP:
    case MyHTML_TAG_LINK:
    case MyHTML_TAG_META:
    case MyHTML_TAG_TITLE:
    case MyHTML_TAG__COMMENT:
    case MyHTML_TAG__DOCTYPE:
    case MyHTML_TAG_DIALOG:
      return TagClass::kSkip;
    case MyHTML_TAG_BR:
      return TagClass::kBreak;
    case MyHTML_TAG_TD:
    case MyHTML_TAG_TH:
      return TagClass::kCell;
    case MyHTML_TAG_ADDRESS:
    case MyHTML_TAG_ARTICLE:
    case MyHTML_TAG_ASIDE:
    case MyHTML_TAG_BLOCKQUOTE:
    case MyHTML_TAG_BODY:
    case MyHTML_TAG_CAPTION:
    case MyHTML_TAG_CENTER:
    case MyHTML_TAG_DD:
    case MyHTML_TAG_DETAILS:
    case MyHTML_TAG_DIR:
    case MyHTML_TAG_DIV:
    case MyHTML_TAG_DL:
    case MyHTML_TAG_DT:
    case MyHTML_TAG_FIELDSET:
    case MyHTML_TAG_FIGCAPTION:
    case MyHTML_TAG_FIGURE:
    case MyHTML_TAG_FOOTER:
    case MyHTML_TAG_FORM:
    case MyHTML_TAG_H1:
    case MyHTML_TAG_H2:
    case MyHTML_TAG_H3:
    case MyHTML_TAG_H4:
    case MyHTML_TAG_H5:
    case MyHTML_TAG_H6:
    case MyHTML_TAG_HEADER:
    case MyHTML_TAG_HGROUP:
    case MyHTML_TAG_HR:
    case MyHTML_TAG_LI:
    case MyHTML_TAG_LISTING:
    case MyHTML_TAG_MAIN:
    case MyHTML_TAG_MENU:
    case MyHTML_TAG_NAV:
    case MyHTML_TAG_OL:
    case MyHTML_TAG_P:
    case MyHTML_TAG_PRE:
    case MyHTML_TAG_SECTION:
    case MyHTML_TAG_SUMMARY:
    case MyHTML_TAG_TABLE:
    case MyHTML_TAG_TBODY:
    case MyHTML_TAG_TFOOT:
    case MyHTML_TAG_THEAD:
    case MyHTML_TAG_TR:
    case MyHTML_TAG_UL:
    case MyHTML_TAG_XMP:
      return TagClass::kBlock;
    default:
      return TagClass::kInline;
  }
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool Contains(std::string_view word, std::string_view part) {
  return word.find(part) != std::string_view::npos;
}

// The attributes the walk reads, found in one pass over the node's attributes.
struct NodeAttributes {
  std::string_view class_name, id, role, itemprop, style;
  bool hidden = false;       // the `hidden` attribute
  bool aria_hidden = false;  // aria-hidden="true"
  bool href = false;
};

NodeAttributes ReadAttributes(myhtml_tree_node_t* node) {
  NodeAttributes a;
  for (myhtml_tree_attr_t* attr = myhtml_node_attribute_first(node); attr != nullptr;
       attr = myhtml_attribute_next(attr)) {
    size_t key_size = 0, value_size = 0;
    const char* key_data = myhtml_attribute_key(attr, &key_size);
    if (key_data == nullptr) continue;
    const std::string_view key(key_data, key_size);
    const char* value_data = myhtml_attribute_value(attr, &value_size);
    const std::string_view value =
        value_data == nullptr ? std::string_view() : std::string_view(value_data, value_size);
    if (key == "class") {
      a.class_name = value;
    } else if (key == "id") {
      a.id = value;
    } else if (key == "role") {
      a.role = value;
    } else if (key == "itemprop") {
      a.itemprop = value;
    } else if (key == "style") {
      a.style = value;
    } else if (key == "hidden") {
      a.hidden = true;
    } else if (key == "aria-hidden") {
      a.aria_hidden = value == "true";
    } else if (key == "href") {
      a.href = true;
    }
  }
  return a;
}

// React's streaming renderer sends each finished part of a page as
// <div hidden id="S:3">, which a script moves into place on arrival: the reader sees
// it, so it is not hidden text.
bool IsStreamedSegment(std::string_view id) {
  return id.size() > 2 && id[0] == 'S' && id[1] == ':' &&
         std::all_of(id.begin() + 2, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsHidden(const NodeAttributes& a) {
  if (a.aria_hidden || (a.hidden && !IsStreamedSegment(a.id))) return true;
  if (a.style.empty()) return false;
  std::string compact;
  for (char c : a.style) {
    if (c != ' ') compact.push_back(Lower(c));
  }
  return Contains(compact, "display:none") || Contains(compact, "visibility:hidden");
}

// See PageElement::hint. Semantic tags and ARIA roles are weak evidence (an <aside>
// may be a pull quote); strong class words and itemprop=articleBody are strong.
int8_t HintOf(myhtml_tag_id_t tag, const NodeAttributes& a, NameHints* names) {
  switch (tag) {
    case MyHTML_TAG_NAV:
    case MyHTML_TAG_ASIDE:
    case MyHTML_TAG_FOOTER:
    case MyHTML_TAG_FORM:
    case MyHTML_TAG_MENU:
      return -1;
    default:
      break;
  }
  if (a.itemprop == "articleBody" || a.itemprop == "text") return 2;
  const std::string_view role = a.role;
  if (role == "navigation" || role == "banner" || role == "contentinfo" ||
      role == "complementary" || role == "search" || role == "dialog" || role == "alert" ||
      role == "menu" || role == "menubar") {
    return -1;
  }
  if (tag == MyHTML_TAG_ARTICLE || tag == MyHTML_TAG_MAIN || role == "main" || role == "article") {
    return 1;
  }
  const int by_class = names->Of(a.class_name);
  const int by_id = names->Of(a.id);
  const int worst = std::min(by_class, by_id);
  if (worst < 0) return static_cast<int8_t>(worst);
  return static_cast<int8_t>(by_class + by_id > 0 ? 1 : 0);
}

BlockKind KindOf(myhtml_tag_id_t tag) {
  switch (tag) {
    case MyHTML_TAG_H1:
    case MyHTML_TAG_H2:
    case MyHTML_TAG_H3:
    case MyHTML_TAG_H4:
    case MyHTML_TAG_H5:
    case MyHTML_TAG_H6:
      return BlockKind::kHeading;
    case MyHTML_TAG_LI:
    case MyHTML_TAG_DT:
    case MyHTML_TAG_DD:
      return BlockKind::kListItem;
    case MyHTML_TAG_TR:
      return BlockKind::kTableRow;
    case MyHTML_TAG_PRE:
    case MyHTML_TAG_LISTING:
    case MyHTML_TAG_XMP:
      return BlockKind::kPre;
    case MyHTML_TAG_FIGCAPTION:
    case MyHTML_TAG_CAPTION:
      return BlockKind::kCaption;
    default:
      return BlockKind::kText;
  }
}

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

// Bytes that may separate words (controls, space, and C2, the lead byte of U+00A0):
// the scan skips everything else with one table lookup.
constexpr auto kMaybeSeparator = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c <= ' '; ++c) table[static_cast<size_t>(c)] = true;
  table[0xC2] = true;
  return table;
}();

// True where text[i] separates words: whitespace (in <pre>, spaces, tabs and line
// ends), or U+00A0 NO-BREAK SPACE (bytes C2 A0).
inline bool IsSeparator(std::string_view text, size_t i, bool preformatted) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c > ' ') {
    return c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
  }
  return preformatted ? (c == ' ' || c == '\t' || c == '\n' || c == '\r') : IsSpace(c);
}

// The end of the run of word bytes starting at text[i]: the next separator, or the
// end of the text. Sixteen bytes at a time where SSE2 is there: scanning text was half
// of CollectBlocks' own time, byte by byte.
size_t WordRunEnd(std::string_view text, size_t i, bool preformatted) {
  const size_t n = text.size();
#ifdef __SSE2__
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // Bytes that may separate: unsigned <= ' ', or C2.
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(' ')), v);
    const __m128i c2 = _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2)));
    unsigned maybe = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(control, c2)));
    for (; maybe != 0; maybe &= maybe - 1) {
      const size_t at = i + static_cast<size_t>(__builtin_ctz(maybe));
      if (IsSeparator(text, at, preformatted)) return at;
    }
    i += 16;
  }
#endif
  while (i < n && (!kMaybeSeparator[static_cast<unsigned char>(text[i])] ||
                   !IsSeparator(text, i, preformatted))) {
    ++i;
  }
  return i;
}

// Builds blocks as the walk goes.
class BlockBuilder {
 public:
  explicit BlockBuilder(PageBlocks* out) : out_(out) {}

  void Text(std::string_view text, bool in_link, bool preformatted) {
    const size_t n = text.size();
    size_t i = 0;
    while (i < n) {
      // A run of word bytes is appended in one go: the common case by far.
      const size_t end = WordRunEnd(text, i, preformatted);
      if (end > i) {
        // Text nodes that abut ("foo<b>bar</b>") continue the same word.
        if (pending_space_) {
          current_.text.push_back(' ');
          pending_space_ = false;
        }
        if (!in_word_) {
          ++current_.words;
          current_.link_words += in_link;
        }
        in_word_ = true;
        current_.text.append(text.data() + i, end - i);
        i = end;
        continue;
      }
      // A separator: whitespace, a no-break space (C2 A0), or a line in <pre>.
      if (preformatted && text[i] == '\n') {
        Break();
      } else {
        pending_space_ = !current_.text.empty() && current_.text.back() != '\n';
        in_word_ = false;
      }
      i += text[i] == '\xC2' ? 2 : 1;
    }
  }

  // A new table cell: cells of one row are one line, " | " between them.
  void Cell() {
    if (!current_.text.empty() && current_.text.back() != '\n') current_.text += " | ";
    pending_space_ = false;
    in_word_ = false;
  }

  void Break() {
    if (!current_.text.empty() && current_.text.back() != '\n') current_.text.push_back('\n');
    pending_space_ = false;
    in_word_ = false;
  }

  // Ends the current block, if it has text; it belongs to `element`.
  void Flush(int32_t element, BlockKind kind, uint8_t level, bool in_table) {
    pending_space_ = false;
    in_word_ = false;
    while (!current_.text.empty() && current_.text.back() == '\n') current_.text.pop_back();
    if (current_.text.empty()) return;
    current_.element = element;
    current_.kind = kind;
    current_.heading_level = level;
    current_.in_table = in_table;
    out_->blocks.push_back(std::move(current_));
    current_ = PageBlock();
  }

 private:
  PageBlocks* out_;
  PageBlock current_;
  bool pending_space_ = false;
  bool in_word_ = false;
};

}  // namespace

void CollectBlocks(myhtml_tree_node_t* body, const ParseLimits& limits, PageBlocks* out) {
  out->elements.clear();
  out->blocks.clear();
  out->nodes_visited = 0;
  out->capped = false;
  if (body == nullptr) return;
  BlockBuilder builder(out);

  // The walk's state per open block element: which PageElement it is.
  struct Open {
    myhtml_tree_node_t* node;
    int32_t element;  // PageElement index, or -1 when not recorded (too deep)
    bool block;       // a block element (flush on leave)
    bool link;        // <a href>
    bool pre;         // <pre>
    bool table;       // <table>
  };
  std::vector<Open> open;
  int32_t current = -1;  // innermost recorded block element
  int links = 0, pres = 0, tables = 0;
  BlockKind kind = BlockKind::kText;  // of the innermost block element
  uint8_t level = 0;
  std::vector<std::pair<BlockKind, uint8_t>> kinds;  // saved on each block element

  NameHints names;
  out->elements.push_back(
      {-1, MyHTML_TAG_BODY, HintOf(MyHTML_TAG_BODY, ReadAttributes(body), &names), 0});
  current = 0;
  open.push_back({body, 0, true, false, false, false});
  kinds.push_back({kind, level});

  auto leave = [&](const Open& o) {
    if (o.block) {
      builder.Flush(current, kind, level, tables > 0);
      kind = kinds.back().first;
      level = kinds.back().second;
      kinds.pop_back();
      if (o.element >= 0) current = out->elements[static_cast<size_t>(o.element)].parent;
    }
    links -= o.link;
    pres -= o.pre;
    tables -= o.table;
  };

  NodeAttributes attributes;
  const auto start = std::chrono::steady_clock::now();
  myhtml_tree_node_t* node = myhtml_node_child(body);
  while (node != nullptr) {
    if (++out->nodes_visited > limits.max_nodes ||
        ((out->nodes_visited & 4095) == 0 &&
         std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >
             limits.max_seconds)) {
      out->capped = true;
      break;
    }
    const myhtml_tag_id_t tag = TagOf(node);
    bool descend = false;
    if (tag == MyHTML_TAG__TEXT) {
      builder.Text(TextOf(node), links > 0, pres > 0);
    } else {
      const TagClass tag_class = ClassOf(tag);
      if (tag_class == TagClass::kBreak) {
        builder.Break();
      } else {
        if (tag_class == TagClass::kCell) builder.Cell();
        if (tag_class != TagClass::kSkip && myhtml_node_child(node) != nullptr &&
            !IsHidden(attributes = ReadAttributes(node))) {
          Open o{node,
                 -1,
                 tag_class == TagClass::kBlock,
                 tag == MyHTML_TAG_A && attributes.href,
                 tag == MyHTML_TAG_PRE,
                 tag == MyHTML_TAG_TABLE};
          if (o.block) {
            builder.Flush(current, kind, level, tables > 0);
            kinds.push_back({kind, level});
            const BlockKind k = KindOf(tag);
            if (k != BlockKind::kText || kind == BlockKind::kText) {
              kind = k;
              level = k == BlockKind::kHeading ? static_cast<uint8_t>(tag - MyHTML_TAG_H1 + 1) : 0;
            }
            const uint16_t depth =
                static_cast<uint16_t>(out->elements[static_cast<size_t>(current)].depth + 1);
            if (depth <= limits.max_depth) {
              out->elements.push_back({current, tag, HintOf(tag, attributes, &names), depth});
              o.element = static_cast<int32_t>(out->elements.size() - 1);
              current = o.element;
            }
          }
          links += o.link;
          pres += o.pre;
          tables += o.table;
          open.push_back(o);
          descend = true;
        }
      }
    }
    if (descend) {
      node = myhtml_node_child(node);
      continue;
    }
    // Next sibling, or climb, leaving each finished element.
    while (node != nullptr) {
      myhtml_tree_node_t* next = myhtml_node_next(node);
      if (next != nullptr) {
        node = next;
        break;
      }
      node = myhtml_node_parent(node);
      if (node == nullptr || open.size() <= 1 || open.back().node != node) {
        node = nullptr;  // back at <body> (or the tree is not what we walked): done
        break;
      }
      leave(open.back());
      open.pop_back();
    }
  }
  while (!open.empty()) {
    if (open.size() == 1) {
      builder.Flush(current, kind, level, tables > 0);
      break;
    }
    leave(open.back());
    open.pop_back();
  }
}

}  // namespace echoes
