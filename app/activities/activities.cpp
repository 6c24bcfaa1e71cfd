// app/activities/activities.cpp — see activities.h.
//
// [SECTION] Decoding
// [SECTION] Loading
// [SECTION] Intents
#include "app/activities/activities.h"

#include <nlohmann/json.hpp>

#include "app/json_fields.h"
#include "core/site.h"  // parse_json_or_discarded

namespace gongyou {
namespace {

using json = nlohmann::json;

constexpr const char* kApi = "/api/v1";

std::string activity_path(ActivityId id, const char* suffix = "") {
  return std::string(kApi) + "/activities/" + std::to_string(id.value) + suffix;
}

std::optional<int> optional_int(const json& j, const char* key) {
  std::int64_t v = 0;
  if (!json_fields::get_int(j, key, v)) return std::nullopt;
  return static_cast<int>(v);
}

std::optional<SignupWindow> parse_window(const std::string& text) {
  for (auto w : {SignupWindow::not_yet_open, SignupWindow::open, SignupWindow::closed})
    if (signup_window_name(w) == text) return w;
  return std::nullopt;
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Decoding
//-------------------------------------------------------------------------------------------------

std::optional<MySignup> signup_from_json(const json& j) {
  MySignup s;
  if (!j.is_object() || !json_fields::get_id(j, "id", s.id) || !json_fields::get_id(j, "activity_id", s.activity))
    return std::nullopt;
  const auto status = parse_signup_status(json_fields::get_string(j, "status"));
  if (!status) return std::nullopt;
  s.status = *status;
  s.waitlist_position = optional_int(j, "waitlist_position");
  return s;
}

std::optional<ActivitySummary> activity_from_json(const json& j) {
  ActivitySummary a;
  if (!j.is_object() || !json_fields::get_id(j, "id", a.id)) return std::nullopt;
  const auto kind = parse_activity_kind(json_fields::get_string(j, "kind"));
  const auto window = parse_window(json_fields::get_string(j, "signup"));
  if (!kind || !window) return std::nullopt;
  a.kind = *kind;
  a.signup = *window;
  a.title = json_fields::get_string(j, "title");
  a.description = json_fields::get_string(j, "description");
  a.union_name = json_fields::get_string(j, "union_name");
  if (!json_fields::get_time(j, "starts_at", a.times.starts_at) || !json_fields::get_time(j, "ends_at", a.times.ends_at))
    return std::nullopt;
  json_fields::get_time(j, "signup_opens_at", a.times.signup_opens_at);
  json_fields::get_time(j, "signup_closes_at", a.times.signup_closes_at);
  if (const auto site = j.find("site"); site != j.end() && site->is_object()) {
    ActivitySite s;
    if (json_fields::get_id(*site, "id", s.id)) {
      s.name = json_fields::get_string(*site, "name");
      s.address = json_fields::get_string(*site, "address");
      a.site = std::move(s);
    }
  }
  a.places = optional_int(j, "places");
  a.places_left = optional_int(j, "places_left");
  a.confirmed = json_fields::get_int_or(j, "confirmed", 0);
  a.waitlist = json_fields::get_int_or(j, "waitlist", 0);
  a.members_only = json_fields::get_bool(j, "members_only");
  if (const auto range = j.find("age_range"); range != j.end() && range->is_object()) {
    a.min_age = json_fields::get_int_or(*range, "min", 0);
    a.max_age = json_fields::get_int_or(*range, "max", 0);
  }
  if (const auto me = j.find("me"); me != j.end()) a.me = signup_from_json(*me);
  return a;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Loading
//-------------------------------------------------------------------------------------------------

void Activities::session_changed() {
  state_.mine.clear();
  if (state_.activity) state_.activity->me.reset();
  signup_key_.clear();
  if (session_.signed_in()) load_mine();
  refresh();
}

void Activities::refresh() {
  switch (state_.view) {
    case ActivityView::list: load_list(); break;
    case ActivityView::detail: load_activity(); break;
  }
}

void Activities::load_list() {
  state_.loading = true;
  std::string path = std::string(kApi) + "/activities";
  if (state_.kind) path += "?kind=" + std::string(activity_kind_name(*state_.kind));
  const std::optional<ActivityKind> asked = state_.kind;
  session_.call("GET", path, "", [this, asked](const HttpResponse& r) {
    if (asked != state_.kind) return;  // another filter was chosen meanwhile
    state_.loading = false;
    state_.failed = r.status != 200;
    if (r.status != 200) return;
    state_.activities = decode_items<ActivitySummary>(parse_json_or_discarded(r.body), activity_from_json);
  });
}

void Activities::load_activity() {
  const ActivityId id = state_.opened;
  if (!id) return;
  session_.call("GET", activity_path(id), "", session_.for_current_user([this, id](const HttpResponse& r) {
                  if (state_.opened != id) return;
                  state_.failed = r.status != 200;
                  if (r.status == 404) state_.activity.reset();
                  if (r.status != 200) return;
                  if (auto a = activity_from_json(parse_json_or_discarded(r.body))) state_.activity = std::move(a);
                }));
}

void Activities::load_mine() {
  if (!session_.signed_in()) return;
  session_.call("GET", std::string(kApi) + "/me/activities", "", session_.for_current_user([this](const HttpResponse& r) {
                  if (r.status != 200) return;
                  std::vector<MyActivity> mine;
                  const json page = parse_json_or_discarded(r.body);
                  if (page.is_object() && page.contains("items") && page["items"].is_array())
                    for (const json& item : page["items"]) {
                      auto signup = signup_from_json(item);
                      auto activity = item.is_object() && item.contains("activity")
                                          ? activity_from_json(item["activity"]) : std::nullopt;
                      if (signup && activity) mine.push_back({std::move(*signup), std::move(*activity)});
                    }
                  state_.mine = std::move(mine);
                }));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Intents
//-------------------------------------------------------------------------------------------------

void Activities::apply(const ShowActivityList&) {
  state_.view = ActivityView::list;
  load_list();
}

void Activities::apply(const FilterActivities& i) {
  state_.view = ActivityView::list;
  if (state_.kind != i.kind) state_.activities.clear();
  state_.kind = i.kind;
  load_list();
}

void Activities::apply(const OpenActivity& i) {
  if (state_.opened != i.activity) {
    state_.activity.reset();
    ++state_.revision;
    // One already listed (or in 我的活动) shows at once; the load brings my sign-up.
    for (const ActivitySummary& a : state_.activities)
      if (a.id == i.activity) state_.activity = a;
    if (!state_.activity)
      for (const MyActivity& m : state_.mine)
        if (m.activity.id == i.activity) state_.activity = m.activity;
  }
  state_.opened = i.activity;
  state_.view = ActivityView::detail;
  state_.failed = false;
  load_activity();
}

void Activities::apply(const SignUpForActivity& i) {
  if (!session_.require_account() || state_.busy) return;
  json body = json::object();
  if (i.declaration)
    body["declaration"] = {{"age", i.declaration->age}, {"single", i.declaration->single},
                           {"phone", i.declaration->phone}};
  // A retry of the same sign-up (a lost answer) keeps its key: the server answers it once.
  if (signup_key_.empty() || signup_key_for_ != i.activity) {
    signup_key_ = session_.new_key();
    signup_key_for_ = i.activity;
  }
  state_.busy = true;
  const ActivityId id = i.activity;
  session_.call("POST", activity_path(id, "/signups"), body.dump(-1, ' ', false, json::error_handler_t::replace),
                session_.for_current_user([this, id](const HttpResponse& r) {
                  state_.busy = false;
                  if (r.status == 0) return session_.fail(r);  // the network: the key stays for a retry
                  signup_key_.clear();
                  if (r.status != 201) {
                    session_.fail(r);
                  } else if (auto s = signup_from_json(parse_json_or_discarded(r.body))) {
                    if (s->status == SignupStatus::waitlisted)
                      session_.say(Feedback::Kind::info, "activity_waitlisted", s->waitlist_position.value_or(0));
                    else
                      session_.say(Feedback::Kind::success, "activity_signed_up");
                    if (state_.activity && state_.activity->id == id) state_.activity->me = *s;
                  }
                  if (state_.opened == id) load_activity();
                  load_mine();
                }),
                signup_key_);
}

void Activities::apply(const CancelActivitySignup& i) {
  if (!session_.require_account() || state_.busy) return;
  state_.busy = true;
  const ActivityId id = i.activity;
  session_.call("DELETE", activity_path(id, "/signups/mine"), "", session_.for_current_user([this, id](const HttpResponse& r) {
                  state_.busy = false;
                  if (r.status != 200) session_.fail(r);
                  else session_.say(Feedback::Kind::success, "activity_cancelled");
                  if (state_.opened == id) load_activity();
                  load_mine();
                }));
}

}  // namespace gongyou
