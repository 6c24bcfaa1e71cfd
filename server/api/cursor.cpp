// server/api/cursor.cpp — see cursor.h. A cursor is URL-safe base64 (no padding) of "s1:<id>": the
// prefix versions the format so that it can change without breaking clients holding old cursors.
#include "server/api/cursor.h"

#include <sodium.h>

#include <vector>

#include "server/http/query_params.h"

namespace gongyou::server::api {
namespace {

constexpr std::string_view kPrefix = "s1:";
constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr std::size_t kMaxCursorLength = 64;

}  // namespace

std::string encode_cursor(SiteId last) {
  const std::string plain = std::string(kPrefix) + std::to_string(last.value);
  std::string encoded(sodium_base64_encoded_len(plain.size(), kVariant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(plain.data()),
                    plain.size(), kVariant);
  encoded.resize(encoded.find('\0'));
  return encoded;
}

std::optional<SiteId> decode_cursor(std::string_view cursor) {
  // Empty: no cursor (and libsodium must not be handed the null pointers of empty buffers: found by fuzz_cursor).
  if (cursor.empty() || cursor.size() > kMaxCursorLength) return std::nullopt;
  std::vector<unsigned char> plain(cursor.size());
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(plain.data(), plain.size(), cursor.data(), cursor.size(), nullptr, &length, &end, kVariant) != 0 ||
      end != cursor.data() + cursor.size())
    return std::nullopt;
  const std::string_view text(reinterpret_cast<const char*>(plain.data()), length);
  if (!text.starts_with(kPrefix)) return std::nullopt;
  const auto id = http::parse_integer(text.substr(kPrefix.size()));
  if (!id || *id < 0) return std::nullopt;
  return SiteId{*id};
}

}  // namespace gongyou::server::api
