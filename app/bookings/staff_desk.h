// app/bookings/staff_desk.h — the staff screen of one bookable site (管理): its weekly template, the day's roster
// with check-in, cancelling on someone's behalf, approving studio visits and the CSV export, and whether the
// statutory holiday table still covers the coming month. State (StaffDeskState, read by ui/staff_view) and
// controller (StaffDesk). Platform-free: talks to the API through the Session.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/bookings/booking_model.h"
#include "app/session.h"
#include "app/type_list.h"
#include "core/civil_time.h"
#include "core/public_holidays.h"

namespace gongyou {

// ---- Intents (ui/staff_view) ----
struct SaveTemplate { TemplateForm form; };
struct ShiftRosterDay { int days; };
struct CheckIn { BookingId booking; };
struct StaffCancel { BookingId booking; };
struct DecideVisit { BookingId booking; bool approve; std::string reason; };  ///< a pending studio visit
struct ExportRoster {};
/// The staff desk's intents.
using StaffDeskIntents = TypeList<SaveTemplate, ShiftRosterDay, CheckIn, StaffCancel, DecideVisit, ExportRoster>;

/// What the staff screen shows.
struct StaffDeskState {
  std::optional<SiteId> site;  ///< the site being managed
  std::string site_name;
  std::optional<TemplateForm> template_form;
  std::uint64_t template_revision = 0;  ///< increases when a template arrives from the server
  LocalDate roster_day;
  std::vector<RosterSlot> roster;
  HolidayTableReach holiday_table = HolidayTableReach::covers;  ///< the screen warns unless it covers
  int holiday_table_last_year = 0;   ///< the last year of the statutory holiday table
  int holiday_table_days_left = 0;   ///< days from today to that year's end (with ends_soon)
};

/// The staff screen's controller.
class StaffDesk {
 public:
  /// `session` must outlive the desk; `now` is the platform's clock.
  StaffDesk(Session& session, std::function<UtcSeconds()> now) : session_(session), now_(std::move(now)) {}

  const StaffDeskState& state() const { return state_; }

  /// Manages `site` from today's roster on.
  void open_site(SiteId site, const std::string& name);
  /// Loads the template and the roster (staff only) and checks the holiday table.
  void load();
  /// Someone signed in or out: forget the roster of the last one.
  void session_changed();

  void apply(const SaveTemplate& i);
  void apply(const ShiftRosterDay& i);
  void apply(const CheckIn& i);
  void apply(const StaffCancel& i);
  void apply(const DecideVisit& i);
  void apply(const ExportRoster& i);

 private:
  Session& session_;
  std::function<UtcSeconds()> now_;
  StaffDeskState state_;
};

}  // namespace gongyou
