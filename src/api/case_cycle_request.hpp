// What the handlers of the case cycle share when reading a request: a time field, and the answer
// of a record that carries a version (its ETag).
#pragma once

#include <optional>
#include <string_view>

#include "api/json_mapping.hpp"
#include "api/json_reader.hpp"
#include "api/route.hpp"
#include "core/calendar.hpp"

namespace caseboard::api {

// The time in `text` (a UTC timestamp), or InvalidArgument naming `field`.
[[nodiscard]] Result<Timestamp> parse_time_field(std::string_view text, std::string_view field);

// The record as JSON with its ETag.
template <class Record>
HttpResponse versioned_response(int status, const Record& record) {
  return with_entity_tag(json_response(status, to_json(record)), record.version);
}

// {"items": [...]} of the records.
template <class Record>
HttpResponse items_response(const std::vector<Record>& records) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& record : records) items.push_back(to_json(record));
  return json_response(200, {{"items", items}});
}

// Parses the body as an object with only `allowed` members and hands the reader to `read`, which
// returns the request's value; any error of the body or of `read` is returned.
template <class Read>
auto read_request(const HttpRequest& request, std::span<const std::string_view> allowed, Read&& read)
    -> Result<std::invoke_result_t<Read, JsonReader&>> {
  CB_TRY_ASSIGN(body, read_body(request));
  JsonReader reader(body);
  reader.allow_only(allowed);
  auto value = read(reader);
  CB_TRY(reader.result());
  return value;
}

}  // namespace caseboard::api
