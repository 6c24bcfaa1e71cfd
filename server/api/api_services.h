// server/api/api_services.h — what the account, booking, door and staff endpoints share: the store, the
// clock, password hashing, the slot keeper, the door-pass signer and the booking settings.
#pragma once
#include <string>
#include <vector>

#include "server/bookings/slot_keeper.h"
#include "server/clock.h"
#include "server/crypto/password_hasher.h"
#include "server/door/door_pass.h"
#include "server/store/store.h"

namespace gongyou::server::api {

/// The services behind the endpoints; all must outlive the router.
struct ApiServices {
  Store& store;                              ///< all persistent data
  const Clock& clock;                        ///< the one "now" of the server
  crypto::PasswordHasher& passwords;         ///< argon2id, bounded concurrency
  SlotKeeper& keeper;                        ///< remakes a site's slots after a schedule change
  const DoorPassSigner& door_passes;         ///< signs and verifies door passes
  int booking_limit = kDefaultBookingLimit;  ///< active future bookings per user (--booking-limit)
  /// Addresses of reverse proxies (--trusted-proxy) whose X-Forwarded-For names the real client.
  std::vector<std::string> trusted_proxies = {};
};

}  // namespace gongyou::server::api
