// server/door/door_pass.h — the signed door pass of a booking (e家开门): what the smart lock receives
// and the server verifies. Token = base64url(payload) "." base64url(HMAC-SHA256(key, payload)) with
// payload "booking_id:site_id:valid_from_unix:valid_until_unix" (docs/api-bookings.md, Door).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_time.h"
#include "core/units.h"
#include "server/store/booking_records.h"

namespace gongyou::server {

/// What a pass says: which booking, which door, and when it opens it.
struct PassClaims {
  BookingId booking;
  SiteId site;
  UtcSeconds valid_from, valid_until;
  friend bool operator==(const PassClaims&, const PassClaims&) = default;
};

/// Issues and verifies passes with one secret key (crypto_auth_hmacsha256).
class DoorPassSigner {
 public:
  /// Key bytes: crypto_auth_hmacsha256_KEYBYTES of them.
  explicit DoorPassSigner(std::string key);

  /// A new random key of the right size.
  static std::string new_key();

  /// The token of a pass.
  std::string issue(const PassClaims& claims) const;

  /// The claims of a token whose signature and format are valid; nothing otherwise.
  std::optional<PassClaims> verify(std::string_view token) const;

 private:
  std::string key_;
};

}  // namespace gongyou::server
