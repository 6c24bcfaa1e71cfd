// app/services.h — what the app needs from the platform it runs on (the browser: wasm/platform/browser.cpp; tests:
// a scripted fake). Everything the platform reports back — fetch answers included — arrives later as a typed
// PlatformEvent (app/events.h) that the main loop drains; no service calls back into the app.
#pragma once
#include <compare>
#include <cstdint>
#include <functional>
#include <string>

#include "core/civil_time.h"

namespace gongyou {

/// An HTTP request to our own server.
struct HttpRequest {
  std::string method = "GET";
  std::string url;              ///< same-origin path, e.g. "/api/v1/bookings"
  std::string body;             ///< JSON text, empty for none
  std::string token;            ///< bearer token, empty for none
  std::string idempotency_key;  ///< Idempotency-Key header, empty for none
  std::string save_as;          ///< a file name: the platform saves the answer's body as that file, and answers
                                ///< with the status only (calendar, CSV, GeoJSON)
};

/// An HTTP answer: status 0 means the request never got one (network down).
struct HttpResponse {
  int status = 0;
  std::string body;
  bool offline = false;  ///< no network: nothing came back, or the offline shell answered from its cache
};

/// The number of a request sent; its answer event (HttpAnswered) carries it back.
struct RequestId {
  std::uint64_t value = 0;
  friend constexpr auto operator<=>(RequestId, RequestId) = default;
};

/// Who started a timer, in the top bits of its token, so that TimerFired reaches its owner.
enum class TimerOwner : std::uint8_t { feedback = 0, site_search = 1, quiz_clock = 2 };
/// A token holds the owner above bit 48 and the owner's serial below, and stays under 2^53: it passes through a
/// JavaScript number (setTimeout in the browser) exactly.
inline constexpr int kTimerSerialBits = 48;
/// The token of timer `serial` of `owner`, for PlatformServices::start_timer.
constexpr std::uint64_t timer_token(TimerOwner owner, std::uint64_t serial) {
  return static_cast<std::uint64_t>(owner) << kTimerSerialBits | (serial & ((std::uint64_t{1} << kTimerSerialBits) - 1));
}
/// The owner of a timer's token.
constexpr TimerOwner timer_owner(std::uint64_t token) { return static_cast<TimerOwner>(token >> kTimerSerialBits); }
/// The owner's serial in a timer's token.
constexpr std::uint64_t timer_serial(std::uint64_t token) {
  return token & ((std::uint64_t{1} << kTimerSerialBits) - 1);
}
static_assert(timer_token(TimerOwner::site_search, ~std::uint64_t{0}) < std::uint64_t{1} << 53,
              "a timer's token must fit a JavaScript number exactly");

/// The platform's services. Each may be left empty where a platform has no such thing (tests).
struct PlatformServices {
  /// Sends `request`; its answer comes back once, later, as HttpAnswered{id, ...}.
  std::function<void(RequestId id, const HttpRequest& request)> send;
  /// Reports TimerFired{token} once, `milliseconds` from now (a success message that goes away by itself); make
  /// the token with timer_token().
  std::function<void(std::uint64_t token, int milliseconds)> start_timer;
  /// Asks for the user's position; the answer comes back as GeolocationFound or GeolocationFailed.
  std::function<void()> request_geolocation;
  /// Reads and writes small settings that survive a reload (the session token, the language).
  std::function<std::string(const std::string& key)> load_setting;
  std::function<void(const std::string& key, const std::string& value)> save_setting;
  /// The current time.
  std::function<UtcSeconds()> now;
  /// A fresh random idempotency key.
  std::function<std::string()> new_key;
  /// The URL hash the page was opened with ("#/site/12"), and showing a new one: `replace` rewrites the
  /// current history entry instead of adding one (a link that named something that does not exist).
  std::function<std::string()> initial_route;
  std::function<void(const std::string& hash, bool replace)> show_route;
  /// Says a sentence to screen readers (an offscreen live region); never shown as HTML.
  std::function<void(const std::string& text)> announce;
  /// Opens a link outside the app (a phone call, a map provider) without giving it this page.
  std::function<void(const std::string& url)> open_link;
  /// Shares the app's link `hash` ("#/site/12") titled `title`: the system share sheet, or copied.
  std::function<void(const std::string& title, const std::string& hash)> share;
};

}  // namespace gongyou
