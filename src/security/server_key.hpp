// The server's key, kept outside the database: a file of 32 random bytes (hex) created with mode
// 0600 on first use. It signs the audit trail's hash chain and, through a derived subkey, seals
// the secrets the database must keep (second-factor seeds), so a copy of the database alone
// reveals none of them.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caseboard::security {

enum class MissingKey { Create, Refuse };

class ServerKey {
 public:
  // Reads the key file, creating it (0600) when it does not exist and `missing` says so.
  // Unavailable when it cannot be read or written; FailedPrecondition when it is missing (Refuse),
  // malformed, or readable by group or others.
  [[nodiscard]] static Result<ServerKey> load_or_create(const std::string& path, MissingKey missing);
  // A key for tests only.
  static ServerKey from_bytes(const std::array<unsigned char, 32>& bytes);

  // Hex HMAC-SHA-256 of previous_hash followed by text.
  std::string chain_hash(std::string_view previous_hash, std::string_view text) const;

  // Authenticated encryption (XSalsa20-Poly1305) under a subkey of this key; hex text out.
  std::string seal(std::string_view plaintext) const;
  // The plaintext, or Internal when the text was not sealed by this key or was altered.
  [[nodiscard]] Result<std::string> open(std::string_view sealed) const;

 private:
  std::array<unsigned char, 32> key_{};
  std::array<unsigned char, 32> sealing_key_{};
};

}  // namespace caseboard::security
