// server/store/sql/sql_bookings.cpp — SqlStore's bookings (store/booking_store.h).
//
// The capacity guarantee: a place is taken only by the conditional update
// `UPDATE slots SET booked = booked + places WHERE id = ? AND booked + places <= capacity` inside the booking's
// write transaction; the schema adds CHECK (booked <= capacity) and a partial UNIQUE index on (slot_id, user_id)
// over active bookings, so even a bug here could not overfill a slot or double-book a user.
//
// book() and cancel_booking(), the hot paths, run as WriteMode::locking (so do check_in() and
// mark_notifications_read(), single conditional updates) and lock first what they decide on
// (where the dialect has row locks, i.e. PostgreSQL READ COMMITTED): book() the user's row (their limit and
// duplicate checks) and the slot's row; cancel_booking() the booking's row and its slot's row. So two bookings
// of one slot, or a booking and a cancellation that promotes waiters, run one after the other on every
// instance, and a waiter can never be queued behind a place freed at the same moment. Everything else here is
// WriteMode::serial; on PostgreSQL those SERIALIZABLE transactions conflict with these on the rows both write,
// and PostgreSQL then makes the serializable one start again. On SQLite every write is serial anyway.
#include <algorithm>

#include "core/booking_rules.h"
#include "server/store/sql/booking_steps.h"
#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

constexpr std::int64_t kNoShowGraceSeconds = static_cast<std::int64_t>(kNoShowGrace.value * 60);

/// What a booking transaction decides on: the slot's fields, and whether the user already holds it and how many
/// active future visits they hold.
struct BookingState {
  UtcSeconds start, end;
  SlotKind kind = SlotKind::visit;
  VisitRules rules;
  bool holds_slot = false;
  int active_future_visits = 0;
};

/// The slot (when it exists and is not retired) and the user's bookings, read in one statement: on PostgreSQL
/// this runs after lock_for_booking(), so it sees every booking committed before the locks were granted.
std::optional<BookingState> booking_state(Connection& writer, const BookRequest& request) {
  auto query = writer.cached(
      "SELECT s.start_at, s.end_at, s.kind, coalesce(r.min_group, 1), coalesce(r.max_group, 1), "
      "coalesce(r.approval_required, 0), "
      "EXISTS (SELECT 1 FROM bookings b WHERE b.slot_id = s.id AND b.user_id = ?2 "
      "AND b.status IN ('confirmed', 'waitlisted', 'checked_in')), "
      "(SELECT count(*) FROM bookings b WHERE b.user_id = ?2 AND b.status IN ('confirmed', 'waitlisted') "
      "AND b.slot_start > ?3 AND b.kind = 'visit') "
      "FROM slots s LEFT JOIN visit_rules r ON r.site_id = s.site_id AND s.kind = 'visit' "
      "WHERE s.id = ?1 AND s.retired = 0");
  query->bind(1, request.slot.value);
  query->bind(2, request.user.value);
  query->bind(3, request.now.value);
  if (!query->step()) return std::nullopt;
  return BookingState{UtcSeconds{query->column_int(0)}, UtcSeconds{query->column_int(1)},
                      query->column_text(2) == "class" ? SlotKind::class_session : SlotKind::visit,
                      VisitRules{static_cast<int>(query->column_int(3)), static_cast<int>(query->column_int(4)),
                                 query->column_int(5) != 0},
                      query->column_int(6) != 0, static_cast<int>(query->column_int(7))};
}

BookingId insert_booking(Connection& writer, const BookRequest& request, const BookingState& slot,
                         BookingStatus status) {
  auto insert = writer.cached(
      "INSERT INTO bookings (slot_id, user_id, status, slot_start, attend_from, created_at, kind, places, approval) "
      "VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8) RETURNING id");
  insert->bind(1, request.slot.value);
  insert->bind(2, request.user.value);
  insert->bind(3, wire_name(status));
  insert->bind(4, slot.start.value);
  insert->bind(5, request.now.value);
  insert->bind(6, slot_kind_name(slot.kind));
  insert->bind(7, request.places);
  if (slot.rules.approval_required) insert->bind(8, std::string_view("pending"));
  insert->step();
  return BookingId{insert->column_int(0)};
}

void mark_cancelled(Connection& writer, BookingId id, UserId actor, UtcSeconds now) {
  auto update =
      writer.cached("UPDATE bookings SET status = 'cancelled', cancelled_at = ?2, cancelled_by = ?3 WHERE id = ?1");
  update->bind(1, id.value);
  update->bind(2, now.value);
  update->bind(3, actor.value);
  update->step();
}

/// Locks a booking's user and slot rows until the transaction ends, in one statement (users first, then slots:
/// the order of FOR UPDATE's row marks), where the dialect locks rows; a no-op on SQLite, whose single writer
/// already runs the writes one at a time.
void lock_for_booking(Connection& writer, const BookRequest& request) {
  if (!*writer.dialect().for_update()) return;
  auto lock = writer.cached(std::string("SELECT 1 FROM users u, slots s WHERE u.id = ?1 AND s.id = ?2") +
                            writer.dialect().for_update());
  lock->bind(1, request.user.value);
  lock->bind(2, request.slot.value);
  lock->step();
}

/// Locks a booking's row and its slot's row until the transaction ends (see lock_for_booking).
void lock_for_cancel(Connection& writer, BookingId booking) {
  const std::string for_update = writer.dialect().for_update();
  if (for_update.empty()) return;
  auto lock = writer.cached("SELECT 1 FROM slots WHERE id = (SELECT slot_id FROM bookings WHERE id = ?1" +
                            for_update + ")" + for_update);
  lock->bind(1, booking.value);
  lock->step();
}

std::vector<Booking> bookings_where(Connection& connection, const char* where, auto&& bind) {
  auto query = connection.cached(std::string(kBookingSelect) + where);
  bind(*query);
  std::vector<Booking> bookings;
  while (query->step()) bookings.push_back(read_booking_row(*query));
  return bookings;
}

}  // namespace

BookOutcome SqlStore::book(const BookRequest& request) {
  return write_locking([&](Connection& writer) -> BookOutcome {
    lock_for_booking(writer, request);
    const auto slot = booking_state(writer, request);
    if (!slot || slot->kind != request.kind) return {BookResult::slot_not_found, std::nullopt};
    if (request.places < slot->rules.min_group || request.places > std::max(slot->rules.max_group, 1))
      return {BookResult::bad_group_size, std::nullopt};
    if (!is_bookable_at(request.now, slot->start)) return {BookResult::slot_closed, std::nullopt};
    if (slot->holds_slot) return {BookResult::already_holds, std::nullopt};
    if (slot->kind == SlotKind::visit && slot->active_future_visits >= request.limit)
      return {BookResult::limit_reached, std::nullopt};
    BookingStatus status = BookingStatus::confirmed;
    if (!take_places(writer, request.slot, request.places)) {
      if (!request.waitlist) return {BookResult::slot_full, std::nullopt};
      status = BookingStatus::waitlisted;
    }
    const BookingId id = insert_booking(writer, request, *slot, status);
    return {BookResult::booked, load_booking(writer, id)};
  });
}

std::optional<Booking> SqlStore::find_booking(BookingId id) {
  auto connection = borrow();
  return load_booking(*connection, id);
}

std::vector<Booking> SqlStore::user_bookings(UserId user, BookingScope scope, UtcSeconds now) {
  auto connection = borrow();
  return bookings_where(*connection,
                        "WHERE b.user_id = ?1 AND b.kind = 'visit' AND (?2 = 0 OR (?2 = 1 AND s.end_at > ?3) OR (?2 = "
                        "2 AND s.end_at <= ?3)) "
                        "ORDER BY s.start_at, b.id",
                        [&](Statement& query) {
                          query.bind(1, user.value);
                          query.bind(2, scope == BookingScope::all ? 0 : scope == BookingScope::upcoming ? 1 : 2);
                          query.bind(3, now.value);
                        });
}

std::vector<Booking> SqlStore::slot_bookings(SlotId slot) {
  auto connection = borrow();
  return bookings_where(*connection, "WHERE b.slot_id = ?1 ORDER BY b.id",
                        [&](Statement& query) { query.bind(1, slot.value); });
}

ChangeOutcome SqlStore::cancel_booking(const CancelRequest& request) {
  return write_locking([&](Connection& writer) -> ChangeOutcome {
    lock_for_cancel(writer, request.booking);
    auto booking = load_booking(writer, request.booking);
    if (!booking || (!request.by_staff && booking->user != request.actor)) return {ChangeResult::not_found, {}};
    const bool held = booking->status == BookingStatus::confirmed || booking->status == BookingStatus::pending;
    if (!held && booking->status != BookingStatus::waitlisted) return {ChangeResult::wrong_status, booking};
    if (held && !request.by_staff && !can_cancel(request.now, booking->start)) return {ChangeResult::too_late, booking};
    mark_cancelled(writer, booking->id, request.actor, request.now);
    if (held && free_places(writer, booking->slot, booking->places) > 0)
      promote_waiters(writer, booking->slot, request.now);
    // What mark_cancelled() changed, without reading the row again (read_booking_row() of it gives the same).
    booking->status = BookingStatus::cancelled;
    booking->cancelled_at = request.now;
    booking->waitlist_position = std::nullopt;
    if (request.by_staff && booking->user != request.actor)
      notify(writer, NotificationKind::cancelled_by_staff, *booking, request.now);
    return {ChangeResult::done, booking};
  });
}

int SqlStore::cancel_site_bookings(SiteId site, UtcSeconds from, UtcSeconds until, UserId staff, UtcSeconds now) {
  return write([&](Connection& writer) {
    const auto active = bookings_where(
        writer,
        "WHERE s.site_id = ?1 AND s.start_at >= ?2 AND s.start_at < ?3 AND b.status IN ('confirmed', 'waitlisted') "
        "AND b.kind = 'visit'",
        [&](Statement& query) {
          query.bind(1, site.value);
          query.bind(2, from.value);
          query.bind(3, until.value);
        });
    for (const Booking& booking : active) {
      mark_cancelled(writer, booking.id, staff, now);
      if (booking.status != BookingStatus::waitlisted) free_places(writer, booking.slot, booking.places);
      notify(writer, NotificationKind::cancelled_by_staff, booking, now);
    }
    return static_cast<int>(active.size());
  });
}

ChangeOutcome SqlStore::check_in(BookingId id, UtcSeconds now) {
  return write_locking([&](Connection& writer) -> ChangeOutcome {
    auto update = writer.cached(
        "UPDATE bookings SET status = 'checked_in', checked_in_at = ?2 WHERE id = ?1 AND status = 'confirmed' "
        "AND approval IS DISTINCT FROM 'pending'");
    update->bind(1, id.value);
    update->bind(2, now.value);
    update->step();
    const bool changed = writer.changes() == 1;
    auto booking = load_booking(writer, id);
    if (!booking) return {ChangeResult::not_found, {}};
    return {changed ? ChangeResult::done : ChangeResult::wrong_status, booking};
  });
}

int SqlStore::release_no_shows(UtcSeconds now) {
  const UtcSeconds due_from{now.value - kNoShowGraceSeconds};
  {
    // The common case, nothing due, costs one indexed read and no write lock.
    auto connection = borrow();
    auto due =
        (*connection)
            .cached(
                "SELECT EXISTS (SELECT 1 FROM bookings WHERE status = 'confirmed' AND kind = 'visit' AND attend_from "
                "<= ?1)");
    due->bind(1, due_from.value);
    if (!due->step() || due->column_int(0) == 0) return 0;
  }
  return write([&](Connection& writer) {
    std::vector<std::pair<BookingId, UtcSeconds>> candidates;
    {
      auto query = writer.cached(
          "SELECT id, attend_from FROM bookings WHERE status = 'confirmed' AND kind = 'visit' AND attend_from <= ?1 "
          "ORDER BY id");
      query->bind(1, due_from.value);
      while (query->step()) candidates.emplace_back(BookingId{query->column_int(0)}, UtcSeconds{query->column_int(1)});
    }
    int released = 0;
    for (const auto& [id, attend_from] : candidates) {
      if (!is_no_show(now, attend_from)) continue;
      auto update = writer.cached("UPDATE bookings SET status = 'no_show' WHERE id = ?1 AND status = 'confirmed'");
      update->bind(1, id.value);
      update->step();
      if (writer.changes() == 0) continue;
      const auto booking = load_booking(writer, id);
      free_places(writer, booking->slot, booking->places);
      notify(writer, NotificationKind::released, *booking, now);
      promote_waiters(writer, booking->slot, now);
      ++released;
    }
    return released;
  });
}

ChangeOutcome SqlStore::decide_booking(const ApprovalRequest& request) {
  return write([&](Connection& writer) -> ChangeOutcome {
    auto booking = load_booking(writer, request.booking);
    if (!booking) return {ChangeResult::not_found, {}};
    if (booking->status != BookingStatus::pending) return {ChangeResult::wrong_status, booking};
    auto update = writer.cached(
        request.approve ? "UPDATE bookings SET approval = 'approved' WHERE id = ?1"
                        : "UPDATE bookings SET approval = 'denied', decision_reason = ?2, status = 'cancelled', "
                          "cancelled_at = ?3 WHERE id = ?1");
    update->bind(1, booking->id.value);
    if (!request.approve) {
      update->bind(2, request.reason);
      update->bind(3, request.now.value);
    }
    update->step();
    if (!request.approve) {
      free_places(writer, booking->slot, booking->places);
      promote_waiters(writer, booking->slot, request.now);
    }
    booking = load_booking(writer, booking->id);
    notify(writer, request.approve ? NotificationKind::approved : NotificationKind::denied, *booking, request.now);
    return {ChangeResult::done, booking};
  });
}

std::vector<Notification> SqlStore::notifications(UserId user) {
  auto connection = borrow();
  auto query = (*connection)
                   .cached(
                       "SELECT id, kind, booking_id, message, created_at, read, lecture_request_id, application_id, quiz_id, activity_signup_id FROM notifications "
                       "WHERE user_id = ?1 ORDER BY id DESC LIMIT 200");
  query->bind(1, user.value);
  std::vector<Notification> items;
  while (query->step()) {
    Notification item;
    item.id = query->column_id<NotificationId>(0);
    const std::string kind = query->column_text(1);
    for (auto k : {NotificationKind::promoted, NotificationKind::released, NotificationKind::cancelled_by_staff,
                   NotificationKind::approved, NotificationKind::denied, NotificationKind::lecture_update,
                   NotificationKind::membership_update, NotificationKind::quiz_prize,
                   NotificationKind::activity_promoted})
      if (notification_kind_name(k) == kind) item.kind = k;
    if (!query->column_is_null(2)) item.booking = BookingId{query->column_int(2)};
    if (!query->column_is_null(6)) item.lecture_request = query->column_id<LectureRequestId>(6);
    if (!query->column_is_null(7)) item.application = query->column_id<ApplicationId>(7);
    if (!query->column_is_null(8)) item.quiz = query->column_id<QuizId>(8);
    if (!query->column_is_null(9)) item.activity_signup = query->column_id<SignupId>(9);
    item.message = query->column_text(3);
    item.created_at = UtcSeconds{query->column_int(4)};
    item.read = query->column_int(5) != 0;
    items.push_back(std::move(item));
  }
  return items;
}

void SqlStore::mark_notifications_read(UserId user) {
  write_locking([&](Connection& writer) {
    auto update = writer.cached("UPDATE notifications SET read = 1 WHERE user_id = ?1 AND read = 0");
    update->bind(1, user.value);
    update->step();
  });
}

}  // namespace gongyou::server::sql
