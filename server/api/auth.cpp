// server/api/auth.cpp — see auth.h.
#include "server/api/auth.h"

#include <algorithm>
#include <cctype>

#include "server/crypto/secrets.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

constexpr std::size_t kMaxTokenLength = 128;

http::ApiError unauthorized(const std::string& message) { return http::ApiError(401, "unauthorized", message); }

}  // namespace

std::optional<std::string> bearer_token(const httplib::Request& req) {
  if (!req.has_header("Authorization")) return std::nullopt;
  const std::string value = req.get_header_value("Authorization");
  constexpr std::string_view kScheme = "Bearer ";
  if (value.size() <= kScheme.size() || value.size() > kScheme.size() + kMaxTokenLength ||
      !std::equal(kScheme.begin(), kScheme.end(), value.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
      }))
    throw unauthorized("the Authorization header must be 'Bearer TOKEN'");
  return value.substr(kScheme.size());
}

std::optional<User> optional_user(const ApiServices& services, const httplib::Request& req) {
  const auto token = bearer_token(req);
  if (!token) return std::nullopt;
  auto user = services.store.session_user(crypto::hash_hex(*token), services.clock.now());
  if (!user) throw unauthorized("the token is unknown, expired or logged out; log in again");
  return user;
}

User require_user(const ApiServices& services, const httplib::Request& req) {
  auto user = optional_user(services, req);
  if (!user) throw unauthorized("log in first: send Authorization: Bearer TOKEN");
  return *user;
}

User require_admin(const ApiServices& services, const httplib::Request& req) {
  User user = require_user(services, req);
  if (user.role != Role::admin) throw http::ApiError(403, "forbidden", "this needs a staff (admin) account");
  return user;
}

std::string open_session(const ApiServices& services, const User& user) {
  std::string token = crypto::new_token();
  const UtcSeconds now = services.clock.now();
  services.store.create_session(
      NewSession{crypto::hash_hex(token), user.id, now, UtcSeconds{now.value + kSessionSeconds}});
  return token;
}

}  // namespace gongyou::server::api
