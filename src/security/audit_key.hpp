// The key of the audit trail's hash chain, kept outside the database: a file of 32 random bytes
// (hex) created with mode 0600 on first use.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caseboard::security {

enum class MissingKey { Create, Refuse };

class AuditKey {
 public:
  // Reads the key file, creating it (0600) when it does not exist and `missing` says so.
  // Unavailable when it cannot be read or written; FailedPrecondition when it is missing (Refuse),
  // malformed, or readable by group or others.
  [[nodiscard]] static Result<AuditKey> load_or_create(const std::string& path, MissingKey missing);
  // A key for tests only.
  static AuditKey from_bytes(const std::array<unsigned char, 32>& bytes);

  // Hex HMAC-SHA-256 of previous_hash followed by text.
  std::string chain_hash(std::string_view previous_hash, std::string_view text) const;

 private:
  std::array<unsigned char, 32> key_{};
};

}  // namespace caseboard::security
