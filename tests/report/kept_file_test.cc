#include "report/kept_file.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>

#include "echoes/dedup.h"
#include "test_util.h"

namespace echoes {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// An untidy JSONL file: CRLF endings, blank and whitespace-only lines, a record with
// leading spaces, a broken line, exact duplicates, no newline at the end.
std::string UntidyJsonl() {
  std::string s;
  s += "{\"id\":\"a\",\"text\":\"the first story about the harbour\"}\n";
  s += "{\"id\":\"b\",\"text\":\"the second story about the river\"}\r\n";
  s += "\n   \n";
  s += "   {\"id\":\"c\",\"text\":\"the third story about the mountain\"}\n";
  s += "{\"id\":\"d\",\"text\":\"THE FIRST STORY about the harbour\"}\n";  // exact dup of a
  s += "{\"id\":\"e\",\"text\": broken\n";
  s += "{\"id\":\"f\",\"text\":\"a fourth story about the valley\"}\n";
  s += "{\"id\":\"g\",\"text\":\"a fifth story about the lake\"}";
  return s;
}

// Copying kept records by offset (uncompressed inputs) and by reading the inputs again
// (compressed) must write the same bytes, whatever the line layout.
TEST(KeptFileTest, CopyByOffsetEqualsRereading) {
  testing::TempDir dir;
  const std::string jsonl = UntidyJsonl();
  const std::string text = "A text document, kept as a JSON line.\n";
  testing::WriteFile(dir.File("plain/news.jsonl"), jsonl);
  testing::WriteFile(dir.File("plain/note.txt"), text);
  testing::WriteFile(dir.File("gz/news.jsonl.gz"), testing::Gzip(jsonl));
  // One compressed input is enough to make the whole run read its inputs again.
  testing::WriteFile(dir.File("gz/note.txt"), text);

  std::string kept[2];
  const char* kinds[2] = {"plain", "gz"};
  for (int k = 0; k < 2; ++k) {
    DedupOptions options;
    options.out_dir = dir.File(std::string("out-") + kinds[k]);
    Result<DedupStats> result = RunDedup({dir.File(kinds[k])}, options);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(result.value().dropped, 1u) << kinds[k];
    kept[k] = testing::ReadFile(options.out_dir + "/kept.jsonl");
  }
  EXPECT_EQ(kept[0], kept[1]);

  // Every kept JSONL line is an input line byte for byte (a CR stays if the reader
  // kept it), in input order; the duplicate "d" and the broken "e" are not there.
  std::vector<std::string> lines = Lines(kept[0]);
  ASSERT_EQ(lines.size(), 6u) << kept[0];
  std::vector<std::string> inputs = Lines(jsonl);
  size_t at = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string line = lines[i];
    auto found = std::find_if(inputs.begin() + static_cast<long>(at), inputs.end(),
                              [&](const std::string& in) {
                                return in == line || in.find(line) != std::string::npos;
                              });
    ASSERT_NE(found, inputs.end()) << "not an input line, or out of order: " << line;
    at = static_cast<size_t>(found - inputs.begin()) + 1;
    EXPECT_EQ(line.find("\"d\""), std::string::npos);
  }
  EXPECT_NE(lines.back().find("kept as a JSON line"), std::string::npos);
}

}  // namespace
}  // namespace echoes
