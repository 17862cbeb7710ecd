// HtmlParser: MyHTML in single-threaded mode, one page at a time.

#include "html/html_document.h"

#include <algorithm>

namespace echoes {
HtmlParser::HtmlParser() {
  myhtml_ = myhtml_create();
  myhtml_init(myhtml_, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0);
  tree_ = myhtml_tree_create();
  myhtml_tree_init(tree_, myhtml_);
  // Whitespace-only text must stay: "<b>big</b> <i>news</i>" is two words.
  myhtml_tree_parse_flags_set(tree_, MyHTML_TREE_PARSE_FLAGS_WITHOUT_DOCTYPE_IN_TREE);
}

HtmlParser::~HtmlParser() {
  myhtml_tree_destroy(tree_);
  myhtml_destroy(myhtml_);
}

Status HtmlParser::Parse(std::string_view html, myencoding_t encoding, const ParseLimits& limits) {
  truncated_ = html.size() > limits.max_bytes;
  html = html.substr(0, std::min(html.size(), limits.max_bytes));
  // One call over the whole (capped) page: MyHTML's chunked mode loses elements at
  // some chunk boundaries (seen on a 1.6 MB page cut every 256 KB), and its tree
  // builder is linear in the bytes, so max_bytes bounds the time too.
  if (myhtml_parse(tree_, encoding, html.data(), html.size()) != MyHTML_STATUS_OK) {
    return Status::CorruptInput("the HTML parser gave up");
  }
  return Status::Ok();
}

// The tokenizer lower-cases attribute names, so keys compare as bytes; a loop of
// our own over the (few) attributes beats myhtml_attribute_by_key's case-folding
// compare, and the metadata walk asks every element of a page.
std::string_view AttributeOf(myhtml_tree_node_t* node, std::string_view key) {
  for (myhtml_tree_attr_t* attr = myhtml_node_attribute_first(node); attr != nullptr;
       attr = myhtml_attribute_next(attr)) {
    size_t key_size = 0;
    const char* key_data = myhtml_attribute_key(attr, &key_size);
    if (key_data == nullptr || std::string_view(key_data, key_size) != key) continue;
    size_t length = 0;
    const char* value = myhtml_attribute_value(attr, &length);
    return value == nullptr ? std::string_view() : std::string_view(value, length);
  }
  return {};
}

std::string_view TextOf(myhtml_tree_node_t* node) {
  size_t length = 0;
  const char* text = myhtml_node_text(node, &length);
  return text == nullptr ? std::string_view() : std::string_view(text, length);
}

}  // namespace echoes
