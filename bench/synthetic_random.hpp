// The synthetic organization's random numbers: std::mt19937_64, whose raw output the C++ standard
// fixes, mapped to ranges and choices here rather than by std:: distributions (which differ between
// standard libraries), so a seed gives the same data everywhere.
#pragma once

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <random>
#include <span>
#include <string>
#include <string_view>

namespace caseboard::bench {

// SplitMix64 of the seed and two stream numbers: independent streams per client and purpose.
inline std::uint64_t mix_seed(std::uint64_t seed, std::uint64_t index, std::uint64_t stream) {
  std::uint64_t z = seed ^ (index * 0x9E3779B97F4A7C15ULL) ^ (stream * 0xD1B54A32D192ED03ULL);
  z += 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t next() { return engine_(); }
  // Uniform in [0, bound) (the modulo bias is below 2^-40 for the bounds used here).
  std::uint64_t below(std::uint64_t bound) { return bound == 0 ? 0 : next() % bound; }
  // Uniform in [low, high], both included.
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low + 1)));
  }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double probability) { return unit() < probability; }
  std::chrono::seconds minutes(std::int64_t low, std::int64_t high) { return std::chrono::minutes(between(low, high)); }
  // An index drawn with the given relative weights.
  std::size_t weighted(std::initializer_list<int> weights) {
    int total = 0;
    for (int weight : weights) total += weight;
    auto roll = static_cast<int>(below(static_cast<std::uint64_t>(total)));
    std::size_t index = 0;
    for (int weight : weights) {
      if (roll < weight) return index;
      roll -= weight;
      ++index;
    }
    return weights.size() - 1;
  }
  template <class T>
  const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }

  // An id in the store's form (security::random_id): prefix, '_', 128 bits in 26 base32 characters.
  std::string id(std::string_view prefix) {
    static constexpr char kAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
    const std::uint64_t halves[] = {next(), next()};
    std::string out(prefix);
    out += '_';
    unsigned buffer = 0;
    int bits = 0;
    for (std::uint64_t half : halves) {
      for (int shift = 56; shift >= 0; shift -= 8) {
        buffer = (buffer << 8) | static_cast<unsigned>((half >> shift) & 0xFF);
        bits += 8;
        while (bits >= 5) {
          out += kAlphabet[(buffer >> (bits - 5)) & 31];
          bits -= 5;
        }
      }
    }
    out += kAlphabet[(buffer << (5 - bits)) & 31];
    return out;
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace caseboard::bench
