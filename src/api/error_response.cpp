// The one mapping from error codes to HTTP statuses and the error body.
#include "api/http_types.hpp"

#include <spdlog/spdlog.h>

namespace caseboard::api {

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::MalformedRequest: return 400;
    case ErrorCode::InvalidArgument: return 422;
    case ErrorCode::Unauthenticated: return 401;
    case ErrorCode::PermissionDenied: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::AlreadyExists:
    case ErrorCode::PossibleDuplicate:
    case ErrorCode::FailedPrecondition: return 409;
    case ErrorCode::Aborted: return 412;
    case ErrorCode::PreconditionRequired: return 428;
    case ErrorCode::ResourceExhausted: return 413;
    case ErrorCode::UnsupportedMediaType: return 415;
    case ErrorCode::Unavailable: return 503;
    case ErrorCode::Internal: return 500;
  }
  return 500;
}

HttpResponse json_response(int status, const nlohmann::json& body) {
  HttpResponse response;
  response.status = status;
  // Invalid UTF-8 cannot reach here (input is validated), but replace rather than throw.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

HttpResponse no_content() {
  HttpResponse response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

HttpResponse error_response(const Error& error, const nlohmann::json& extra) {
  const int status = http_status(error.code);
  std::string message = error.public_message;
  if (status >= 500) {
    spdlog::error("request {}: {}", current_request_id, error.internal_message);
    message += " (request " + current_request_id + ")";
  }
  nlohmann::json body = {{"code", error_code_name(error.code)},
                         {"message", message},
                         {"field", error.field.empty() ? nlohmann::json(nullptr) : nlohmann::json(error.field)}};
  if (!error.existing_id.empty()) body["existing_id"] = error.existing_id;
  if (!error.open_items.empty()) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : error.open_items)
      items.push_back({{"kind", item.kind}, {"id", item.id}, {"title", item.title}});
    body["open_items"] = items;
  }
  for (const auto& [key, value] : extra.items()) body[key] = value;
  return json_response(status, {{"error", body}});
}

std::string entity_tag(std::int64_t version) {
  return "\"" + std::to_string(version) + "\"";
}

HttpResponse with_entity_tag(HttpResponse response, std::int64_t version) {
  response.headers.emplace_back("ETag", entity_tag(version));
  return response;
}

}  // namespace caseboard::api
