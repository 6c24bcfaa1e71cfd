// server/door/door_pass.cpp — see door_pass.h.
#include "server/door/door_pass.h"

#include <sodium.h>

#include <charconv>
#include <stdexcept>
#include <vector>

#include "server/crypto/base64url.h"
#include "server/crypto/secrets.h"

namespace gongyou::server {
namespace {

constexpr std::size_t kMaxTokenLength = 512;

std::string payload_of(const PassClaims& claims) {
  return std::to_string(claims.booking.value) + ':' + std::to_string(claims.site.value) + ':' +
         std::to_string(claims.valid_from.value) + ':' + std::to_string(claims.valid_until.value);
}

/// A non-negative decimal integer spelling the whole text (no sign, no leading '+').
std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

std::optional<PassClaims> parse_payload(std::string_view payload) {
  std::vector<std::int64_t> fields;
  for (;;) {
    const auto colon = payload.find(':');
    const auto number = whole_number(payload.substr(0, colon));
    if (!number) return std::nullopt;
    fields.push_back(*number);
    if (colon == std::string_view::npos) break;
    payload.remove_prefix(colon + 1);
  }
  if (fields.size() != 4) return std::nullopt;
  return PassClaims{BookingId{fields[0]}, SiteId{fields[1]}, UtcSeconds{fields[2]}, UtcSeconds{fields[3]}};
}

}  // namespace

DoorPassSigner::DoorPassSigner(std::string key) : key_(std::move(key)) {
  if (key_.size() != crypto_auth_hmacsha256_KEYBYTES) throw std::invalid_argument("door pass key has the wrong size");
}

std::string DoorPassSigner::new_key() { return crypto::random_bytes(crypto_auth_hmacsha256_KEYBYTES); }

std::string DoorPassSigner::issue(const PassClaims& claims) const {
  const std::string payload = payload_of(claims);
  std::string mac(crypto_auth_hmacsha256_BYTES, '\0');
  crypto_auth_hmacsha256(reinterpret_cast<unsigned char*>(mac.data()),
                         reinterpret_cast<const unsigned char*>(payload.data()), payload.size(),
                         reinterpret_cast<const unsigned char*>(key_.data()));
  return crypto::base64url_encode(payload) + '.' + crypto::base64url_encode(mac);
}

std::optional<PassClaims> DoorPassSigner::verify(std::string_view token) const {
  if (token.size() > kMaxTokenLength) return std::nullopt;
  const auto dot = token.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const auto payload = crypto::base64url_decode(token.substr(0, dot));
  const auto mac = crypto::base64url_decode(token.substr(dot + 1));
  if (!payload || !mac || mac->size() != crypto_auth_hmacsha256_BYTES) return std::nullopt;
  if (crypto_auth_hmacsha256_verify(reinterpret_cast<const unsigned char*>(mac->data()),
                                    reinterpret_cast<const unsigned char*>(payload->data()), payload->size(),
                                    reinterpret_cast<const unsigned char*>(key_.data())) != 0)
    return std::nullopt;
  return parse_payload(*payload);
}

}  // namespace gongyou::server
