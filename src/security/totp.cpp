#include "security/totp.hpp"

#include <liboath/oath.h>
#include <sodium.h>

#include <cstdlib>
#include <memory>

namespace caseboard::security {
namespace {

constexpr unsigned kStepSeconds = OATH_TOTP_DEFAULT_TIME_STEP_SIZE;

// liboath keeps no state worth sharing; initialise it once per process.
void ensure_oath() {
  static const int initialised = oath_init();
  (void)initialised;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string new_totp_secret() {
  std::string secret(20, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string totp_base32(std::string_view secret) {
  ensure_oath();
  char* encoded = nullptr;
  std::size_t length = 0;
  if (oath_base32_encode(secret.data(), secret.size(), &encoded, &length) != OATH_OK) return {};
  std::unique_ptr<char, decltype(&std::free)> owned(encoded, &std::free);
  std::string text(encoded, length);
  while (!text.empty() && text.back() == '=') text.pop_back();
  return text;
}

std::string totp_uri(std::string_view secret, std::string_view account) {
  return "otpauth://totp/Caseboard:" + percent_encode(account) + "?secret=" + totp_base32(secret) +
         "&issuer=Caseboard&algorithm=SHA1&digits=6&period=30";
}

std::optional<std::int64_t> verify_totp(std::string_view secret, std::string_view code, Timestamp now) {
  if (code.size() != 6) return std::nullopt;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  ensure_oath();
  const std::string otp(code);
  const auto seconds = now.time_since_epoch().count();
  int position = 0;
  const int result = oath_totp_validate2(secret.data(), secret.size(), static_cast<time_t>(seconds), kStepSeconds, 0, 1,
                                         &position, otp.c_str());
  if (result < 0) return std::nullopt;
  return seconds / kStepSeconds + position;
}

}  // namespace caseboard::security
