// app/bookings/staff_desk.cpp — see staff_desk.h.
#include "app/bookings/staff_desk.h"

#include <nlohmann/json.hpp>

#include "app/json_fields.h"
#include "core/site.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

std::string site_path(SiteId site, const char* suffix) {
  return "/api/v1/admin/sites/" + std::to_string(site.value) + suffix;
}

}  // namespace

void StaffDesk::open_site(SiteId site, const std::string& name) {
  if (state_.site != site) {
    state_.template_form.reset();
    state_.roster.clear();
  }
  state_.site = site;
  state_.site_name = name;
  state_.roster_day = shanghai_date(now_());
  load();
}

void StaffDesk::session_changed() {
  state_.template_form.reset();
  state_.roster.clear();
}

void StaffDesk::load() {
  const HolidayCalendar holidays = china_public_holidays();
  const LocalDate today = shanghai_date(now_());
  state_.holiday_table = holiday_table_reach(holidays, today);
  state_.holiday_table_last_year = holidays.last_year;
  state_.holiday_table_days_left =
      static_cast<int>(days_since_epoch({holidays.last_year, 12, 31}) - days_since_epoch(today));
  if (!state_.site || !session_.staff()) return;
  const SiteId site = *state_.site;
  session_.call("GET", site_path(site, "/template"), "", [this, site](const HttpResponse& r) {
    if (state_.site != site) return;
    if (r.status == 200) {
      state_.template_form = template_from_json(parse_json_or_discarded(r.body));
      ++state_.template_revision;
    } else if (r.status == 404) {
      state_.template_form = TemplateForm{};
      ++state_.template_revision;
    }
  });
  session_.call("GET", site_path(site, "/roster?date=") + format_date(state_.roster_day), "",
                [this, site](const HttpResponse& r) {
                  if (state_.site != site) return;
                  if (r.status != 200) return session_.fail(r);
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

void StaffDesk::apply(const SaveTemplate& i) {
  if (!state_.site) return;
  session_.call("PUT", site_path(*state_.site, "/template"), to_json(i.form).dump(), [this](const HttpResponse& r) {
    if (r.status != 200) return session_.fail(r);
    session_.say(Feedback::Kind::success, "template_saved");
    load();
  });
}

void StaffDesk::apply(const ShiftRosterDay& i) {
  state_.roster_day = add_days(state_.roster_day, i.days);
  load();
}

void StaffDesk::apply(const DecideVisit& i) {
  const std::string path =
      "/api/v1/admin/bookings/" + std::to_string(i.booking.value) + (i.approve ? "/approve" : "/deny");
  session_.call("POST", path, i.approve ? "" : json{{"reason", i.reason}}.dump(),
                [this, approve = i.approve](const HttpResponse& r) {
                  if (r.status != 200) return session_.fail(r);
                  session_.say(Feedback::Kind::success, approve ? "visit_approved" : "visit_denied");
                  load();
                });
}

void StaffDesk::apply(const CheckIn& i) {
  session_.call("POST", "/api/v1/admin/bookings/" + std::to_string(i.booking.value) + "/check-in", "",
                [this](const HttpResponse& r) {
                  if (r.status != 200) return session_.fail(r);
                  session_.say(Feedback::Kind::success, "checked_in");
                  load();
                });
}

void StaffDesk::apply(const StaffCancel& i) {
  session_.call("DELETE", "/api/v1/bookings/" + std::to_string(i.booking.value), "", [this](const HttpResponse& r) {
    if (r.status != 200) return session_.fail(r);
    session_.say(Feedback::Kind::success, "cancelled");
    load();
  });
}

void StaffDesk::apply(const ExportRoster&) {
  if (!state_.site) return;
  const std::string day = format_date(state_.roster_day);
  session_.download(site_path(*state_.site, "/roster.csv?date=") + day,
                    "gongyou-roster-" + std::to_string(state_.site->value) + "-" + day + ".csv", "roster_downloaded");
}

}  // namespace gongyou
