// PageCleaner: charset → MyHTML tree → metadata and blocks → the article's blocks.

#include <algorithm>

#include "clean/article_extractor.h"
#include "clean/article_header.h"
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

constexpr size_t kMinArticleBodyWords = 50;

size_t WordCount(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

bool HasUtf16Bom(std::string_view bytes) {
  return bytes.size() >= 2 &&
         ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
}

}  // namespace

struct PageCleaner::State {
  HtmlParser parser;
  PageBlocks blocks;
  std::string utf8;  // the page converted to UTF-8, when it was not
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
  if (charset.encoding == MyENCODING_UTF_8 && !html.starts_with("\xEF\xBB\xBF")) {
    if (Status s = parser.Parse(html, MyENCODING_UTF_8, limits); !s.ok()) return s;
  } else {
    state_->utf8 = ToUtf8(html.substr(0, std::min(html.size(), limits.max_bytes)), charset);
    if (Status s = parser.Parse(state_->utf8, MyENCODING_UTF_8, limits); !s.ok()) return s;
  }

  PageMetadata metadata = ReadMetadata(parser, limits.max_nodes);
  out->author = metadata.author;

  CollectBlocks(parser.body(), limits, &state_->blocks);
  ArticleSelection selection = SelectArticle(state_->blocks);
  ArticleHeader header = ReadArticleHeader(state_->blocks, selection, metadata);
  // The headline is a field of its own, not the body's first line.
  if (!selection.blocks.empty() &&
      static_cast<int32_t>(selection.blocks.front()) == header.headline_block) {
    selection.blocks.erase(selection.blocks.begin());
  }
  out->text = ArticleText(state_->blocks, selection);
  out->title = std::move(header.title);
  out->date = std::move(header.date);
  // Pages that render their text with scripts show little in the markup; their
  // JSON-LD articleBody, when it says much more, is the article.
  if (WordCount(metadata.article_body) >= kMinArticleBodyWords &&
      2 * WordCount(out->text) < WordCount(metadata.article_body)) {
    out->text = std::move(metadata.article_body);
  }
  out->truncated = parser.truncated() || html.size() > limits.max_bytes || state_->blocks.capped;
  return Status::Ok();
}

}  // namespace echoes
