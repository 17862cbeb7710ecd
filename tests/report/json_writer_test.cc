#include "report/json_writer.h"

#include <gtest/gtest.h>

namespace echoes {
namespace {

std::string Json(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

TEST(JsonWriterTest, EscapesWhatJsonRequires) {
  EXPECT_EQ(Json("plain"), "\"plain\"");
  EXPECT_EQ(Json("a\"b\\c\nd\te\x01"), "\"a\\\"b\\\\c\\nd\\te\\u0001\"");
  EXPECT_EQ(Json("caf\xC3\xA9"), "\"caf\xC3\xA9\"");
}

TEST(JsonWriterTest, ReplacesInvalidUtf8) { EXPECT_EQ(Json("bad\xFF"), "\"bad\xEF\xBF\xBD\""); }

TEST(JsonWriterTest, ScoresHaveNoTrailingZeros) {
  std::string out;
  AppendJsonScore(&out, 1.0);
  out += ' ';
  AppendJsonScore(&out, 0.8125);
  out += ' ';
  AppendJsonScore(&out, 0.33333);
  EXPECT_EQ(out, "1 0.8125 0.3333");
}

}  // namespace
}  // namespace echoes
