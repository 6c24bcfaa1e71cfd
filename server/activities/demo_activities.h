// server/activities/demo_activities.h — loads the demo activities (tools/demo_data/activity_demo.h) with instants
// relative to `now`, organized by the Hui'an federation and held at demo sites or online, and signs demo members up
// in each one's window (a full one gets a waitlist; a matchmaking one gets declarations with sealed phones).
#pragma once
#include <cstddef>

#include "core/civil_time.h"
#include "server/crypto/member_key.h"
#include "server/store/store.h"

namespace gongyou::server {

/// What seed_demo_activities() added.
struct DemoActivityCounts {
  std::size_t activities = 0;
  std::size_t signups = 0;
};

/// Seeds when the store has no activity yet (needs the demo unions, members and sites); nothing otherwise.
DemoActivityCounts seed_demo_activities(Store& store, const crypto::MemberKey& member_key, UtcSeconds now);

}  // namespace gongyou::server
