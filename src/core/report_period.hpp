// The period a report covers: a week (ISO, Monday to Sunday), a month, a quarter or a custom run of
// days, always as a half-open UTC range [from, to). Pure parsing and arithmetic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/result.hpp"

namespace caseboard {

enum class PeriodKind { Week, Month, Quarter, Custom };

std::string_view period_kind_name(PeriodKind kind);

struct ReportPeriod {
  PeriodKind kind = PeriodKind::Month;
  Timestamp from;        // first instant inside
  Timestamp to;          // first instant after
  std::string label;     // as written back: "2026-10", "2026-Q3", "2026-W43", "2026-10-01..2026-10-15"
  double weeks() const;  // length in weeks (a month is about 4.4)
};

// Accepts "2026-10" (month), "2026-Q3" (quarter), "2026-W43" (ISO week) and
// "2026-10-01..2026-10-15" (custom, both days included, at most 366 days). InvalidArgument naming
// `field` otherwise.
[[nodiscard]] Result<ReportPeriod> parse_report_period(std::string_view text, const std::string& field);

// The period of the given kind that contains `time` ("this month"). Custom is not allowed here.
ReportPeriod period_containing(PeriodKind kind, Timestamp time);

// The `count` periods of the same kind ending with `last` (oldest first); custom periods step back
// by their own length.
std::vector<ReportPeriod> trailing_periods(const ReportPeriod& last, int count);

}  // namespace caseboard
