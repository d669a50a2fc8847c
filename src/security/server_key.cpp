#include "security/server_key.hpp"

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

ServerKey ServerKey::from_bytes(const std::array<unsigned char, 32>& bytes) {
  ServerKey key;
  key.key_ = bytes;
  // Separate keys for separate jobs: the sealing key is derived, never the chain's key itself.
  crypto_kdf_derive_from_key(key.sealing_key_.data(), key.sealing_key_.size(), 1, "secrets_", bytes.data());
  return key;
}

std::string ServerKey::seal(std::string_view plaintext) const {
  std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(out, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plaintext.data()),
                        plaintext.size(), out, sealing_key_.data());
  std::string hex(box.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), out, box.size());
  hex.pop_back();
  return hex;
}

Result<std::string> ServerKey::open(std::string_view sealed) const {
  std::string box(sealed.size() / 2, '\0');
  std::size_t length = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), sealed.data(), sealed.size(), nullptr,
                     &length, nullptr) != 0 ||
      length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return fail(internal_error("a sealed secret is malformed"));
  }
  const auto* in = reinterpret_cast<const unsigned char*>(box.data());
  std::string plaintext(length - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plaintext.data()), in + crypto_secretbox_NONCEBYTES,
                                 length - crypto_secretbox_NONCEBYTES, in, sealing_key_.data()) != 0) {
    return fail(internal_error("a sealed secret does not open with this server key"));
  }
  return plaintext;
}

Result<ServerKey> ServerKey::load_or_create(const std::string& path, MissingKey missing) {
  constexpr std::size_t kHexLength = 64;
  int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0 && errno == ENOENT && missing == MissingKey::Refuse) {
    return fail(ErrorCode::FailedPrecondition, "the audit key file " + path + " does not exist");
  }
  if (descriptor < 0 && errno == ENOENT) {
    // Write a whole key to a private file first, then link it into place: link never replaces
    // an existing file, so when two processes start at once one key wins and the other process
    // reads that complete key, never a half-written one.
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, kHexLength + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    std::string temporary = path + ".tmp-XXXXXX";
    const int scratch = ::mkstemp(temporary.data());
    if (scratch < 0) return fail(unavailable(path, "create"));
    const bool written = ::fchmod(scratch, 0600) == 0 &&
                         ::write(scratch, hex.data(), kHexLength) == static_cast<ssize_t>(kHexLength) &&
                         ::fsync(scratch) == 0;
    ::close(scratch);
    const bool linked = written && (::link(temporary.c_str(), path.c_str()) == 0 || errno == EEXIST);
    ::unlink(temporary.c_str());
    if (!linked) return fail(unavailable(path, "write"));
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

std::string ServerKey::chain_hash(std::string_view previous_hash, std::string_view text) const {
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
