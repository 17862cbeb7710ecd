// PageCleaner: charset → MyHTML tree → metadata and blocks → the article's blocks.

#include <algorithm>

#include "clean/article_extractor.h"
#include "clean/page_blocks.h"
#include "clean/page_metadata.h"
#include "echoes/clean.h"
#include "html/charset.h"
#include "html/html_document.h"

namespace echoes {
namespace {

// Control bytes that never occur in text (NUL, and C0 codes other than tab, line
// feed, form feed and carriage return), in the first KB: a binary file, not a page.
bool LooksBinary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, std::min<size_t>(bytes.size(), 1024));
  size_t control = 0;
  for (char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    control += c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r';
  }
  return control * 20 > head.size();  // over 5%
}

bool HasUtf16Bom(std::string_view bytes) {
  return bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                               (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
}

}  // namespace

struct PageCleaner::State {
  HtmlParser parser;
  PageBlocks blocks;
};

PageCleaner::PageCleaner(const CleanOptions& options)
    : options_(options), state_(std::make_unique<State>()) {}

PageCleaner::~PageCleaner() = default;

Status PageCleaner::CleanHtml(std::string_view html, std::string_view declared_charset,
                              CleanedPage* out) {
  *out = CleanedPage();
  if (!HasUtf16Bom(html) && LooksBinary(html)) {
    return Status::CorruptInput("binary data, not a web page");
  }
  ParseLimits limits;
  limits.max_bytes = options_.max_page_bytes;
  limits.max_seconds = options_.max_page_seconds;
  limits.max_nodes = options_.max_page_nodes;
  limits.max_depth = options_.max_page_depth;

  const Charset charset = DetectCharset(html, declared_charset);
  out->charset = charset.name;
  HtmlParser& parser = state_->parser;
  if (Status s = parser.Parse(html, charset.encoding, limits); !s.ok()) return s;

  PageMetadata metadata = ReadMetadata(parser, limits.max_nodes);
  out->title = std::move(metadata.title);
  out->author = std::move(metadata.author);
  out->date = std::move(metadata.date);

  CollectBlocks(parser.body(), limits, &state_->blocks);
  out->text = ArticleText(state_->blocks, SelectArticle(state_->blocks));
  out->truncated = parser.truncated() || state_->blocks.capped;
  return Status::Ok();
}

}  // namespace echoes
