#include "pipeline/stage_files.h"

#include <gtest/gtest.h>

#include "echoes/dedup.h"
#include "test_util.h"

namespace echoes {
namespace {

class StageFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.out_dir = dir_.File("out");
    options_.stages_dir = dir_.File("stages");
    Result<DedupStats> result =
        RunDedup({std::string(ECHOES_SOURCE_DIR) + "/data/sample/news.jsonl"}, options_);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    stats_ = result.value();
  }
  testing::TempDir dir_;
  DedupOptions options_;
  DedupStats stats_;
};

TEST_F(StageFilesTest, TheRunsStagesReadBackWhole) {
  Result<DocumentTable> table = ReadSignStage(dir_.File("stages/sign.echoes"));
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table.value().docs.size(), stats_.read);
  EXPECT_EQ(table.value().signatures.size(), stats_.read * 128);
  EXPECT_EQ(table.value().IdOf(0), "harbor-bridge-orig");
  Result<std::vector<Edge>> edges = ReadEdgesStage(dir_.File("stages/edges.echoes"));
  ASSERT_TRUE(edges.ok()) << edges.status().ToString();
  EXPECT_EQ(edges.value().size(), stats_.verified_edges);

  // Written again from what was read, the file is the same.
  ASSERT_TRUE(WriteSignStage(dir_.File("again.echoes"), table.value()).ok());
  Result<DocumentTable> again = ReadSignStage(dir_.File("again.echoes"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().ids, table.value().ids);
  EXPECT_EQ(again.value().band_keys, table.value().band_keys);
  EXPECT_EQ(again.value().samples, table.value().samples);
}

TEST_F(StageFilesTest, DamagedFilesAreCorruptInputNotCrashes) {
  const std::string bytes = testing::ReadFile(dir_.File("stages/sign.echoes"));
  for (size_t cut : {size_t{0}, size_t{10}, bytes.size() / 2, bytes.size() - 1}) {
    testing::WriteFile(dir_.File("cut.echoes"), bytes.substr(0, cut));
    EXPECT_EQ(ReadSignStage(dir_.File("cut.echoes")).status().code(), StatusCode::kCorruptInput)
        << cut;
  }
  EXPECT_EQ(ReadEdgesStage(dir_.File("stages/sign.echoes")).status().code(),
            StatusCode::kCorruptInput)
      << "a sign file is not an edges file";
  EXPECT_EQ(ReadSignStage(dir_.File("missing.echoes")).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace echoes
