// app/membership/membership.cpp — see membership.h.
//
// [SECTION] State
// [SECTION] Loading
// [SECTION] The worker's intents
// [SECTION] The staff's intents
#include "app/membership/membership.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "app/json_fields.h"
#include "app/sites/site_links.h"  // url_encode
#include "core/site.h"             // parse_json_or_discarded

namespace gongyou {
namespace {

using json = nlohmann::json;

constexpr const char* kApi = "/api/v1";

std::string union_path(UnionId id, const char* suffix = "") {
  return std::string(kApi) + "/admin/unions/" + std::to_string(id.value) + suffix;
}

/// Pending first by urgency: overdue ones, then by due date (the server sorts so too; the desk must not depend on it).
void sort_queue(std::vector<MembershipApplication>& queue) {
  std::stable_sort(queue.begin(), queue.end(), [](const MembershipApplication& a, const MembershipApplication& b) {
    if (a.overdue != b.overdue) return a.overdue;
    return a.due_by < b.due_by;
  });
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] State
//-------------------------------------------------------------------------------------------------

RealNameStatus MembershipState::real_name_status() const {
  if (!profile) return RealNameStatus::none;
  return profile->verified ? RealNameStatus::verified : RealNameStatus::unverified;
}

bool MembershipState::union_staff() const {
  if (admin) return true;
  return std::any_of(staff_roles.begin(), staff_roles.end(), [](const StaffRole& r) { return r.role == "union_staff"; });
}

const MembershipApplication* MembershipState::pending_application() const {
  for (const MembershipApplication& a : my_applications)
    if (a.status == ApplicationStatus::pending) return &a;
  return nullptr;
}

std::optional<UtcSeconds> MembershipState::member_since() const {
  if (!member) return std::nullopt;
  for (const MembershipApplication& a : my_applications) {  // newest first: the application that made them a member
    if (a.status != ApplicationStatus::approved || a.union_id != member->union_id) continue;
    std::optional<UtcSeconds> last;
    for (const ApplicationDecision& d : a.decisions)
      if (d.at && (!last || *d.at > *last)) last = d.at;
    return last ? last : std::optional<UtcSeconds>(a.created_at);
  }
  return std::nullopt;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Loading
//-------------------------------------------------------------------------------------------------

Session::Done Membership::for_user(std::function<void(const HttpResponse&)> done) {
  const UserId user = session_.state().user ? session_.state().user->id : UserId{};
  return [this, user, done = std::move(done)](const HttpResponse& r) {
    if (!session_.is_signed_in_as(user)) return;  // asked as someone else: not this user's data
    done(r);
  };
}

void Membership::session_changed() {
  // Everything of the last user goes; the public union tree (the finder's list) stays.
  MembershipState fresh;
  fresh.query = std::move(state_.query);
  fresh.parent = state_.parent;
  fresh.parent_union = std::move(state_.parent_union);
  fresh.unions = std::move(state_.unions);
  fresh.unions_revision = state_.unions_revision + 1;
  state_ = std::move(fresh);
  ++staff_generation_;
  apply_key_.clear();
  state_.admin = session_.signed_in() && session_.state().user->admin;
  if (session_.signed_in()) load_me();
}

void Membership::messages_arrived() {
  if (!session_.signed_in()) return;
  load_me();
  load_applications();
}

void Membership::load_me() {
  if (!session_.signed_in()) return;
  session_.call("GET", std::string(kApi) + "/me", "", for_user([this](const HttpResponse& r) {
                  if (r.status != 200) return;
                  const json me = parse_json_or_discarded(r.body);
                  if (!me.is_object() || !me.contains("id")) return;  // not a user: nothing learnt
                  const bool had_roles = !state_.staff_roles.empty();
                  state_.staff_roles = staff_roles_from_json(me);
                  state_.member = membership_from_json(me);
                  state_.admin = json_fields::get_string(me, "role") == "admin";
                  if (state_.member && (!state_.my_union || state_.my_union->id != state_.member->union_id)) {
                    const UnionId id = state_.member->union_id;
                    session_.call("GET", std::string(kApi) + "/unions/" + std::to_string(id.value), "",
                                  for_user([this, id](const HttpResponse& u) {
                                    if (u.status != 200 || !state_.member || state_.member->union_id != id) return;
                                    state_.my_union = union_from_json(parse_json_or_discarded(u.body));
                                  }));
                  } else if (!state_.member) {
                    state_.my_union.reset();
                  }
                  // GET /me says whether there is a profile at all: no GET /me/member-profile just to be told 404
                  // (which the browser reports as a failed resource) for everyone who never gave one.
                  if (json_fields::get_string(me, "real_name_status") == "none") {
                    state_.profile.reset();
                    state_.profile_loaded = true;
                  } else if (profile_wanted_) {
                    fetch_profile();
                  }
                  // The roles arrived after the desk was opened: it can pick its union now.
                  if (!had_roles && !state_.staff_roles.empty() && staff_wanted_) load_staff();
                }));
}

void Membership::load_summary() { load_profile(); }

void Membership::load_my_union() {
  load_summary();
  load_applications();
}

void Membership::load_profile() {
  profile_wanted_ = true;
  load_me();
}

void Membership::fetch_profile() {
  if (!session_.signed_in()) return;
  session_.call("GET", std::string(kApi) + "/me/member-profile", "", for_user([this](const HttpResponse& r) {
                  if (r.status == 404) {
                    state_.profile.reset();
                    state_.profile_loaded = true;
                  } else if (r.status == 200) {
                    state_.profile = member_profile_from_json(parse_json_or_discarded(r.body));
                    state_.profile_loaded = true;
                  }
                }));
}

void Membership::load_applications() {
  if (!session_.signed_in()) return;
  session_.call("GET", std::string(kApi) + "/me/membership/applications", "", for_user([this](const HttpResponse& r) {
                  if (r.status != 200) return;
                  state_.my_applications = decode_items<MembershipApplication>(parse_json_or_discarded(r.body),
                                                                               application_from_json);
                }));
}

void Membership::load_finder() {
  load_union_list();
  if (state_.parent && (!state_.parent_union || state_.parent_union->id != state_.parent)) {
    const UnionId id = state_.parent;
    session_.call("GET", std::string(kApi) + "/unions/" + std::to_string(id.value), "", [this, id](const HttpResponse& r) {
      if (state_.parent != id) return;
      if (r.status == 200) state_.parent_union = union_from_json(parse_json_or_discarded(r.body));
    });
  }
  load_profile();       // 申请入会 asks for the real name first (and GET /me for the roles and membership)
  load_applications();  // and is not offered while one is pending
}

void Membership::load_union_list() {
  std::string url = std::string(kApi) + "/unions";
  if (!state_.query.empty()) url += "?q=" + url_encode(state_.query) + "&limit=50";
  else if (state_.parent) url += "?parent=" + std::to_string(state_.parent.value);
  const std::uint64_t generation = ++list_generation_;
  state_.unions_loading = true;
  session_.call("GET", url, "", [this, generation](const HttpResponse& r) {
    if (generation != list_generation_) return;  // a newer search or walk was asked for
    state_.unions_loading = false;
    state_.unions_failed = r.status != 200;
    if (r.status != 200) return;
    state_.unions = decode_items<UnionOrg>(parse_json_or_discarded(r.body), union_from_json);
    ++state_.unions_revision;
  });
}

void Membership::load_staff() {
  staff_wanted_ = true;
  if (!session_.signed_in()) return;
  if (!state_.union_staff()) return load_me();  // the roles are not in yet: load_me() comes back here
  if (!state_.staff_union && !state_.admin) {
    for (const StaffRole& role : state_.staff_roles)
      if (role.role == "union_staff") {
        state_.staff_union = role.union_id;
        break;
      }
  }
  load_staff_choices();
  load_staff_union();
}

void Membership::load_staff_choices() {
  const std::uint64_t generation = staff_generation_;
  if (state_.admin) {
    std::string url = std::string(kApi) + "/unions";
    if (!staff_query_.empty()) url += "?q=" + url_encode(staff_query_) + "&limit=50";
    session_.call("GET", url, "", for_user([this, generation](const HttpResponse& r) {
                    if (r.status != 200 || generation != staff_generation_) return;
                    state_.staff_choices = decode_items<UnionOrg>(parse_json_or_discarded(r.body), union_from_json);
                    if (!state_.staff_union && !state_.staff_choices.empty()) {  // an admin starts at the root
                      state_.staff_union = state_.staff_choices.front().id;
                      load_staff_union();
                    }
                  }));
    return;
  }
  for (const StaffRole& role : state_.staff_roles) {
    if (role.role != "union_staff") continue;
    const UnionId id = role.union_id;
    session_.call("GET", std::string(kApi) + "/unions/" + std::to_string(id.value), "",
                  for_user([this, id, generation](const HttpResponse& r) {
                    if (r.status != 200 || generation != staff_generation_) return;
                    auto u = union_from_json(parse_json_or_discarded(r.body));
                    if (!u || u->id != id) return;
                    auto& choices = state_.staff_choices;
                    auto it = std::find_if(choices.begin(), choices.end(), [&](const UnionOrg& c) { return c.id == id; });
                    if (it != choices.end()) *it = std::move(*u);
                    else choices.push_back(std::move(*u));
                  }));
  }
}

void Membership::load_staff_union() {
  if (!state_.staff_union) return;
  const UnionId id = state_.staff_union;
  const std::uint64_t generation = staff_generation_;
  const auto current = [this, id, generation] { return generation == staff_generation_ && state_.staff_union == id; };
  session_.call("GET", std::string(kApi) + "/admin/membership/applications?union_id=" + std::to_string(id.value) +
                           "&status=pending&limit=200",
                "", for_user([this, current](const HttpResponse& r) {
                  if (!current()) return;
                  if (r.status != 200) return session_.fail(r);
                  const json page = parse_json_or_discarded(r.body);
                  state_.queue = decode_items<MembershipApplication>(page, application_from_json);
                  sort_queue(state_.queue);
                  state_.queue_overdue = page.is_object() ? json_fields::get_int_or(page, "overdue", 0) : 0;
                }));
  session_.call("GET", union_path(id, "/members?verified=false&limit=100"), "",
                for_user([this, current](const HttpResponse& r) {
                  if (!current() || r.status != 200) return;
                  state_.unverified =
                      decode_items<UnionMember>(parse_json_or_discarded(r.body), union_member_from_json);
                }));
  session_.call("GET", union_path(id, "/stats"), "", for_user([this, current](const HttpResponse& r) {
                  if (!current() || r.status != 200) return;
                  const json j = parse_json_or_discarded(r.body);
                  state_.stats = union_stats_from_json(j);
                  if (j.is_object() && j.contains("union")) state_.staff_union_info = union_from_json(j["union"]);
                }));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The worker's intents
//-------------------------------------------------------------------------------------------------

void Membership::apply(const SearchUnions& i) {
  if (i.text == state_.query) return;
  state_.query = i.text;
  load_union_list();
}

void Membership::walk_to(UnionId union_id) {
  state_.query.clear();
  state_.parent = union_id;
  if (state_.parent_union && state_.parent_union->id != union_id) state_.parent_union.reset();
}

void Membership::apply(const BrowseUnion& i) {
  walk_to(i.union_id);
  load_finder();
}

void Membership::apply(const ApplyToUnion& i) {
  if (!session_.require_account()) return;
  if (apply_key_.empty()) apply_key_ = session_.new_key();
  const json body{{"kind", std::string(wire_name(i.kind))}, {"union_id", i.union_id.value}, {"reason", i.reason}};
  session_.call("POST", std::string(kApi) + "/membership/applications", body.dump(),
                for_user([this](const HttpResponse& r) {
                  if (r.status == 0) return session_.fail(r);  // no network: the same key retries the same request
                  apply_key_.clear();
                  if (r.status == 201 || r.status == 200) {
                    if (auto a = application_from_json(parse_json_or_discarded(r.body)))
                      state_.my_applications.insert(state_.my_applications.begin(), std::move(*a));
                    session_.say(Feedback::Kind::success, "application_sent");
                    return load_applications();
                  }
                  const ApiError e = api_error(r.status, r.body);
                  if (e.code == "profile_required") return session_.say(Feedback::Kind::error, "profile_required");
                  if (r.status == 409) return session_.say(Feedback::Kind::error, "application_conflict");
                  session_.fail(r);
                }),
                apply_key_);
}

void Membership::apply(const SaveMemberProfile& i) {
  if (!session_.require_account()) return;
  const ProfileForm& f = i.form;
  const ProfileProblems problems = check_profile_form(f.real_name, f.id_number, f.phone, f.consent, shanghai_date(now_()));
  if (!problems.ok()) return;  // the form shows why; nothing is sent
  state_.profile_busy = true;
  state_.profile_error.clear();
  state_.profile_error_code.clear();
  session_.call("PUT", std::string(kApi) + "/me/member-profile", profile_body(f), for_user([this](const HttpResponse& r) {
                  state_.profile_busy = false;
                  if (r.status == 200) {
                    state_.profile = member_profile_from_json(parse_json_or_discarded(r.body));
                    state_.profile_loaded = true;
                    ++state_.profile_saved;
                    session_.say(Feedback::Kind::success, "profile_saved");
                    return load_me();  // a corrected name or number is verified again
                  }
                  if (r.status == 401) return;
                  const ApiError e = api_error(r.status, r.body);
                  state_.profile_error = e.message;
                  state_.profile_error_code = e.code;
                }));
}

void Membership::apply(const DeleteMemberProfile&) {
  if (!session_.signed_in()) return;
  state_.profile_busy = true;
  session_.call("DELETE", std::string(kApi) + "/me/member-profile", "", for_user([this](const HttpResponse& r) {
                  state_.profile_busy = false;
                  if (r.status != 200) return session_.fail(r);
                  state_.profile.reset();
                  state_.member.reset();
                  state_.my_union.reset();
                  ++state_.profile_saved;
                  session_.say(Feedback::Kind::success, "profile_deleted");
                  load_applications();  // the pending ones are withdrawn
                }));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The staff's intents
//-------------------------------------------------------------------------------------------------

void Membership::apply(const PickStaffUnion& i) {
  if (!i.union_id || i.union_id == state_.staff_union) return;
  ++staff_generation_;
  state_.staff_union = i.union_id;
  state_.queue.clear();
  state_.queue_overdue = 0;
  state_.unverified.clear();
  state_.stats.reset();
  state_.staff_union_info.reset();
  for (const UnionOrg& u : state_.staff_choices)
    if (u.id == i.union_id) state_.staff_union_info = u;
  load_staff_union();
}

void Membership::apply(const SearchStaffUnions& i) {
  if (!state_.admin || i.text == staff_query_) return;
  staff_query_ = i.text;
  load_staff_choices();
}

void Membership::apply(const DecideApplication& i) {
  if (!i.approve && i.reason.find_first_not_of(" \t") == std::string::npos) return;  // a rejection says why
  json body{{"decision", i.approve ? "approve" : "reject"}};
  if (!i.reason.empty()) body["reason"] = i.reason;
  session_.call("POST",
                std::string(kApi) + "/admin/membership/applications/" + std::to_string(i.application.value) +
                    "/decision",
                body.dump(), for_user([this, approve = i.approve](const HttpResponse& r) {
                  if (r.status == 409) {
                    session_.say(Feedback::Kind::error, "already_decided");
                    return load_staff_union();
                  }
                  if (r.status != 200) return session_.fail(r);
                  session_.say(Feedback::Kind::success, approve ? "application_approved" : "application_rejected");
                  load_staff_union();
                }));
}

void Membership::apply(const VerifyMember& i) {
  session_.call("POST", std::string(kApi) + "/admin/members/" + std::to_string(i.user.value) + "/verify", "",
                for_user([this, user = i.user](const HttpResponse& r) {
                  if (r.status != 200) return session_.fail(r);
                  std::erase_if(state_.unverified, [user](const UnionMember& m) { return m.user_id == user; });
                  session_.say(Feedback::Kind::success, "member_verified");
                  load_staff_union();
                }));
}

void Membership::apply(const ExportMembers&) {
  if (!state_.staff_union) return;
  const std::string id = std::to_string(state_.staff_union.value);
  session_.download(union_path(state_.staff_union, "/members.csv"), "gongyou-members-" + id + ".csv",
                    "members_downloaded");
}

}  // namespace gongyou
