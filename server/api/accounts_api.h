// server/api/accounts_api.h — POST /auth/register, /auth/login, /auth/logout and GET /me
// (docs/api-bookings.md, Accounts), with the wrong-password rate limits.
#pragma once
#include "server/api/api_services.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// Wrong passwords allowed per username, and per client address, within kLoginFailureWindowSeconds.
inline constexpr int kMaxFailuresPerUsername = 5, kMaxFailuresPerAddress = 20;

/// The client's address: the peer, or the last X-Forwarded-For entry when the peer is a trusted proxy.
std::string client_address(const ApiServices& services, const httplib::Request& req);

/// Adds the endpoints to `router`.
void add_account_routes(http::Router& router, const ApiServices& services);

}  // namespace gongyou::server::api
