// server/store/account_records.h — the account data the store keeps: users, their roles and password hashes.
#pragma once
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/civil_time.h"
#include "core/ids.h"

namespace gongyou::server {

/// What an account may do: book (worker) or also keep sites and rosters (admin).
enum class Role : std::uint8_t { worker, admin };

/// "worker" / "admin".
std::string_view role_name(Role role);

/// A user as the API shows it (no secrets).
struct User {
  UserId id;
  std::string username;
  std::string display_name;
  Role role = Role::worker;
};

/// A user together with the argon2id hash of their password (login only).
struct UserCredentials {
  User user;
  std::string password_hash;  ///< crypto_pwhash_str output
};

/// An account to create.
struct NewUser {
  std::string username;
  std::string display_name;
  std::string password_hash;
  Role role = Role::worker;
  UtcSeconds created_at;
};

/// A login session: only the hash of the bearer token is stored.
struct NewSession {
  std::string token_hash;  ///< hex of crypto_generichash(token)
  UserId user;
  UtcSeconds created_at;
  UtcSeconds expires_at;
};

/// Whose wrong passwords to count: one username, or one client address.
enum class FailureScope : std::uint8_t { username, address };

}  // namespace gongyou::server
