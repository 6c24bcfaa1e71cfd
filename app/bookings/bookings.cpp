// app/bookings/bookings.cpp — see bookings.h. Every call goes through call(); every refusal becomes a Feedback
// code that ui/ turns into a Chinese (or English) sentence.
//
// [SECTION] BookingState queries
// [SECTION] Session: restore, sign in, register, sign out
// [SECTION] Slots and booking
// [SECTION] My bookings, passes, calendar, notifications
// [SECTION] Staff
// [SECTION] Plumbing
#include "app/bookings/bookings.h"

#include <nlohmann/json.hpp>

#include "core/booking_rules.h"
#include "core/site.h"
#include "app/app.h"

namespace gongyou {
namespace {

constexpr const char* kTokenSetting = "gongyou.token";
constexpr int kDaysShown = 7;

using json = nlohmann::json;

std::string id_path(const char* prefix, std::int64_t id, const char* suffix = "") {
  return std::string(prefix) + std::to_string(id) + suffix;
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] BookingState queries
//-------------------------------------------------------------------------------------------------

const Slot* BookingState::chosen() const {
  if (!chosen_slot) return nullptr;
  for (const Slot& s : slots)
    if (s.id == *chosen_slot) return &s;
  return nullptr;
}

std::vector<const Booking*> BookingState::starting_soon(UtcSeconds now) const {
  std::vector<const Booking*> soon;
  for (const Booking& b : my_bookings)
    if (b.status == BookingStatus::confirmed && b.start > now && b.start.value - now.value <= 3600)
      soon.push_back(&b);
  return soon;
}

int BookingState::unread() const {
  int n = 0;
  for (const Notification& note : notifications) n += note.read ? 0 : 1;
  return n;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Session
//-------------------------------------------------------------------------------------------------

Bookings::Bookings(const AppServices& services) : services_(services) {
  if (services_.load_setting) state_.token = services_.load_setting(kTokenSetting);
  if (!state_.token.empty()) load_me();
}

void Bookings::load_me() {
  call("GET", "/api/v1/me", "", [this](const HttpResponse& r) {
    if (r.status != 200) return;  // 401 handled in call()
    state_.user = user_from_json(parse_json_or_discarded(r.body));
    load_notifications();
    if (session_listener) session_listener();
  });
}

void Bookings::open_auth(bool register_form) {
  state_.auth_open = true;
  state_.auth_register = register_form;
}

void Bookings::close_auth() {
  state_.auth_open = false;
  state_.auth_busy = false;
}

void Bookings::signed_in(const std::string& token, const User& user) {
  state_.token = token;
  state_.user = user;
  state_.auth_open = false;
  state_.auth_busy = false;
  if (services_.save_setting) services_.save_setting(kTokenSetting, token);
  say(Feedback::Kind::success, "signed_in");
  refresh();
  if (session_listener) session_listener();
}

void Bookings::authenticate(const char* path, const std::string& body, int success_status,
                            const char* refusal_code, int refusal_status) {
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

void Bookings::login(const std::string& username, const std::string& password) {
  authenticate("/api/v1/auth/login", json{{"username", username}, {"password", password}}.dump(), 200,
               "login_failed", 401);
}

void Bookings::register_user(const std::string& username, const std::string& password,
                             const std::string& display_name) {
  authenticate("/api/v1/auth/register",
               json{{"username", username}, {"password", password}, {"display_name", display_name}}.dump(), 201,
               "username_taken", 409);
}

void Bookings::logout() {
  if (!state_.token.empty()) call("POST", "/api/v1/auth/logout", "", [](const HttpResponse&) {});
  state_.token.clear();
  state_.user.reset();
  state_.my_bookings.clear();
  state_.notifications.clear();
  state_.pass.reset();
  if (services_.save_setting) services_.save_setting(kTokenSetting, "");
  if (state_.screen == Screen::my_bookings || state_.screen == Screen::staff || state_.screen == Screen::coverage)
    state_.screen = Screen::sites;
  say(Feedback::Kind::info, "signed_out");
  if (session_listener) session_listener();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Slots and booking
//-------------------------------------------------------------------------------------------------

void Bookings::open_site(SiteId site, const std::string& name) {
  state_.site = site;
  state_.site_name = name;
  state_.first_day = shanghai_date(services_.now());
  state_.roster_day = state_.first_day;
  state_.chosen_slot.reset();
  state_.screen = Screen::slots;
  load_slots();
}

void Bookings::shift_days(int days) {
  const LocalDate today = shanghai_date(services_.now());
  const LocalDate last_first = add_days(today, kBookingHorizonDays - kDaysShown);
  LocalDate next = add_days(state_.first_day, days);
  if (next < today) next = today;
  if (last_first < next) next = last_first;
  if (next == state_.first_day) return;
  state_.first_day = next;
  state_.chosen_slot.reset();
  load_slots();
}

void Bookings::load_slots() {
  if (!state_.site) return;
  state_.slots_loading = true;
  const std::string path = "/api/v1/sites/" + std::to_string(state_.site->value) + "/slots?from=" +
                           format_date(state_.first_day) + "&to=" + format_date(add_days(state_.first_day, kDaysShown - 1));
  const SiteId site = *state_.site;
  call("GET", path, "", [this, site](const HttpResponse& r) {
    if (!state_.site || *state_.site != site) return;  // the user moved on
    state_.slots_loading = false;
    if (r.status != 200) return fail(r);
    state_.slots = decode_items<Slot>(parse_json_or_discarded(r.body), slot_from_json);
  });
}

void Bookings::choose_slot(std::int64_t slot_id) {
  state_.chosen_slot = slot_id;
  set_group_size(1);
  pending_key_ = new_key();
  if (!state_.user) open_auth(false);
}

void Bookings::clear_choice() { state_.chosen_slot.reset(); }

void Bookings::confirm_booking(bool waitlist) {
  if (!state_.chosen_slot || state_.booking_busy) return;
  if (!state_.user) return open_auth(false);
  state_.booking_busy = true;
  // The same key for retries of this choice: a booking answered while the network dropped is not made twice.
  json body{{"slot_id", *state_.chosen_slot}, {"waitlist", waitlist}};
  if (const Slot* slot = state_.chosen(); slot && slot->max_group > 1) body["group_size"] = state_.group_size;
  call("POST", "/api/v1/bookings", body.dump(),
       [this](const HttpResponse& r) {
         state_.booking_busy = false;
         if (r.status == 201) {
           auto booking = booking_from_json(parse_json_or_discarded(r.body));
           if (booking && booking->status == BookingStatus::waitlisted)
             say(Feedback::Kind::success, "waitlisted", booking->waitlist_position);
           else if (booking && booking->status == BookingStatus::pending)
             say(Feedback::Kind::success, "visit_pending");
           else
             say(Feedback::Kind::success, "booked");
           state_.chosen_slot.reset();
           load_slots();
           load_my_bookings();
           return;
         }
         fail(r);
         if (r.status != 0) load_slots();  // show the slot as it is now (e.g. full)
       },
       pending_key_);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] My bookings, passes, calendar, notifications
//-------------------------------------------------------------------------------------------------

void Bookings::load_my_bookings() {
  if (!state_.user) return;
  state_.my_bookings_loading = true;
  call("GET", "/api/v1/me/bookings?scope=all", "", [this](const HttpResponse& r) {
    state_.my_bookings_loading = false;
    if (r.status != 200) return fail(r);
    state_.my_bookings = decode_items<Booking>(parse_json_or_discarded(r.body), booking_from_json);
  });
}

void Bookings::cancel_booking(std::int64_t booking_id) {
  call("DELETE", id_path("/api/v1/bookings/", booking_id), "", [this](const HttpResponse& r) {
    if (r.status != 200) return fail(r);
    say(Feedback::Kind::success, "cancelled");
    state_.pass.reset();
    load_my_bookings();
    load_slots();
  });
}

void Bookings::show_pass(std::int64_t booking_id) {
  call("GET", id_path("/api/v1/bookings/", booking_id, "/pass"), "", [this](const HttpResponse& r) {
    if (r.status != 200) return fail(r);
    state_.pass = pass_from_json(parse_json_or_discarded(r.body));
  });
}

void Bookings::hide_pass() { state_.pass.reset(); }

void Bookings::download_calendar(std::int64_t booking_id) {
  if (!services_.download) return;
  services_.download(HttpRequest{"GET", id_path("/api/v1/bookings/", booking_id, "/calendar.ics"), "", state_.token, ""},
                     "gongyou-booking-" + std::to_string(booking_id) + ".ics");
}

void Bookings::load_notifications() {
  if (!state_.user) return;
  call("GET", "/api/v1/me/notifications", "", [this](const HttpResponse& r) {
    if (r.status != 200) return;
    const int before = state_.unread();
    state_.notifications = decode_items<Notification>(parse_json_or_discarded(r.body), notification_from_json);
    // A waiter promoted to a place (or a booking released) changes my bookings: reload them.
    if (state_.unread() > before) load_my_bookings();
  });
}

void Bookings::mark_notifications_read() {
  call("POST", "/api/v1/me/notifications/read", "", [this](const HttpResponse& r) {
    if (r.status == 200)
      for (Notification& n : state_.notifications) n.read = true;
  });
}

void Bookings::show_screen(Screen screen) {
  state_.screen = screen;
  state_.pass.reset();
  if ((screen == Screen::my_bookings || screen == Screen::staff || screen == Screen::coverage) && !state_.user)
    return open_auth(false);
  refresh();
}

void Bookings::dismiss_feedback() { state_.feedback.reset(); }

void Bookings::refresh() {
  if (state_.user) load_notifications();
  switch (state_.screen) {
    case Screen::my_bookings: load_my_bookings(); break;
    case Screen::slots: load_slots(); break;
    case Screen::staff: load_staff(); break;
    case Screen::sites: if (state_.user) load_my_bookings(); break;  // for the reminder banner
    case Screen::courses: break;                                      // app/courses/courses.cpp
    case Screen::coverage: break;                                     // app/coverage/coverage_analysis.cpp
  }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Staff
//-------------------------------------------------------------------------------------------------

void Bookings::load_staff() {
  const HolidayCalendar holidays = china_public_holidays();
  const LocalDate today = shanghai_date(services_.now());
  state_.holiday_table = holiday_table_reach(holidays, today);
  state_.holiday_table_last_year = holidays.last_year;
  state_.holiday_table_days_left =
      static_cast<int>(days_since_epoch({holidays.last_year, 12, 31}) - days_since_epoch(today));
  if (!state_.site || !state_.user || !state_.user->admin) return;
  const std::string site = std::to_string(state_.site->value);
  call("GET", "/api/v1/admin/sites/" + site + "/template", "", [this](const HttpResponse& r) {
    if (r.status == 200) {
      state_.template_form = template_from_json(parse_json_or_discarded(r.body));
      ++state_.template_revision;
    } else if (r.status == 404) {
      state_.template_form = TemplateForm{};
      ++state_.template_revision;
    }
  });
  call("GET", "/api/v1/admin/sites/" + site + "/roster?date=" + format_date(state_.roster_day), "",
       [this](const HttpResponse& r) {
         if (r.status != 200) return fail(r);
         state_.roster.clear();
         const json j = parse_json_or_discarded(r.body);
         if (!j.is_object() || !j.contains("slots") || !j["slots"].is_array()) return;
         for (const auto& item : j["slots"]) {
           auto slot = slot_from_json(item);
           if (!slot) continue;
           RosterSlot row{*slot, {}};
           if (item.contains("bookings") && item["bookings"].is_array())
             for (const auto& b : item["bookings"])
               if (auto booking = booking_from_json(b)) row.bookings.push_back(*booking);
           state_.roster.push_back(std::move(row));
         }
       });
}

void Bookings::save_template(const TemplateForm& form) {
  if (!state_.site) return;
  call("PUT", "/api/v1/admin/sites/" + std::to_string(state_.site->value) + "/template", to_json(form).dump(),
       [this](const HttpResponse& r) {
         if (r.status != 200) return fail(r);
         say(Feedback::Kind::success, "template_saved");
         load_staff();
       });
}

void Bookings::shift_roster_day(int days) {
  state_.roster_day = add_days(state_.roster_day, days);
  load_staff();
}

void Bookings::set_group_size(int size) {
  const Slot* slot = state_.chosen();
  const int low = slot ? slot->min_group : 1, high = slot ? slot->max_group : 1;
  state_.group_size = size < low ? low : size > high ? high : size;
  pending_key_ = new_key();  // another body: another request
}

void Bookings::decide_visit(std::int64_t booking_id, bool approve, const std::string& reason) {
  const std::string path = id_path("/api/v1/admin/bookings/", booking_id, approve ? "/approve" : "/deny");
  call("POST", path, approve ? "" : json{{"reason", reason}}.dump(), [this, approve](const HttpResponse& r) {
    if (r.status != 200) return fail(r);
    say(Feedback::Kind::success, approve ? "visit_approved" : "visit_denied");
    load_staff();
  });
}

void Bookings::check_in(std::int64_t booking_id) {
  call("POST", id_path("/api/v1/admin/bookings/", booking_id, "/check-in"), "", [this](const HttpResponse& r) {
    if (r.status != 200) return fail(r);
    say(Feedback::Kind::success, "checked_in");
    load_staff();
  });
}

void Bookings::staff_cancel(std::int64_t booking_id) {
  call("DELETE", id_path("/api/v1/bookings/", booking_id), "", [this](const HttpResponse& r) {
    if (r.status != 200) return fail(r);
    say(Feedback::Kind::success, "cancelled");
    load_staff();
  });
}

void Bookings::download(const std::string& path, const std::string& filename) {
  if (!services_.download || state_.token.empty()) return;
  services_.download(HttpRequest{"GET", path, "", state_.token, ""}, filename);
}

void Bookings::export_roster() {
  if (!state_.site || !services_.download) return;
  const std::string day = format_date(state_.roster_day);
  services_.download(HttpRequest{"GET", "/api/v1/admin/sites/" + std::to_string(state_.site->value) +
                                            "/roster.csv?date=" + day, "", state_.token, ""},
                     "gongyou-roster-" + std::to_string(state_.site->value) + "-" + day + ".csv");
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Plumbing
//-------------------------------------------------------------------------------------------------

void Bookings::call(const std::string& method, const std::string& path, const std::string& body, Done done,
                    const std::string& idempotency_key) {
  const bool authenticated = !state_.token.empty();
  services_.http(HttpRequest{method, path, body, state_.token, idempotency_key},
                 [this, authenticated, done = std::move(done)](HttpResponse r) {
                   if (r.status == 401 && authenticated && state_.user) {  // expired or revoked session
                     state_.token.clear();
                     state_.user.reset();
                     if (services_.save_setting) services_.save_setting(kTokenSetting, "");
                     say(Feedback::Kind::error, "session_expired");
                     open_auth(false);
                     if (session_listener) session_listener();
                   } else if (r.status == 401 && authenticated) {
                     state_.token.clear();
                     if (services_.save_setting) services_.save_setting(kTokenSetting, "");
                   }
                   done(r);
                 });
}

std::string Bookings::new_key() const {
  static std::uint64_t fallback = 0;  // tests without a random source
  return services_.new_key ? services_.new_key() : "key-" + std::to_string(++fallback);
}

void Bookings::fail(const HttpResponse& response) {
  // An expired session was already explained (call()); a 401 must not replace that with a bare code.
  if (response.status == 401 && state_.feedback && state_.feedback->code == "session_expired") return;
  const ApiError e = api_error(response.status, response.body);
  Feedback f{Feedback::Kind::error, e.code, 0, e.message};
  state_.feedback = std::move(f);
}

void Bookings::say(Feedback::Kind kind, std::string code, int number) {
  state_.feedback = Feedback{kind, std::move(code), number, ""};
}

}  // namespace gongyou
