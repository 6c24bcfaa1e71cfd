// app/session.h — who is signed in, and talking to the API as them. One Session serves every feature: it keeps the
// token (saved across reloads), makes authenticated calls, turns a 401 into "sign in again", runs the sign-in and
// registration dialog, and holds the one feedback line that tells the user what happened. Features subscribe to
// changes of the signed-in user (on_change) and forget that user's data there.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/api_client.h"
#include "app/services.h"
#include "core/ids.h"

namespace gongyou {

/// The signed-in user.
struct User {
  UserId id;
  std::string username, display_name;
  bool admin = false;
};

/// A short message shown after an action: a code the UI turns into words, and a number for some.
struct Feedback {
  enum class Kind : std::uint8_t { info, success, error } kind = Kind::info;
  std::string code;    ///< "booked", "waitlisted", "slot_full", "too_late", "network", ...
  int number = 0;      ///< e.g. the waitlist position
  std::string detail;  ///< the server's own words, where they help (e.g. why a template is refused)
  std::uint64_t serial = 0;  ///< which message this is: its timer dismisses this one, not a later one
  /// How long a success or an info message stays (an error stays until dismissed: it needs reading).
  static constexpr int kShownMilliseconds = 6000;
};

/// An API error answer: HTTP status and the api.md error code ("slot_full", ...); status 0 = no network.
struct ApiError {
  int status = 0;
  std::string code, message;
};

/// The error of an answer body with the api.md shape, or a generic one for `status`.
ApiError api_error(int status, const std::string& body);
/// The user of a GET /me or sign-in answer; nothing when malformed.
std::optional<User> user_from_json(const nlohmann::json& j);

/// Everything the views show of the session.
struct SessionState {
  std::optional<User> user;
  std::string token;
  bool auth_open = false, auth_register = false, auth_busy = false;  ///< the sign-in / register dialog
  std::optional<Feedback> feedback;  ///< the result of the last action
};

/// The session and its API calls.
class Session {
 public:
  /// What runs with an answer.
  using Done = ApiClient::Done;

  /// `api` and `platform` must outlive the session.
  Session(ApiClient& api, const PlatformServices& platform) : api_(api), platform_(platform) {}

  const SessionState& state() const { return state_; }
  /// True when someone is signed in.
  bool signed_in() const { return state_.user.has_value(); }
  /// True while `user` is the one signed in: an answer asked for as someone else is dropped.
  bool is_signed_in_as(UserId user) const { return state_.user && state_.user->id == user; }
  /// True when the signed-in user is staff (admin).
  bool staff() const { return state_.user && state_.user->admin; }

  /// Restores the saved session (if any): GET /me with the saved token.
  void restore();
  void open_auth(bool register_form);
  void close_auth();
  void login(const std::string& username, const std::string& password);
  void register_user(const std::string& username, const std::string& password, const std::string& display_name);
  void logout();
  /// True when signed in; otherwise opens the sign-in dialog and returns false (for screens that need an account).
  bool require_account();

  /// Calls the API with the session's token; an expired session signs out and asks to sign in again.
  void call(const std::string& method, const std::string& path, const std::string& body, Done done,
            const std::string& idempotency_key = "");
  /// Wraps `done` so that it runs only while the user signed in when it was made (if any) still is: an answer asked
  /// for as someone else is not this user's data.
  Done for_current_user(std::function<void(const HttpResponse&)> done);
  /// Saves the answer of GET `path` (asked with the session's token) as a file named `filename`, then says
  /// `saved_code` (or why it could not).
  void download(const std::string& path, const std::string& filename, const char* saved_code);
  /// Explains a refused or failed request in the feedback line.
  void fail(const HttpResponse& response);
  /// Puts a message in the feedback line.
  void say(Feedback::Kind kind, std::string code, int number = 0);
  void dismiss_feedback() { state_.feedback.reset(); }
  /// A timer of say() ran out: its message, if still shown, goes away.
  void timer_fired(std::uint64_t token);
  /// A fresh idempotency key.
  std::string new_key() const;

  /// Calls `listener` whenever the signed-in user changes: sign-in, sign-out, a restored or an expired session.
  void on_change(std::function<void()> listener) { listeners_.push_back(std::move(listener)); }

 private:
  std::uint64_t feedback_serial_ = 0;
  /// Sign-in and registration: POST `body` to `path`; `success_status` brings a session, `refusal_status`
  /// is explained by `refusal_code`.
  void authenticate(const char* path, const std::string& body, int success_status, const char* refusal_code,
                    int refusal_status);
  void signed_in(const std::string& token, const User& user);
  /// Forgets the token and the user (kept settings included).
  void forget();
  void changed();

  ApiClient& api_;
  const PlatformServices& platform_;
  SessionState state_;
  std::vector<std::function<void()>> listeners_;
};

}  // namespace gongyou
