#include "io/record_batcher.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace echoes {
namespace {

using testing::Gzip;
using testing::TempDir;
using testing::WriteFile;

struct Seen {
  RecordKind kind;
  uint64_t line;
  std::string bytes;  // or the message, for kUnreadable
  RejectReason reason;
};

std::vector<Seen> ReadAll(const std::vector<InputSource>& sources, size_t batch_bytes = 1 << 20,
                          uint64_t max_record = 1 << 20) {
  RecordBatcher batcher(&sources, batch_bytes, max_record);
  RecordBatch batch;
  std::vector<Seen> seen;
  uint64_t expected_sequence = 0;
  while (batcher.Next(&batch)) {
    EXPECT_EQ(batch.sequence, expected_sequence++);
    for (const RecordRef& r : batch.records) {
      std::string bytes = r.kind == RecordKind::kUnreadable ? batch.messages[r.offset]
                                                            : std::string(batch.BytesOf(r));
      seen.push_back({r.kind, r.line, bytes, r.reason});
    }
  }
  return seen;
}

InputSource Jsonl(const std::string& path) {
  InputSource s;
  s.path = s.name = path;
  return s;
}

TEST(RecordBatcherTest, CutsLinesAndSkipsBlankOnesKeepingLineNumbers) {
  TempDir dir;
  WriteFile(dir.File("a.jsonl"), "{\"a\":1}\n\n   \n{\"b\":2}\r\n{\"c\":3}");
  std::vector<Seen> seen = ReadAll({Jsonl(dir.File("a.jsonl"))});
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].bytes, "{\"a\":1}");
  EXPECT_EQ(seen[0].line, 1u);
  EXPECT_EQ(seen[1].bytes, "{\"b\":2}\r");  // kept byte for byte
  EXPECT_EQ(seen[1].line, 4u);
  EXPECT_EQ(seen[2].bytes, "{\"c\":3}");  // no final newline
  EXPECT_EQ(seen[2].line, 5u);
}

TEST(RecordBatcherTest, SmallBatchesGiveTheSameRecords) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 500; ++i) text += "{\"n\":" + std::to_string(i) + "}\n";
  WriteFile(dir.File("a.jsonl"), text);
  std::vector<Seen> big = ReadAll({Jsonl(dir.File("a.jsonl"))});
  std::vector<Seen> small = ReadAll({Jsonl(dir.File("a.jsonl"))}, 100);
  ASSERT_EQ(big.size(), 500u);
  ASSERT_EQ(small.size(), big.size());
  for (size_t i = 0; i < big.size(); ++i) EXPECT_EQ(small[i].bytes, big[i].bytes);
}

TEST(RecordBatcherTest, OversizedLineIsReportedAndSkipped) {
  TempDir dir;
  const std::string huge(3 << 20, 'x');  // 3 MiB line, limit 1 MiB
  WriteFile(dir.File("a.jsonl"), "{\"a\":1}\n" + huge + "\n{\"b\":2}\n");
  std::vector<Seen> seen = ReadAll({Jsonl(dir.File("a.jsonl"))});
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[1].kind, RecordKind::kUnreadable);
  EXPECT_EQ(seen[1].reason, RejectReason::kTooLarge);
  EXPECT_EQ(seen[1].line, 2u);
  EXPECT_EQ(seen[2].bytes, "{\"b\":2}");
  EXPECT_EQ(seen[2].line, 3u);
}

TEST(RecordBatcherTest, TruncatedGzipKeepsEveryCompleteLineAndReportsTheCut) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "{\"id\":" + std::to_string(i) + ",\"text\":\"words\"}\n";
  const std::string gz = Gzip(text);
  WriteFile(dir.File("cut.jsonl.gz"), gz.substr(0, gz.size() * 2 / 3));
  WriteFile(dir.File("next.jsonl"), "{\"after\":1}\n");
  std::vector<Seen> seen =
      ReadAll({Jsonl(dir.File("cut.jsonl.gz")), Jsonl(dir.File("next.jsonl"))});
  ASSERT_GE(seen.size(), 3u);
  const Seen& cut = seen[seen.size() - 2];
  EXPECT_EQ(cut.kind, RecordKind::kUnreadable);
  EXPECT_EQ(cut.reason, RejectReason::kCorruptInput);
  EXPECT_EQ(cut.line, seen.size() - 1)
      << "the cut is reported at the line after the last whole one";
  EXPECT_NE(cut.bytes.find("truncated gzip"), std::string::npos) << cut.bytes;
  for (size_t i = 0; i + 2 < seen.size(); ++i) {
    ASSERT_EQ(seen[i].kind, RecordKind::kJsonLine);
    EXPECT_EQ(seen[i].bytes, "{\"id\":" + std::to_string(i) + ",\"text\":\"words\"}");
  }
  EXPECT_EQ(seen.back().bytes, "{\"after\":1}");
}

TEST(RecordBatcherTest, BinaryAndMissingFilesBecomeOneUnreadableRecordEach) {
  TempDir dir;
  WriteFile(dir.File("junk.jsonl"), std::string("\x7f"
                                                "ELF\0\0\0\x01\x02",
                                                9) +
                                        "binary");
  std::vector<Seen> seen = ReadAll({Jsonl(dir.File("junk.jsonl")), Jsonl(dir.File("gone.jsonl"))});
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].reason, RejectReason::kBinary);
  EXPECT_EQ(seen[1].reason, RejectReason::kUnreadable);
}

TEST(RecordBatcherTest, TextFileIsOneRecord) {
  TempDir dir;
  WriteFile(dir.File("doc.txt"), "Line one.\nLine two.\n");
  InputSource s = Jsonl(dir.File("doc.txt"));
  s.kind = SourceKind::kTextFile;
  std::vector<Seen> seen = ReadAll({s});
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].kind, RecordKind::kTextDocument);
  EXPECT_EQ(seen[0].bytes, "Line one.\nLine two.\n");
}

// Records are cut in place from the blocks read, and the kept file is copied from
// their stream offsets: each must be where the record starts in its file, also past
// a dropped oversized line, across batches and blocks, and in a second file.
TEST(RecordBatcherTest, StreamOffsetsAreWhereRecordsStartInTheirFile) {
  TempDir dir;
  std::string first, second;
  for (int i = 0; i < 3000; ++i) {
    first += "{\"n\":" + std::to_string(i) + ",\"pad\":\"" + std::string(i % 97, 'p') + "\"}\n";
    if (i == 1500) first += std::string(3 << 20, 'x') + "\n";  // longer than a read block
  }
  for (int i = 0; i < 10; ++i) second += "{\"m\":" + std::to_string(i) + "}\n";
  WriteFile(dir.File("a.jsonl"), first);
  WriteFile(dir.File("b.jsonl"), second);
  const std::vector<InputSource> sources = {Jsonl(dir.File("a.jsonl")), Jsonl(dir.File("b.jsonl"))};
  for (size_t batch_bytes : {size_t{1000}, size_t{1} << 20}) {
    RecordBatcher batcher(&sources, batch_bytes, 1 << 20);
    RecordBatch batch;
    size_t records = 0, too_large = 0;
    while (batcher.Next(&batch)) {
      for (const RecordRef& r : batch.records) {
        if (r.kind == RecordKind::kUnreadable) {
          ++too_large;
          continue;
        }
        const std::string& file = r.source == 0 ? first : second;
        ASSERT_LE(r.stream_offset + r.size, file.size());
        EXPECT_EQ(file.substr(r.stream_offset, r.size), batch.BytesOf(r))
            << "batch " << batch_bytes;
        EXPECT_EQ(file[r.stream_offset + r.size], '\n');
        ++records;
      }
    }
    EXPECT_EQ(records, 3010u);
    EXPECT_EQ(too_large, 1u);
  }
}

}  // namespace
}  // namespace echoes
