// Helpers shared by the tests: temporary directories, files, compression, shared data.

#ifndef ECHOES_TESTS_TEST_UTIL_H_
#define ECHOES_TESTS_TEST_UTIL_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace echoes::testing {

// A fresh directory under $TMPDIR, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;  // owns the directory
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path()/name
  std::string File(std::string_view name) const;

 private:
  std::string path_;
};

void WriteFile(const std::string& path, std::string_view bytes);
std::string ReadFile(const std::string& path);
std::vector<std::string> ReadLines(const std::string& path);

// One gzip member holding `bytes`.
std::string Gzip(std::string_view bytes);
// One zstd frame holding `bytes`.
std::string Zstd(std::string_view bytes);

// Two record ids as an unordered pair: the smaller first.
using IdPair = std::pair<std::string, std::string>;
inline IdPair Ordered(std::string a, std::string b) {
  if (b < a) std::swap(a, b);
  return {std::move(a), std::move(b)};
}

// Path of ../shared/data beside the source tree, or "" when it is absent (a user's clone).
std::string SharedDataDir();

}  // namespace echoes::testing

// Skips the current test, with a message, when ../shared/data is absent.
#define ECHOES_REQUIRE_SHARED_DATA(dir)                                  \
  const std::string dir = ::echoes::testing::SharedDataDir();            \
  if (dir.empty())                                                       \
  GTEST_SKIP() << "../shared/data not found beside the source tree; it " \
                  "is present in CI"

#endif  // ECHOES_TESTS_TEST_UTIL_H_
