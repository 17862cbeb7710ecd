// echoes_dump_line_features: the training data of the line models
// (bench/train_line_models.py). For every page of a directory of HTML files, one JSON
// line per text block: page id, block index, text, whether it is inside the chosen
// article container, its BlockFeatures (null outside the candidate range around the
// container), and the LineFeatures it has when the page is flattened to one line per
// block (as scraped page text is).
//
// Usage: echoes_dump_line_features DIR OUT.jsonl

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "clean/article_extractor.h"
#include "clean/line_features.h"
#include "clean/page_blocks.h"
#include "html/charset.h"
#include "html/html_document.h"
#include "io/byte_source.h"
#include "report/json_writer.h"

namespace {

template <typename Array>
void AppendArray(std::string* out, const Array& values) {
  out->push_back('[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out->push_back(',');
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.5g", static_cast<double>(values[i]));
    *out += buffer;
  }
  out->push_back(']');
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: echoes_dump_line_features DIR OUT.jsonl\n");
    return 1;
  }
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
    const std::string name = entry.path().filename().string();
    if (name.find(".htm") != std::string::npos) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  FILE* out = std::fopen(argv[2], "wb");
  if (out == nullptr) return 1;
  echoes::HtmlParser parser;
  echoes::ParseLimits limits;
  echoes::PageBlocks page;
  std::vector<echoes::BlockFeatures> block_features;
  std::vector<echoes::TextFeatures> text_features;
  std::vector<echoes::LineFeatures> line_features;
  for (const std::string& name : names) {
    echoes::Result<std::string> read = echoes::ReadWholeFile(std::string(argv[1]) + "/" + name);
    if (!read.ok()) continue;
    const std::string& html = read.value();
    const echoes::Charset charset = echoes::DetectCharset(html, "");
    if (!parser.Parse(html, charset.encoding, limits).ok()) continue;
    echoes::CollectBlocks(parser.body(), limits, &page);
    const echoes::ArticleSelection selection = echoes::SelectArticle(page);
    const echoes::BlockRange range =
        echoes::BlockFeaturesOf(page, selection.container, &block_features);
    text_features.clear();
    for (const echoes::PageBlock& b : page.blocks)
      text_features.push_back(echoes::TextFeaturesOf(b.text));
    echoes::LineFeaturesOf(text_features, &line_features);
    const std::string id = name.substr(0, name.find('.'));
    std::string line;
    for (size_t i = 0; i < page.blocks.size(); ++i) {
      line = "{\"id\":";
      echoes::AppendJsonString(&line, id);
      line += ",\"i\":" + std::to_string(i) + ",\"text\":";
      echoes::AppendJsonString(&line, page.blocks[i].text);
      line += ",\"selected\":";
      line += std::binary_search(selection.blocks.begin(), selection.blocks.end(),
                                 static_cast<uint32_t>(i))
                  ? "true"
                  : "false";
      line += ",\"block\":";
      if (i >= range.first && i < range.last) {
        AppendArray(&line, block_features[i]);
      } else {
        line += "null";  // not a candidate: the block model never sees it
      }
      line += ",\"line\":";
      AppendArray(&line, line_features[i]);
      line += "}\n";
      std::fwrite(line.data(), 1, line.size(), out);
    }
  }
  std::fclose(out);
  return 0;
}
