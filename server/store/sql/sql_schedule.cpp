// server/store/sql/sql_schedule.cpp — SqlStore's schedules and slots: weekly templates, day
// exceptions, reconciling slots with a plan, slot listings (store/schedule_store.h).
#include <algorithm>
#include <map>
#include <utility>

#include "server/store/sql/booking_steps.h"
#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

WeeklyTemplate read_template(const Statement& row) {
  WeeklyTemplate weekly;
  weekly.weekdays = std::bitset<8>(static_cast<unsigned long>(row.column_int(0)));
  weekly.open = LocalTime{static_cast<int>(row.column_int(1))};
  weekly.close = LocalTime{static_cast<int>(row.column_int(2))};
  weekly.slot_minutes = static_cast<int>(row.column_int(3));
  weekly.capacity = static_cast<int>(row.column_int(4));
  return weekly;
}

void bind_template(Statement& statement, SiteId site, const WeeklyTemplate& weekly) {
  statement.bind(1, site.value);
  statement.bind(2, static_cast<std::int64_t>(weekly.weekdays.to_ulong()));
  statement.bind(3, weekly.open.minutes);
  statement.bind(4, weekly.close.minutes);
  statement.bind(5, weekly.slot_minutes);
  statement.bind(6, weekly.capacity);
}

/// A slot of the plan window as it is now.
struct ExistingSlot {
  SlotId id;
  int capacity = 0, booked = 0;
  bool retired = false;
  int active_bookings = 0, all_bookings = 0;
  bool planned = false;
};

using SlotKey = std::pair<std::int64_t, std::int64_t>;  // start, end

std::map<SlotKey, ExistingSlot> existing_slots(Connection& writer, const SlotPlan& plan) {
  auto query = writer.cached(R"sql(
SELECT s.id, s.start_at, s.end_at, s.capacity, s.booked, s.retired,
       (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id AND b.status IN ('confirmed', 'waitlisted', 'checked_in')),
       (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id)
FROM slots s WHERE s.site_id = ?1 AND s.start_at >= ?2 AND s.start_at < ?3 AND s.kind = 'visit'
)sql");
  query->bind(1, plan.site.value);
  query->bind(2, plan.from.value);
  query->bind(3, plan.until.value);
  std::map<SlotKey, ExistingSlot> slots;
  while (query->step()) {
    slots[{query->column_int(1), query->column_int(2)}] = ExistingSlot{
        SlotId{query->column_int(0)}, static_cast<int>(query->column_int(3)), static_cast<int>(query->column_int(4)),
        query->column_int(5) != 0,    static_cast<int>(query->column_int(6)), static_cast<int>(query->column_int(7))};
  }
  return slots;
}

/// Brings one planned slot into being, or its existing row to the plan's capacity (never below booked).
void apply_planned_slot(Connection& writer, SiteId site, const SlotSpec& spec, ExistingSlot* existing, UtcSeconds now,
                        SlotSyncCounts& counts) {
  if (!existing) {
    auto insert = writer.cached("INSERT INTO slots (site_id, start_at, end_at, capacity) VALUES (?1, ?2, ?3, ?4)");
    insert->bind(1, site.value);
    insert->bind(2, spec.start.value);
    insert->bind(3, spec.end.value);
    insert->bind(4, spec.capacity);
    insert->step();
    ++counts.created;
    return;
  }
  existing->planned = true;
  const int capacity = std::max(spec.capacity, existing->booked);
  if (capacity == existing->capacity && !existing->retired) return;
  auto update = writer.cached("UPDATE slots SET capacity = ?2, retired = 0 WHERE id = ?1");
  update->bind(1, existing->id.value);
  update->bind(2, capacity);
  update->step();
  if (existing->retired) ++counts.created;
  if (capacity != existing->capacity) ++counts.resized;
  if (capacity > existing->capacity) counts.promoted += promote_waiters(writer, existing->id, now);
}

/// Removes a slot the plan no longer has: kept while it has active bookings, hidden while old bookings
/// refer to it, deleted otherwise.
void remove_unplanned_slot(Connection& writer, const ExistingSlot& slot, SlotSyncCounts& counts) {
  if (slot.planned || slot.retired || slot.active_bookings > 0) return;
  auto remove = writer.cached(slot.all_bookings > 0 ? "UPDATE slots SET retired = 1 WHERE id = ?1"
                                                    : "DELETE FROM slots WHERE id = ?1");
  remove->bind(1, slot.id.value);
  remove->step();
  ++counts.removed;
}

}  // namespace

SiteSchedule SqlStore::site_schedule(SiteId site) {
  auto connection = borrow();
  SiteSchedule schedule;
  {
    auto query = (*connection)
                     .cached(
                         "SELECT weekdays, open_minute, close_minute, slot_minutes, capacity FROM site_templates WHERE "
                         "site_id = ?1");
    query->bind(1, site.value);
    if (query->step()) schedule.weekly = read_template(*query);
  }
  auto query = (*connection)
                   .cached(
                       "SELECT day, kind, note, open_minute, close_minute, capacity FROM site_exceptions WHERE site_id "
                       "= ?1 ORDER BY day");
  query->bind(1, site.value);
  while (query->step()) {
    const auto date = parse_date(query->column_text(0));
    if (!date) throw Error("site " + std::to_string(site.value) + " has an exception with a bad date");
    DayException exception;
    exception.date = *date;
    exception.kind = query->column_text(1) == "event" ? DayException::Kind::event : DayException::Kind::closed;
    exception.note = query->column_text(2);
    exception.open = LocalTime{static_cast<int>(query->column_int(3))};
    exception.close = LocalTime{static_cast<int>(query->column_int(4))};
    exception.capacity = static_cast<int>(query->column_int(5));
    schedule.exceptions.push_back(std::move(exception));
  }
  return schedule;
}

std::vector<SiteId> SqlStore::scheduled_sites() {
  auto connection = borrow();
  auto query =
      (*connection).cached("SELECT site_id FROM site_templates UNION SELECT site_id FROM site_exceptions ORDER BY 1");
  std::vector<SiteId> sites;
  while (query->step()) sites.push_back(SiteId{query->column_int(0)});
  return sites;
}

void SqlStore::set_weekly_template(SiteId site, const WeeklyTemplate& weekly) {
  write([&](Connection& writer) {
    auto upsert = writer.cached(
        "INSERT INTO site_templates (site_id, weekdays, open_minute, close_minute, slot_minutes, capacity) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (site_id) DO UPDATE SET weekdays = excluded.weekdays, "
        "open_minute = excluded.open_minute, close_minute = excluded.close_minute, "
        "slot_minutes = excluded.slot_minutes, capacity = excluded.capacity");
    bind_template(*upsert, site, weekly);
    upsert->step();
  });
}

bool SqlStore::set_weekly_template_if_missing(SiteId site, const WeeklyTemplate& weekly) {
  return write([&](Connection& writer) {
    auto insert = writer.cached(
        "INSERT INTO site_templates (site_id, weekdays, open_minute, close_minute, slot_minutes, capacity) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (site_id) DO NOTHING");
    bind_template(*insert, site, weekly);
    insert->step();
    return writer.changes() > 0;
  });
}

void SqlStore::put_day_exception(SiteId site, const DayException& exception) {
  write([&](Connection& writer) {
    auto upsert = writer.cached(
        "INSERT INTO site_exceptions (site_id, day, kind, note, open_minute, close_minute, capacity) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (site_id, day) DO UPDATE SET kind = excluded.kind, "
        "note = excluded.note, open_minute = excluded.open_minute, close_minute = excluded.close_minute, "
        "capacity = excluded.capacity");
    upsert->bind(1, site.value);
    upsert->bind(2, format_date(exception.date));
    upsert->bind(4, exception.note);
    if (exception.kind == DayException::Kind::event) {
      upsert->bind(3, std::string_view("event"));
      upsert->bind(5, exception.open.minutes);
      upsert->bind(6, exception.close.minutes);
      upsert->bind(7, exception.capacity);
    } else {
      upsert->bind(3, std::string_view("closed"));
    }
    upsert->step();
  });
}

bool SqlStore::delete_day_exception(SiteId site, LocalDate date) {
  return write([&](Connection& writer) {
    auto remove = writer.cached("DELETE FROM site_exceptions WHERE site_id = ?1 AND day = ?2");
    remove->bind(1, site.value);
    remove->bind(2, format_date(date));
    remove->step();
    return writer.changes() > 0;
  });
}

SlotSyncCounts SqlStore::sync_slots(std::span<const SlotPlan> plans, UtcSeconds now) {
  return write([&](Connection& writer) {
    SlotSyncCounts counts;
    for (const SlotPlan& plan : plans) {
      auto existing = existing_slots(writer, plan);
      for (const SlotSpec& spec : plan.slots) {
        if (spec.start < plan.from || spec.start >= plan.until) continue;
        const auto found = existing.find({spec.start.value, spec.end.value});
        apply_planned_slot(writer, plan.site, spec, found == existing.end() ? nullptr : &found->second, now, counts);
      }
      for (const auto& [key, slot] : existing) remove_unplanned_slot(writer, slot, counts);
    }
    return counts;
  });
}

std::vector<SlotView> SqlStore::list_slots(SiteId site, UtcSeconds from, UtcSeconds until,
                                           std::optional<UserId> viewer) {
  auto connection = borrow();
  auto query = (*connection).cached(R"sql(
SELECT s.id, s.site_id, s.start_at, s.end_at, s.capacity, s.booked,
       (SELECT count(*) FROM bookings w WHERE w.slot_id = s.id AND w.status = 'waitlisted'),
       coalesce(r.min_group, 1), coalesce(r.max_group, 1), coalesce(r.approval_required, 0),
       mine.id, CASE WHEN mine.status = 'confirmed' AND mine.approval = 'pending' THEN 'pending' ELSE mine.status END
FROM slots s
LEFT JOIN visit_rules r ON r.site_id = s.site_id
LEFT JOIN bookings mine
  ON mine.slot_id = s.id AND mine.user_id = ?4 AND mine.status IN ('confirmed', 'waitlisted', 'checked_in')
WHERE s.site_id = ?1 AND s.start_at >= ?2 AND s.start_at < ?3 AND s.retired = 0 AND s.kind = 'visit'
ORDER BY s.start_at, s.end_at
)sql");
  query->bind(1, site.value);
  query->bind(2, from.value);
  query->bind(3, until.value);
  if (viewer) query->bind(4, viewer->value);
  std::vector<SlotView> slots;
  while (query->step()) {
    SlotView view{read_slot_row(*query), std::nullopt};
    if (!query->column_is_null(10)) {
      const auto status = parse_booking_status(query->column_text(11));
      view.my_booking = MyBooking{BookingId{query->column_int(10)}, status.value_or(BookingStatus::confirmed)};
    }
    slots.push_back(std::move(view));
  }
  return slots;
}

std::optional<Slot> SqlStore::find_slot(SlotId id) {
  auto connection = borrow();
  auto query = (*connection).cached(std::string(kSlotSelect) + "WHERE s.id = ?1 AND s.retired = 0");
  query->bind(1, id.value);
  if (!query->step()) return std::nullopt;
  return read_slot_row(*query);
}

std::optional<VisitRules> SqlStore::visit_rules(SiteId site) {
  auto connection = borrow();
  auto query =
      (*connection).cached("SELECT min_group, max_group, approval_required FROM visit_rules WHERE site_id = ?1");
  query->bind(1, site.value);
  if (!query->step()) return std::nullopt;
  return VisitRules{static_cast<int>(query->column_int(0)), static_cast<int>(query->column_int(1)),
                    query->column_int(2) != 0};
}

void SqlStore::set_visit_rules(SiteId site, const VisitRules& rules) {
  write([&](Connection& writer) {
    auto upsert = writer.cached(
        "INSERT INTO visit_rules (site_id, min_group, max_group, approval_required) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (site_id) DO UPDATE SET min_group = excluded.min_group, max_group = excluded.max_group, "
        "approval_required = excluded.approval_required");
    upsert->bind(1, site.value);
    upsert->bind(2, rules.min_group);
    upsert->bind(3, rules.max_group);
    upsert->bind(4, rules.approval_required ? 1 : 0);
    upsert->step();
  });
}

bool SqlStore::set_visit_rules_if_missing(SiteId site, const VisitRules& rules) {
  return write([&](Connection& writer) {
    auto insert = writer.cached(
        "INSERT INTO visit_rules (site_id, min_group, max_group, approval_required) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (site_id) DO NOTHING");
    insert->bind(1, site.value);
    insert->bind(2, rules.min_group);
    insert->bind(3, rules.max_group);
    insert->bind(4, rules.approval_required ? 1 : 0);
    insert->step();
    return writer.changes() > 0;
  });
}

}  // namespace gongyou::server::sql
