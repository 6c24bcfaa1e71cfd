// server/store/account_store.h — what the server needs stored about accounts: users, sessions (token hashes)
// and failed logins for rate limiting. Passwords arrive hashed; the store never sees a secret in clear.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_time.h"
#include "server/store/account_records.h"

namespace gongyou::server {

/// Account storage. Implementations are safe to call from many threads at once.
class AccountStore {
 public:
  virtual ~AccountStore() = default;

  /// Creates the user; nothing when the username (compared without case) is taken.
  virtual std::optional<User> create_user(const NewUser& user) = 0;

  /// Creates the user as an admin, or makes an existing user (same username) an admin with this password hash.
  virtual User upsert_admin(const NewUser& user) = 0;

  /// The user with this username (compared without case) and their password hash.
  virtual std::optional<UserCredentials> find_credentials(std::string_view username) = 0;

  /// Stores a session.
  virtual void create_session(const NewSession& session) = 0;

  /// The user of an unexpired session with this token hash.
  virtual std::optional<User> session_user(std::string_view token_hash, UtcSeconds now) = 0;

  /// Ends a session (nothing happens when there is none).
  virtual void delete_session(std::string_view token_hash) = 0;

  /// Remembers one wrong password for a username from an address.
  virtual void record_login_failure(std::string_view username, std::string_view address, UtcSeconds at) = 0;

  /// Forgets a username's wrong passwords (after a successful login).
  virtual void clear_login_failures(std::string_view username) = 0;

  /// The time of the n-th most recent wrong password after `since` for this username or address (n from 1);
  /// nothing when there are fewer than n. A limit of n failures is reached exactly when this exists, and
  /// lasts until that failure leaves the window.
  virtual std::optional<UtcSeconds> nth_recent_login_failure(FailureScope scope, std::string_view who, UtcSeconds since,
                                                             int n) = 0;
};

}  // namespace gongyou::server
