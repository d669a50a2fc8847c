// Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits) with liboath,
// the second factor of administrators and of break-the-glass.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.hpp"

namespace caseboard::security {

// 20 random bytes, the size RFC 4226 recommends.
std::string new_totp_secret();
// The secret as authenticator apps take it (RFC 4648 base32, no padding).
std::string totp_base32(std::string_view secret);
// otpauth://totp/Caseboard:<account>?secret=...&issuer=Caseboard (for a QR code or manual entry).
std::string totp_uri(std::string_view secret, std::string_view account);
// The 30-second step the code belongs to when it is right for `now` give or take one step (clock
// drift); nullopt otherwise. Callers refuse a step at or before the last one used (replay).
std::optional<std::int64_t> verify_totp(std::string_view secret, std::string_view code, Timestamp now);

}  // namespace caseboard::security
