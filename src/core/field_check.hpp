// Checks every record's fields share: free text within bounds, a value from a fixed list, and a
// time that is not in the future. Each error names the field at fault.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/calendar.hpp"
#include "core/result.hpp"
#include "core/text.hpp"

namespace caseboard {

// Trims `value` in place; InvalidArgument unless it is valid UTF-8 of `minimum`..`maximum`
// characters without control characters (line breaks only where allowed).
[[nodiscard]] Result<void> check_text(std::string& value, std::string_view field, std::size_t minimum,
                                      std::size_t maximum, LineBreaks line_breaks);

// InvalidArgument listing the allowed values unless `value` is one of them.
[[nodiscard]] Result<void> check_choice(std::string_view value, std::span<const std::string_view> allowed,
                                        std::string_view field);

// The time in `text` ("YYYY-MM-DDTHH:MM:SSZ"), or InvalidArgument naming `field`.
[[nodiscard]] Result<Timestamp> check_time(std::string_view text, std::string_view field);

// A sum of money in dollars as cents: InvalidArgument naming `field` unless it is a finite number
// from 0 to 10,000,000 with at most two decimals.
[[nodiscard]] Result<std::int64_t> check_dollars(double dollars, std::string_view field);

// A time the user says something happened: InvalidArgument when it is later than `now` (a
// five-minute allowance covers clocks that differ a little).
[[nodiscard]] Result<void> check_not_future(Timestamp time, Timestamp now, std::string_view field);

}  // namespace caseboard
