// server/api/activity_json.cpp — see activity_json.h.
#include "server/api/activity_json.h"

#include <algorithm>

#include "core/ids_json.h"

namespace gongyou::server::api {

using nlohmann::json;

namespace {

json optional_time(const std::optional<UtcSeconds>& t) { return t ? json(format_iso8601(*t)) : json(nullptr); }

}  // namespace

json activity_json(const ActivityRecord& a, const std::optional<Site>& site, const UnionDirectory& unions,
                   UtcSeconds now) {
  const UnionRecord* organizer = unions.find(a.union_id);
  json out = {
      {"id", a.id},
      {"union_id", a.union_id},
      {"union_name", organizer ? organizer->name : std::string()},
      {"kind", activity_kind_name(a.kind)},
      {"title", a.title},
      {"description", a.description},
      {"online", !a.site.has_value()},
      {"site", nullptr},
      {"starts_at", format_iso8601(a.times.starts_at)},
      {"ends_at", format_iso8601(a.times.ends_at)},
      {"signup_opens_at", format_iso8601(a.times.signup_opens_at)},
      {"signup_closes_at", format_iso8601(a.times.signup_closes_at)},
      {"signup", signup_window_name(signup_window(a.times, now))},
      {"places", a.places ? json(*a.places) : json(nullptr)},
      {"confirmed", a.confirmed},
      {"places_left", a.places ? json(std::max(0, *a.places - a.confirmed)) : json(nullptr)},
      {"waitlist", a.waitlisted},
      {"members_only", a.members_only},
      {"age_range", a.kind == ActivityKind::matchmaking ? json{{"min", a.min_age}, {"max", a.max_age}} : json(nullptr)},
  };
  if (site)
    out["site"] = {{"id", site->id}, {"name", site->name}, {"address", site->address},
                   {"lat", site->position.lat}, {"lon", site->position.lon}};
  return out;
}

json signup_json(const SignupRecord& s) {
  return {{"id", s.id},
          {"activity_id", s.activity},
          {"status", signup_status_name(s.status)},
          {"waitlist_position", s.waitlist_position ? json(*s.waitlist_position) : json(nullptr)},
          {"signed_up_at", format_iso8601(s.signed_up_at)},
          {"cancelled_at", optional_time(s.cancelled_at)},
          {"checked_in_at", optional_time(s.checked_in_at)},
          {"declared", s.declared_age.has_value()}};
}

}  // namespace gongyou::server::api
