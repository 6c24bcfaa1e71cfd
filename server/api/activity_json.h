// server/api/activity_json.h — the JSON of activities and sign-ups (docs/api-activities.md). A worker's answer never
// carries a matchmaking contact phone; only the staff list opens it (activity_staff_api.cpp).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>

#include "core/site.h"
#include "server/store/activity_records.h"
#include "server/unions/union_directory.h"

namespace gongyou::server::api {

/// An activity as listed: its window at `now`, places left and the waitlist's length, its site when at one.
nlohmann::json activity_json(const ActivityRecord& activity, const std::optional<Site>& site,
                             const UnionDirectory& unions, UtcSeconds now);

/// A sign-up as its owner sees it: status, waitlist position, instants; no contact details.
nlohmann::json signup_json(const SignupRecord& signup);

}  // namespace gongyou::server::api
