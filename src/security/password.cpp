#include "security/password.hpp"

#include <sodium.h>

#include <mutex>

namespace caseboard::security {

Result<std::string> hash_password(std::string_view password) {
  char encoded[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(encoded, password.data(), password.size(), kPasswordOpsLimit, kPasswordMemoryLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return fail(internal_error("crypto_pwhash_str_alg failed (out of memory)"));
  }
  return std::string(encoded);
}

bool verify_password(std::string_view encoded_hash, std::string_view password) {
  std::string hash(encoded_hash);
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void verify_password_against_dummy(std::string_view password) {
  static std::once_flag once;
  static std::string dummy;
  std::call_once(once, [] {
    auto hashed = hash_password("caseboard-timing-equalizer");
    dummy = hashed ? *hashed : std::string();
  });
  (void)verify_password(dummy, password);
}

}  // namespace caseboard::security
