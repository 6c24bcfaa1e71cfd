// server/activities/demo_activities.cpp — see demo_activities.h. Deterministic: the members signing up are taken in
// order from the demo member list, one minute apart from the opening of each sign-up window.
#include "server/activities/demo_activities.h"

#include "core/id_number.h"
#include "tools/demo_data/activity_demo.h"
#include "tools/demo_data/union_demo.h"

namespace gongyou::server {

DemoActivityCounts seed_demo_activities(Store& store, const crypto::MemberKey& member_key, UtcSeconds now) {
  DemoActivityCounts counts;
  if (!store.list_activities({}).empty()) return counts;
  const auto unions = store.all_unions();
  const auto sites = store.all_sites();
  const auto staff = store.find_credentials(demo::demo_staff().front().username);
  if (unions.empty() || !staff) return counts;
  const auto members = demo::demo_members(demo::kDemoMemberCount);
  std::size_t next_member = 0;
  const auto hours = [now](int h) { return UtcSeconds{now.value + h * 3600LL}; };
  for (const demo::DemoActivity& d : demo::demo_activities()) {
    ActivityRecord a;
    a.union_id = unions.front().id;  // Hui'an's federation is the first demo union
    a.kind = d.kind;
    a.title = d.title;
    a.description = d.description;
    if (d.site_index >= 0 && !sites.empty()) a.site = sites[static_cast<std::size_t>(d.site_index) % sites.size()].id;
    a.times = {hours(d.starts_in_hours), hours(d.starts_in_hours + d.hours), hours(d.signup_opens_in_hours),
               hours(d.signup_closes_in_hours)};
    if (d.places > 0) a.places = d.places;
    a.members_only = d.members_only;
    a.min_age = d.min_age;
    a.max_age = d.max_age;
    a.created_by = staff->user.id;
    a.created_at = UtcSeconds{a.times.signup_opens_at.value - 86400};
    const ActivityRecord created = store.create_activity(a);
    ++counts.activities;
    int signed_up = 0;
    for (std::size_t tried = 0; signed_up < d.demo_signups && tried < members.size(); ++tried) {
      const demo::DemoMember& m = members[next_member++ % members.size()];
      if (!m.verified) continue;
      const auto account = store.find_credentials(m.username);
      if (!account) continue;
      SignupRequest request;
      request.activity = created.id;
      request.user = account->user.id;
      request.now = UtcSeconds{created.times.signup_opens_at.value + 60LL * (signed_up + 1)};
      request.verified_member = true;
      if (d.kind == ActivityKind::matchmaking) {
        request.declared_age = d.min_age + static_cast<int>(next_member % static_cast<std::size_t>(d.max_age - d.min_age + 1));
        request.contact_phone_sealed = member_key.seal(normalize_phone(m.phone));
      }
      if (store.sign_up(request).result == SignupResult::signed_up) {
        ++signed_up;
        ++counts.signups;
      }
    }
  }
  return counts;
}

}  // namespace gongyou::server
