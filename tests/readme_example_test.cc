// The library snippet of README.md, compiled and run, so that the README cannot rot.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "test_util.h"

// --- from README.md ---
#include "echoes/dedup.h"

int ReadmeExample() {
  echoes::DedupOptions options;
  options.out_dir = "out";
  echoes::Result<echoes::DedupStats> stats = echoes::RunDedup({"corpus.jsonl.gz"}, options);
  if (!stats.ok()) std::fprintf(stderr, "%s\n", stats.status().ToString().c_str());
  return stats.ok() ? 0 : 1;
}
// --- end ---

namespace echoes {
namespace {

TEST(ReadmeExampleTest, RunsOnAGzippedCorpus) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("corpus.jsonl.gz"),
                     testing::Gzip("{\"id\":\"1\",\"text\":\"A story.\"}\n"
                                   "{\"id\":\"2\",\"text\":\"a STORY\"}\n"));
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  const int rc = ReadmeExample();
  std::filesystem::current_path(cwd);
  ASSERT_EQ(rc, 0);
  EXPECT_EQ(testing::ReadLines(dir.File("out/clusters.jsonl")).size(), 1u);
}

}  // namespace
}  // namespace echoes
