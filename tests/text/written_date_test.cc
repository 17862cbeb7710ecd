#include "text/written_date.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace echoes {
namespace {

std::vector<std::string> Days(std::string_view text) {
  std::vector<std::string> days;
  for (const WrittenDay& d : FindWrittenDays(text, 10)) days.push_back(d.day);
  return days;
}

TEST(WrittenDateTest, EnglishMonthNamesInEitherOrder) {
  EXPECT_EQ(FindDayInText("By A. Writer, July 9, 2025, 10:04 AM"), "2025-07-09");
  EXPECT_EQ(FindDayInText("Jul. 9th 2025"), "2025-07-09");
  EXPECT_EQ(FindDayInText("Sept 30 2024"), "2024-09-30");
  EXPECT_EQ(FindDayInText("Published On: 15 August 2025"), "2025-08-15");
  EXPECT_EQ(FindDayInText("the 1st of March, 2021"), "2021-03-01");
  EXPECT_EQ(FindDayInText("Posted 2023-11-08T14:05:00Z"), "2023-11-08");
}

TEST(WrittenDateTest, NumericDatesDayFirstWithDotsMonthFirstWithSlashes) {
  EXPECT_EQ(FindDayInText("12.11.2025"), "2025-11-12");
  EXPECT_EQ(FindDayInText("3/4/2025"), "2025-03-04");
  EXPECT_EQ(FindDayInText("Posted on the 15/12/2025 at 19:00"), "2025-12-15");  // 15 is no month
  EXPECT_EQ(FindDayInText("12/31/2024"), "2024-12-31");
  EXPECT_EQ(FindDayInText("Essay - Published: 2025.12.17 | AI"), "2025-12-17");  // year first
  EXPECT_EQ(FindDayInText("2024/03/09"), "2024-03-09");
  EXPECT_EQ(FindDayInText("2024/13/09"), "");   // no 13th month
  EXPECT_EQ(FindDayInText("2024.03/09"), "");   // mixed separators
  EXPECT_EQ(FindDayInText("PyCharm 2021.1.3"), "");  // a version
  // Not dates: impossible days and months, spaced numbers, a year with a count.
  EXPECT_EQ(FindDayInText("13/13/2025"), "");
  EXPECT_EQ(FindDayInText("3 / 4 / 2025"), "");
  EXPECT_EQ(FindDayInText("February 30, 2024"), "");
  EXPECT_EQ(FindDayInText("in 2025, 12 of them"), "");
}

TEST(WrittenDateTest, AllDatesInReadingOrderWithOffsets) {
  const std::string text = "Published May 2, 2024 · Updated 9 July 2025 · 1.8.2025";
  EXPECT_EQ(Days(text), (std::vector<std::string>{"2024-05-02", "2025-07-09", "2025-08-01"}));
  const std::vector<WrittenDay> days = FindWrittenDays(text, 2);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(text.substr(days[0].offset, 3), "May");
  EXPECT_EQ(text.substr(days[1].offset, 6), "9 July");
}

TEST(WrittenDateTest, LabelsBeforeADate) {
  const std::string text = "Posted on the 2 May 2024, last updated on 9 July 2025";
  const std::vector<WrittenDay> days = FindWrittenDays(text, 2);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_TRUE(IsLabelledAsPublication(text, days[0].offset));
  EXPECT_FALSE(IsLabelledAsUpdate(text, days[0].offset));
  EXPECT_TRUE(IsLabelledAsUpdate(text, days[1].offset));
  EXPECT_FALSE(IsLabelledAsUpdate("By A. Writer, 2 May 2024", 14));
  EXPECT_TRUE(IsLabelledAsUpdate("Reviewed: 2 May 2024", 10));
}

}  // namespace
}  // namespace echoes
