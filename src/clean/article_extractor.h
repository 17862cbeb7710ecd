// SelectArticle: which blocks of a page are its main content.

#ifndef ECHOES_CLEAN_ARTICLE_EXTRACTOR_H_
#define ECHOES_CLEAN_ARTICLE_EXTRACTOR_H_

#include <string>
#include <vector>

#include "clean/page_blocks.h"

namespace echoes {

struct ArticleSelection {
  std::vector<uint32_t> blocks;  // indexes into PageBlocks::blocks, in reading order
  int32_t container = -1;        // the PageElement chosen as the article's container
};

// Finds the element whose blocks hold the most prose and the least page furniture
// (links, short navigational lines, elements hinted as nav/footer/share…), then keeps
// its blocks except those that are furniture themselves.
ArticleSelection SelectArticle(const PageBlocks& page);

// The selected blocks as text: paragraphs separated by a blank line, list items and
// table rows on lines of their own.
std::string ArticleText(const PageBlocks& page, const ArticleSelection& selection);

}  // namespace echoes

#endif  // ECHOES_CLEAN_ARTICLE_EXTRACTOR_H_
