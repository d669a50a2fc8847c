// Strict reading of a JSON request object: each field of the expected type or an error naming it,
// unknown fields refused. The first error wins and later reads are no-ops, so a parser is a flat
// list of reads followed by one check of error().
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.hpp"

namespace caseboard::api {

class JsonReader {
 public:
  // `path` prefixes field names in errors ("identifiers[0]." + "type").
  explicit JsonReader(const nlohmann::json& object, std::string path = {});

  bool has(std::string_view name) const;
  // Present and null.
  bool is_null(std::string_view name) const;
  // Absent: nullopt. null: "". A string: its value. Anything else: an error.
  std::optional<std::string> optional_string(std::string_view name);
  std::optional<bool> optional_bool(std::string_view name);
  // A JSON integer (1.5 or "3" are errors).
  std::optional<std::int64_t> optional_integer(std::string_view name);
  // Any JSON number.
  std::optional<double> optional_number(std::string_view name);
  // A required string: absent or null is an error.
  std::string required_string(std::string_view name);
  // A required boolean: absent or null is an error (false is returned then).
  bool required_bool(std::string_view name);
  // The member if it is an array (absent: nullptr; another type: an error).
  const nlohmann::json* optional_array(std::string_view name);
  // An array of strings (absent: nullopt); an element of another type is an error naming it.
  std::optional<std::vector<std::string>> optional_strings(std::string_view name);
  const nlohmann::json* optional_object(std::string_view name);
  // Refuses members not named in `allowed`.
  void allow_only(std::span<const std::string_view> allowed);
  void allow_only(std::initializer_list<std::string_view> allowed) {
    allow_only(std::span<const std::string_view>(allowed.begin(), allowed.size()));
  }

  std::string path_of(std::string_view name) const { return path_ + std::string(name); }
  void fail_with(Error error);
  const std::optional<Error>& error() const { return error_; }
  [[nodiscard]] Result<void> result() const;

 private:
  const nlohmann::json* member(std::string_view name) const;
  void type_error(std::string_view name, std::string_view expected);

  const nlohmann::json& object_;
  std::string path_;
  std::optional<Error> error_;
};

// Parses a request body: JSON, an object, at most 1 MiB.
[[nodiscard]] Result<nlohmann::json> parse_json_object(std::string_view body, std::string_view content_type);

inline constexpr std::size_t kMaximumBodySize = 1024 * 1024;

}  // namespace caseboard::api
