// core/quiz_draw.cpp — see quiz_draw.h.
#include "core/quiz_draw.h"

#include <algorithm>
#include <cstdint>

#include "core/sha256.h"

namespace gongyou {

std::string draw_commitment(std::string_view seed) { return sha256_hex(seed); }

std::vector<std::string> sorted_entrants(std::vector<std::string> entrants) {
  std::sort(entrants.begin(), entrants.end());  // std::string compares its chars as unsigned: byte order
  entrants.erase(std::unique(entrants.begin(), entrants.end()), entrants.end());
  return entrants;
}

std::string entrants_hash(std::span<const std::string> sorted) {
  std::string joined;
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0) joined += '\n';
    joined += sorted[i];
  }
  return sha256_hex(joined);
}

std::vector<std::size_t> draw_winners(std::string_view seed, std::size_t entrant_count, std::size_t winners) {
  std::vector<std::size_t> left(entrant_count);
  for (std::size_t i = 0; i < entrant_count; ++i) left[i] = i;
  std::vector<std::size_t> drawn;
  for (std::size_t k = 0; k < winners && !left.empty(); ++k) {
    const auto d = sha256(std::string(seed) + ":" + std::to_string(k));
    std::uint64_t x = 0;
    for (int b = 0; b < 8; ++b) x = (x << 8) | d[b];
    const std::size_t i = static_cast<std::size_t>(x % left.size());
    drawn.push_back(left[i]);
    left.erase(left.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return drawn;
}

}  // namespace gongyou
