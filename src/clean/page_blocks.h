// PageBlocks: an HTML body as the reading-order list of its text blocks (paragraphs,
// headings, list items, cells…), each tied to the element tree it sits in, with what
// the extractor needs to judge it: words, words inside links, structural kind.

#ifndef ECHOES_CLEAN_PAGE_BLOCKS_H_
#define ECHOES_CLEAN_PAGE_BLOCKS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "html/html_document.h"

namespace echoes {

enum class BlockKind : uint8_t {
  kText,      // a paragraph, or loose text in a container
  kHeading,   // h1…h6
  kListItem,  // li, dt, dd
  kTableRow,  // tr: its cells on one line, " | " between them
  kPre,       // preformatted
  kCaption,   // figcaption, caption
};

// A block-level element on the path from <body> to some block.
struct PageElement {
  int32_t parent = -1;  // index into PageBlocks::elements; -1 for <body>
  myhtml_tag_id_t tag = MyHTML_TAG__UNDEF;
  // What class, id, role, itemprop and the tag itself say: > 0 main content (article,
  // itemprop=articleBody…), < 0 page furniture, 0 neither. -2 is strong furniture
  // (share, comments, related, sidebar…), -1 weak (nav, menu, meta; <nav>, <aside>).
  int8_t hint = 0;
  uint16_t depth = 0;
};

struct PageBlock {
  std::string text;  // whitespace collapsed; <br> kept as '\n'
  uint32_t words = 0;
  uint32_t link_words = 0;  // words inside <a href>
  BlockKind kind = BlockKind::kText;
  uint8_t heading_level = 0;  // 1…6 for headings
  bool in_table = false;      // inside a <table>
  int32_t element = -1;       // innermost enclosing PageElement
};

struct PageBlocks {
  // In preorder: an element's parent comes before it, and its subtree is the run of
  // elements after it down to the next one at its depth or above.
  std::vector<PageElement> elements;
  std::vector<PageBlock> blocks;
  size_t nodes_visited = 0;
  bool capped = false;  // the walk stopped at ParseLimits::max_nodes
};

// Turns per-element values (of the blocks directly inside each element) into values
// over each element's whole subtree, in one pass from the last element to the first:
// O(elements) where walking every block's ancestors is O(blocks x depth).
template <typename T>
void SumOverSubtrees(const std::vector<PageElement>& elements, std::vector<T>* values) {
  for (size_t e = elements.size(); e-- > 1;) {
    const int32_t parent = elements[e].parent;
    if (parent >= 0) (*values)[static_cast<size_t>(parent)] += (*values)[e];
  }
}

// Walks the tree under `body` (skipping scripts, styles, forms' controls, hidden
// elements), collecting blocks in reading order.
void CollectBlocks(myhtml_tree_node_t* body, const ParseLimits& limits, PageBlocks* out);

}  // namespace echoes

#endif  // ECHOES_CLEAN_PAGE_BLOCKS_H_
