// app/wishes/wishes.cpp — see wishes.h.
//
// [SECTION] Objects
// [SECTION] Loading
// [SECTION] Intents
#include "app/wishes/wishes.h"

#include <nlohmann/json.hpp>

#include "app/json_fields.h"
#include "core/campaign.h"  // message_length
#include "core/site.h"      // parse_json_or_discarded

namespace gongyou {
namespace {

using json = nlohmann::json;
using namespace json_fields;

constexpr const char* kApi = "/api/v1";

std::string wish_path(WishId id, const char* suffix = "") {
  return std::string(kApi) + "/wishes/" + std::to_string(id.value) + suffix;
}

/// Puts `changed` in place of the wish with its id in `list`.
void replace_wish(std::vector<Wish>& list, const Wish& changed) {
  for (Wish& w : list)
    if (w.id == changed.id) w = changed;
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Objects
//-------------------------------------------------------------------------------------------------

std::optional<Wish> wish_from_json(const json& j) {
  Wish w;
  if (!j.is_object() || !get_id(j, "id", w.id)) return std::nullopt;
  w.title = get_string(j, "title");
  const auto status = parse_wish_status(get_string(j, "status"));
  if (w.title.empty() || !status) return std::nullopt;
  w.status = *status;
  w.story = get_string(j, "story");
  w.display_name = get_string(j, "display_name");
  w.category = parse_wish_category(get_string(j, "category")).value_or(WishCategory::other);
  get_int(j, "estimated_yuan", w.estimated_yuan);
  if (const auto town = j.find("town"); town != j.end() && town->is_object()) w.town = get_string(*town, "name");
  w.thanks = get_string(j, "thanks");
  w.reason = get_string(j, "reason");
  w.mine = get_bool(j, "mine");
  w.claimed_by_me = get_bool(j, "claimed_by_me");
  get_time(j, "created_at", w.created_at);
  if (const auto u = j.find("union"); u != j.end() && u->is_object()) w.union_name = get_string(*u, "name");
  if (const auto wisher = j.find("wisher"); wisher != j.end() && wisher->is_object())
    w.wisher_phone = get_string(*wisher, "phone");
  if (const auto c = j.find("claimant"); c != j.end() && c->is_object()) {
    w.claimant_name = get_string(*c, "display_name");
    w.claimant_phone = get_string(*c, "phone");
    w.claimant_note = get_string(*c, "note");
  }
  return w;
}

std::optional<HotlineEntry> hotline_from_json(const json& j) {
  HotlineEntry h;
  if (!j.is_object()) return std::nullopt;
  h.key = get_string(j, "key");
  h.name = get_string(j, "name");
  h.tel = get_string(j, "tel");
  if (h.key.empty() || h.name.empty() || h.tel.rfind("tel:", 0) != 0) return std::nullopt;
  h.summary = get_string(j, "summary");
  h.number = get_string(j, "number");
  h.hours_text = get_string(j, "hours_text");
  h.open_now = get_bool(j, "open_now");
  h.counselling = get_bool(j, "counselling");
  return h;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Loading
//-------------------------------------------------------------------------------------------------

void Wishes::session_changed() {
  state_.mine.clear();
  state_.claims.clear();
  state_.pending.clear();
  state_.claimed.clear();
  state_.may_vet = false;
  if (state_.view == WishView::desk || state_.view == WishView::mine || state_.view == WishView::form)
    state_.view = WishView::wall;
  refresh();
}

void Wishes::refresh() {
  switch (state_.view) {
    case WishView::wall: load_wall(); break;
    case WishView::detail: load_wish(); break;
    case WishView::form: break;
    case WishView::mine: load_mine(); break;
    case WishView::desk: load_desk(); break;
    case WishView::hotlines: load_hotlines(); break;
  }
}

void Wishes::load_wall() {
  std::string path = std::string(kApi) + "/wishes?limit=60&status=";
  path += wish_status_name(state_.wall_status);
  if (state_.category) path += std::string("&category=") + std::string(wish_category_name(*state_.category));
  if (state_.town) path += "&town=" + std::to_string(state_.town.value);
  const std::uint64_t generation = ++wall_generation_;
  state_.loading = true;
  session_.call("GET", path, "", session_.for_current_user([this, generation](const HttpResponse& r) {
                  if (generation != wall_generation_) return;
                  state_.loading = false;
                  state_.failed = r.status != 200;
                  if (r.status != 200) return;
                  const json page = parse_json_or_discarded(r.body);
                  state_.wall = decode_items<Wish>(page, wish_from_json);
                  if (const auto f = page.find("figures"); page.is_object() && f != page.end() && f->is_object()) {
                    get_int(*f, "workers_helped", state_.workers_helped);
                    get_int(*f, "wishes_fulfilled", state_.wishes_fulfilled);
                    get_int(*f, "open", state_.open_count);
                  }
                }));
  if (state_.towns.empty())
    session_.call("GET", std::string(kApi) + "/wishes/figures", "", [this](const HttpResponse& r) {
      if (r.status != 200) return;
      const json answer = parse_json_or_discarded(r.body);
      if (!answer.is_object()) return;
      std::vector<WishTown> towns;
      if (const auto list = answer.find("towns"); list != answer.end() && list->is_array())
        for (const json& t : *list) {
          WishTown town;
          if (t.is_object() && get_id(t, "id", town.id)) {
            town.name = get_string(t, "name");
            towns.push_back(std::move(town));
          }
        }
      state_.towns = std::move(towns);
    });
}

void Wishes::load_wish() {
  const WishId id = state_.opened;
  if (!id) return;
  session_.call("GET", wish_path(id), "", session_.for_current_user([this, id](const HttpResponse& r) {
                  if (state_.opened != id) return;
                  if (r.status == 404) {
                    state_.wish.reset();
                    state_.failed = true;
                    return;
                  }
                  if (r.status != 200) return;
                  state_.failed = false;
                  if (auto w = wish_from_json(parse_json_or_discarded(r.body))) state_.wish = std::move(w);
                }));
}

void Wishes::load_mine() {
  if (!session_.signed_in()) return;
  session_.call("GET", std::string(kApi) + "/me/wishes?limit=50", "", session_.for_current_user([this](const HttpResponse& r) {
                  if (r.status == 200) state_.mine = decode_items<Wish>(parse_json_or_discarded(r.body), wish_from_json);
                }));
  session_.call("GET", std::string(kApi) + "/me/wish-claims?limit=50", "",
                session_.for_current_user([this](const HttpResponse& r) {
                  if (r.status == 200) state_.claims = decode_items<Wish>(parse_json_or_discarded(r.body), wish_from_json);
                }));
}

void Wishes::load_desk() {
  if (!session_.signed_in()) return;
  const std::string base = std::string(kApi) + "/admin/wishes?limit=100&status=";
  session_.call("GET", base + "pending", "", session_.for_current_user([this](const HttpResponse& r) {
                  state_.may_vet = r.status == 200;
                  if (r.status != 200) {
                    if (state_.view == WishView::desk) state_.view = WishView::wall;
                    return;
                  }
                  state_.pending = decode_items<Wish>(parse_json_or_discarded(r.body), wish_from_json);
                }));
  session_.call("GET", base + "claimed", "", session_.for_current_user([this](const HttpResponse& r) {
                  if (r.status == 200) state_.claimed = decode_items<Wish>(parse_json_or_discarded(r.body), wish_from_json);
                }));
}

void Wishes::load_hotlines() {
  session_.call("GET", std::string(kApi) + "/hotlines", "", [this](const HttpResponse& r) {
    if (r.status != 200) return;
    state_.hotlines = decode_items<HotlineEntry>(parse_json_or_discarded(r.body), hotline_from_json);
  });
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Intents
//-------------------------------------------------------------------------------------------------

void Wishes::apply(const ShowWishWall&) {
  state_.view = WishView::wall;
  load_wall();
}

void Wishes::apply(const FilterWishes& i) {
  state_.view = WishView::wall;
  state_.wall_status = wish_is_public(i.status) && i.status != WishStatus::claimed ? i.status : WishStatus::open;
  state_.category = i.category;
  state_.town = i.town;
  load_wall();
}

void Wishes::apply(const OpenWish& i) {
  if (state_.opened != i.wish) state_.wish.reset();
  state_.opened = i.wish;
  state_.view = WishView::detail;
  if (!state_.wish)
    for (const Wish& w : state_.wall)
      if (w.id == i.wish) state_.wish = w;
  load_wish();
}

void Wishes::apply(const ClaimWish& i) {
  if (!session_.require_account() || state_.claiming) return;
  state_.claiming = true;
  session_.call("POST", wish_path(i.wish, "/claims"), "{}", session_.for_current_user([this, id = i.wish](const HttpResponse& r) {
                  state_.claiming = false;
                  if (r.status != 201) {
                    session_.fail(r);  // 409 already_claimed: someone was first; the reload shows it
                    load_wish();
                    return;
                  }
                  session_.say(Feedback::Kind::success, "wish_claimed");
                  if (auto w = wish_from_json(parse_json_or_discarded(r.body))) {
                    if (state_.opened == id) state_.wish = *w;
                    replace_wish(state_.wall, *w);
                  }
                }));
}

void Wishes::apply(const ShowWishForm&) {
  if (!session_.require_account()) return;
  state_.view = WishView::form;
}

void Wishes::apply(const SubmitWish& i) {
  if (!session_.require_account() || state_.submitting) return;
  if (wish_text_problem(i.title, kWishTitleMaxChars, false) || wish_text_problem(i.story, kWishStoryMaxChars, true) ||
      i.estimated_yuan < kWishMinYuan || i.estimated_yuan > kWishMaxYuan) {
    session_.say(Feedback::Kind::error, "wish_incomplete");
    return;
  }
  state_.submitting = true;
  const json body = {{"title", i.title}, {"story", i.story}, {"estimated_yuan", i.estimated_yuan},
                     {"category", wish_category_name(i.category)}};
  session_.call("POST", std::string(kApi) + "/wishes", body.dump(), session_.for_current_user([this](const HttpResponse& r) {
                  state_.submitting = false;
                  if (r.status != 201) {
                    session_.fail(r);
                    return;
                  }
                  ++state_.submitted;
                  session_.say(Feedback::Kind::success, "wish_submitted");
                  if (auto w = wish_from_json(parse_json_or_discarded(r.body))) state_.mine.insert(state_.mine.begin(), *w);
                  state_.view = WishView::mine;
                  load_mine();
                }),
                session_.new_key());
}

void Wishes::apply(const ShowMyWishes&) {
  if (!session_.require_account()) return;
  state_.view = WishView::mine;
  load_mine();
}

void Wishes::apply(const ThankWish& i) {
  if (!session_.require_account()) return;
  session_.call("POST", wish_path(i.wish, "/thanks"), json{{"text", i.text}}.dump(),
                session_.for_current_user([this](const HttpResponse& r) {
                  if (r.status != 200) {
                    session_.fail(r);
                    return;
                  }
                  session_.say(Feedback::Kind::success, "wish_thanked");
                  if (auto w = wish_from_json(parse_json_or_discarded(r.body))) replace_wish(state_.mine, *w);
                }));
}

void Wishes::apply(const ShowWishDesk&) {
  if (!session_.require_account()) return;
  state_.view = WishView::desk;
  load_desk();
}

void Wishes::apply(const VetWish& i) {
  if (state_.deciding) return;
  json body = {{"decision", i.decision == WishDecision::approve ? "approve" : "reject"}};
  if (i.decision == WishDecision::reject) body["reason"] = i.reason;
  state_.deciding = true;
  session_.call("POST", std::string(kApi) + "/admin/wishes/" + std::to_string(i.wish.value) + "/review", body.dump(),
                session_.for_current_user([this, decision = i.decision](const HttpResponse& r) {
                  state_.deciding = false;
                  if (r.status != 200) session_.fail(r);
                  else session_.say(Feedback::Kind::success, decision == WishDecision::approve ? "wish_approved" : "wish_declined");
                  load_desk();
                }));
}

void Wishes::apply(const MarkWishFulfilled& i) {
  if (state_.deciding) return;
  state_.deciding = true;
  session_.call("POST", std::string(kApi) + "/admin/wishes/" + std::to_string(i.wish.value) + "/fulfilled", "",
                session_.for_current_user([this](const HttpResponse& r) {
                  state_.deciding = false;
                  if (r.status != 200) session_.fail(r);
                  else session_.say(Feedback::Kind::success, "wish_fulfilled");
                  load_desk();
                }));
}

void Wishes::apply(const ShowHotlines&) {
  state_.view = WishView::hotlines;
  load_hotlines();
}

}  // namespace gongyou
