// server/api/auth.h — who is calling: the user of the request's `Authorization: Bearer TOKEN`, and the
// 401 unauthorized / 403 forbidden refusals of endpoints that need a user or an admin.
#pragma once
#include <httplib.h>

#include <optional>
#include <string>

#include "server/api/api_services.h"
#include "server/store/account_records.h"

namespace gongyou::server::api {

/// How long a login session lasts.
inline constexpr std::int64_t kSessionSeconds = 30LL * 24 * 3600;

/// The bearer token of the request; nothing without an Authorization header; 401 for a malformed one.
std::optional<std::string> bearer_token(const httplib::Request& req);

/// The caller when a token is sent; nothing without one; 401 when the token is unknown, revoked or expired.
std::optional<User> optional_user(const ApiServices& services, const httplib::Request& req);

/// The caller; 401 unauthorized without a valid token.
User require_user(const ApiServices& services, const httplib::Request& req);

/// The caller, who must be an admin: 401 without a valid token, 403 forbidden for a worker.
User require_admin(const ApiServices& services, const httplib::Request& req);

/// Starts a session for `user` and returns its bearer token (only its hash is stored).
std::string open_session(const ApiServices& services, const User& user);

}  // namespace gongyou::server::api
