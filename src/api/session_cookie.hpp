// How a session token arrives: as "Authorization: Bearer" (API clients) or in the __Host- session
// cookie (browsers). Cookie sessions must also send X-Requested-With on every request that can
// change something: a cross-site page cannot add that header without the server's consent, so it
// cannot forge such a request (CSRF), on top of the cookie's SameSite=Strict.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api/http_types.hpp"

namespace caseboard::api {

inline constexpr std::string_view kSessionCookieName = "__Host-caseboard_session";
inline constexpr std::string_view kCsrfHeaderValue = "caseboard";

struct PresentedToken {
  std::string token;
  bool from_cookie = false;
};

// The bearer token when there is one, else the session cookie's; nullopt when neither.
std::optional<PresentedToken> presented_token(const HttpRequest& request);

// Set-Cookie values: the session (HttpOnly, Secure, SameSite=Strict, Path=/, no Domain: what
// the __Host- prefix demands) and its removal at sign-out.
std::string session_cookie(std::string_view token);
std::string expired_session_cookie();

}  // namespace caseboard::api
