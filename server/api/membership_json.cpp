// server/api/membership_json.cpp — see membership_json.h.
#include "server/api/membership_json.h"

#include "core/ids_json.h"
#include "core/civil_time.h"

namespace gongyou::server::api {

using nlohmann::json;

namespace {

json optional_time(const std::optional<UtcSeconds>& t) { return t ? json(format_iso8601(*t)) : json(nullptr); }

json union_name_or_null(const UnionDirectory& unions, const std::optional<UnionId>& id) {
  if (!id) return nullptr;
  const UnionRecord* u = unions.find(*id);
  return u ? json(u->name) : json(nullptr);
}

}  // namespace

json union_json(const UnionRecord& u, const UnionDirectory& unions, std::int64_t member_count) {
  json path = json::array();
  for (const UnionRecord* a : unions.ancestors(u.id)) path.push_back({{"id", a->id}, {"name", a->name}});
  return {{"id", u.id},
          {"name", u.name},
          {"level", wire_name(u.level)},
          {"parent_id", u.parent ? json(*u.parent) : json(nullptr)},
          {"region", u.region},
          {"member_count", member_count},
          {"child_count", unions.children(u.id).size()},
          {"path", std::move(path)}};
}

json profile_json(const MemberProfileRecord& p, const UnionDirectory& unions) {
  return {{"real_name", p.real_name},
          {"id_number_masked", p.id_masked},
          {"phone_masked", p.phone_masked},
          {"verified", p.verified_at.has_value()},
          {"verified_at", optional_time(p.verified_at)},
          {"union_id", p.union_id ? json(*p.union_id) : json(nullptr)},
          {"union_name", union_name_or_null(unions, p.union_id)},
          {"member_since", optional_time(p.member_since)},
          {"consent_at", format_iso8601(p.consent_at)}};
}

std::vector<UnionId> waiting_for(const ApplicationRecord& a) {
  std::vector<UnionId> waiting;
  if (a.status != ApplicationStatus::pending) return waiting;
  for (const std::optional<UnionId> side : {a.from_union, std::optional(a.union_id)}) {
    if (!side) continue;
    bool decided = false;
    for (const ApplicationDecisionRecord& d : a.decisions) decided |= d.union_id == *side;
    if (!decided) waiting.push_back(*side);
  }
  return waiting;
}

json application_json(const ApplicationRecord& a, const UnionDirectory& unions, UtcSeconds now,
                      const HolidayCalendar& holidays) {
  json decisions = json::array();
  for (const ApplicationDecisionRecord& d : a.decisions)
    decisions.push_back({{"union_id", d.union_id},
                         {"decision", d.approve ? "approve" : "reject"},
                         {"reason", d.reason.empty() ? json(nullptr) : json(d.reason)},
                         {"at", format_iso8601(d.at)}});
  const bool pending = a.status == ApplicationStatus::pending;
  return {{"id", a.id},
          {"kind", wire_name(a.kind)},
          {"status", wire_name(a.status)},
          {"union_id", a.union_id},
          {"union_name", union_name_or_null(unions, a.union_id)},
          {"from_union_id", a.from_union ? json(*a.from_union) : json(nullptr)},
          {"from_union_name", union_name_or_null(unions, a.from_union)},
          {"reason", a.reason},
          {"created_at", format_iso8601(a.created_at)},
          {"due_by", format_iso8601(a.due_by)},
          {"decided_at", optional_time(a.decided_at)},
          {"overdue", pending && now > a.due_by},
          {"days_left", pending ? json(working_days_left(shanghai_date(now), shanghai_date(a.due_by), holidays))
                                : json(nullptr)},
          {"decisions", std::move(decisions)},
          {"waiting_for", waiting_for(a)}};
}

}  // namespace gongyou::server::api
