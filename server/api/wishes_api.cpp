// server/api/wishes_api.cpp — see wishes_api.h: the workers' side and the JSON of a wish. A wish that is not on the
// wall (pending or rejected) answers 404 to everyone but its wisher, as if it were not there. Nobody's real name,
// phone, ID number or user id is in any answer but staff's; the wall's name is fixed when the wish is written.
//
// [SECTION] JSON       a wish as each reader sees it, the town of a union
// [SECTION] Wall       the public list, one wish, the figures
// [SECTION] Mine       writing a wish, my wishes, my claims, the thank-you note
// [SECTION] Claims     exactly one claimant
// [SECTION] Hotlines   the lines with "open now" by the server's clock
#include <charconv>

#include "core/hotlines.h"
#include "core/id_number.h"
#include "core/ids_json.h"
#include "server/api/auth.h"
#include "server/api/idempotent.h"
#include "server/api/json_body.h"
#include "server/api/path_ids.h"
#include "server/api/text_fields.h"
#include "server/api/wishes_api.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {

using httplib::Request;
using httplib::Response;
using http::PathParams;
using nlohmann::json;

// [SECTION] JSON

UnionId wish_town(const UnionDirectory& unions, UnionId union_id) {
  const UnionRecord* self = unions.find(union_id);
  if (!self || self->level == UnionLevel::town || !self->parent) return union_id;
  const auto above = unions.ancestors(union_id);
  for (auto it = above.rbegin(); it != above.rend(); ++it)
    if ((*it)->level == UnionLevel::town) return (*it)->id;
  return above.empty() ? union_id : above.front()->id;
}

namespace {

/// A town union's name as the wall shows it: "螺城镇总工会" → "螺城镇".
std::string town_label(const UnionDirectory& unions, UnionId town) {
  const UnionRecord* record = unions.find(town);
  if (!record) return "";
  std::string name = record->name;
  for (const std::string_view suffix : {"总工会", "工会"})
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      name.resize(name.size() - suffix.size());
      break;
    }
  return name;
}

json optional_time(const std::optional<UtcSeconds>& t) { return t ? json(format_iso8601(*t)) : json(nullptr); }

json opened_phone(const MembershipServices& services, const std::string& sealed) {
  if (sealed.empty()) return nullptr;
  const auto phone = services.member_key.open(sealed);
  return phone ? json(*phone) : json(nullptr);
}

}  // namespace

json wish_json(const MembershipServices& services, const WishRecord& w, WishReader reader) {
  json out = {{"id", w.id},
              {"title", w.title},
              {"story", w.story},
              {"category", wish_category_name(w.category)},
              {"estimated_yuan", w.estimated_yuan},
              {"status", wish_status_name(w.status)},
              {"town", {{"id", w.town_id}, {"name", town_label(services.unions, w.town_id)}}},
              {"display_name", w.display_name},
              {"created_at", format_iso8601(w.created_at)},
              {"claimed_at", optional_time(w.claimed_at)},
              {"fulfilled_at", optional_time(w.fulfilled_at)},
              {"thanks", w.status == WishStatus::fulfilled && !w.thanks.empty() ? json(w.thanks) : json(nullptr)}};
  if (reader == WishReader::anyone) return out;
  out["mine"] = reader == WishReader::wisher;
  out["claimed_by_me"] = reader == WishReader::claimant;
  if (reader == WishReader::wisher || reader == WishReader::staff) {
    out["reason"] = w.status == WishStatus::rejected ? json(w.reason) : json(nullptr);
    out["reviewed_at"] = optional_time(w.reviewed_at);
  }
  if (reader != WishReader::staff) return out;
  const UnionRecord* union_record = services.unions.find(w.union_id);
  out["union"] = {{"id", w.union_id}, {"name", union_record ? union_record->name : std::string()}};
  out["wisher"] = {{"user_id", w.user}, {"phone", opened_phone(services, w.wisher_phone_sealed)}};
  out["claimant"] = w.claimant.value
                        ? json{{"user_id", w.claimant},
                               {"display_name", w.claimant_display_name},
                               {"phone", opened_phone(services, w.claimant_phone_sealed)},
                               {"note", w.claimant_note}}
                        : json(nullptr);
  return out;
}

namespace {

WishReader reader_of(const WishRecord& w, const std::optional<User>& user) {
  if (user && user->id == w.user) return WishReader::wisher;
  if (user && w.claimant.value && user->id == w.claimant) return WishReader::claimant;
  return WishReader::anyone;
}

/// The offset of the request's cursor (opaque to clients) and its limit.
std::pair<std::size_t, std::size_t> page_of(const Request& req) {
  const http::QueryParams params(req);
  const auto limit = static_cast<std::size_t>(params.integer("limit", 1, 100).value_or(30));
  std::size_t offset = 0;
  if (const auto cursor = params.text("cursor"); cursor && !cursor->empty()) {
    const auto [end, error] = std::from_chars(cursor->data(), cursor->data() + cursor->size(), offset);
    if (error != std::errc{} || end != cursor->data() + cursor->size() || offset > 1'000'000)
      throw http::bad_request("cursor is not one this server gave");
  }
  return {offset, limit};
}

}  // namespace

void send_wish_page(const MembershipServices& services, const Request& req, Response& res, WishQuery query,
                    const std::function<WishReader(const WishRecord&)>& reader_for, json extra) {
  std::tie(query.offset, query.limit) = page_of(req);
  auto wishes = services.api.store.list_wishes(query);
  const bool more = wishes.size() > query.limit;
  if (more) wishes.pop_back();
  json items = json::array();
  for (const WishRecord& w : wishes) items.push_back(wish_json(services, w, reader_for(w)));
  extra["items"] = std::move(items);
  extra["next_cursor"] = more ? json(std::to_string(query.offset + query.limit)) : json(nullptr);
  http::send_json(res, extra);
}

namespace {

WishRecord wish_of(const MembershipServices& services, std::string_view segment) {
  const auto wish = services.api.store.find_wish(path_id<WishId>(segment, "wish"));
  if (!wish) throw http::not_found("没有这个心愿 / no such wish");
  return *wish;
}

json figures_json(const WishFigures& f) {
  return {{"workers_helped", f.workers_helped}, {"wishes_fulfilled", f.wishes_fulfilled}, {"open", f.open}};
}

// [SECTION] Wall

void wall(const MembershipServices& services, const Request& req, Response& res) {
  const auto user = optional_user(services.api, req);
  const http::QueryParams params(req);
  WishQuery query;
  query.status = WishStatus::open;
  if (const auto status = params.text("status"); status && !status->empty()) {
    const auto parsed = parse_wish_status(*status);
    if (!parsed || !wish_is_public(*parsed)) throw http::bad_request("status must be open, claimed or fulfilled");
    query.status = *parsed;
  }
  if (const auto town = params.integer("town", 1, kMaxJsonId)) query.town = UnionId{*town};
  if (const auto category = params.text("category"); category && !category->empty()) {
    query.category = parse_wish_category(*category);
    if (!query.category) throw http::bad_request("category must be study, household, daily, health or other");
  }
  send_wish_page(services, req, res, query, [&](const WishRecord& w) { return reader_of(w, user); },
                 {{"figures", figures_json(services.api.store.wish_figures())}});
}

void figures(const MembershipServices& services, Response& res) {
  // The towns a filter offers: every town-level union of the first region's federation, in tree order.
  json towns = json::array();
  const auto roots = services.unions.roots();
  if (!roots.empty())
    for (const UnionRecord* town : services.unions.children(roots.front()->id))
      if (town->level == UnionLevel::town) towns.push_back({{"id", town->id}, {"name", town_label(services.unions, town->id)}});
  json categories = json::array();
  for (const WishCategory c : kWishCategories) categories.push_back(wish_category_name(c));
  json out = figures_json(services.api.store.wish_figures());
  out["towns"] = std::move(towns);
  out["categories"] = std::move(categories);
  http::send_json(res, out);
}

void one_wish(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto user = optional_user(services.api, req);
  const WishRecord wish = wish_of(services, params.at(0));
  const WishReader reader = reader_of(wish, user);
  if (!wish_is_public(wish.status) && reader != WishReader::wisher) throw http::not_found("没有这个心愿 / no such wish");
  http::send_json(res, wish_json(services, wish, reader));
}

// [SECTION] Mine

void write_wish(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  const JsonBody body(req);
  const std::string title = checked_text(body, "title", 1, kWishTitleMaxChars);
  const std::string story = checked_text(body, "story", 1, kWishStoryMaxChars, /*multiline=*/true);
  const std::int64_t yuan = body.integer("estimated_yuan", kWishMinYuan, kWishMaxYuan);
  WishCategory category = WishCategory::other;
  if (const auto name = body.optional_text("category", 32)) {
    const auto parsed = parse_wish_category(*name);
    if (!parsed) throw http::bad_request("category must be study, household, daily, health or other");
    category = *parsed;
  }
  const auto profile = services.api.store.find_profile(user.id);
  if (!profile || !profile->verified_at || !profile->union_id)
    throw http::ApiError(403, "forbidden",
                         "微心愿只接受已认证会员提交 / only verified union members can make a wish");
  const UtcSeconds now = services.api.clock.now();
  send_idempotent(services.api, req, res, user.id, body, now, [&]() -> StoredResponse {
    const NewWishOutcome outcome = services.api.store.create_wish(
        {*profile->union_id, wish_town(services.unions, *profile->union_id), user.id,
         wisher_display_name(profile->real_name), category, title, story, yuan, now});
    if (outcome.result == NewWishResult::limit)
      return error_answer(409, "wish_limit", "同时最多有 " + std::to_string(kOpenWishesPerPerson) +
                                                 " 个进行中的心愿 / at most " + std::to_string(kOpenWishesPerPerson) +
                                                 " wishes in progress at once");
    const json answer = wish_json(services, *outcome.wish, WishReader::wisher);
    return {201, answer.dump(-1, ' ', false, json::error_handler_t::replace)};
  });
}

void my_wishes(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  WishQuery query;
  query.wisher = user.id;
  send_wish_page(services, req, res, query, [](const WishRecord&) { return WishReader::wisher; });
}

void my_claims(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  WishQuery query;
  query.claimant = user.id;
  send_wish_page(services, req, res, query, [](const WishRecord&) { return WishReader::claimant; });
}

void thank(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const WishRecord wish = wish_of(services, params.at(0));
  if (wish.user != user.id) throw http::not_found("没有这个心愿 / no such wish");
  const JsonBody body(req);
  const std::string text = checked_text(body, "text", 1, kWishThanksMaxChars, /*multiline=*/true);
  const WishChangeOutcome outcome = services.api.store.thank_wish(wish.id, user.id, text);
  if (outcome.result == WishChange::not_found) throw http::not_found("没有这个心愿 / no such wish");
  if (outcome.result != WishChange::done)
    throw http::ApiError(409, "conflict", "只能为已圆梦的心愿写一次感谢 / thanks are written once, after the hand-over");
  http::send_json(res, wish_json(services, *outcome.wish, WishReader::wisher));
}

// [SECTION] Claims

void claim(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const WishRecord wish = wish_of(services, params.at(0));
  if (!wish_is_public(wish.status) && wish.user != user.id) throw http::not_found("没有这个心愿 / no such wish");
  ClaimRequest request{wish.id, user.id, {}, {}, services.api.clock.now()};
  if (!req.body.empty()) {
    const JsonBody body(req);
    if (const auto typed = body.optional_text("phone", 40); typed && !typed->empty()) {
      const std::string phone = normalize_phone(*typed);
      if (!is_mobile_phone(phone)) throw http::ApiError(400, "invalid_phone", "手机号应为 11 位 / a phone has 11 digits");
      request.claimant_phone_sealed = services.member_key.seal(phone);
    }
    request.note = optional_checked_text(body, "note", 0, 200, /*multiline=*/true).value_or("");
  }
  const WishChangeOutcome outcome = services.api.store.claim_wish(request);
  switch (outcome.result) {
    case WishChange::done: break;
    case WishChange::not_found: throw http::not_found("没有这个心愿 / no such wish");
    case WishChange::own_wish:
      throw http::ApiError(403, "forbidden", "不能认领自己的心愿 / you cannot claim your own wish");
    case WishChange::already_claimed:
      throw http::ApiError(409, "already_claimed", "这个心愿已被认领 / someone claimed this wish already");
    case WishChange::conflict:
      throw http::ApiError(409, "conflict", "这个心愿还不能认领 / this wish is not open");
  }
  http::send_json(res, wish_json(services, *outcome.wish, WishReader::claimant), 201);
}

// [SECTION] Hotlines

void list_hotlines(const MembershipServices& services, Response& res) {
  const UtcSeconds now = services.api.clock.now();
  json items = json::array();
  for (const Hotline& line : hotlines())
    items.push_back({{"key", line.key},
                     {"name", line.name},
                     {"summary", line.summary},
                     {"number", line.number},
                     {"tel", tel_uri(line.number)},
                     {"hours", line.hours},
                     {"hours_text", line.hours_zh},
                     {"open_now", hotline_open_at(line, now, services.holidays)},
                     {"counselling", line.counselling}});
  http::send_json(res, {{"items", std::move(items)}, {"now", format_iso8601(now)}});
}

}  // namespace

void add_wish_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  router.get("/api/v1/wishes", [&services](const Request& req, Response& res, P) { wall(services, req, res); });
  router.get("/api/v1/wishes/figures", [&services](const Request&, Response& res, P) { figures(services, res); });
  router.add("POST", "/api/v1/wishes",
             [&services](const Request& req, Response& res, P) { write_wish(services, req, res); });
  router.get("/api/v1/wishes/{id}",
             [&services](const Request& req, Response& res, P p) { one_wish(services, req, p, res); });
  router.add("POST", "/api/v1/wishes/{id}/claims",
             [&services](const Request& req, Response& res, P p) { claim(services, req, p, res); });
  router.add("POST", "/api/v1/wishes/{id}/thanks",
             [&services](const Request& req, Response& res, P p) { thank(services, req, p, res); });
  router.get("/api/v1/me/wishes", [&services](const Request& req, Response& res, P) { my_wishes(services, req, res); });
  router.get("/api/v1/me/wish-claims",
             [&services](const Request& req, Response& res, P) { my_claims(services, req, res); });
  router.get("/api/v1/hotlines", [&services](const Request&, Response& res, P) { list_hotlines(services, res); });
}

}  // namespace gongyou::server::api
