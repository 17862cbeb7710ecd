#include "pipeline/record_processor.h"

#include <gtest/gtest.h>

#include "echoes/normalize.h"

namespace echoes {
namespace {

class RecordProcessorTest : public ::testing::Test {
 protected:
  RecordProcessorTest() {
    InputSource s;
    s.name = "in.jsonl";
    sources_.push_back(s);
  }

  // Processes the given JSONL lines as one batch.
  DocumentTable Process(const std::vector<std::string>& lines) {
    RecordBatch batch;
    uint64_t line = 0;
    for (const std::string& l : lines) {
      RecordRef r;
      r.line = ++line;
      r.offset = batch.bytes.size();
      r.size = l.size();
      batch.bytes += l;
      batch.records.push_back(r);
    }
    batch.bytes.append(RecordBatch::kPadding, '\0');
    RecordProcessor processor(&options_, &sources_, nullptr);
    DocumentTable table;
    processor.Process(batch, &table);
    return table;
  }

  static Hash128 HashOf(std::string_view text) {
    TextNormalizer n;
    std::string normalized;
    n.Normalize(text, &normalized);
    return ExactHash(normalized);
  }

  DedupOptions options_;
  std::vector<InputSource> sources_;
};

TEST_F(RecordProcessorTest, ReadsIdTextAndDateInAnyOrder) {
  DocumentTable t = Process({"{\"date\":\"2020-01-02\",\"text\":\"Hello, World\",\"id\":\"x1\"}",
                             "{\"id\":17,\"text\":\"esc\\u00e9ped \\\"quote\\\"\"}"});
  ASSERT_EQ(t.docs.size(), 2u);
  EXPECT_EQ(t.IdOf(0), "x1");
  EXPECT_EQ(t.docs[0].hash, HashOf("hello world"));
  EXPECT_EQ(t.docs[0].date, 1577923200);
  EXPECT_EQ(t.IdOf(1), "17") << "numeric ids are kept as written";
  EXPECT_EQ(t.docs[1].hash, HashOf("esc\xC3\xA9ped quote"));
  EXPECT_EQ(t.docs[1].date, kNoDate);
}

TEST_F(RecordProcessorTest, FirstOccurrenceOfADuplicateKeyWins) {
  DocumentTable t = Process({"{\"id\":\"a\",\"text\":\"first\",\"text\":\"second\"}"});
  ASSERT_EQ(t.docs.size(), 1u);
  EXPECT_EQ(t.docs[0].hash, HashOf("first"));
}

TEST_F(RecordProcessorTest, RejectsWithReasonsAndKeepsOneEntryPerRecord) {
  DocumentTable t = Process({"{\"id\":\"a\"}", "{\"text\":null}", "{\"text\":\"ok\"} {}",
                             "\"just a string\"", "{\"text\":\"  ?! \"}", "{\"text\":\"fine\""});
  ASSERT_EQ(t.docs.size(), 6u);
  ASSERT_EQ(t.rejections.size(), 6u);
  const RejectReason expected[] = {RejectReason::kMissingText, RejectReason::kTextNotString,
                                   RejectReason::kInvalidJson, RejectReason::kInvalidJson,
                                   RejectReason::kEmptyText,   RejectReason::kInvalidJson};
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_TRUE(t.docs[i].rejected);
    EXPECT_EQ(t.rejections[i].record, i);
    EXPECT_EQ(t.rejections[i].line, i + 1);
    EXPECT_EQ(t.rejections[i].reason, expected[i]) << i;
  }
}

TEST_F(RecordProcessorTest, RepairsInvalidUtf8InsideJsonAndGeneratesMissingIds) {
  DocumentTable t = Process({"{\"text\":\"caf\xC3 ole\"}"});
  ASSERT_EQ(t.docs.size(), 1u);
  EXPECT_FALSE(t.docs[0].rejected);
  EXPECT_EQ(t.repaired_utf8, 1u);
  EXPECT_EQ(t.IdOf(0), "in.jsonl:1");
  EXPECT_EQ(t.generated_ids, 1u);
  EXPECT_EQ(t.docs[0].hash, HashOf("caf ole"));
}

}  // namespace
}  // namespace echoes
