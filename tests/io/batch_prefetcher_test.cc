#include "io/batch_prefetcher.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace echoes {
namespace {

std::vector<std::string> AllRecords(const std::vector<InputSource>& sources, bool background,
                                    size_t stop_after = SIZE_MAX) {
  BatchPrefetcher prefetcher(&sources, 1000, 1 << 20, background);
  RecordBatch batch;
  std::vector<std::string> records;
  while (records.size() < stop_after && prefetcher.Next(&batch)) {
    for (const RecordRef& r : batch.records) records.emplace_back(batch.BytesOf(r));
  }
  return records;
}

TEST(BatchPrefetcherTest, SameBatchesInTheSameOrderWithOrWithoutTheThread) {
  testing::TempDir dir;
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "{\"n\":" + std::to_string(i) + "}\n";
  testing::WriteFile(dir.File("a.jsonl"), text);
  InputSource source;
  source.path = source.name = dir.File("a.jsonl");
  const std::vector<InputSource> sources = {source};
  const auto inline_records = AllRecords(sources, false);
  ASSERT_EQ(inline_records.size(), 5000u);
  EXPECT_EQ(AllRecords(sources, true), inline_records);
  // Leaving early stops the reading thread cleanly (no hang, no leak under ASan).
  EXPECT_GE(AllRecords(sources, true, 10).size(), 10u);
}

}  // namespace
}  // namespace echoes
