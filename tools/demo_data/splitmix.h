// tools/demo_data/splitmix.h — the demo data's random numbers: splitmix64 (Steele, Lea, Flood 2014), tiny, fast, and
// the same sequence on every platform and compiler (no std::*_distribution), so the demo data is deterministic.
#pragma once
#include <cstddef>
#include <cstdint>
#include <iterator>

namespace gongyou::demo {

/// A splitmix64 generator from a seed.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}

  /// The next 64 random bits.
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// A number in [0, n); n > 0. The modulo bias (< 2^-40 here) does not matter for demo data.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  /// A double in [0, 1): 53 random bits scaled exactly.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// A double in [-1, 1): 53 random bits scaled exactly.
  double symmetric_unit() { return static_cast<double>(next() >> 11) * 0x1.0p-52 - 1.0; }
  /// True with the given probability in percent.
  bool percent(std::uint32_t p) { return below(100) < p; }
  /// One element of a non-empty array or span.
  template <class Items>
  const auto& pick(const Items& items) {
    return items[below(std::size(items))];
  }

 private:
  std::uint64_t state_;
};

}  // namespace gongyou::demo
