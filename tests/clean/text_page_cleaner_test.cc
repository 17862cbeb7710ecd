#include "clean/text_page_cleaner.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <simdjson.h>

#include "test_util.h"

namespace echoes {
namespace {

std::vector<std::string> LinesOf(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::set<std::string> ParagraphsOf(const std::string& text) {
  std::set<std::string> out;
  for (const std::string& line : LinesOf(text)) {
    if (!line.empty()) out.insert(line);
  }
  return out;
}

// The body / chrome split of each seed, written down by reading the files (1-based
// line numbers of the non-empty lines that are body; every other non-empty line but the
// headline is chrome).
struct SeedTruth {
  const char* file;
  int body_first, body_last;  // body paragraphs, inclusive
  int headline;
};

void CheckSeed(const std::string& path, const SeedTruth& truth) {
  const std::string raw = testing::ReadFile(path);
  const std::vector<std::string> lines = LinesOf(raw);
  ASSERT_GE(static_cast<int>(lines.size()), truth.body_last);
  const CleanedText cleaned = CleanPageText(raw);
  const std::set<std::string> kept = ParagraphsOf(cleaned.text);
  for (int n = 1; n <= static_cast<int>(lines.size()); ++n) {
    const std::string& line = lines[static_cast<size_t>(n - 1)];
    if (line.empty()) continue;
    const bool body = n >= truth.body_first && n <= truth.body_last;
    if (body) {
      EXPECT_TRUE(kept.count(line)) << truth.file << ": body line " << n << " lost: " << line;
    } else {
      EXPECT_EQ(cleaned.text.find(line), std::string::npos)
          << truth.file << ": chrome line " << n << " kept: " << line;
    }
  }
  EXPECT_EQ(cleaned.title, lines[static_cast<size_t>(truth.headline - 1)]) << truth.file;
}

TEST(TextPageCleanerTest, SeedsKeepEveryBodyParagraphAndNoChrome) {
  ECHOES_REQUIRE_SHARED_DATA(data);
  // 000: breadcrumb glued to the title (1), title (2), "View" (3), date line (4), body
  // (5-24), reaction counter (25), Related / Ranking / Recommendation lists (26-54).
  CheckSeed(data + "/seeds/000_f9b3a3fd6c4ceab5.txt", {"000", 5, 24, 2});
  // 001: breadcrumb (1), title (3), photo credit (5), body (7-23, every other line),
  // newsletter (25) and comments (27) lines.
  CheckSeed(data + "/seeds/001_acb975feda389482.txt", {"001", 7, 23, 3});
}

TEST(TextPageCleanerTest, SeedDatesAreTheOnesThePagesShow) {
  ECHOES_REQUIRE_SHARED_DATA(data);
  EXPECT_EQ(CleanPageText(testing::ReadFile(data + "/seeds/000_f9b3a3fd6c4ceab5.txt")).date,
            "2025-04-12");  // "Date:2025-04-12 16:11:44": misleading, but what it says
  EXPECT_EQ(CleanPageText(testing::ReadFile(data + "/seeds/001_acb975feda389482.txt")).date, "");
}

// A page written for this test: furniture the model has never seen in this form.
TEST(TextPageCleanerTest, ScrapedPageLosesItsFurniture) {
  const std::string page =
      "Home > World > Europe\n"
      "River towns count the cost after the spring floods\n"
      "By Staff Reporter | 3 min read\n"
      "Share on Facebook\n"
      "The river rose faster than anyone in the valley could remember, and by the second "
      "night the water had reached the steps of the old town hall.\n"
      "Shopkeepers spent the weekend carrying stock upstairs, while volunteers filled "
      "sandbags in the car park behind the church.\n"
      "The regional council said on Monday that repairs to the two bridges would take "
      "most of the summer and cost more than it had set aside.\n"
      "Subscribe to our newsletter\n"
      "Related stories\n"
      "- Heatwave warning for the south\n"
      "- Council elections: what you need to know\n"
      "- Five walks for a rainy weekend\n"
      "© 2024 Valley News. All rights reserved.\n";
  const CleanedText cleaned = CleanPageText(page);
  EXPECT_EQ(cleaned.title, "River towns count the cost after the spring floods");
  const std::set<std::string> kept = ParagraphsOf(cleaned.text);
  EXPECT_EQ(kept.size(), 3u) << cleaned.text;
  for (const char* chrome : {"Share on", "Subscribe", "Related", "Heatwave", "rights reserved",
                             "min read", "Home >"}) {
    EXPECT_EQ(cleaned.text.find(chrome), std::string::npos) << chrome;
  }
}

TEST(TextPageCleanerTest, ThePublicationDateNotTheUpdate) {
  const std::string body =
      "The river rose faster than anyone in the valley could remember, and by the second "
      "night the water had reached the steps of the old town hall.\n"
      "Shopkeepers spent the weekend carrying stock upstairs, while volunteers filled "
      "sandbags in the car park behind the church.\n";
  const std::string head = "Home > World > Europe\nRiver towns count the cost after the spring floods\n";
  EXPECT_EQ(CleanPageText(head + "Updated 9 April 2024 | Published 3 April 2024\n" + body).date,
            "2024-04-03");
  EXPECT_EQ(CleanPageText(head + "Last updated: 9.4.2024\n" + body).date, "2024-04-09");
}

// A plain article has no chrome at all: every line of it is body, the short lead
// and the short last line too (the line model, seeing few words, doubts them).
// data/rewrites holds 50 such articles.
TEST(TextPageCleanerTest, PlainArticlesKeepEveryLine) {
  const std::string path = std::string(ECHOES_SOURCE_DIR) + "/data/rewrites/texts.jsonl";
  size_t articles = 0;
  simdjson::dom::parser parser;
  for (const std::string& record : testing::ReadLines(path)) {
    const std::string text(parser.parse(record)["text"].get_string().value());
    const std::set<std::string> kept = ParagraphsOf(CleanPageText(text).text);
    for (const std::string& line : LinesOf(text)) {
      if (!line.empty()) EXPECT_TRUE(kept.count(line)) << "lost: " << line;
    }
    ++articles;
  }
  EXPECT_EQ(articles, 50u);
}

TEST(TextPageCleanerTest, EmptyAndProselessPages) {
  EXPECT_TRUE(CleanPageText("").text.empty());
  EXPECT_TRUE(CleanPageText("\n\n   \n").text.empty());
  // Only menus: nothing is prose, and nothing is invented.
  const CleanedText menu = CleanPageText("Home\nNews\nSport\nContact us\nLogin\n");
  EXPECT_EQ(menu.text.find("Login"), std::string::npos) << menu.text;
}

}  // namespace
}  // namespace echoes
