#include "api/session_cookie.hpp"

#include "core/text.hpp"

namespace caseboard::api {

std::optional<PresentedToken> presented_token(const HttpRequest& request) {
  constexpr std::string_view kBearer = "Bearer ";
  std::string_view header = request.authorization;
  if (header.starts_with(kBearer) && header.size() > kBearer.size()) {
    return PresentedToken{std::string(header.substr(kBearer.size())), false};
  }
  std::string_view cookies = request.cookie;
  while (!cookies.empty()) {
    auto end = cookies.find(';');
    auto pair = trim(cookies.substr(0, end));
    cookies = end == std::string_view::npos ? std::string_view() : cookies.substr(end + 1);
    auto equals = pair.find('=');
    if (equals != std::string::npos && std::string_view(pair).substr(0, equals) == kSessionCookieName &&
        equals + 1 < pair.size()) {
      return PresentedToken{pair.substr(equals + 1), true};
    }
  }
  return std::nullopt;
}

std::string session_cookie(std::string_view token) {
  return std::string(kSessionCookieName) + "=" + std::string(token) + "; Path=/; Secure; HttpOnly; SameSite=Strict";
}

std::string expired_session_cookie() {
  return std::string(kSessionCookieName) + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0";
}

}  // namespace caseboard::api
