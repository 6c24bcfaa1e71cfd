// server/bookings/slot_keeper.h — keeps the slots of the next 14 days (kBookingHorizonDays) in line with
// each site's weekly template and day exceptions, through core's expand_slots. Runs at startup, then
// periodically (Housekeeper), and after every template or exception change.
#pragma once
#include <mutex>

#include "core/units.h"
#include "server/clock.h"
#include "server/store/store.h"

namespace gongyou::server {

/// Makes and reconciles slots from schedules.
class SlotKeeper {
 public:
  /// `store` and `clock` must outlive the keeper.
  SlotKeeper(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  /// Reconciles every scheduled site, in one transaction.
  SlotSyncCounts refresh_all();

  /// Reconciles one site.
  SlotSyncCounts refresh_site(SiteId site);

 private:
  SlotPlan plan_for(SiteId site, UtcSeconds now);

  Store& store_;
  const Clock& clock_;
  std::mutex refreshing_;  // one refresh at a time: plans are made from one reading of the schedules
};

}  // namespace gongyou::server
