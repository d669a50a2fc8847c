#include "security/random_id.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace caseboard::security {

void initialize() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialized");
}

std::string random_id(std::string_view prefix) {
  // Crockford-style base32 without look-alike letters; 26 characters carry the 128 bits.
  static constexpr char kAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
  std::array<unsigned char, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string id(prefix);
  id += '_';
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      id += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) id += kAlphabet[(buffer << (5 - bits)) & 31];
  return id;
}

}  // namespace caseboard::security
