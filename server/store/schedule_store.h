// server/store/schedule_store.h — what the server needs stored about opening schedules and slots:
// weekly templates, day exceptions, and the slots made from them.
#pragma once
#include <optional>
#include <span>
#include <vector>

#include "core/booking_rules.h"
#include "core/civil_time.h"
#include "core/units.h"
#include "server/store/booking_records.h"

namespace gongyou::server {

/// Schedule and slot storage. Implementations are safe to call from many threads at once.
class ScheduleStore {
 public:
  virtual ~ScheduleStore() = default;

  /// The site's weekly template and exceptions.
  virtual SiteSchedule site_schedule(SiteId site) = 0;

  /// Every site that has a weekly template or an exception, in id order.
  virtual std::vector<SiteId> scheduled_sites() = 0;

  /// Sets (replaces) the site's weekly template.
  virtual void set_weekly_template(SiteId site, const WeeklyTemplate& weekly) = 0;

  /// Sets the template only when the site has none; true when it was set.
  virtual bool set_weekly_template_if_missing(SiteId site, const WeeklyTemplate& weekly) = 0;

  /// Sets (replaces) the exception of one day.
  virtual void put_day_exception(SiteId site, const DayException& exception) = 0;

  /// Removes the exception of one day; false when there was none.
  virtual bool delete_day_exception(SiteId site, LocalDate date) = 0;

  /// Makes each site's slots in its plan window match the plan, in one transaction: missing slots are
  /// created; a slot with bookings is never removed and its capacity never set below its booked count;
  /// slots the plan no longer has are removed (hidden when past bookings refer to them); waiters are
  /// promoted when capacity grows.
  virtual SlotSyncCounts sync_slots(std::span<const SlotPlan> plans, UtcSeconds now) = 0;

  /// The slots of a site starting in [from, until), ordered by start; with `viewer`, each with the
  /// viewer's active booking of it.
  virtual std::vector<SlotView> list_slots(SiteId site, UtcSeconds from, UtcSeconds until,
                                           std::optional<UserId> viewer) = 0;

  /// The site's visit rules (group size, approval), if it has any.
  virtual std::optional<VisitRules> visit_rules(SiteId site) = 0;

  /// Sets (replaces) the site's visit rules.
  virtual void set_visit_rules(SiteId site, const VisitRules& rules) = 0;

  /// Sets the rules only when the site has none; true when they were set.
  virtual bool set_visit_rules_if_missing(SiteId site, const VisitRules& rules) = 0;

  /// One slot, if it exists (and is not hidden).
  virtual std::optional<Slot> find_slot(SlotId id) = 0;
};

}  // namespace gongyou::server
