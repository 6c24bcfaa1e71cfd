// server/bookings/demo_schedule.cpp — see demo_schedule.h.
#include "server/bookings/demo_schedule.h"

namespace gongyou::server {
namespace {

WeeklyTemplate weekly(std::initializer_list<int> weekdays, int open_hour, int close_hour, int slot_minutes,
                      int capacity) {
  WeeklyTemplate t;
  for (int day : weekdays) t.weekdays.set(static_cast<std::size_t>(day));
  t.open = LocalTime{open_hour * 60};
  t.close = LocalTime{close_hour * 60};
  t.slot_minutes = slot_minutes;
  t.capacity = capacity;
  return t;
}

/// 劳模之家 visits: groups of 1–10, approved by staff.
constexpr VisitRules kDemoStudioVisits{1, 10, true};

}  // namespace

int seed_demo_schedules(Store& store, crypto::PasswordHasher& passwords, UtcSeconds now) {
  const WeeklyTemplate home = weekly({2, 3, 4, 5, 6, 7}, 9, 21, 60, 12);
  const WeeklyTemplate studio = weekly({1, 2, 3, 4, 5}, 9, 17, 120, 20);
  int added = 0;
  for (const Site& site : store.all_sites()) {
    if (site.type == SiteType::workers_home) added += store.set_weekly_template_if_missing(site.id, home);
    if (site.type == SiteType::model_worker_studio) {
      added += store.set_weekly_template_if_missing(site.id, studio);
      store.set_visit_rules_if_missing(site.id, kDemoStudioVisits);
    }
  }
  if (!store.find_credentials(kDemoUsername))
    store.create_user(NewUser{kDemoUsername, "演示职工", passwords.hash(kDemoPassword), Role::worker, now});
  return added;
}

}  // namespace gongyou::server
