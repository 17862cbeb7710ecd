// End-to-end tests of RunDedup through the public API: accounting on hostile input,
// determinism across thread counts, strict mode, text directories.

#include "echoes/dedup.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "test_util.h"

namespace echoes {
namespace {

using testing::Gzip;
using testing::ReadFile;
using testing::ReadLines;
using testing::TempDir;
using testing::WriteFile;

std::string Record(const std::string& id, const std::string& text) {
  return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\"}";
}

// A paragraph of distinct words, so that different n give different texts.
std::string Story(int n, int words = 40) {
  std::string s;
  for (int i = 0; i < words; ++i) s += "w" + std::to_string(n * 1000 + i) + " ";
  return s;
}

// The value of an integer key in stats.json ("read", "kept", ...).
uint64_t StatOf(const std::string& stats_json, const std::string& key) {
  const std::string needle = "\"" + key + "\": ";
  size_t at = stats_json.find(needle);
  if (at == std::string::npos) return ~uint64_t{0};
  return std::stoull(stats_json.substr(at + needle.size()));
}

std::set<std::string> IdsIn(const std::string& jsonl_path, const std::string& field = "id") {
  std::set<std::string> ids;
  const std::string needle = "\"" + field + "\":\"";
  for (const std::string& line : ReadLines(jsonl_path)) {
    size_t at = line.find(needle);
    if (at == std::string::npos) continue;
    at += needle.size();
    ids.insert(line.substr(at, line.find('"', at) - at));
  }
  return ids;
}

class HostileInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // good.jsonl: 5 good records, two of them copies of story 1 (one in other case).
    WriteFile(dir_.File("in/good.jsonl"), Record("g1", Story(1)) + "\n" + Record("g2", Story(2)) +
                                              "\n" + Record("g1-copy", Story(1)) + "\n" +
                                              Record("g3", Story(3)) + "\n" +
                                              "{\"id\":\"g1-caps\",\"text\":\"" + Upper(Story(1)) +
                                              "\",\"date\":\"1999-01-01\"}\n");
    // broken.jsonl: a good record between broken ones.
    WriteFile(dir_.File("in/broken.jsonl"),
              "{\"id\":\"b1\",\"text\":\"unterminated\n" + Record("b-good", Story(4)) + "\n" +
                  "not json at all\n" + "[1,2,3]\n" + "{\"id\":\"no-text\",\"body\":\"x\"}\n" +
                  "{\"id\":\"num-text\",\"text\":42}\n" + "{\"id\":\"empty\",\"text\":\"\"}\n" +
                  "{\"id\":\"punct\",\"text\":\"... !!! ---\"}\n" + Record("trailing", Story(5)) +
                  " extra\n");
    // bad_utf8.jsonl: invalid bytes inside a string: repaired, kept, counted.
    WriteFile(dir_.File("in/bad_utf8.jsonl"),
              "{\"id\":\"utf8\",\"text\":\"caf\xC3 " + Story(6) + "\xFF\"}\n");
    // truncated.jsonl.gz: 3000 good records, cut in the middle of the stream.
    std::string many;
    for (int i = 0; i < 3000; ++i)
      many += Record("t" + std::to_string(i), Story(100 + i, 12)) + "\n";
    const std::string gz = Gzip(many);
    WriteFile(dir_.File("in/truncated.jsonl.gz"), gz.substr(0, gz.size() / 2));
    // huge.jsonl: one 50 MB document, kept whole.
    std::string huge = "{\"id\":\"huge\",\"text\":\"";
    while (huge.size() < (50u << 20)) huge += "lorem ipsum dolor sit amet ";
    huge += "\"}\n";
    WriteFile(dir_.File("in/huge.jsonl"), huge);
    // binary.jsonl: not text at all.
    std::string junk;
    for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 131) % 256));
    WriteFile(dir_.File("in/binary.jsonl"), junk);
  }

  static std::string Upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }

  std::vector<std::string> Inputs() const {
    return {dir_.File("in/good.jsonl"),     dir_.File("in/broken.jsonl"),
            dir_.File("in/bad_utf8.jsonl"), dir_.File("in/truncated.jsonl.gz"),
            dir_.File("in/huge.jsonl"),     dir_.File("in/binary.jsonl")};
  }

  TempDir dir_;
};

TEST_F(HostileInputTest, EveryRecordIsAccountedForAndNothingGoodIsLost) {
  DedupOptions options;
  options.out_dir = dir_.File("out");
  options.threads = 2;
  Result<DedupStats> result = RunDedup(Inputs(), options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const DedupStats& s = result.value();
  EXPECT_EQ(s.kept + s.dropped + s.rejected, s.read);

  // stats.json says the same.
  const std::string stats = ReadFile(dir_.File("out/stats.json"));
  EXPECT_EQ(StatOf(stats, "read"), s.read);
  EXPECT_EQ(StatOf(stats, "kept") + StatOf(stats, "dropped") + StatOf(stats, "rejected"),
            StatOf(stats, "read"));

  // Each damaged record is reported with its file, line and reason.
  std::map<std::string, std::string> reasons;  // "file:line" -> reason
  for (const std::string& line : ReadLines(dir_.File("out/rejected.jsonl"))) {
    const auto field = [&](const std::string& key) {
      size_t at = line.find("\"" + key + "\":") + key.size() + 3;
      return line.substr(at, line.find_first_of(",}", at) - at);
    };
    std::string source = field("source");
    source = std::filesystem::path(source.substr(1, source.size() - 2)).filename().string();
    std::string reason = field("reason");
    reasons[source + ":" + field("line")] = reason.substr(1, reason.size() - 2);
  }
  EXPECT_EQ(reasons["broken.jsonl:1"], "invalid_json");
  EXPECT_EQ(reasons["broken.jsonl:3"], "invalid_json");
  EXPECT_EQ(reasons["broken.jsonl:4"], "invalid_json");
  EXPECT_EQ(reasons["broken.jsonl:5"], "missing_text");
  EXPECT_EQ(reasons["broken.jsonl:6"], "text_not_string");
  EXPECT_EQ(reasons["broken.jsonl:7"], "empty_text");
  EXPECT_EQ(reasons["broken.jsonl:8"], "empty_text");
  EXPECT_EQ(reasons["broken.jsonl:9"], "invalid_json");
  EXPECT_EQ(reasons["binary.jsonl:0"], "binary");
  EXPECT_EQ(s.rejected, reasons.size());
  EXPECT_EQ(s.rejected, 10u) << "8 broken lines, the truncated tail, the binary file";
  EXPECT_EQ(s.rejected_by_reason.at("corrupt_input"), 1u);
  EXPECT_EQ(s.repaired_utf8, 1u);

  // Nothing else is lost: every good record is kept or dropped as a duplicate.
  const std::set<std::string> kept = IdsIn(dir_.File("out/kept.jsonl"));
  const std::set<std::string> dropped = IdsIn(dir_.File("out/dropped.jsonl"));
  for (const char* id : {"g2", "g3", "b-good", "utf8", "huge", "t0", "t1"}) {
    EXPECT_TRUE(kept.count(id)) << id;
  }
  EXPECT_TRUE(kept.count("g1-caps")) << "the dated copy represents its cluster";
  EXPECT_EQ(dropped, (std::set<std::string>{"g1", "g1-copy"}));
  EXPECT_EQ(kept.size() + dropped.size() + s.rejected, s.read);
  // The truncated file lost only its incomplete tail: its records are numbered in order.
  uint64_t t_kept = 0;
  for (const std::string& id : kept) t_kept += id[0] == 't' && id != "trailing";
  EXPECT_GT(t_kept, 100u);
  EXPECT_TRUE(kept.count("t" + std::to_string(t_kept - 1)));
}

TEST_F(HostileInputTest, KeptRecordsAreCopiedByteForByte) {
  DedupOptions options;
  options.out_dir = dir_.File("out");
  ASSERT_TRUE(RunDedup(Inputs(), options).ok());
  std::set<std::string> input_lines;
  for (const char* name : {"good.jsonl", "broken.jsonl", "bad_utf8.jsonl", "huge.jsonl"}) {
    for (const std::string& line : ReadLines(dir_.File(std::string("in/") + name))) {
      input_lines.insert(line);
    }
  }
  size_t from_plain_files = 0;
  for (const std::string& line : ReadLines(dir_.File("out/kept.jsonl"))) {
    if (line.rfind("{\"id\":\"t", 0) == 0) continue;  // from the gzip file
    EXPECT_TRUE(input_lines.count(line)) << line.substr(0, 80);
    ++from_plain_files;
  }
  EXPECT_EQ(from_plain_files, 6u);  // g1-caps g2 g3 b-good utf8 huge
}

TEST_F(HostileInputTest, StrictStopsAtTheFirstRejectedRecord) {
  DedupOptions options;
  options.out_dir = dir_.File("out");
  options.strict = true;
  for (int threads : {1, 2}) {
    options.threads = threads;
    Result<DedupStats> result = RunDedup(Inputs(), options);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), StatusCode::kStrictStop);
    EXPECT_NE(result.status().message().find("broken.jsonl:1: invalid_json"), std::string::npos)
        << result.status().message();
  }
}

// Same bytes out whatever the thread count: a corpus of many batches with duplicates
// spread across them.
TEST(DeterminismTest, OutputsAreIdenticalForOneTwoAndThreeThreads) {
  TempDir dir;
  std::string corpus;
  for (int i = 0; corpus.size() < (14u << 20); ++i) {
    const int story = (i * 7919) % 20000;  // repeats after 20000 records
    corpus += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"" + Story(story, 60) + "\"}\n";
    if (i % 997 == 0) corpus += "{broken\n";
  }
  WriteFile(dir.File("corpus.jsonl"), corpus);
  std::map<std::string, std::string> first;
  for (int threads : {1, 2, 3}) {
    DedupOptions options;
    options.out_dir = dir.File("out" + std::to_string(threads));
    options.threads = threads;
    Result<DedupStats> result = RunDedup({dir.File("corpus.jsonl")}, options);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    ASSERT_GT(result.value().dropped, 1000u);
    ASSERT_GT(result.value().rejected, 10u);
    for (const char* name : {"kept.jsonl", "dropped.jsonl", "clusters.jsonl", "edges.jsonl",
                             "rejected.jsonl", "stats.json"}) {
      std::string bytes = ReadFile(options.out_dir + "/" + name);
      if (std::string(name) == "stats.json") bytes = bytes.substr(0, bytes.find("\"run\""));
      if (threads == 1) {
        first[name] = bytes;
      } else {
        EXPECT_TRUE(bytes == first[name]) << name << " differs with " << threads << " threads";
      }
    }
  }
}

// Samples spilled to disk in several runs, sketches spilled to band files, each and
// both, on one thread and two: the same files as in memory (stats.json apart from the
// spill counts), and nothing left behind.
TEST(SpillTest, SpilledSamplesAndSketchesGiveTheSameOutputAndAreRemoved) {
  TempDir dir;
  std::string corpus;
  for (int i = 0; corpus.size() < (13u << 20); ++i) {
    const int story = (i * 7919) % 3000;  // each told ~4 times
    std::string text = Story(story, 120);
    if (i % 13 == 0) text = text.substr(text.size() / 4, text.size() / 2);  // an excerpt
    if (i % 17 == 0) text.replace(0, 2, "x");                               // a near copy
    corpus += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"" + text + "\"}\n";
  }
  WriteFile(dir.File("corpus.jsonl"), corpus);
  const auto without_spill_counts = [](std::string stats) {
    stats = stats.substr(0, stats.find("\"run\""));
    for (const char* key : {"\"spilled_samples\"", "\"sample_runs\"", "\"spilled_sketches\""}) {
      const size_t at = stats.find(key);
      if (at != std::string::npos) stats.erase(at, stats.find('\n', at) - at);
    }
    return stats;
  };
  std::map<std::string, std::string> in_memory;
  // (sample budget, sketch budget) in bytes; 1 byte: every batch spills.
  for (auto [sample_budget, sketch_budget] : {std::pair<uint64_t, uint64_t>{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
    for (int threads : {1, 2}) {
      const std::string config = "samples " + std::to_string(sample_budget) + ", sketches " +
                                 std::to_string(sketch_budget) + ", threads " +
                                 std::to_string(threads);
      DedupOptions options;
      options.out_dir = dir.File("out" + std::to_string(sample_budget) +
                                 std::to_string(sketch_budget) + std::to_string(threads));
      options.threads = threads;
      options.rewrite = false;
      options.sample_memory = sample_budget;
      options.sketch_memory = sketch_budget;
      Result<DedupStats> result = RunDedup({dir.File("corpus.jsonl")}, options);
      ASSERT_TRUE(result.ok()) << result.status().ToString();
      const DedupStats& stats = result.value();
      if (sample_budget == 1) {
        EXPECT_GE(stats.sample_runs, 3u) << config;
        EXPECT_GT(stats.spilled_samples, 50000u) << config;
      } else {
        EXPECT_EQ(stats.sample_runs, 0u) << config;
      }
      EXPECT_EQ(stats.spilled_sketches, sketch_budget == 1 ? stats.read : 0u) << config;
      ASSERT_GT(stats.dropped_by_relation.count("contained"), 0u);
      ASSERT_GT(stats.dropped_by_relation.count("near"), 0u);
      for (const auto& entry : std::filesystem::directory_iterator(options.out_dir)) {
        const std::string name = entry.path().filename().string();
        EXPECT_TRUE(name.find(".samples-") == std::string::npos &&
                    name.find(".sketches-") == std::string::npos)
            << entry.path() << " left behind";
      }
      for (const char* name : {"kept.jsonl", "dropped.jsonl", "clusters.jsonl", "edges.jsonl",
                               "stats.json"}) {
        std::string bytes = ReadFile(options.out_dir + "/" + name);
        if (std::string(name) == "stats.json") bytes = without_spill_counts(bytes);
        if (sample_budget == 0 && sketch_budget == 0 && threads == 1) {
          in_memory[name] = bytes;
        } else {
          EXPECT_TRUE(bytes == in_memory[name]) << name << " differs, " << config;
        }
      }
    }
  }
}

TEST(TextDirectoryTest, EachTextFileIsADocumentWithItsRelativePathAsId) {
  TempDir dir;
  WriteFile(dir.File("docs/a.txt"), "The quick brown fox.\n");
  WriteFile(dir.File("docs/sub/b.txt"), "THE QUICK   BROWN FOX!");
  WriteFile(dir.File("docs/sub/c.txt"), "Something else \"quoted\".");
  WriteFile(dir.File("docs/empty.txt"), "");
  DedupOptions options;
  options.out_dir = dir.File("out");
  Result<DedupStats> result = RunDedup({dir.File("docs")}, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result.value().read, 4u);
  EXPECT_EQ(result.value().rejected, 1u);  // the empty file
  // b.txt is one byte longer, so it represents the pair.
  EXPECT_EQ(ReadLines(dir.File("out/clusters.jsonl")),
            (std::vector<std::string>{"{\"cluster\":0,\"representative\":\"sub/"
                                      "b.txt\",\"members\":[\"a.txt\",\"sub/b.txt\"]}"}));
  EXPECT_EQ(ReadLines(dir.File("out/kept.jsonl")),
            (std::vector<std::string>{
                "{\"id\":\"sub/b.txt\",\"text\":\"THE QUICK   BROWN FOX!\"}",
                "{\"id\":\"sub/c.txt\",\"text\":\"Something else \\\"quoted\\\".\"}"}));
}

TEST(OptionsTest, BadOptionsAreInvalidArguments) {
  DedupOptions options;
  EXPECT_EQ(RunDedup({"x.jsonl"}, options).status().code(), StatusCode::kInvalidArgument);
  TempDir dir;
  options.out_dir = dir.File("out");
  EXPECT_EQ(RunDedup({}, options).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(RunDedup({dir.File("missing.jsonl")}, options).status().code(), StatusCode::kNotFound);
}

TEST(FieldsTest, CustomFieldsAndGeneratedIds) {
  TempDir dir;
  WriteFile(dir.File("a.jsonl"),
            "{\"body\":\"Same words here\",\"when\":\"2020-05-01\"}\n"
            "{\"body\":\"same words, here\",\"when\":\"2019-05-01\"}\n"
            "{\"body\":\"other\",\"when\":\"not a date\"}\n");
  DedupOptions options;
  options.out_dir = dir.File("out");
  options.text_field = "body";
  options.date_field = "when";
  Result<DedupStats> result = RunDedup({dir.File("a.jsonl")}, options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result.value().generated_ids, 3u);
  EXPECT_EQ(result.value().unparsed_dates, 1u);
  const std::string a = dir.File("a.jsonl");
  EXPECT_EQ(ReadLines(dir.File("out/dropped.jsonl")),
            (std::vector<std::string>{"{\"id\":\"" + a + ":1\",\"duplicate_of\":\"" + a +
                                      ":2\",\"relation\":\"exact\",\"score\":1}"}));
}

}  // namespace
}  // namespace echoes
