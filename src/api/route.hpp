// A route of the API: method, path pattern (":id" parameters), who may call it, and its handler.
// The whole route table is in routes.cpp.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "api/http_types.hpp"
#include "api/sign_in_throttle.hpp"
#include "core/access.hpp"
#include "core/actor.hpp"
#include "core/calendar.hpp"
#include "core/result.hpp"
#include "instruments/instrument_catalog.hpp"
#include "store/store.hpp"

namespace caseboard::api {

struct SessionPolicy {
  std::chrono::seconds idle_limit{15 * 60};
  std::chrono::seconds lifetime{12 * 60 * 60};
};

// What handlers need from the server: the store, the session rules and the sign-in throttle.
struct Services {
  store::Store& store;
  SessionPolicy sessions;
  SignInThrottle& sign_in_throttle;
  std::chrono::minutes break_glass_duration;  // how long a break-the-glass grant lasts
  const instruments::InstrumentCatalog& instruments;
};

struct RequestContext {
  const HttpRequest& request;
  Services& services;
  Actor actor;    // empty user_id on public routes
  Timestamp now;  // read once per request

  // Path parameter by name ("" when absent).
  const std::string& parameter(const std::string& name) const;
};

enum class RouteAccess { Public, SignedIn };

using Handler = std::function<HttpResponse(RequestContext&)>;

// Every route names who may call it: public, or signed in with an optional permission that the
// dispatcher checks before the handler runs (the one place role rules are applied to routes).
struct Route {
  Method method;
  std::string pattern;
  RouteAccess access;
  std::optional<Permission> permission;
  Handler handler;
};

std::vector<Route> api_routes();

// Authenticates (for SignedIn routes), runs the handler, and turns a thrown exception into a 500
// that names the request id (details go to the log only).
HttpResponse dispatch(const Route& route, const HttpRequest& request, Services& services);

// Helpers the handlers share.
[[nodiscard]] Result<std::int64_t> required_version(const HttpRequest& request);
[[nodiscard]] Result<nlohmann::json> read_body(const HttpRequest& request);
// Query parameters; refuses names not in `allowed` (400 naming it).
[[nodiscard]] Result<std::map<std::string, std::string>> read_query(const HttpRequest& request,
                                                                    std::initializer_list<std::string_view> allowed);
[[nodiscard]] Result<int> read_limit(const std::map<std::string, std::string>& query);

// A restriction change (client or case): the If-Match version and {"restricted": true|false}.
struct RestrictionChange {
  std::int64_t version = 0;
  bool restricted = false;
};
[[nodiscard]] Result<RestrictionChange> read_restriction_change(const HttpRequest& request);

// Turns a Result into a response: the value mapped by `ok`, or the error body.
template <class T, class Ok>
HttpResponse respond(Result<T> result, Ok&& ok) {
  if (!result) return error_response(result.error());
  return ok(*result);
}

}  // namespace caseboard::api
