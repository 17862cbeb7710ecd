// Guards the extraction quality on real pages: a fixed 100-page subset of the WCXB
// article pages (every 8th page in id order), scored as bench/wcxb_score.py scores the
// whole set: mean word-level F1 of the cleaned text against main_content.

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "echoes/clean.h"
#include "io/byte_source.h"
#include "test_util.h"

namespace echoes {
namespace {

// Lower-cased words: runs of ASCII letters and digits, or of non-ASCII bytes (the
// scorer's \w+ on the languages of this set).
std::map<std::string, int> Bag(std::string_view text) {
  std::map<std::string, int> bag;
  std::string word;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '_') {
      word.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      word.push_back(static_cast<char>(c + 32));
    } else if (!word.empty()) {
      ++bag[word];
      word.clear();
    }
  }
  if (!word.empty()) ++bag[word];
  return bag;
}

double F1(const std::string& extracted, const std::string& truth) {
  const auto e = Bag(extracted), t = Bag(truth);
  double shared = 0, ne = 0, nt = 0;
  for (const auto& [w, n] : e) {
    ne += n;
    if (auto it = t.find(w); it != t.end()) shared += std::min(n, it->second);
  }
  for (const auto& [w, n] : t) nt += n;
  if (ne == 0 || nt == 0 || shared == 0) return 0;
  const double p = shared / ne, r = shared / nt;
  return 2 * p * r / (p + r);
}

TEST(WcxbRegressionTest, HundredPageSubsetKeepsItsF1) {
  ECHOES_REQUIRE_SHARED_DATA(data);
  const std::string root = data + "/wcxb-articles";
  std::vector<std::string> ids;
  for (const auto& entry : std::filesystem::directory_iterator(root + "/html")) {
    const std::string name = entry.path().filename().string();
    ids.push_back(name.substr(0, name.find('.')));
  }
  std::sort(ids.begin(), ids.end());
  PageCleaner cleaner;
  CleanedPage page;
  simdjson::dom::parser parser;
  double sum = 0;
  int pages = 0;
  for (size_t i = 0; i < ids.size(); i += 8) {
    Result<std::string> read = ReadWholeFile(root + "/html/" + ids[i] + ".html.gz");
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    const std::string& html = read.value();
    ASSERT_TRUE(cleaner.CleanHtml(html, "", &page).ok()) << ids[i];
    simdjson::dom::element truth = parser.load(root + "/ground-truth/" + ids[i] + ".json");
    std::string_view main;
    if (truth["ground_truth"]["main_content"].get(main) != simdjson::SUCCESS) main = "";
    sum += F1(page.text, std::string(main));
    ++pages;
  }
  ASSERT_EQ(pages, 100);
  const double mean = sum / pages;
  std::printf("WCXB 100-page subset: mean F1 %.3f\n", mean);
  // Measured 0.931 on this subset when the guard was last raised (0.945-0.953 on each
  // half of the whole set); three points lower is a regression, not noise.
  EXPECT_GE(mean, 0.90);
}

}  // namespace
}  // namespace echoes
