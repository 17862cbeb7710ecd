// Line features: what a line of page text looks like, as numbers a linear model
// weighs (clean/line_model.h). The same text features serve HTML blocks and the lines
// of flattened page text; HTML blocks add what the markup says.

#ifndef ECHOES_CLEAN_LINE_FEATURES_H_
#define ECHOES_CLEAN_LINE_FEATURES_H_

#include <array>
#include <string_view>
#include <vector>

#include "clean/page_blocks.h"

namespace echoes {

// Features of a line's text alone. Some are named for rules that read them.
constexpr size_t kTextFeatureCount = 16;
constexpr size_t kFunctionShare = 2;  // share of English function words
constexpr size_t kChromeShare = 3;  // share of words from the page-furniture vocabulary
constexpr size_t kSeparators = 6;   // breadcrumb separators (| > / » › ·) per word
using TextFeatures = std::array<float, kTextFeatureCount>;
TextFeatures TextFeaturesOf(std::string_view line);

// A line of flattened page text in its context: its own text features, its
// neighbours' (previous and next line), and its relative position in the page.
constexpr size_t kLineFeatureCount = 3 * kTextFeatureCount + 2;
using LineFeatures = std::array<float, kLineFeatureCount>;
void LineFeaturesOf(const std::vector<TextFeatures>& lines, std::vector<LineFeatures>* out);

// An HTML block in its page: its text features, its markup (link density, kind,
// hints), and where it sits relative to the chosen article container.
// Only blocks from kBlockMargin before the container's first block to kBlockMargin
// after its last are candidates: the returned [first, last) range. Features are
// computed for those alone (others stay zero); text far from the article is not it.
constexpr size_t kBlockFeatureCount = kTextFeatureCount + 19;
constexpr size_t kBlockMargin = 3;
constexpr size_t kInsideContainer = kTextFeatureCount + 6;  // 1 inside, 0 outside
using BlockFeatures = std::array<float, kBlockFeatureCount>;
struct BlockRange {
  size_t first = 0, last = 0;
};
BlockRange BlockFeaturesOf(const PageBlocks& page, int32_t container,
                           std::vector<BlockFeatures>* out);

}  // namespace echoes

#endif  // ECHOES_CLEAN_LINE_FEATURES_H_
