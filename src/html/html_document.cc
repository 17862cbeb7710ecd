// HtmlParser: MyHTML in single-threaded mode, fed in chunks so that a time cap can
// stop a pathological page between chunks.

#include "html/html_document.h"

#include <algorithm>
#include <chrono>

namespace echoes {
namespace {
constexpr size_t kChunkBytes = 256 << 10;
}  // namespace

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
  myhtml_tree_clean(tree_);
  myhtml_encoding_set(tree_, encoding);
  const auto start = std::chrono::steady_clock::now();
  for (size_t at = 0; at < html.size(); at += kChunkBytes) {
    const size_t size = std::min(kChunkBytes, html.size() - at);
    if (myhtml_parse_chunk(tree_, html.data() + at, size) != MyHTML_STATUS_OK) {
      myhtml_parse_chunk_end(tree_);
      return Status::CorruptInput("the HTML parser gave up");
    }
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >
        limits.max_seconds) {
      truncated_ = true;
      break;
    }
  }
  if (myhtml_parse_chunk_end(tree_) != MyHTML_STATUS_OK) {
    return Status::CorruptInput("the HTML parser gave up");
  }
  return Status::Ok();
}

std::string_view AttributeOf(myhtml_tree_node_t* node, std::string_view key) {
  myhtml_tree_attr_t* attr = myhtml_attribute_by_key(node, key.data(), key.size());
  if (attr == nullptr) return {};
  size_t length = 0;
  const char* value = myhtml_attribute_value(attr, &length);
  return value == nullptr ? std::string_view() : std::string_view(value, length);
}

std::string_view TextOf(myhtml_tree_node_t* node) {
  size_t length = 0;
  const char* text = myhtml_node_text(node, &length);
  return text == nullptr ? std::string_view() : std::string_view(text, length);
}

}  // namespace echoes
