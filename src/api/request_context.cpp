// Dispatch of one request: authentication, the handler, and the last-resort error boundary.
#include <charconv>

#include <spdlog/spdlog.h>

#include "api/json_reader.hpp"
#include "api/route.hpp"
#include "api/session_cookie.hpp"
#include "core/text.hpp"
#include "security/session_token.hpp"

namespace caseboard::api {

thread_local std::string current_request_id;

namespace {

std::string_view method_name(Method method) {
  switch (method) {
    case Method::Get: return "GET";
    case Method::Post: return "POST";
    case Method::Put: return "PUT";
    case Method::Patch: return "PATCH";
    case Method::Delete: return "DELETE";
  }
  return "GET";
}

Result<Actor> authenticate(const HttpRequest& request, Services& services, Timestamp now) {
  auto presented = presented_token(request);
  if (!presented) {
    return fail(ErrorCode::Unauthenticated, "sign in first: send Authorization: Bearer <token> or the session cookie");
  }
  CB_TRY_ASSIGN(user, services.store.use_session(security::hash_session_token(presented->token), now,
                                                 services.sessions.idle_limit));
  if (!user) return fail(ErrorCode::Unauthenticated, "your session has ended; sign in again");
  if (presented->from_cookie && request.method != Method::Get && request.requested_with != kCsrfHeaderValue) {
    return fail(ErrorCode::PermissionDenied, "requests with the session cookie must send X-Requested-With: caseboard",
                "X-Requested-With");
  }
  return Actor{user->id, user->organization_id, user->fields.role, request.remote_address, request.request_id};
}

// Every refused access decision is audited. When even that cannot be written the refusal still
// stands; the failure is logged.
void record_refusal(const Route& route, RequestContext& context) {
  const auto& id = context.parameter("id");
  const bool client_route = route.pattern.starts_with("/api/v1/clients/:id");
  const std::string detail = std::string(method_name(route.method)) + " " + route.pattern;
  auto recorded =
      context.services.store.record_event(context.actor,
                                          {"access.refused", route.pattern, id,
                                           client_route ? std::string_view(id) : std::string_view(), "refused", detail},
                                          context.now);
  if (!recorded)
    spdlog::error("request {}: refusal not audited: {}", context.request.request_id, recorded.error().internal_message);
}

}  // namespace

const std::string& RequestContext::parameter(const std::string& name) const {
  static const std::string kEmpty;
  auto found = request.path_parameters.find(name);
  return found == request.path_parameters.end() ? kEmpty : found->second;
}

HttpResponse dispatch(const Route& route, const HttpRequest& request, Services& services) {
  try {
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    current_request_id = request.request_id;
    for (const auto& [name, value] : request.path_parameters) {
      // An id is plain text; anything else cannot name a record.
      if (!is_valid_utf8(value) || has_control_characters(value, LineBreaks::Refused)) {
        return error_response(make_error(ErrorCode::NotFound, "not found"));
      }
    }
    RequestContext context{request, services, Actor{}, now};
    context.actor.source_address = request.remote_address;
    context.actor.request_id = request.request_id;
    if (route.access == RouteAccess::SignedIn) {
      auto actor = authenticate(request, services, now);
      if (!actor) {
        record_refusal(route, context);
        return error_response(actor.error());
      }
      context.actor = std::move(*actor);
      if (route.permission) {
        if (auto allowed = authorize(context.actor, *route.permission); !allowed) {
          record_refusal(route, context);
          return error_response(allowed.error());
        }
      }
    }
    auto response = route.handler(context);  // error_response has logged any 5xx with its details
    if (response.status == 403) record_refusal(route, context);
    return response;
  } catch (const std::exception& exception) {
    spdlog::error("request {} {} failed: {}", request.request_id, request.path, exception.what());
  } catch (...) {
    spdlog::error("request {} {} failed with an unknown exception", request.request_id, request.path);
  }
  return error_response(internal_error("exception (logged above)"));
}

Result<std::int64_t> required_version(const HttpRequest& request) {
  std::string_view tag = request.if_match;
  if (tag.empty()) {
    return fail(ErrorCode::PreconditionRequired, "send If-Match with the version you read (its ETag)", "If-Match");
  }
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') tag = tag.substr(1, tag.size() - 2);
  std::int64_t version = 0;
  auto [end, status] = std::from_chars(tag.data(), tag.data() + tag.size(), version);
  if (status != std::errc() || end != tag.data() + tag.size() || version < 1) {
    return fail(ErrorCode::MalformedRequest, "If-Match must be the ETag of the record, such as \"3\"", "If-Match");
  }
  return version;
}

Result<nlohmann::json> read_body(const HttpRequest& request) {
  return parse_json_object(request.body, request.content_type);
}

Result<std::map<std::string, std::string>> read_query(const HttpRequest& request,
                                                      std::initializer_list<std::string_view> allowed) {
  std::map<std::string, std::string> values;
  for (const auto& [name, value] : request.query) {
    bool known = false;
    for (auto candidate : allowed) known = known || candidate == name;
    if (!known) return fail(ErrorCode::MalformedRequest, name + " is not a known query parameter", name);
    if (!is_valid_utf8(value) || has_control_characters(value, LineBreaks::Refused)) {
      return fail(ErrorCode::MalformedRequest, name + " must be UTF-8 text without control characters", name);
    }
    values[name] = value;
  }
  return values;
}

Result<RestrictionChange> read_restriction_change(const HttpRequest& request) {
  CB_TRY_ASSIGN(version, required_version(request));
  CB_TRY_ASSIGN(body, read_body(request));
  JsonReader reader(body);
  reader.allow_only({"restricted"});
  const bool restricted = reader.required_bool("restricted");
  CB_TRY(reader.result());
  return RestrictionChange{version, restricted};
}

Result<int> read_limit(const std::map<std::string, std::string>& query) {
  auto found = query.find("limit");
  if (found == query.end()) return 25;
  int limit = 0;
  const auto& text = found->second;
  auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), limit);
  if (status != std::errc() || end != text.data() + text.size() || limit < 1 || limit > store::kMaximumPageSize) {
    return fail(ErrorCode::InvalidArgument, "limit must be a whole number from 1 to 100", "limit");
  }
  return limit;
}

}  // namespace caseboard::api
