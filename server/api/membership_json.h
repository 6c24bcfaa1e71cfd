// server/api/membership_json.h — unions, profiles and applications as the API writes them (docs/api-membership.md
// "Objects"). Personal numbers appear only as the masks the store keeps.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/public_holidays.h"
#include "server/store/membership_records.h"
#include "server/unions/union_directory.h"

namespace gongyou::server::api {

/// A Union with its member count and the path from the root.
nlohmann::json union_json(const UnionRecord& u, const UnionDirectory& unions, std::int64_t member_count);
/// A MemberProfile.
nlohmann::json profile_json(const MemberProfileRecord& p, const UnionDirectory& unions);
/// An Application, with its deadline seen from `now`.
nlohmann::json application_json(const ApplicationRecord& a, const UnionDirectory& unions, UtcSeconds now,
                                 const HolidayCalendar& holidays);
/// The unions whose decision a pending application still waits for.
std::vector<UnionId> waiting_for(const ApplicationRecord& a);

}  // namespace gongyou::server::api
