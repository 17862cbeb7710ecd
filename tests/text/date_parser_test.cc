#include "text/date_parser.h"

#include <gtest/gtest.h>

namespace echoes {
namespace {

constexpr int64_t kNov8 = 1699401600;  // 2023-11-08T00:00:00Z

TEST(DateParserTest, ReadsIsoDatesAndTimes) {
  EXPECT_EQ(ParseDate("2023-11-08"), kNov8);
  EXPECT_EQ(ParseDate(" 2023-11-08T14:05:09Z "), kNov8 + 14 * 3600 + 5 * 60 + 9);
  EXPECT_EQ(ParseDate("2023-11-08T14:05:09.250+02:00"), kNov8 + 12 * 3600 + 5 * 60 + 9);
  EXPECT_EQ(ParseDate("2023-11-08 14:05"), kNov8 + 14 * 3600 + 5 * 60);
  EXPECT_EQ(ParseDate("2023/11/08"), kNov8);
  EXPECT_EQ(ParseDate("1970-01-01"), 0);
}

TEST(DateParserTest, ReadsReutersAndRfc2822) {
  EXPECT_EQ(ParseDate("26-FEB-1987 15:01:01.79"), 541350061);
  EXPECT_EQ(ParseDate("Wed, 08 Nov 2023 14:05:09 +0000"), kNov8 + 14 * 3600 + 5 * 60 + 9);
  EXPECT_EQ(ParseDate("8 Nov 2023"), kNov8);
}

TEST(DateParserTest, RejectsWhatItCannotRead) {
  EXPECT_EQ(ParseDate(""), std::nullopt);
  EXPECT_EQ(ParseDate("yesterday"), std::nullopt);
  EXPECT_EQ(ParseDate("2023-02-30"), std::nullopt);
  EXPECT_EQ(ParseDate("2023-13-01"), std::nullopt);
  EXPECT_EQ(ParseDate("2023-11-08T25:00"), std::nullopt);
  EXPECT_EQ(ParseDate("08/11/23"), std::nullopt);
}

TEST(DateParserTest, OrdersLikeTime) {
  EXPECT_LT(*ParseDate("2023-11-07T23:59:59Z"), *ParseDate("2023-11-08"));
  EXPECT_LT(*ParseDate("2024-02-29"), *ParseDate("2024-03-01"));
}

}  // namespace
}  // namespace echoes
