// HtmlDocument: one page parsed by MyHTML (an HTML5 tree builder), within caps.

#ifndef ECHOES_HTML_HTML_DOCUMENT_H_
#define ECHOES_HTML_HTML_DOCUMENT_H_

#include <myhtml/api.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "echoes/status.h"

namespace echoes {

// Per-page limits, so that hostile markup costs bounded time and memory.
struct ParseLimits {
  size_t max_bytes = size_t{16} << 20;  // longer pages are cut here (and marked truncated)
  size_t max_nodes = 2'000'000;         // tree walks stop after this many nodes
  double max_seconds = 2.0;             // ... or after this long (parsing is linear in bytes)
  int max_depth = 512;                  // deeper elements are read as flat text
};

// A reusable parser. Thread safety: one instance per thread.
class HtmlParser {
 public:
  HtmlParser();
  ~HtmlParser();
  HtmlParser(const HtmlParser&) = delete;  // owns MyHTML state
  HtmlParser& operator=(const HtmlParser&) = delete;

  // Parses `html`, decoding it from `encoding` (a MyHTML encoding id) to UTF-8. The
  // tree stays valid until the next Parse. Errors: kCorruptInput if MyHTML gives up.
  Status Parse(std::string_view html, myencoding_t encoding, const ParseLimits& limits);

  myhtml_tree_node_t* html() const { return myhtml_tree_get_node_html(tree_); }
  myhtml_tree_node_t* head() const { return myhtml_tree_get_node_head(tree_); }
  myhtml_tree_node_t* body() const { return myhtml_tree_get_node_body(tree_); }
  bool truncated() const { return truncated_; }  // cut at max_bytes

 private:
  myhtml_t* myhtml_ = nullptr;
  myhtml_tree_t* tree_ = nullptr;
  bool truncated_ = false;
};

// Small accessors over MyHTML nodes.
inline myhtml_tag_id_t TagOf(myhtml_tree_node_t* node) { return myhtml_node_tag_id(node); }
// The value of attribute `key` (lower case), or empty.
std::string_view AttributeOf(myhtml_tree_node_t* node, std::string_view key);
// The text of a text node (already entity-decoded UTF-8), or empty.
std::string_view TextOf(myhtml_tree_node_t* node);

}  // namespace echoes

#endif  // ECHOES_HTML_HTML_DOCUMENT_H_
