#include "security/audit_key.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace caseboard::security {
namespace {

Error unavailable(const std::string& path, const char* what) {
  Error error = make_error(ErrorCode::Unavailable, "the audit key cannot be read");
  error.internal_message = std::string(what) + " " + path + ": " + std::strerror(errno);
  return error;
}

}  // namespace

AuditKey AuditKey::from_bytes(const std::array<unsigned char, 32>& bytes) {
  AuditKey key;
  key.key_ = bytes;
  return key;
}

Result<AuditKey> AuditKey::load_or_create(const std::string& path, MissingKey missing) {
  constexpr std::size_t kHexLength = 64;
  int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0 && errno == ENOENT && missing == MissingKey::Refuse) {
    return fail(ErrorCode::FailedPrecondition, "the audit key file " + path + " does not exist");
  }
  if (descriptor < 0 && errno == ENOENT) {
    // O_EXCL: if two processes start at once, one creates and the other reads.
    descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (descriptor >= 0) {
      std::array<unsigned char, 32> bytes{};
      randombytes_buf(bytes.data(), bytes.size());
      std::array<char, kHexLength + 1> hex{};
      sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
      const bool written =
          ::write(descriptor, hex.data(), kHexLength) == static_cast<ssize_t>(kHexLength) && ::fsync(descriptor) == 0;
      ::close(descriptor);
      if (!written) return fail(unavailable(path, "write"));
      return from_bytes(bytes);
    }
    descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  }
  if (descriptor < 0) return fail(unavailable(path, "open"));
  struct stat status {};
  if (::fstat(descriptor, &status) != 0) {
    ::close(descriptor);
    return fail(unavailable(path, "stat"));
  }
  if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    ::close(descriptor);
    return fail(ErrorCode::FailedPrecondition,
                "the audit key file " + path + " must be readable by its owner only (chmod 600)");
  }
  std::array<char, kHexLength + 2> hex{};
  const auto length = ::read(descriptor, hex.data(), hex.size());
  ::close(descriptor);
  std::size_t size = length > 0 ? static_cast<std::size_t>(length) : 0;
  while (size > 0 && (hex[size - 1] == '\n' || hex[size - 1] == '\r')) --size;
  std::array<unsigned char, 32> bytes{};
  std::size_t decoded = 0;
  if (size != kHexLength ||
      sodium_hex2bin(bytes.data(), bytes.size(), hex.data(), size, nullptr, &decoded, nullptr) != 0 || decoded != 32) {
    return fail(ErrorCode::FailedPrecondition, "the audit key file " + path + " does not hold a 64-digit hex key");
  }
  return from_bytes(bytes);
}

std::string AuditKey::chain_hash(std::string_view previous_hash, std::string_view text) const {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, key_.data(), key_.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(previous_hash.data()),
                                previous_hash.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_final(&state, mac.data());
  std::array<char, crypto_auth_hmacsha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  return std::string(hex.data());
}

}  // namespace caseboard::security
