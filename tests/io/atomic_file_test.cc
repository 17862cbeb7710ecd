#include "io/atomic_file.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_util.h"

namespace echoes {
namespace {

TEST(AtomicFileTest, NothingAppearsUnderTheFinalNameBeforeCommit) {
  testing::TempDir dir;
  {
    AtomicFile file;
    ASSERT_TRUE(file.Open(dir.path(), "out.jsonl").ok());
    ASSERT_TRUE(file.Append(std::string(3 << 20, 'x')).ok());  // past the buffer: flushed
    EXPECT_FALSE(std::filesystem::exists(dir.File("out.jsonl")));
    ASSERT_TRUE(file.Commit().ok());
  }
  EXPECT_EQ(std::filesystem::file_size(dir.File("out.jsonl")), 3u << 20);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            1)
      << "no temporary file left behind";
}

TEST(AtomicFileTest, AbandonedFileLeavesNothing) {
  testing::TempDir dir;
  {
    AtomicFile file;
    ASSERT_TRUE(file.Open(dir.path(), "out.jsonl").ok());
    ASSERT_TRUE(file.Append("half").ok());
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(AtomicFileTest, UnwritableDirectoryIsAnIoError) {
  AtomicFile file;
  EXPECT_EQ(file.Open("/nonexistent/dir", "x").code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace echoes
