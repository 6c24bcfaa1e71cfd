// app/membership/membership_model.cpp — see membership_model.h.
#include "app/membership/membership_model.h"

#include <nlohmann/json.hpp>

#include "app/json_fields.h"

namespace gongyou {
namespace {

using json = nlohmann::json;
using namespace json_fields;

const std::string kNoText;

std::optional<UtcSeconds> optional_time(const json& j, const char* key) {
  UtcSeconds t;
  if (!get_time(j, key, t)) return std::nullopt;
  return t;
}

/// The positive ids of the array at `key` (anything else in it skipped).
template <class Tag>
std::vector<Id<Tag>> ids_at(const json& j, const char* key) {
  std::vector<Id<Tag>> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_number_integer() && v.get<std::int64_t>() > 0) out.push_back(Id<Tag>{v.get<std::int64_t>()});
  return out;
}

}  // namespace

const std::string& MembershipApplication::rejection_reason() const {
  for (const ApplicationDecision& d : decisions)
    if (!d.approved) return d.reason;
  return kNoText;
}

const std::string& MembershipApplication::side_name(UnionId side) const {
  if (side == union_id) return union_name;
  if (side == from_union_id) return from_union_name;
  return kNoText;
}

std::optional<UnionOrg> union_from_json(const json& j) {
  UnionOrg u;
  if (!j.is_object() || !get_id(j, "id", u.id)) return std::nullopt;
  u.name = get_string(j, "name");
  const auto level = parse_union_level(get_string(j, "level"));
  if (u.name.empty() || !level) return std::nullopt;
  u.level = *level;
  get_id(j, "parent_id", u.parent);
  u.region = get_string(j, "region");
  u.member_count = get_int_or(j, "member_count", 0);
  u.child_count = get_int_or(j, "child_count", 0);
  if (auto path = j.find("path"); path != j.end() && path->is_array())
    for (const auto& step : *path) {
      UnionCrumb crumb;
      if (!step.is_object() || !get_id(step, "id", crumb.id)) continue;
      crumb.name = get_string(step, "name");
      u.path.push_back(std::move(crumb));
    }
  return u;
}

std::optional<MemberProfile> member_profile_from_json(const json& j) {
  if (!j.is_object()) return std::nullopt;
  MemberProfile p;
  p.real_name = get_string(j, "real_name");
  p.id_number_masked = get_string(j, "id_number_masked");
  if (p.real_name.empty() || p.id_number_masked.empty()) return std::nullopt;
  p.phone_masked = get_string(j, "phone_masked");
  p.verified = get_bool(j, "verified");
  p.verified_at = optional_time(j, "verified_at");
  p.consent_at = optional_time(j, "consent_at");
  get_id(j, "union_id", p.union_id);
  p.union_name = get_string(j, "union_name");
  return p;
}

std::optional<MembershipApplication> application_from_json(const json& j) {
  MembershipApplication a;
  if (!j.is_object() || !get_id(j, "id", a.id) || !get_id(j, "union_id", a.union_id)) return std::nullopt;
  const auto kind = parse_membership_kind(get_string(j, "kind"));
  const auto status = parse_application_status(get_string(j, "status"));
  if (!kind || !status) return std::nullopt;
  a.kind = *kind;
  a.status = *status;
  a.union_name = get_string(j, "union_name");
  get_id(j, "from_union_id", a.from_union_id);
  a.from_union_name = get_string(j, "from_union_name");
  a.reason = get_string(j, "reason");
  get_time(j, "created_at", a.created_at);
  if (!get_time(j, "due_by", a.due_by)) return std::nullopt;
  a.overdue = get_bool(j, "overdue");
  a.days_left = get_int_or(j, "days_left", 0);
  if (auto decisions = j.find("decisions"); decisions != j.end() && decisions->is_array())
    for (const auto& d : *decisions) {
      ApplicationDecision decision;
      if (!d.is_object() || !get_id(d, "union_id", decision.union_id)) continue;
      const std::string word = get_string(d, "decision");
      if (word != "approve" && word != "reject" && word != "approved" && word != "rejected") continue;
      decision.approved = word.starts_with("approve");
      decision.reason = get_string(d, "reason");
      decision.at = optional_time(d, "at");
      a.decisions.push_back(std::move(decision));
    }
  a.waiting_for = ids_at<UnionTag>(j, "waiting_for");
  a.can_decide = ids_at<UnionTag>(j, "can_decide");
  if (auto who = j.find("applicant"); who != j.end() && who->is_object()) {
    Applicant applicant;
    if (get_id(*who, "user_id", applicant.user_id)) {
      applicant.username = get_string(*who, "username");
      applicant.real_name = get_string(*who, "real_name");
      applicant.id_number_masked = get_string(*who, "id_number_masked");
      applicant.verified = get_bool(*who, "verified");
      a.applicant = std::move(applicant);
    }
  }
  return a;
}

std::optional<UnionMember> union_member_from_json(const json& j) {
  UnionMember m;
  if (!j.is_object() || !get_id(j, "user_id", m.user_id)) return std::nullopt;
  m.username = get_string(j, "username");
  m.real_name = get_string(j, "real_name");
  m.id_number_masked = get_string(j, "id_number_masked");
  m.phone_masked = get_string(j, "phone_masked");
  m.verified = get_bool(j, "verified");
  get_id(j, "union_id", m.union_id);
  m.union_name = get_string(j, "union_name");
  return m;
}

std::optional<UnionStats> union_stats_from_json(const json& j) {
  UnionStats s;
  std::int64_t members = 0;
  if (!j.is_object() || !get_int(j, "members", members)) return std::nullopt;
  s.members = static_cast<int>(members);
  s.verified = get_int_or(j, "verified", 0);
  s.pending = get_int_or(j, "pending_applications", 0);
  s.overdue = get_int_or(j, "overdue_applications", 0);
  // The rate from the counts (exact); the server's own figure only when there are none to count from.
  if (s.members > 0) {
    s.verification_rate = static_cast<double>(s.verified) / s.members;
  } else if (auto rate = j.find("verification_rate"); rate != j.end() && rate->is_number()) {
    const double r = rate->get<double>();
    s.verification_rate = r > 1 ? r / 100 : r;  // a fraction, or a percentage
  }
  return s;
}

std::vector<StaffRole> staff_roles_from_json(const json& me) {
  std::vector<StaffRole> roles;
  if (!me.is_object()) return roles;
  auto staff = me.find("staff");
  if (staff == me.end() || !staff->is_array()) return roles;
  for (const auto& r : *staff) {
    StaffRole role;
    if (!r.is_object() || !get_id(r, "union_id", role.union_id)) continue;
    role.role = get_string(r, "role");
    if (role.role.empty()) continue;
    roles.push_back(std::move(role));
  }
  return roles;
}

std::optional<MemberStatus> membership_from_json(const json& me) {
  if (!me.is_object()) return std::nullopt;
  auto member = me.find("member");
  MemberStatus m;
  if (member == me.end() || !member->is_object() || !get_id(*member, "union_id", m.union_id)) return std::nullopt;
  m.verified = get_bool(*member, "verified");
  return m;
}

ProfileProblems check_profile_form(std::string_view real_name, std::string_view id_number, std::string_view phone,
                                   bool consent, LocalDate today) {
  ProfileProblems p;
  std::size_t first = real_name.find_first_not_of(" \t");
  p.name_missing = first == std::string_view::npos;
  p.id = check_id_number(normalize_id_number(id_number), today);
  p.phone_invalid = !is_mobile_phone(normalize_phone(phone));
  p.consent_missing = !consent;
  return p;
}

std::string profile_body(const ProfileForm& form) {
  std::string name = form.real_name;
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
  const std::size_t first = name.find_first_not_of(" \t");
  name = first == std::string::npos ? std::string() : name.substr(first);
  return json{{"real_name", name},
              {"id_number", normalize_id_number(form.id_number)},
              {"phone", normalize_phone(form.phone)},
              {"consent", form.consent}}
      .dump();
}

}  // namespace gongyou
