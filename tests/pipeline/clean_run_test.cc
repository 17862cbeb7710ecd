#include <gtest/gtest.h>
#include <simdjson.h>

#include <map>
#include <string>

#include "echoes/clean.h"
#include "test_util.h"

namespace echoes {
namespace {

const char* kArticle =
    "<html><head><title>Bridge reopens after repairs</title></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a></nav><article>"
    "<h1>Bridge reopens after repairs</h1>"
    "<p>The old stone bridge over the river reopened to traffic on Friday after eight "
    "months of repairs that cost the county more than expected.</p>"
    "<p>Engineers replaced the worn bearings and rebuilt two of the arches, which had "
    "been damaged by floods the winter before.</p></article></body></html>";

std::string WarcRecord(const std::string& type, const std::string& id, const std::string& uri,
                       const std::string& date, const std::string& content_type,
                       const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <" + id +
         ">\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: " + date +
         "\r\nContent-Type: " + content_type + "\r\nContent-Length: " +
         std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string HttpResponse(const std::string& content_type, const std::string& body) {
  return "HTTP/1.1 200 OK\r\nContent-Type: " + content_type + "\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

// Output records by id, as parsed JSON texts of the fields the tests read.
std::map<std::string, std::map<std::string, std::string>> ReadOutput(const std::string& path) {
  std::map<std::string, std::map<std::string, std::string>> out;
  simdjson::dom::parser parser;
  for (const std::string& line : testing::ReadLines(path)) {
    simdjson::dom::element doc = parser.parse(line);
    std::map<std::string, std::string> fields;
    for (auto [key, value] : doc.get_object()) {
      fields[std::string(key)] = value.is_string() ? std::string(value.get_string().value()) : "null";
    }
    out[fields["id"]] = fields;
  }
  return out;
}

TEST(CleanRunTest, WarcRecordsInSeveralGzipMembersRoundTrip) {
  testing::TempDir dir;
  const std::string wet_text =
      "Home | Weather | Sport\n"
      "Storm warning for the coast\n"
      "Forecasters warned on Tuesday that a storm moving in from the Atlantic would bring "
      "gusts of seventy miles an hour to the coast by Wednesday evening.\n"
      "Ferries have been cancelled and schools in low-lying areas will close early, the "
      "council said in a statement.\n"
      "Subscribe to our newsletter\n";
  std::string warc;
  warc += testing::Gzip(WarcRecord("warcinfo", "urn:uuid:info", "", "2024-05-01T00:00:00Z",
                                   "application/warc-fields", "software: test\r\n"));
  warc += testing::Gzip(WarcRecord("request", "urn:uuid:req", "https://news.example/bridge",
                                   "2024-05-01T10:00:00Z", "application/http", "GET / HTTP/1.1\r\n\r\n"));
  warc += testing::Gzip(WarcRecord("response", "urn:uuid:page", "https://news.example/bridge",
                                   "2024-05-01T10:00:01Z", "application/http; msgtype=response",
                                   HttpResponse("text/html; charset=utf-8", kArticle)));
  warc += testing::Gzip(WarcRecord("response", "urn:uuid:image", "https://news.example/a.png",
                                   "2024-05-01T10:00:02Z", "application/http; msgtype=response",
                                   HttpResponse("image/png", "\x89PNG....")));
  warc += testing::Gzip(WarcRecord("conversion", "urn:uuid:wet", "https://news.example/storm",
                                   "2024-05-02T08:00:00Z", "text/plain", wet_text));
  testing::WriteFile(dir.File("crawl.warc.gz"), warc);

  CleanRunOptions options;
  options.out_path = dir.File("out.jsonl");
  Result<CleanRunStats> result = RunClean({dir.File("crawl.warc.gz")}, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result.value().read, 2u) << "the HTML response and the WET conversion";
  EXPECT_EQ(result.value().rejected, 0u);
  auto out = ReadOutput(options.out_path);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out["urn:uuid:page"]["url"], "https://news.example/bridge");
  EXPECT_EQ(out["urn:uuid:page"]["warc_date"], "2024-05-01T10:00:01Z");
  EXPECT_EQ(out["urn:uuid:page"]["clean_title"], "Bridge reopens after repairs");
  EXPECT_NE(out["urn:uuid:page"]["clean_text"].find("old stone bridge"), std::string::npos);
  EXPECT_EQ(out["urn:uuid:page"]["clean_text"].find("Home"), std::string::npos);
  EXPECT_EQ(out["urn:uuid:wet"]["url"], "https://news.example/storm");
  EXPECT_NE(out["urn:uuid:wet"]["clean_text"].find("Forecasters warned"), std::string::npos);
  EXPECT_EQ(out["urn:uuid:wet"]["clean_text"].find("Subscribe"), std::string::npos);
  EXPECT_EQ(out["urn:uuid:wet"]["clean_title"], "Storm warning for the coast");

  // Cut the file inside the last record: the records before it are kept, and the damage
  // is reported with how far the reader got.
  const std::string first = WarcRecord("conversion", "urn:uuid:first", "https://a.example/",
                                       "2024-05-03T00:00:00Z", "text/plain", wet_text);
  const std::string last = WarcRecord("conversion", "urn:uuid:second", "https://b.example/",
                                      "2024-05-03T00:00:00Z", "text/plain", wet_text);
  testing::WriteFile(dir.File("cut.warc"), first + last.substr(0, last.size() / 2));
  options.out_path = dir.File("cut.jsonl");
  result = RunClean({dir.File("cut.warc")}, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result.value().rejected, 1u);
  ASSERT_EQ(result.value().messages.size(), 1u);
  EXPECT_NE(result.value().messages[0].find("ends inside the WARC record at byte"), std::string::npos)
      << result.value().messages[0];
  out = ReadOutput(options.out_path);
  EXPECT_EQ(out.size(), 1u);
  EXPECT_TRUE(out.count("urn:uuid:first"));
}

TEST(CleanRunTest, JsonlRecordsKeepTheirFieldsAndBadLinesAreCounted) {
  testing::TempDir dir;
  std::string escaped;
  for (char c : std::string(kArticle)) {
    if (c == '"') escaped += "\\\"";
    else escaped.push_back(c);
  }
  const std::string jsonl =
      "{\"id\":\"h1\",\"url\":\"https://a.example/x\",\"lang\":\"en\",\"html\":\"" + escaped + "\"}\n"
      "{\"id\":\"t1\",\"text\":\"Home > News\\nBridge reopens after repairs\\nThe old stone bridge "
      "over the river reopened to traffic on Friday after eight months of repairs that cost the "
      "county more than expected.\\nShare this\"}\n"
      "{\"id\":\"bad\",\"text\": broken\n"
      "{\"id\":\"none\",\"other\":1}\n";
  testing::WriteFile(dir.File("pages.jsonl"), jsonl);
  CleanRunOptions options;
  options.out_path = dir.File("out.jsonl");
  Result<CleanRunStats> result = RunClean({dir.File("pages.jsonl")}, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result.value().read, 4u);
  EXPECT_EQ(result.value().rejected, 2u);
  ASSERT_EQ(result.value().messages.size(), 2u);
  EXPECT_NE(result.value().messages[0].find("pages.jsonl:3"), std::string::npos);
  EXPECT_NE(result.value().messages[1].find("pages.jsonl:4"), std::string::npos);
  auto out = ReadOutput(options.out_path);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out["h1"]["lang"], "en") << "the record's own fields stay";
  EXPECT_NE(out["h1"]["html"].find("<article>"), std::string::npos);
  EXPECT_NE(out["h1"]["clean_text"].find("Engineers replaced"), std::string::npos);
  EXPECT_NE(out["t1"]["clean_text"].find("The old stone bridge"), std::string::npos);
  EXPECT_EQ(out["t1"]["clean_text"].find("Share this"), std::string::npos);
  EXPECT_EQ(out["t1"]["clean_title"], "Bridge reopens after repairs");
}

TEST(CleanRunTest, ParagraphsRepeatedAcrossASiteAreBoilerplate) {
  testing::TempDir dir;
  const std::string footer =
      "Valley News is published by the Valley Media Group, which also runs the regional "
      "radio station and the weekly farm market guide.";
  for (int i = 0; i < 6; ++i) {
    std::string page = "Local story number " + std::to_string(i) + "\n";
    page += "The parish council met on Tuesday " + std::to_string(i) +
            " and discussed plans for the village green, the new bus shelter and the repair "
            "of the footpath behind the school.\n";
    page += footer + "\n";
    testing::WriteFile(dir.File("site/page" + std::to_string(i) + ".txt"), page);
  }
  CleanRunOptions options;
  options.out_path = dir.File("out.jsonl");
  Result<CleanRunStats> result = RunClean({dir.File("site")}, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result.value().boilerplate_paragraphs, 6u);
  for (const auto& [id, fields] : ReadOutput(options.out_path)) {
    EXPECT_EQ(fields.at("clean_text").find("Valley Media Group"), std::string::npos) << id;
    EXPECT_NE(fields.at("clean_text").find("parish council"), std::string::npos) << id;
  }
  options.boilerplate_share = 0;  // off: the footer stays
  options.out_path = dir.File("off.jsonl");
  result = RunClean({dir.File("site")}, options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value().boilerplate_paragraphs, 0u);
  EXPECT_NE(testing::ReadFile(options.out_path).find("Valley Media Group"), std::string::npos);
}

}  // namespace
}  // namespace echoes
