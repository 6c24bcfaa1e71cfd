// tools/demo_data/activity_demo.h — the Hui'an demo activities (活动报名, seed 004: 70+ online activities): sports days,
// reading circles, law lectures, family days, online step challenges, volunteer days and a few 惠工鹊桥 matchmaking
// evenings. Their instants are hours relative to the moment the data is loaded, so that the list has open, upcoming
// and past activities on any date; some are full with a waitlist (demo_signups > places).
#pragma once
#include <string>
#include <vector>

#include "core/activity.h"

namespace gongyou::demo {

/// A demo activity; every instant is in hours after loading (negative: before).
struct DemoActivity {
  std::string title, description;
  ActivityKind kind = ActivityKind::sports;
  int site_index = -1;  ///< which demo site (index into the seeded sites, modulo their count); -1: online
  int starts_in_hours = 0, hours = 2;
  int signup_opens_in_hours = -72, signup_closes_in_hours = 0;
  int places = 0;              ///< 0: unlimited (online only)
  bool members_only = false;   ///< only verified members may sign up
  int min_age = 0, max_age = 0;  ///< matchmaking only
  int union_key = 1;           ///< organizer: a demo union key (1 is the Hui'an federation)
  int demo_signups = 0;        ///< demo members signed up before loading, in order (beyond places: waitlisted)
};

/// The demo activities, the same list every time (at least 70).
std::vector<DemoActivity> demo_activities();

}  // namespace gongyou::demo
