// server/bookings/slot_keeper.cpp — see slot_keeper.h.
#include "server/bookings/slot_keeper.h"

#include <vector>

#include "core/booking_rules.h"

namespace gongyou::server {

SlotPlan SlotKeeper::plan_for(SiteId site, UtcSeconds now) {
  const SiteSchedule schedule = store_.site_schedule(site);
  // A site with exceptions but no template gets only its event slots: a template open on no weekday.
  const WeeklyTemplate weekly = schedule.weekly.value_or(WeeklyTemplate{});  // weekdays: none
  const LocalDate today = shanghai_date(now);
  return SlotPlan{site, now, to_utc(add_days(today, kBookingHorizonDays), LocalTime{0}),
                  expand_slots(weekly, schedule.exceptions, today, kBookingHorizonDays)};
}

SlotSyncCounts SlotKeeper::refresh_all() {
  std::lock_guard lock(refreshing_);
  const UtcSeconds now = clock_.now();
  std::vector<SlotPlan> plans;
  for (SiteId site : store_.scheduled_sites()) plans.push_back(plan_for(site, now));
  return store_.sync_slots(plans, now);
}

SlotSyncCounts SlotKeeper::refresh_site(SiteId site) {
  std::lock_guard lock(refreshing_);
  const UtcSeconds now = clock_.now();
  const SlotPlan plan = plan_for(site, now);
  return store_.sync_slots({&plan, 1}, now);
}

}  // namespace gongyou::server
