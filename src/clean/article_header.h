// The headline and the date of an article as its page shows them: the <h1> that
// belongs to the article, and the first date written near it that is not labelled as
// an update (a page showing "Published May 2 · Updated July 9" was published May 2).
// Readers (and the WCXB ground truth) go by what is shown; declared metadata is the
// fallback, since SEO titles and machine dates often differ from it.

#ifndef ECHOES_CLEAN_ARTICLE_HEADER_H_
#define ECHOES_CLEAN_ARTICLE_HEADER_H_

#include <string>
#include <string_view>

#include "clean/article_extractor.h"
#include "clean/page_blocks.h"
#include "clean/page_metadata.h"

namespace echoes {

struct ArticleHeader {
  std::string title;
  std::string date;             // YYYY-MM-DD, or empty
  int32_t headline_block = -1;  // the block the title came from, if any
};

ArticleHeader ReadArticleHeader(const PageBlocks& page, const ArticleSelection& selection,
                                const PageMetadata& metadata);

}  // namespace echoes

#endif  // ECHOES_CLEAN_ARTICLE_HEADER_H_
