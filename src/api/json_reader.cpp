#include "api/json_reader.hpp"

#include "core/text.hpp"

namespace caseboard::api {

JsonReader::JsonReader(const nlohmann::json& object, std::string path) : object_(object), path_(std::move(path)) {}

const nlohmann::json* JsonReader::member(std::string_view name) const {
  auto found = object_.find(std::string(name));
  return found == object_.end() ? nullptr : &*found;
}

bool JsonReader::has(std::string_view name) const {
  return member(name) != nullptr;
}

void JsonReader::fail_with(Error error) {
  if (!error_) error_ = std::move(error);
}

void JsonReader::type_error(std::string_view name, std::string_view expected) {
  fail_with(
      make_error(ErrorCode::MalformedRequest, path_of(name) + " must be " + std::string(expected), path_of(name)));
}

std::optional<std::string> JsonReader::optional_string(std::string_view name) {
  const auto* value = member(name);
  if (error_ || !value) return std::nullopt;
  if (value->is_null()) return std::string();
  if (!value->is_string()) {
    type_error(name, "a string");
    return std::nullopt;
  }
  auto text = value->get<std::string>();
  if (text.find('\0') != std::string::npos) {
    // A NUL would be cut off by C string interfaces further down; refuse it here, once.
    fail_with(
        make_error(ErrorCode::InvalidArgument, path_of(name) + " must not contain NUL characters", path_of(name)));
    return std::nullopt;
  }
  return text;
}

std::optional<bool> JsonReader::optional_bool(std::string_view name) {
  const auto* value = member(name);
  if (error_ || !value) return std::nullopt;
  if (!value->is_boolean()) {
    type_error(name, "true or false");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::int64_t> JsonReader::optional_integer(std::string_view name) {
  const auto* value = member(name);
  if (error_ || !value) return std::nullopt;
  if (!value->is_number_integer()) {
    type_error(name, "a whole number");
    return std::nullopt;
  }
  if (value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    type_error(name, "a whole number");
    return std::nullopt;
  }
  return value->get<std::int64_t>();
}

bool JsonReader::is_null(std::string_view name) const {
  const auto* value = member(name);
  return value && value->is_null();
}

std::optional<double> JsonReader::optional_number(std::string_view name) {
  const auto* value = member(name);
  if (error_ || !value) return std::nullopt;
  if (!value->is_number()) {
    type_error(name, "a number");
    return std::nullopt;
  }
  return value->get<double>();
}

std::string JsonReader::required_string(std::string_view name) {
  const auto* value = member(name);
  if (error_) return {};
  if (!value || value->is_null()) {
    fail_with(make_error(ErrorCode::MalformedRequest, path_of(name) + " is required", path_of(name)));
    return {};
  }
  auto text = optional_string(name);
  return text.value_or(std::string());
}

bool JsonReader::required_bool(std::string_view name) {
  const auto* value = member(name);
  if (error_) return false;
  if (!value || value->is_null()) {
    fail_with(make_error(ErrorCode::MalformedRequest, path_of(name) + " is required", path_of(name)));
    return false;
  }
  return optional_bool(name).value_or(false);
}

const nlohmann::json* JsonReader::optional_array(std::string_view name) {
  const auto* value = member(name);
  if (error_ || !value || value->is_null()) return nullptr;
  if (!value->is_array()) {
    type_error(name, "an array");
    return nullptr;
  }
  return value;
}

std::optional<std::vector<std::string>> JsonReader::optional_strings(std::string_view name) {
  const auto* list = optional_array(name);
  if (!list) return std::nullopt;
  std::vector<std::string> items;
  for (std::size_t i = 0; i < list->size(); ++i) {
    if (!(*list)[i].is_string()) {
      const auto path = path_of(name) + "[" + std::to_string(i) + "]";
      fail_with(make_error(ErrorCode::MalformedRequest, path + " must be a string", path));
      return std::nullopt;
    }
    items.push_back((*list)[i].get<std::string>());
  }
  return items;
}

const nlohmann::json* JsonReader::optional_object(std::string_view name) {
  const auto* value = member(name);
  if (error_ || !value || value->is_null()) return nullptr;
  if (!value->is_object()) {
    type_error(name, "an object");
    return nullptr;
  }
  return value;
}

void JsonReader::allow_only(std::span<const std::string_view> allowed) {
  if (error_) return;
  for (const auto& [key, value] : object_.items()) {
    bool known = false;
    for (auto name : allowed) known = known || name == key;
    if (!known) {
      fail_with(make_error(ErrorCode::MalformedRequest, path_of(key) + " is not a known field", path_of(key)));
      return;
    }
  }
}

Result<void> JsonReader::result() const {
  if (error_) return fail(*error_);
  return {};
}

Result<nlohmann::json> parse_json_object(std::string_view body, std::string_view content_type) {
  if (body.size() > kMaximumBodySize) {
    return fail(ErrorCode::ResourceExhausted, "the request body is larger than 1 MiB");
  }
  if (!content_type.starts_with("application/json")) {
    return fail(ErrorCode::UnsupportedMediaType, "send the body as application/json");
  }
  if (!is_valid_utf8(body)) return fail(ErrorCode::MalformedRequest, "the request body is not valid UTF-8");
  auto parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return fail(ErrorCode::MalformedRequest, "the request body is not valid JSON");
  if (!parsed.is_object()) return fail(ErrorCode::MalformedRequest, "the request body must be a JSON object");
  return parsed;
}

}  // namespace caseboard::api
