// Report periods: each form parses to the right half-open UTC range, bad forms are refused naming
// the field, and trailing periods step back by whole periods.
#include "core/report_period.hpp"

#include <gtest/gtest.h>

namespace caseboard {
namespace {

Timestamp at(const char* text) {
  return *parse_timestamp(text);
}

TEST(ReportPeriod, MonthCoversTheWholeMonth) {
  auto period = parse_report_period("2026-02", "period");
  ASSERT_TRUE(period);
  EXPECT_EQ(period->kind, PeriodKind::Month);
  EXPECT_EQ(period->from, at("2026-02-01T00:00:00Z"));
  EXPECT_EQ(period->to, at("2026-03-01T00:00:00Z"));
  EXPECT_EQ(period->label, "2026-02");
  EXPECT_DOUBLE_EQ(period->weeks(), 4.0);
}

TEST(ReportPeriod, QuarterAndDecemberRollIntoTheNextYear) {
  auto quarter = parse_report_period("2026-Q4", "period");
  ASSERT_TRUE(quarter);
  EXPECT_EQ(quarter->from, at("2026-10-01T00:00:00Z"));
  EXPECT_EQ(quarter->to, at("2027-01-01T00:00:00Z"));
  auto december = parse_report_period("2026-12", "period");
  ASSERT_TRUE(december);
  EXPECT_EQ(december->to, at("2027-01-01T00:00:00Z"));
}

TEST(ReportPeriod, IsoWeeksStartOnMonday) {
  // 2026-01-01 is a Thursday, so ISO week 1 of 2026 starts on Monday 2025-12-29.
  auto first = parse_report_period("2026-W01", "period");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->from, at("2025-12-29T00:00:00Z"));
  EXPECT_EQ(first->to, at("2026-01-05T00:00:00Z"));
  // 2026 has 53 ISO weeks (it starts on a Thursday); 2027 has 52.
  EXPECT_TRUE(parse_report_period("2026-W53", "period"));
  EXPECT_FALSE(parse_report_period("2027-W53", "period"));
  EXPECT_EQ(period_containing(PeriodKind::Week, at("2026-11-22T12:00:00Z")).label, "2026-W47");
}

TEST(ReportPeriod, CustomDaysIncludeBothEnds) {
  auto custom = parse_report_period("2026-10-01..2026-10-15", "period");
  ASSERT_TRUE(custom);
  EXPECT_EQ(custom->kind, PeriodKind::Custom);
  EXPECT_EQ(custom->from, at("2026-10-01T00:00:00Z"));
  EXPECT_EQ(custom->to, at("2026-10-16T00:00:00Z"));
}

TEST(ReportPeriod, BadFormsAreRefusedNamingTheField) {
  for (const char* text : {"", "2026", "2026-13", "2026-00", "2026-Q5", "2026-W00", "26-10", "2026-10-01..2026-09-30",
                           "2025-01-01..2026-12-31", "2026-10-01..", "october"}) {
    auto period = parse_report_period(text, "period");
    ASSERT_FALSE(period) << text;
    EXPECT_EQ(period.error().code, ErrorCode::InvalidArgument) << text;
    EXPECT_EQ(period.error().field, "period") << text;
  }
}

TEST(ReportPeriod, TrailingPeriodsStepBackWholePeriods) {
  auto last = parse_report_period("2026-02", "period");
  ASSERT_TRUE(last);
  const auto months = trailing_periods(*last, 3);
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].label, "2025-12");
  EXPECT_EQ(months[1].label, "2026-01");
  EXPECT_EQ(months[2].label, "2026-02");
  auto quarter = parse_report_period("2026-Q1", "period");
  EXPECT_EQ(trailing_periods(*quarter, 2)[0].label, "2025-Q4");
  auto custom = parse_report_period("2026-10-11..2026-10-20", "period");
  EXPECT_EQ(trailing_periods(*custom, 2)[0].label, "2026-10-01..2026-10-10");
}

}  // namespace
}  // namespace caseboard
