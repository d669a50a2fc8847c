#include "core/calendar.hpp"

#include <gtest/gtest.h>

namespace caseboard {
namespace {

struct DateCase {
  const char* text;
  bool valid;
};

TEST(CalendarTest, ParsesOnlyRealCalendarDates) {
  const DateCase cases[] = {
      {"2024-02-29", true},   {"2023-02-29", false}, {"1900-02-29", false}, {"2000-02-29", true},
      {"2026-04-30", true},   {"2026-04-31", false}, {"2026-13-01", false}, {"2026-00-10", false},
      {"2026-01-00", false},  {"2026-1-01", false},  {"26-01-01", false},   {"2026/01/01", false},
      {"2026-01-01T", false}, {"", false},           {"abcd-ef-gh", false}, {"1950-03-14", true},
  };
  for (const auto& row : cases) {
    EXPECT_EQ(parse_date(row.text).has_value(), row.valid) << row.text;
  }
}

TEST(CalendarTest, FormatsDatesWithLeadingZeros) {
  EXPECT_EQ(format_date(*parse_date("0999-01-05")), "0999-01-05");
  EXPECT_EQ(format_date(*parse_date("2026-11-22")), "2026-11-22");
}

TEST(CalendarTest, TimestampsRoundTripInUtc) {
  const char* texts[] = {"2026-11-22T18:42:00Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z"};
  for (const auto* text : texts) {
    auto parsed = parse_timestamp(text);
    ASSERT_TRUE(parsed) << text;
    EXPECT_EQ(format_timestamp(*parsed), text);
  }
}

TEST(CalendarTest, RefusesTimestampsThatAreNotUtcOrNotReal) {
  const char* texts[] = {"2026-11-22T18:42:00",  "2026-11-22T24:00:00Z",      "2026-11-22T18:60:00Z",
                         "2026-11-22 18:42:00Z", "2026-11-22T18:42:00+01:00", "2026-02-30T00:00:00Z"};
  for (const auto* text : texts) EXPECT_FALSE(parse_timestamp(text)) << text;
}

TEST(CalendarTest, DateOfATimestampIsItsUtcDay) {
  EXPECT_EQ(format_date(date_of(*parse_timestamp("2026-11-22T23:59:59Z"))), "2026-11-22");
}

}  // namespace
}  // namespace caseboard
