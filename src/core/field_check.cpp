#include "core/field_check.hpp"

#include <algorithm>
#include <cmath>

namespace caseboard {

Result<void> check_text(std::string& value, std::string_view field, std::size_t minimum, std::size_t maximum,
                        LineBreaks line_breaks) {
  value = trim(value);
  const auto length = utf8_length(value);
  if (!is_valid_utf8(value) || has_control_characters(value, line_breaks) || length < minimum || length > maximum) {
    std::string message = std::string(field) +
                          (minimum > 0 ? " must be " + std::to_string(minimum) + " to " : " must be at most ") +
                          std::to_string(maximum) + " characters";
    if (line_breaks == LineBreaks::Refused) message += " on one line";
    return fail(ErrorCode::InvalidArgument, std::move(message), std::string(field));
  }
  return {};
}

Result<void> check_choice(std::string_view value, std::span<const std::string_view> allowed, std::string_view field) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return {};
  std::string list;
  for (const auto& candidate : allowed) {
    if (!list.empty()) list += ", ";
    list += candidate;
  }
  return fail(ErrorCode::InvalidArgument, std::string(field) + " must be one of " + list, std::string(field));
}

Result<Timestamp> check_time(std::string_view text, std::string_view field) {
  auto time = parse_timestamp(text);
  if (!time) {
    return fail(ErrorCode::InvalidArgument, std::string(field) + " must be a UTC time YYYY-MM-DDTHH:MM:SSZ",
                std::string(field));
  }
  return *time;
}

Result<void> check_not_future(Timestamp time, Timestamp now, std::string_view field) {
  if (time > now + std::chrono::minutes(5)) {
    return fail(ErrorCode::InvalidArgument, std::string(field) + " cannot be in the future", std::string(field));
  }
  return {};
}

Result<std::int64_t> check_dollars(double dollars, std::string_view field) {
  const std::string name(field);
  if (!std::isfinite(dollars) || dollars < 0 || dollars > 10'000'000) {
    return fail(ErrorCode::InvalidArgument, name + " must be an amount in dollars from 0 to 10,000,000", name);
  }
  const double cents = dollars * 100;
  const double rounded = std::round(cents);
  if (std::fabs(cents - rounded) > 1e-6) {
    return fail(ErrorCode::InvalidArgument, name + " may have at most two decimals (cents)", name);
  }
  return static_cast<std::int64_t>(rounded);
}

}  // namespace caseboard
