// SelectArticle scores every block-level element E by
//
//   score(E) = prose(E) - furniture(E)
//
// summed over the blocks inside E: prose counts the unlinked words of paragraphs that
// read like sentences, furniture counts linked words, link lists and blocks inside
// elements hinted as navigation, sharing, comments and the like. <body> holds all the
// prose but also all the furniture; a tight article container holds the prose and
// little else, so it wins. A positive hint (itemprop=articleBody, <article>, class
// "post-content"…) adds a quarter of the prose. This needs no per-site rule, and the
// weights below were set on the WCXB development half (odd page ids are held out).

#include "clean/article_extractor.h"

#include <algorithm>

#include "clean/line_features.h"
#include "clean/line_model.h"

namespace echoes {
namespace {

// A block reads as prose when it has at least this many words, few of them linked.
constexpr uint32_t kProseWords = 8;
constexpr double kProseMaxLinkDensity = 0.35;
// Link lists: blocks with more than this share of words inside links.
constexpr double kLinkListDensity = 0.5;
// Short unlinked lines (labels, dates, "Share") count this much as furniture.
constexpr double kShortLineWeight = 0.2;
// Positive hints add this share of an element's prose to its score.
constexpr double kHintBonus = 0.25;
// An element holding more than this share of the page's prose is never furniture,
// whatever its class says ("page has-sidebar").
constexpr double kFurnitureMaxProseShare = 0.4;
// An element with a weak furniture hint that holds this many prose words, making up
// this share of its words, is content ("content-nav-section" around an article).
constexpr double kProseRichWords = 60;
constexpr double kProseRichShare = 0.6;
// Pages whose candidate blocks have fewer English function words than this share are
// judged by the linear block model (see SelectArticle). English prose has ~0.45,
// English pages' furniture ~0.1; other languages ~0. (On WCXB, 99% of pages are above
// 0.16.)
constexpr double kMinFunctionShare = 0.1;
// ... and so are pages where the trees keep less than this share of the prose words
// inside the container.
constexpr double kMinKeptProseShare = 0.5;

double LinkDensity(const PageBlock& b) {
  return b.words == 0 ? 1.0 : static_cast<double>(b.link_words) / b.words;
}

bool IsProse(const PageBlock& b) {
  return b.words >= kProseWords && LinkDensity(b) < kProseMaxLinkDensity;
}

}  // namespace

ArticleSelection SelectArticle(const PageBlocks& page) {
  ArticleSelection selection;
  const size_t n = page.elements.size();
  if (n == 0 || page.blocks.empty()) return selection;

  // Prose and all words per element, hints aside: which negative hints to believe.
  // Word counts are integers, summed exactly.
  std::vector<double> prose(n, 0.0), words(n, 0.0);
  double total_prose = 0;
  for (const PageBlock& b : page.blocks) {
    const double value = IsProse(b) ? b.words - b.link_words : 0.0;
    total_prose += value;
    prose[static_cast<size_t>(b.element)] += value;
    words[static_cast<size_t>(b.element)] += b.words;
  }
  SumOverSubtrees(page.elements, &prose);
  SumOverSubtrees(page.elements, &words);
  std::vector<uint8_t> furniture(n, 0);  // the element or an ancestor is furniture
  for (size_t e = 0; e < n; ++e) {
    const PageElement& el = page.elements[e];
    // A weak hint does not outweigh what the element holds: mostly prose.
    const bool prose_rich = prose[e] >= kProseRichWords && prose[e] >= kProseRichShare * words[e];
    const bool self = (el.hint <= -2 || (el.hint == -1 && !prose_rich)) &&
                      prose[e] <= kFurnitureMaxProseShare * total_prose;
    furniture[e] = self || (el.parent >= 0 && furniture[static_cast<size_t>(el.parent)]);
  }

  // Furniture words, short-line words apart: every sum stays an exact integer.
  std::vector<double> good(n, 0.0), bad(n, 0.0), short_lines(n, 0.0);
  for (const PageBlock& b : page.blocks) {
    const size_t e = static_cast<size_t>(b.element);
    if (furniture[e]) {
      bad[e] += b.words;
    } else if (b.kind == BlockKind::kHeading) {
      bad[e] += b.link_words;
    } else if (IsProse(b)) {
      good[e] += b.words - b.link_words;
      bad[e] += b.link_words;
    } else if (LinkDensity(b) > kLinkListDensity) {
      bad[e] += b.words;
    } else {
      short_lines[e] += b.words;
    }
  }
  SumOverSubtrees(page.elements, &good);
  SumOverSubtrees(page.elements, &bad);
  SumOverSubtrees(page.elements, &short_lines);
  double best = -1e300;
  for (size_t e = 0; e < n; ++e) {
    if (furniture[e]) continue;
    double score = good[e] - (bad[e] + kShortLineWeight * short_lines[e]);
    if (page.elements[e].hint > 0) score += kHintBonus * good[e];
    if (score > best) {
      best = score;
      selection.container = static_cast<int32_t>(e);
    }
  }
  if (selection.container < 0) return selection;

  // Which blocks are the article: a linear model over each block's text, markup and
  // place relative to the container (trained on WCXB, bench/train_line_models.py).
  std::vector<BlockFeatures> features;
  const BlockRange range = BlockFeaturesOf(page, selection.container, &features);
  // The trees learnt English pages of many blocks and extrapolate badly to pages unlike
  // them: other languages and scripts (no English function words), or an article of a
  // paragraph or two. The linear model, fitted on the same blocks, degrades gently
  // there and takes over: on pages with few English function words, and where the
  // trees would keep less than half of the prose inside the container.
  double range_words = 0, function_words = 0, container_prose = 0, kept_prose = 0;
  std::vector<uint8_t> by_trees(range.last - range.first, 0);
  for (size_t i = range.first; i < range.last; ++i) {
    const PageBlock& b = page.blocks[i];
    range_words += b.words;
    function_words += features[i][kFunctionShare] * static_cast<float>(b.words);
    by_trees[i - range.first] = kBlockModel.IsContent(features[i].data());
    if (IsProse(b) && features[i][kInsideContainer] > 0) {
      container_prose += b.words;
      if (by_trees[i - range.first]) kept_prose += b.words;
    }
  }
  const bool trees_fit = range_words > 0 && function_words >= kMinFunctionShare * range_words &&
                         kept_prose >= kMinKeptProseShare * container_prose;
  for (size_t i = range.first; i < range.last; ++i) {
    const bool content = trees_fit ? by_trees[i - range.first] != 0
                                   : kBlockLinearModel.IsContent(features[i].data());
    if (content) selection.blocks.push_back(static_cast<uint32_t>(i));
  }
  // A heading that introduces nothing kept ("Related articles" over a dropped link
  // list) goes too.
  std::vector<uint32_t> kept;
  for (size_t k = 0; k < selection.blocks.size(); ++k) {
    const PageBlock& b = page.blocks[selection.blocks[k]];
    if (b.kind == BlockKind::kHeading) {
      const bool followed = k + 1 < selection.blocks.size() &&
                            page.blocks[selection.blocks[k + 1]].kind != BlockKind::kHeading;
      if (!followed) continue;
    }
    kept.push_back(selection.blocks[k]);
  }
  selection.blocks = std::move(kept);
  return selection;
}

std::string ArticleText(const PageBlocks& page, const ArticleSelection& selection) {
  std::string text;
  const PageBlock* previous = nullptr;
  for (uint32_t i : selection.blocks) {
    const PageBlock& b = page.blocks[i];
    if (previous != nullptr) {
      const bool same_list =
          b.kind == BlockKind::kListItem && previous->kind == BlockKind::kListItem;
      const bool same_table = b.in_table && previous->in_table;
      text += same_list || same_table ? "\n" : "\n\n";
    }
    text += b.text;
    previous = &b;
  }
  return text;
}

}  // namespace echoes
