#include "io/input_source.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace echoes {
namespace {

using testing::TempDir;
using testing::WriteFile;

TEST(InputSourceTest, DirectoriesAreWalkedInByteOrderAndClassified) {
  TempDir dir;
  WriteFile(dir.File("b/2.txt"), "two");
  WriteFile(dir.File("a.txt"), "one");
  WriteFile(dir.File("b/1.txt.gz"), "x");
  WriteFile(dir.File("c.jsonl.zst"), "x");
  WriteFile(dir.File("notes.md"), "skip me");
  Result<InputList> list = ExpandInputs({dir.path()}, "");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  const auto& s = list.value().sources;
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].text_id, "a.txt");
  EXPECT_EQ(s[1].text_id, "b/1.txt.gz");
  EXPECT_EQ(s[2].text_id, "b/2.txt");
  EXPECT_EQ(s[3].kind, SourceKind::kJsonl);
  EXPECT_EQ(list.value().skipped_files, 1u);
}

TEST(InputSourceTest, MissingInputIsNotFoundAndStdinIsMapped) {
  EXPECT_EQ(ExpandInputs({"/no/such/input"}, "").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ExpandInputs({}, "").status().code(), StatusCode::kInvalidArgument);
  Result<InputList> list = ExpandInputs({"-"}, "/tmp/spool");
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list.value().sources[0].path, "/tmp/spool");
  EXPECT_EQ(list.value().sources[0].name, "-");
}

}  // namespace
}  // namespace echoes
