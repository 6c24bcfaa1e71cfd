// app/session.cpp — see session.h.
#include "app/session.h"

#include <nlohmann/json.hpp>

#include "app/json_fields.h"
#include "core/site.h"  // parse_json_or_discarded

namespace gongyou {
namespace {

using json = nlohmann::json;
using namespace json_fields;

constexpr const char* kTokenSetting = "gongyou.token";

}  // namespace

ApiError api_error(int status, const std::string& body) {
  ApiError e{status, status == 0 ? "network" : "http_" + std::to_string(status), ""};
  const json j = parse_json_or_discarded(body);
  if (j.is_object()) {
    auto err = j.find("error");
    if (err != j.end() && err->is_object()) {
      if (auto c = get_string(*err, "code"); !c.empty()) e.code = c;
      e.message = get_string(*err, "message");
    }
  }
  return e;
}

std::optional<User> user_from_json(const json& j) {
  User u;
  if (!j.is_object() || !get_id(j, "id", u.id)) return std::nullopt;
  u.username = get_string(j, "username");
  u.display_name = get_string(j, "display_name");
  u.admin = get_string(j, "role") == "admin";
  return u;
}

void Session::restore() {
  if (platform_.load_setting) state_.token = platform_.load_setting(kTokenSetting);
  if (state_.token.empty()) return;
  call("GET", "/api/v1/me", "", [this](const HttpResponse& r) {
    if (r.status != 200) return;  // 401 handled in call()
    state_.user = user_from_json(parse_json_or_discarded(r.body));
    if (state_.user) changed();
  });
}

void Session::open_auth(bool register_form) {
  state_.auth_open = true;
  state_.auth_register = register_form;
}

void Session::close_auth() {
  state_.auth_open = false;
  state_.auth_busy = false;
}

bool Session::require_account() {
  if (signed_in()) return true;
  open_auth(false);
  return false;
}

void Session::signed_in(const std::string& token, const User& user) {
  state_.token = token;
  state_.user = user;
  state_.auth_open = false;
  state_.auth_busy = false;
  if (platform_.save_setting) platform_.save_setting(kTokenSetting, token);
  say(Feedback::Kind::success, "signed_in");
  changed();
}

void Session::authenticate(const char* path, const std::string& body, int success_status, const char* refusal_code,
                           int refusal_status) {
  state_.auth_busy = true;
  call("POST", path, body, [=, this](const HttpResponse& r) {
    state_.auth_busy = false;
    const json j = parse_json_or_discarded(r.body);
    auto user = j.is_object() && j.contains("user") ? user_from_json(j["user"]) : std::nullopt;
    const auto token = j.is_object() ? j.find("token") : j.end();
    if (r.status == success_status && user && token != j.end() && token->is_string())
      return signed_in(token->get<std::string>(), *user);
    if (r.status == refusal_status) return say(Feedback::Kind::error, refusal_code);
    fail(r);
  });
}

void Session::login(const std::string& username, const std::string& password) {
  authenticate("/api/v1/auth/login", json{{"username", username}, {"password", password}}.dump(), 200,
               "login_failed", 401);
}

void Session::register_user(const std::string& username, const std::string& password,
                            const std::string& display_name) {
  authenticate("/api/v1/auth/register",
               json{{"username", username}, {"password", password}, {"display_name", display_name}}.dump(), 201,
               "username_taken", 409);
}

void Session::logout() {
  if (!state_.token.empty()) call("POST", "/api/v1/auth/logout", "", [](const HttpResponse&) {});
  const bool was_signed_in = signed_in();
  forget();
  say(Feedback::Kind::info, "signed_out");
  if (was_signed_in) changed();
}

void Session::forget() {
  state_.token.clear();
  state_.user.reset();
  if (platform_.save_setting) platform_.save_setting(kTokenSetting, "");
}

void Session::changed() {
  for (const auto& listener : listeners_) listener();
}

Session::Done Session::for_current_user(std::function<void(const HttpResponse&)> done) {
  const UserId user = state_.user ? state_.user->id : UserId{};
  return [this, user, done = std::move(done)](const HttpResponse& r) {
    if (user && !is_signed_in_as(user)) return;
    done(r);
  };
}

void Session::call(const std::string& method, const std::string& path, const std::string& body, Done done,
                   const std::string& idempotency_key) {
  const bool authenticated = !state_.token.empty();
  const std::string token = state_.token;
  api_.send(HttpRequest{method, path, body, token, idempotency_key, ""},
            [this, authenticated, token, done = std::move(done)](const HttpResponse& r) {
              // A 401 for the token still in use: it expired or was revoked (an answer for an older token, after
              // a sign-out and in again, says nothing about the new one).
              if (r.status == 401 && authenticated && token == state_.token) {
                const bool had_user = signed_in();
                forget();
                if (had_user) {
                  say(Feedback::Kind::error, "session_expired");
                  open_auth(false);
                  changed();
                }
              }
              done(r);
            });
}

void Session::download(const std::string& path, const std::string& filename, const char* saved_code) {
  if (state_.token.empty()) return;
  HttpRequest request{"GET", path, "", state_.token, "", ""};
  request.save_as = filename;
  api_.send(request, [this, saved_code](const HttpResponse& r) {
    if (r.status == 200) return say(Feedback::Kind::success, saved_code);
    fail(r);
  });
}

std::string Session::new_key() const {
  static std::uint64_t fallback = 0;  // tests without a random source
  return platform_.new_key ? platform_.new_key() : "key-" + std::to_string(++fallback);
}

void Session::fail(const HttpResponse& response) {
  // An expired session was already explained (call()); a 401 must not replace that with a bare code.
  if (response.status == 401 && state_.feedback && state_.feedback->code == "session_expired") return;
  const ApiError e = api_error(response.status, response.body);
  state_.feedback = Feedback{Feedback::Kind::error, e.code, 0, e.message, ++feedback_serial_};
}

void Session::say(Feedback::Kind kind, std::string code, int number) {
  state_.feedback = Feedback{kind, std::move(code), number, "", ++feedback_serial_};
  // Good news goes away by itself (issue 14.7); an error waits to be read and closed.
  if (kind != Feedback::Kind::error && platform_.start_timer)
    platform_.start_timer(timer_token(TimerOwner::feedback, feedback_serial_), Feedback::kShownMilliseconds);
}

void Session::timer_fired(std::uint64_t token) {
  if (state_.feedback && state_.feedback->serial == timer_serial(token) && state_.feedback->kind != Feedback::Kind::error)
    state_.feedback.reset();
}

}  // namespace gongyou
