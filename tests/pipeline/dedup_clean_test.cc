#include <gtest/gtest.h>

#include <string>

#include "echoes/dedup.h"
#include "test_util.h"

namespace echoes {
namespace {

// One article republished by two sites with different furniture around it.
std::string Page(const std::string& site, const std::string& menu, const std::string& related) {
  return "<html><head><title>Wind farm approved | " + site + "</title></head><body><nav>" + menu +
         "</nav><article><h1>Wind farm approved</h1>"
         "<p>The planning board approved the offshore wind farm on Thursday after a two-year "
         "review, clearing the way for construction to begin next spring.</p>"
         "<p>The developer said the turbines would supply power to about two hundred thousand "
         "homes once the project is finished in four years.</p>"
         "<p>Fishing groups, who had opposed the plan, said they would study the conditions "
         "attached to the approval before deciding whether to appeal.</p>"
         "</article><aside class=\"related\"><h3>Related</h3><ul>" + related +
         "</ul></aside><footer>© " + site + "</footer></body></html>";
}

TEST(DedupCleanTest, RepublishedArticlesMatchOnceCleaned) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("pages/a.html"),
                     Page("North Herald", "<a href=/>Home</a> <a href=/n>News</a> <a href=/s>Sport</a>",
                          "<li><a href=/1>Harbour dredging delayed again by storms</a></li>"
                          "<li><a href=/2>New ferry timetable starts on Monday morning</a></li>"));
  testing::WriteFile(dir.File("pages/b.html"),
                     Page("Coast Wire", "<a href=/>Front page</a> <a href=/b>Business</a>",
                          "<li><a href=/3>Energy prices fall for a third month running</a></li>"
                          "<li><a href=/4>School holidays: ten days out on the coast</a></li>"
                          "<li><a href=/5>Lifeboat crew rescue two kayakers near the point</a></li>"));
  DedupOptions options;
  options.out_dir = dir.File("out");
  options.clean = true;
  Result<DedupStats> cleaned = RunDedup({dir.File("pages")}, options);
  ASSERT_TRUE(cleaned.ok()) << cleaned.status().ToString();
  EXPECT_EQ(cleaned.value().read, 2u);
  EXPECT_EQ(cleaned.value().dropped, 1u) << "the same article, whatever the site around it";
  EXPECT_EQ(cleaned.value().dropped_by_relation.at("exact"), 1u);

  // Without --clean, .html files are not inputs at all.
  options.clean = false;
  options.out_dir = dir.File("raw");
  Result<DedupStats> raw = RunDedup({dir.File("pages")}, options);
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  EXPECT_EQ(raw.value().read, 0u);
}

TEST(DedupCleanTest, FlattenedPagesLoseTheirChromeBeforeComparison) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("in.jsonl"),
                     "{\"id\":\"a\",\"text\":\"Home > News\\nWind farm approved\\n" +
                         std::string("The planning board approved the offshore wind farm on Thursday after a "
                                     "two-year review, clearing the way for construction to begin next spring.\\n"
                                     "The developer said the turbines would supply power to about two hundred "
                                     "thousand homes once the project is finished in four years.\\n"
                                     "Subscribe to our newsletter\\nRelated\\n- Ferry fares rise\\n- Storm "
                                     "warning issued\\n- Bakery wins prize\"}\n") +
                         "{\"id\":\"b\",\"text\":\"" +
                         std::string("The planning board approved the offshore wind farm on Thursday after a "
                                     "two-year review, clearing the way for construction to begin next spring.\\n"
                                     "The developer said the turbines would supply power to about two hundred "
                                     "thousand homes once the project is finished in four years.\"}\n"));
  DedupOptions options;
  options.out_dir = dir.File("out");
  options.clean = true;
  Result<DedupStats> result = RunDedup({dir.File("in.jsonl")}, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result.value().dropped, 1u);
  // kept.jsonl still holds the record as it came, chrome and all.
  EXPECT_NE(testing::ReadFile(dir.File("out/kept.jsonl")).find("Subscribe"), std::string::npos);
}

}  // namespace
}  // namespace echoes
