#include "core/report_period.hpp"

#include <charconv>

#include "core/error.hpp"

namespace caseboard {

namespace {

using namespace std::chrono;

std::optional<int> number(std::string_view text) {
  int value = 0;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end || text.empty()) return std::nullopt;
  return value;
}

std::string two_digits(unsigned value) {
  return (value < 10 ? "0" : "") + std::to_string(value);
}

Timestamp start_of(sys_days day) {
  return Timestamp(duration_cast<seconds>(day.time_since_epoch()));
}

sys_days iso_week_one_monday(int iso_year) {
  const sys_days jan4 = year{iso_year} / January / 4;
  return jan4 - days{weekday{jan4}.iso_encoding() - 1};
}

// The ISO year and week of a day.
std::pair<int, int> iso_week_of(sys_days day) {
  int iso_year = int(year_month_day{day + days{3 - int(weekday{day}.iso_encoding() - 1)}}.year());
  const auto week = (day - iso_week_one_monday(iso_year)).count() / 7 + 1;
  return {iso_year, int(week)};
}

int weeks_in(int iso_year) {
  return iso_week_of(sys_days{year{iso_year} / December / 28}).second;
}

ReportPeriod month_period(year_month month) {
  const sys_days first = month / 1;
  const sys_days next = (month + months{1}) / 1;
  return {PeriodKind::Month, start_of(first), start_of(next),
          std::to_string(int(month.year())) + "-" + two_digits(unsigned(month.month()))};
}

ReportPeriod quarter_period(int the_year, int quarter) {
  const year_month first_month{year{the_year}, month{unsigned(quarter * 3 - 2)}};
  const sys_days first = first_month / 1;
  const sys_days next = (first_month + months{3}) / 1;
  return {PeriodKind::Quarter, start_of(first), start_of(next),
          std::to_string(the_year) + "-Q" + std::to_string(quarter)};
}

ReportPeriod week_period(int iso_year, int week) {
  const sys_days monday = iso_week_one_monday(iso_year) + days{7 * (week - 1)};
  return {PeriodKind::Week, start_of(monday), start_of(monday + days{7}),
          std::to_string(iso_year) + "-W" + two_digits(unsigned(week))};
}

ReportPeriod custom_period(sys_days first, sys_days last) {
  return {PeriodKind::Custom, start_of(first), start_of(last + days{1}),
          format_date(year_month_day{first}) + ".." + format_date(year_month_day{last})};
}

bool plausible_year(int value) {
  return value >= 1900 && value <= 9999;
}

}  // namespace

std::string_view period_kind_name(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::Week: return "week";
    case PeriodKind::Month: return "month";
    case PeriodKind::Quarter: return "quarter";
    case PeriodKind::Custom: return "custom";
  }
  return "custom";
}

double ReportPeriod::weeks() const {
  return double((to - from).count()) / double(7 * 24 * 3600);
}

Result<ReportPeriod> parse_report_period(std::string_view text, const std::string& field) {
  const auto invalid = [&] {
    return fail(ErrorCode::InvalidArgument,
                field +
                    " must be a month (2026-10), a quarter (2026-Q3), an ISO week (2026-W43) or days "
                    "(2026-10-01..2026-10-15)",
                field);
  };
  if (const auto dots = text.find(".."); dots != std::string_view::npos) {
    const auto first = parse_date(text.substr(0, dots));
    const auto last = parse_date(text.substr(dots + 2));
    if (!first || !last) return invalid();
    const sys_days a{*first};
    const sys_days b{*last};
    if (b < a) return fail(ErrorCode::InvalidArgument, field + " ends before it starts", field);
    if ((b - a).count() >= 366) return fail(ErrorCode::InvalidArgument, field + " may cover at most 366 days", field);
    return custom_period(a, b);
  }
  if (text.size() < 7 || text[4] != '-') return invalid();
  const auto the_year = number(text.substr(0, 4));
  if (!the_year || !plausible_year(*the_year)) return invalid();
  const auto rest = text.substr(5);
  if (rest.size() == 2 && rest[0] == 'Q') {
    const auto quarter = number(rest.substr(1));
    if (!quarter || *quarter < 1 || *quarter > 4) return invalid();
    return quarter_period(*the_year, *quarter);
  }
  if (rest.size() == 3 && rest[0] == 'W') {
    const auto week = number(rest.substr(1));
    if (!week || *week < 1 || *week > weeks_in(*the_year)) return invalid();
    return week_period(*the_year, *week);
  }
  if (rest.size() == 2) {
    const auto the_month = number(rest);
    if (!the_month || *the_month < 1 || *the_month > 12) return invalid();
    return month_period(year{*the_year} / month{unsigned(*the_month)});
  }
  return invalid();
}

ReportPeriod period_containing(PeriodKind kind, Timestamp time) {
  const auto day = floor<days>(time);
  const year_month_day date{day};
  switch (kind) {
    case PeriodKind::Week: {
      const auto [iso_year, week] = iso_week_of(day);
      return week_period(iso_year, week);
    }
    case PeriodKind::Quarter: return quarter_period(int(date.year()), int((unsigned(date.month()) - 1) / 3 + 1));
    case PeriodKind::Month:
    case PeriodKind::Custom: break;
  }
  return month_period(date.year() / date.month());
}

std::vector<ReportPeriod> trailing_periods(const ReportPeriod& last, int count) {
  std::vector<ReportPeriod> periods;
  if (count <= 0) return periods;
  periods.resize(std::size_t(count));
  ReportPeriod current = last;
  for (int i = count - 1; i >= 0; --i) {
    periods[std::size_t(i)] = current;
    const auto first_day = floor<days>(current.from);
    switch (current.kind) {
      case PeriodKind::Month:
      case PeriodKind::Quarter: current = period_containing(current.kind, start_of(first_day - days{1})); break;
      case PeriodKind::Week: current = period_containing(PeriodKind::Week, start_of(first_day - days{7})); break;
      case PeriodKind::Custom: {
        const auto length = floor<days>(current.to) - first_day;
        current = custom_period(first_day - length, first_day - days{1});
        break;
      }
    }
  }
  return periods;
}

}  // namespace caseboard
