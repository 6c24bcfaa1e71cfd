// app/bookings/bookings.h — accounts, slot booking, my bookings, door passes and the staff screens:
// their state (BookingState, read by views) and their controller (Bookings, changed by intents).
// Platform-free: talks to the API through AppServices.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/public_holidays.h"
#include "core/units.h"
#include "app/bookings/booking_model.h"

namespace gongyou {

struct AppServices;
struct HttpResponse;

/// Which screen the panel shows.
enum class Screen : std::uint8_t { sites, slots, my_bookings, staff, courses, coverage };

/// A short message shown after an action: a code the UI turns into words, and a number for some.
struct Feedback {
  enum class Kind : std::uint8_t { info, success, error } kind = Kind::info;
  std::string code;  ///< "booked", "waitlisted", "slot_full", "too_late", "network", ...
  int number = 0;    ///< e.g. the waitlist position
  std::string detail;  ///< the server's own words, where they help (e.g. why a template is refused)
};

/// All state of the booking side of the app.
struct BookingState {
  Screen screen = Screen::sites;
  // ---- account ----
  std::optional<User> user;
  std::string token;
  bool auth_open = false, auth_register = false, auth_busy = false;
  // ---- slot grid of one site ----
  std::optional<SiteId> site;     ///< the bookable site whose slots are shown
  std::string site_name;
  LocalDate first_day;            ///< first of the 7 days shown
  std::vector<Slot> slots;
  bool slots_loading = false;
  std::optional<std::int64_t> chosen_slot;  ///< first tap done, waiting for the confirming tap
  int group_size = 1;                       ///< visitors of a studio visit being booked
  bool booking_busy = false;
  // ---- my bookings ----
  std::vector<Booking> my_bookings;
  bool my_bookings_loading = false;
  std::optional<DoorPass> pass;   ///< the pass being shown
  std::vector<Notification> notifications;
  // ---- staff ----
  std::optional<TemplateForm> template_form;
  std::uint64_t template_revision = 0;  ///< increases when a template arrives from the server
  LocalDate roster_day;
  std::vector<RosterSlot> roster;
  HolidayTableReach holiday_table = HolidayTableReach::covers;  ///< the staff screen warns unless it covers
  int holiday_table_last_year = 0;   ///< the last year of the statutory holiday table
  int holiday_table_days_left = 0;   ///< days from today to that year's end (with ends_soon)
  // ---- feedback ----
  std::optional<Feedback> feedback;

  /// The chosen slot, if it is among the loaded ones.
  const Slot* chosen() const;
  /// Confirmed bookings starting within the next hour (for the reminder banner).
  std::vector<const Booking*> starting_soon(UtcSeconds now) const;
  /// Unread notifications.
  int unread() const;
};

/// The booking controller.
class Bookings {
 public:
  /// Restores the saved session (if any) through `services`.
  explicit Bookings(const AppServices& services);

  const BookingState& state() const { return state_; }

  void open_auth(bool register_form);
  void close_auth();
  void login(const std::string& username, const std::string& password);
  void register_user(const std::string& username, const std::string& password, const std::string& display_name);
  void logout();
  /// Shows the 7-day slot grid of a bookable site (asks to sign in first when needed).
  void open_site(SiteId site, const std::string& name);
  void shift_days(int days);
  /// First tap on a slot: remember it; a second tap (confirm) books.
  void choose_slot(std::int64_t slot_id);
  void clear_choice();
  /// The group size of the visit being booked (kept within the chosen slot's rules).
  void set_group_size(int size);
  void confirm_booking(bool waitlist);
  void cancel_booking(std::int64_t booking_id);
  void show_pass(std::int64_t booking_id);
  void hide_pass();
  void download_calendar(std::int64_t booking_id);
  void show_screen(Screen screen);
  void dismiss_feedback();
  /// Reloads what the current screen shows and the notifications (periodic refresh).
  void refresh();
  void mark_notifications_read();
  // ---- staff ----
  void save_template(const TemplateForm& form);
  void shift_roster_day(int days);
  void check_in(std::int64_t booking_id);
  /// Approves or denies a pending studio visit.
  void decide_visit(std::int64_t booking_id, bool approve, const std::string& reason);
  void staff_cancel(std::int64_t booking_id);
  void export_roster();

  // ---- the session, for the other controllers (app/courses/courses.h) ----
  using Done = std::function<void(const HttpResponse&)>;
  /// Calls the API with the session's token; an expired session signs out and asks to sign in again.
  void call(const std::string& method, const std::string& path, const std::string& body, Done done,
            const std::string& idempotency_key = "");
  /// Saves the answer of GET `path` (asked with the session's token) as a file named `filename`.
  void download(const std::string& path, const std::string& filename);
  /// Explains a refused or failed request in the feedback line.
  void fail(const HttpResponse& response);
  /// Puts a message in the feedback line.
  void say(Feedback::Kind kind, std::string code, int number = 0);
  /// A fresh idempotency key.
  std::string new_key() const;
  /// Called when someone signs in, out, or the saved session is restored or expires.
  std::function<void()> session_listener;

 private:
  void load_me();
  void load_slots();
  void load_my_bookings();
  void load_notifications();
  void load_staff();
  /// Sign-in and registration: POST `body` to `path`; `success_status` brings a session, `refusal_status`
  /// is explained by `refusal_code`.
  void authenticate(const char* path, const std::string& body, int success_status, const char* refusal_code,
                    int refusal_status);
  void signed_in(const std::string& token, const User& user);

  const AppServices& services_;
  BookingState state_;
  std::string pending_key_;  ///< idempotency key of the booking being confirmed (kept for retries)
};

}  // namespace gongyou
