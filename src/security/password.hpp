// Password hashing with argon2id (libsodium). Parameters are documented in docs/security.md.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caseboard::security {

// 19 MiB of memory and 2 passes at the least (OWASP's argon2id floor); 16-byte random salt.
inline constexpr unsigned long long kPasswordOpsLimit = 2;
inline constexpr std::size_t kPasswordMemoryLimit = 19 * 1024 * 1024;

// The encoded hash ("$argon2id$v=19$m=19456,t=2,p=1$..."); Internal when memory runs out.
[[nodiscard]] Result<std::string> hash_password(std::string_view password);
bool verify_password(std::string_view encoded_hash, std::string_view password);
// Spends the same work as a real verification, so an unknown username answers as slowly as a
// known one.
void verify_password_against_dummy(std::string_view password);

}  // namespace caseboard::security
