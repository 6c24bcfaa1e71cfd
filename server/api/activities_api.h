// server/api/activities_api.h — union activities (活动报名, docs/api-activities.md). Workers: the list (upcoming
// first, by kind), one activity with their own sign-up, signing up (an Idempotency-Key like bookings; a 惠工鹊桥
// matchmaking event asks for a declaration), cancelling, their activities. Staff of the organizing union (admins:
// every union): creating activities, the sign-ups with matchmaking contacts (each read audited), check-in once.
#pragma once
#include <optional>

#include "core/site.h"
#include "server/api/membership_services.h"
#include "server/http/router.h"
#include "server/store/activity_records.h"

namespace gongyou::server::api {

/// The site an activity takes place at, when it names one that exists.
std::optional<Site> activity_site(const MembershipServices& services, const ActivityRecord& activity);

/// Adds the workers' activity endpoints to `router`.
void add_activity_routes(http::Router& router, const MembershipServices& services);

/// Adds the staff's activity endpoints (create, list, sign-ups, check-in) to `router`.
void add_activity_staff_routes(http::Router& router, const MembershipServices& services);

}  // namespace gongyou::server::api
