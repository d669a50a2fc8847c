// What record handlers share: reading a request body or a PATCH, and answering with a record
// that carries a version (its ETag) or a list of records.
#pragma once

#include <optional>
#include <string_view>

#include "api/json_mapping.hpp"
#include "api/json_reader.hpp"
#include "api/route.hpp"
#include "core/field_check.hpp"

namespace caseboard::api {

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
// The optional `cost` of a service (dollars in the request) as cents: InvalidArgument naming
// "cost" for a negative amount or one with fractions of a cent.
inline Result<std::optional<std::int64_t>> read_cost(std::optional<double> dollars) {
  if (!dollars) return std::optional<std::int64_t>{};
  CB_TRY_ASSIGN(cents, check_dollars(*dollars, "cost"));
  return std::optional<std::int64_t>{cents};
}

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

// A PATCH of a record's fields: the If-Match version and the change to hand the store. The body
// may hold only `allowed` members, read by `apply(reader, fields)`; its shape is checked before the
// store is called, and the change applies it to the stored fields and checks them with `validate`.
template <class Fields>
struct Patch {
  std::int64_t version = 0;
  store::Change<Fields> change;
};

template <class Fields, class Apply, class Validate>
Result<Patch<Fields>> read_patch(const HttpRequest& request, std::span<const std::string_view> allowed, Apply apply,
                                 Validate validate) {
  CB_TRY_ASSIGN(version, required_version(request));
  CB_TRY_ASSIGN(body, read_body(request));
  {
    JsonReader reader(body);
    reader.allow_only(allowed);
    Fields scratch;
    apply(reader, scratch);
    CB_TRY(reader.result());
  }
  store::Change<Fields> change = [body = std::move(body), apply, validate](Fields fields) -> Result<Fields> {
    JsonReader reader(body);
    apply(reader, fields);
    return validate(std::move(fields));
  };
  return Patch<Fields>{version, std::move(change)};
}

}  // namespace caseboard::api
