// core/sha256.h — SHA-256 (FIPS 180-4) of bytes, so that the quiz draw (core/quiz_draw.h) can be recomputed by the
// client and by anyone with a standard tool (`sha256sum`, Node's crypto) from what the server publishes.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace gongyou {

/// The 32-byte SHA-256 digest of `bytes`.
std::array<std::uint8_t, 32> sha256(std::string_view bytes);

/// The digest as 64 lowercase hex characters (what `sha256sum` prints).
std::string sha256_hex(std::string_view bytes);

}  // namespace gongyou
