// The demo's random numbers.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace caseboard::cli {

// A small generator whose sequence is fixed by its seed on every platform (std::mt19937's
// distributions are not), so a seed always gives the same demo.
class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ULL + 1) {}
  std::uint64_t next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 0x2545F4914F6CDD1DULL;
  }
  int below(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }
  bool chance(int percent) { return below(100) < percent; }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[static_cast<std::size_t>(below(static_cast<int>(N)))];
  }

 private:
  std::uint64_t state_;
};

}  // namespace caseboard::cli
