#include "io/byte_source.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace echoes {
namespace {

using testing::Gzip;
using testing::TempDir;
using testing::WriteFile;
using testing::Zstd;

// Reads a source to its end; returns the bytes and the final status.
std::pair<std::string, Status> Drain(ByteSource* source, size_t chunk = 7) {
  std::string all;
  std::string buffer(chunk, '\0');
  for (;;) {
    Result<size_t> n = source->Read(buffer.data(), buffer.size());
    if (!n.ok()) return {all, n.status()};
    if (n.value() == 0) return {all, Status::Ok()};
    all.append(buffer.data(), n.value());
  }
}

std::string Sample() {
  std::string s;
  for (int i = 0; i < 2000; ++i) s += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"line\"}\n";
  return s;
}

TEST(ByteSourceTest, ReadsPlainFiles) {
  TempDir dir;
  WriteFile(dir.File("a.jsonl"), Sample());
  auto source = OpenByteSource(dir.File("a.jsonl"));
  ASSERT_TRUE(source.ok());
  EXPECT_STREQ(source.value()->format(), "plain");
  auto [bytes, status] = Drain(source.value().get());
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(bytes, Sample());
}

TEST(ByteSourceTest, ReadsEveryGzipMember) {
  TempDir dir;
  const std::string text = Sample();
  WriteFile(dir.File("a.gz"), Gzip(text.substr(0, 1000)) + Gzip(text.substr(1000)));
  auto source = OpenByteSource(dir.File("a.gz"));
  ASSERT_TRUE(source.ok());
  EXPECT_STREQ(source.value()->format(), "gzip");
  auto [bytes, status] = Drain(source.value().get(), 4096);
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(bytes, text);
}

TEST(ByteSourceTest, TruncatedGzipReturnsWhatCameBeforeThenAnError) {
  TempDir dir;
  const std::string text = Sample();
  const std::string whole = Gzip(text);
  WriteFile(dir.File("cut.gz"), whole.substr(0, whole.size() / 2));
  auto source = OpenByteSource(dir.File("cut.gz"));
  ASSERT_TRUE(source.ok());
  auto [bytes, status] = Drain(source.value().get(), 1000);
  EXPECT_EQ(status.code(), StatusCode::kCorruptInput);
  EXPECT_NE(status.message().find("truncated gzip"), std::string::npos) << status.message();
  EXPECT_FALSE(bytes.empty());
  EXPECT_EQ(text.compare(0, bytes.size(), bytes), 0) << "bytes before the cut must be exact";
}

TEST(ByteSourceTest, ReadsAndChecksZstd) {
  TempDir dir;
  const std::string text = Sample();
  WriteFile(dir.File("a.zst"), Zstd(text));
  auto source = OpenByteSource(dir.File("a.zst"));
  ASSERT_TRUE(source.ok());
  EXPECT_STREQ(source.value()->format(), "zstd");
  auto [bytes, status] = Drain(source.value().get(), 333);
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(bytes, text);

  const std::string frame = Zstd(text);
  WriteFile(dir.File("cut.zst"), frame.substr(0, frame.size() - 10));
  auto cut = OpenByteSource(dir.File("cut.zst"));
  ASSERT_TRUE(cut.ok());
  auto [partial, cut_status] = Drain(cut.value().get(), 333);
  EXPECT_EQ(cut_status.code(), StatusCode::kCorruptInput);
  EXPECT_EQ(text.compare(0, partial.size(), partial), 0);
}

TEST(ByteSourceTest, MissingFileIsNotFound) {
  auto source = OpenByteSource("/nonexistent/echoes/file.jsonl");
  EXPECT_EQ(source.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace echoes
