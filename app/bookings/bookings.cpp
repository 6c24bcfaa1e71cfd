// app/bookings/bookings.cpp — see bookings.h. Every call goes through the Session; every refusal becomes a Feedback
// code that ui/ turns into a Chinese (or English) sentence.
//
// [SECTION] BookingState queries
// [SECTION] Slots and booking
// [SECTION] My bookings, passes, calendar
#include "app/bookings/bookings.h"

#include <nlohmann/json.hpp>

#include "app/json_fields.h"
#include "core/booking_rules.h"
#include "core/site.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

std::string booking_path(BookingId id, const char* suffix = "") {
  return "/api/v1/bookings/" + std::to_string(id.value) + suffix;
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

const Booking* BookingState::next_booking(UtcSeconds now) const {
  const Booking* next = nullptr;
  for (const Booking& b : my_bookings)
    if ((b.status == BookingStatus::confirmed || b.status == BookingStatus::pending) && b.end > now &&
        (!next || b.start < next->start))
      next = &b;
  return next;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Slots and booking
//-------------------------------------------------------------------------------------------------

Bookings::Bookings(Session& session, std::function<UtcSeconds()> now) : session_(session), now_(std::move(now)) {}

void Bookings::session_changed() {
  const std::optional<UserId> now_signed_in =
      session_.signed_in() ? std::optional(session_.state().user->id) : std::nullopt;
  // A slot chosen before signing in is what the worker signed in for: it stays chosen. Anyone else's choice goes.
  if (user_) {
    state_.chosen_slot.reset();
    state_.booking_busy = false;
    pending_key_.clear();
  }
  user_ = now_signed_in;
  state_.my_bookings.clear();
  ++state_.my_bookings_revision;
  state_.pass.reset();
  for (Slot& slot : state_.slots) {  // "mine" marks were the last user's
    slot.my_booking_id.reset();
    slot.my_status.reset();
  }
  ++state_.slots_revision;
  load_my_bookings();
  load_slots();
}

void Bookings::open_site(SiteId site, const std::string& name) {
  state_.site = site;
  state_.site_name = name;
  state_.first_day = shanghai_date(now_());
  state_.chosen_slot.reset();
  state_.slots.clear();
  ++state_.slots_revision;
  load_slots();
}

void Bookings::apply(const ShiftDays& i) {
  const LocalDate today = shanghai_date(now_());
  const LocalDate last_first = add_days(today, kBookingHorizonDays - kSlotGridDays);
  LocalDate next = add_days(state_.first_day, i.days);
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
                           format_date(state_.first_day) + "&to=" +
                           format_date(add_days(state_.first_day, kSlotGridDays - 1));
  const SiteId site = *state_.site;
  session_.call("GET", path, "", [this, site](const HttpResponse& r) {
    if (!state_.site || *state_.site != site) return;  // the user moved on
    state_.slots_loading = false;
    if (r.status != 200) return session_.fail(r);
    state_.slots = decode_items<Slot>(parse_json_or_discarded(r.body), slot_from_json);
    ++state_.slots_revision;
  });
}

void Bookings::apply(const ChooseSlot& i) {
  state_.chosen_slot = i.slot;
  apply(SetGroupSize{1});
  pending_key_ = session_.new_key();
  session_.require_account();
}

void Bookings::apply(const ClearChoice&) { state_.chosen_slot.reset(); }

void Bookings::apply(const SetGroupSize& i) {
  const Slot* slot = state_.chosen();
  const int low = slot ? slot->min_group : 1, high = slot ? slot->max_group : 1;
  state_.group_size = i.size < low ? low : i.size > high ? high : i.size;
  pending_key_ = session_.new_key();  // another body: another request
}

void Bookings::apply(const ConfirmBooking& i) {
  if (!state_.chosen_slot || state_.booking_busy) return;
  if (!session_.require_account()) return;
  const Slot* slot = state_.chosen();
  state_.booking_busy = true;
  // The same key for retries of this choice: a booking answered while the network dropped is not made twice.
  json body{{"slot_id", state_.chosen_slot->value}, {"waitlist", i.waitlist}};
  if (slot && slot->max_group > 1) body["group_size"] = state_.group_size;
  session_.call("POST", "/api/v1/bookings", body.dump(),
                [this](const HttpResponse& r) {
                  state_.booking_busy = false;
                  if (r.status == 201) {
                    auto booking = booking_from_json(parse_json_or_discarded(r.body));
                    if (booking && booking->status == BookingStatus::waitlisted)
                      session_.say(Feedback::Kind::success, "waitlisted", booking->waitlist_position);
                    else if (booking && booking->status == BookingStatus::pending)
                      session_.say(Feedback::Kind::success, "visit_pending");
                    else
                      session_.say(Feedback::Kind::success, "booked");
                    state_.chosen_slot.reset();
                    load_slots();
                    load_my_bookings();
                    return;
                  }
                  session_.fail(r);
                  if (r.status != 0) load_slots();  // show the slot as it is now (e.g. full)
                },
                pending_key_);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] My bookings, passes, calendar
//-------------------------------------------------------------------------------------------------

void Bookings::load_my_bookings() {
  if (!session_.signed_in()) return;
  state_.my_bookings_loading = true;
  const UserId user = session_.state().user->id;
  session_.call("GET", "/api/v1/me/bookings?scope=all", "", [this, user](const HttpResponse& r) {
    if (!session_.is_signed_in_as(user)) return;  // signed out, or in as someone else, meanwhile
    state_.my_bookings_loading = false;
    if (r.status != 200) return session_.fail(r);
    state_.my_bookings = decode_items<Booking>(parse_json_or_discarded(r.body), booking_from_json);
    ++state_.my_bookings_revision;
  });
}

void Bookings::apply(const CancelBooking& i) {
  session_.call("DELETE", booking_path(i.booking), "", [this](const HttpResponse& r) {
    if (r.status != 200) return session_.fail(r);
    session_.say(Feedback::Kind::success, "cancelled");
    state_.pass.reset();
    load_my_bookings();
    load_slots();
  });
}

void Bookings::apply(const ShowPass& i) {
  session_.call("GET", booking_path(i.booking, "/pass"), "", [this](const HttpResponse& r) {
    if (r.status != 200) {
      session_.fail(r);  // says why: cancelled, used, not confirmed, ended
      if (r.status == 409) load_my_bookings();  // the list was stale (changed on another device): show it as it is
      return;
    }
    state_.pass = pass_from_json(parse_json_or_discarded(r.body));
  });
}

void Bookings::apply(const HidePass&) { state_.pass.reset(); }

void Bookings::apply(const DownloadCalendar& i) {
  session_.download(booking_path(i.booking, "/calendar.ics"),
                    "gongyou-booking-" + std::to_string(i.booking.value) + ".ics", "calendar_downloaded");
}

}  // namespace gongyou
