// server/api/accounts_api.cpp — see accounts_api.h. Passwords are hashed and verified before the store is
// written to, so no database lock is held during the ~50–100 ms of argon2id.
#include "server/api/accounts_api.h"

#include <algorithm>

#include "server/accounts/account_rules.h"
#include "server/api/auth.h"
#include "server/api/booking_json.h"
#include "server/api/json_body.h"
#include "server/bookings/housekeeper.h"
#include "server/crypto/secrets.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using Request = httplib::Request;
using Response = httplib::Response;
using http::PathParams;

constexpr std::size_t kMaxUsernameBytes = 64;      // longer names cannot exist; refused as wrong
constexpr std::size_t kMaxDisplayNameBytes = 400;  // 40 characters of up to 4 bytes, checked again by characters

void register_user(const ApiServices& services, const Request& req, Response& res) {
  const JsonBody body(req);
  const std::string username = body.text("username", kMaxUsernameBytes);
  const std::string password = body.text("password", kMaxPasswordBytes);
  const std::string display_name = body.text("display_name", kMaxDisplayNameBytes);
  if (auto problem = username_problem(username)) throw http::bad_request(*problem);
  if (auto problem = display_name_problem(display_name)) throw http::bad_request(*problem);
  if (auto weakness = password_weakness(password, username)) throw http::ApiError(400, "weak_password", *weakness);
  const http::ApiError taken(409, "conflict", "用户名已被使用 / this username is taken");
  if (services.store.find_credentials(username)) throw taken;  // spare the hashing
  const std::string hash = services.passwords.hash(password);
  const auto user =
      services.store.create_user(NewUser{username, display_name, hash, Role::worker, services.clock.now()});
  if (!user) throw taken;  // registered by someone else meanwhile
  http::send_json(res, {{"user", user_json(*user)}, {"token", open_session(services, *user)}}, 201);
}

/// 429 with Retry-After when `who` has reached `limit` wrong passwords in the window.
void refuse_if_limited(const ApiServices& services, FailureScope scope, std::string_view who, int limit,
                       Response& res) {
  const UtcSeconds now = services.clock.now();
  const auto blocking =
      services.store.nth_recent_login_failure(scope, who, UtcSeconds{now.value - kLoginFailureWindowSeconds}, limit);
  if (!blocking) return;
  const std::int64_t retry_after = std::max<std::int64_t>(1, blocking->value + kLoginFailureWindowSeconds - now.value);
  res.set_header("Retry-After", std::to_string(retry_after));
  throw http::ApiError(429, "rate_limited",
                       "密码错误次数过多，请 " + std::to_string((retry_after + 59) / 60) +
                           " 分钟后再试 / too many wrong passwords; try again in " + std::to_string(retry_after) +
                           " seconds");
}

void login(const ApiServices& services, const Request& req, Response& res) {
  const JsonBody body(req);
  const std::string username = body.text("username", kMaxUsernameBytes);
  const std::string password = body.text("password", kMaxPasswordBytes);
  refuse_if_limited(services, FailureScope::username, username, kMaxFailuresPerUsername, res);
  const std::string address = client_address(services, req);
  refuse_if_limited(services, FailureScope::address, address, kMaxFailuresPerAddress, res);
  const auto credentials = services.store.find_credentials(username);
  const bool valid = credentials ? services.passwords.verify(credentials->password_hash, password)
                                 : services.passwords.verify_nobody(password);
  if (!valid) {
    services.store.record_login_failure(username, address, services.clock.now());
    throw http::ApiError(401, "unauthorized", "用户名或密码错误 / wrong username or password");
  }
  services.store.clear_login_failures(username);
  http::send_json(res, {{"token", open_session(services, credentials->user)}, {"user", user_json(credentials->user)}});
}

void logout(const ApiServices& services, const Request& req, Response& res) {
  require_user(services, req);
  services.store.delete_session(crypto::hash_hex(*bearer_token(req)));
  http::send_json(res, {{"status", "ok"}});
}

}  // namespace

/// The client's address: the peer, or the last X-Forwarded-For entry when the peer is a trusted proxy (nginx
/// in front of several instances sets it), so that the per-address limit counts clients, not the proxy.
std::string client_address(const ApiServices& services, const Request& req) {
  const auto& proxies = services.trusted_proxies;
  if (std::find(proxies.begin(), proxies.end(), req.remote_addr) == proxies.end()) return req.remote_addr;
  std::string forwarded = req.get_header_value("X-Forwarded-For");
  if (const auto comma = forwarded.rfind(','); comma != std::string::npos) forwarded.erase(0, comma + 1);
  const auto first = forwarded.find_first_not_of(' ');
  if (first == std::string::npos || forwarded.size() > 64) return req.remote_addr;
  return forwarded.substr(first);
}

void add_account_routes(http::Router& router, const ApiServices& services) {
  router.add("POST", "/api/v1/auth/register",
             [&services](const Request& req, Response& res, const PathParams&) { register_user(services, req, res); });
  router.add("POST", "/api/v1/auth/login",
             [&services](const Request& req, Response& res, const PathParams&) { login(services, req, res); });
  router.add("POST", "/api/v1/auth/logout",
             [&services](const Request& req, Response& res, const PathParams&) { logout(services, req, res); });
  router.get("/api/v1/me", [&services](const Request& req, Response& res, const PathParams&) {
    const User user = require_user(services, req);
    nlohmann::json me = user_json(user);
    nlohmann::json staff = nlohmann::json::array();
    for (const StaffRoleRecord& role : services.store.staff_roles(user.id))
      staff.push_back({{"union_id", role.union_id.value}, {"role", role.role}});
    me["staff"] = std::move(staff);
    const auto profile = services.store.find_profile(user.id);
    me["member"] = profile && profile->union_id
                       ? nlohmann::json{{"union_id", profile->union_id->value}, {"verified", profile->verified_at.has_value()}}
                       : nlohmann::json(nullptr);
    me["real_name_status"] = !profile ? "none" : profile->verified_at ? "verified" : "unverified";
    http::send_json(res, me);
  });
}

}  // namespace gongyou::server::api
