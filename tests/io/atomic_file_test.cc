#include "io/atomic_file.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

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

// An input of distinct bytes, so that a range taken from the wrong place shows.
std::string PatternBytes(size_t size) {
  std::mt19937 rng(7);
  std::string bytes(size, '\0');
  for (char& c : bytes) c = static_cast<char>('a' + rng() % 26);
  return bytes;
}

TEST(AtomicFileTest, FileRangesInterleavedWithAppendsKeepTheirOrder) {
  testing::TempDir dir;
  // Larger than one read block (8 MiB), so ranges cross blocks, and one range is
  // larger than a block.
  const std::string input = PatternBytes(20 << 20);
  testing::WriteFile(dir.File("in"), input);
  const int fd = ::open(dir.File("in").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  std::string expected;
  {
    AtomicFile file;
    ASSERT_TRUE(file.Open(dir.path(), "out").ok());
    std::mt19937 rng(11);
    uint64_t offset = 0;
    for (int i = 0; offset < input.size(); ++i) {
      const uint64_t size =
          std::min<uint64_t>(i == 300 ? 9 << 20 : 1 + rng() % 40000, input.size() - offset);
      ASSERT_TRUE(file.AppendFileRange(fd, offset, size, "in").ok()) << i;
      expected.append(input, offset, size);
      offset += size + rng() % 3000;  // the gaps of dropped records
      if (i % 97 == 0) {
        ASSERT_TRUE(file.Append("<appended>").ok());
        expected += "<appended>";
      }
      if (i % 151 == 0 && offset > 5000) {
        offset -= 5000;  // back to bytes before the current block
      }
    }
    ASSERT_TRUE(file.Commit().ok());
  }
  ::close(fd);
  EXPECT_TRUE(testing::ReadFile(dir.File("out")) == expected) << "bytes differ";
}

TEST(AtomicFileTest, RangePastTheEndOfTheInputIsReported) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("in"), "0123456789");
  const int fd = ::open(dir.File("in").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  AtomicFile file;
  ASSERT_TRUE(file.Open(dir.path(), "out").ok());
  EXPECT_TRUE(file.AppendFileRange(fd, 2, 8, "in").ok());
  const Status past = file.AppendFileRange(fd, 5, 6, "in");
  EXPECT_EQ(past.code(), StatusCode::kInternal);
  EXPECT_NE(past.message().find("in: changed while echoes was reading it"), std::string::npos)
      << past.message();
  EXPECT_EQ(file.Commit().code(), StatusCode::kInternal) << "the error is sticky";
  ::close(fd);
  EXPECT_FALSE(std::filesystem::exists(dir.File("out")));
}

TEST(AtomicFileTest, UnwritableDirectoryIsAnIoError) {
  AtomicFile file;
  EXPECT_EQ(file.Open("/nonexistent/dir", "x").code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace echoes
