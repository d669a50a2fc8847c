// Dates and UTC timestamps as they travel: "YYYY-MM-DD" and "YYYY-MM-DDTHH:MM:SSZ". Pure
// conversions; the current time is always passed in by the caller.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace caseboard {

using Timestamp = std::chrono::sys_seconds;

// Parses a real calendar date ("2024-02-29" yes, "2023-02-29" no); nullopt when malformed.
std::optional<std::chrono::year_month_day> parse_date(std::string_view text);
std::string format_date(std::chrono::year_month_day date);

// Parses "YYYY-MM-DDTHH:MM:SSZ" (UTC only); nullopt when malformed.
std::optional<Timestamp> parse_timestamp(std::string_view text);
std::string format_timestamp(Timestamp time);

std::chrono::year_month_day date_of(Timestamp time);

}  // namespace caseboard
