// tests/app/wishes_test.cpp — the wish and hotline controller without a browser (issue 17.4–5): a scripted server
// answers each request; the tests check the wall's filters and figures, that a claim is posted once and shows the
// wish claimed (and a lost race reloads it), that an incomplete wish is never sent, that the form's wish goes with an
// idempotency key, the staff's vetting and hand-over, that a sign-out forgets the last user's wishes, the hotlines'
// tel: links, and the routes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/navigation.h"
#include "app/wishes/wishes.h"
#include "tests/app/fake_platform.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

json user_json(std::int64_t id) {
  return {{"id", id}, {"username", "rider" + std::to_string(id)}, {"display_name", "王骑手"}, {"role", "worker"}};
}

json wish_json(std::int64_t id, const char* status = "open") {
  return {{"id", id}, {"title", "给孩子一个新书包"}, {"story", "孩子上一年级"}, {"category", "study"},
          {"estimated_yuan", 120}, {"status", status}, {"town", {{"id", 5}, {"name", "螺城镇"}}},
          {"display_name", "张师傅"}, {"created_at", "2026-11-24T08:00:00+08:00"}, {"thanks", nullptr}};
}

json page(std::vector<json> items) {
  json list = json::array();
  for (json& item : items) list.push_back(std::move(item));
  return {{"items", std::move(list)}, {"next_cursor", nullptr},
          {"figures", {{"workers_helped", 1500}, {"wishes_fulfilled", 1800}, {"open", 2}}}};
}

class WishesTest : public ::testing::Test, protected SessionHarness {
 protected:
  MembershipState membership;
  Wishes wishes{session, membership};
  void SetUp() override { session.on_change([this] { wishes.session_changed(); }); }
  void sign_in(std::int64_t id) {
    server.answer("POST /api/v1/auth/login", 200, {{"token", "T" + std::to_string(id)}, {"user", user_json(id)}});
    server.answer("GET /api/v1/me", 200, user_json(id));
    session.login("rider" + std::to_string(id), "Secret-2026");
    server.flush();
  }
  const WishState& state() const { return wishes.state(); }
  const HttpRequest* last(const std::string& method, const std::string& prefix) const {
    for (auto it = server.seen.rbegin(); it != server.seen.rend(); ++it)
      if (it->method == method && it->url.rfind(prefix, 0) == 0) return &*it;
    return nullptr;
  }
};

TEST_F(WishesTest, TheWallLoadsWithItsFiguresAndTownsAndFiltersAskTheServer) {
  server.answer("GET /api/v1/wishes", 200, page({wish_json(1), wish_json(2)}));
  server.answer("GET /api/v1/wishes/figures", 200,
                {{"towns", json::array({{{"id", 5}, {"name", "螺城镇"}}, {{"id", 6}, {"name", "东岭镇"}}, {{"bad", 1}}})}});
  wishes.apply(ShowWishWall{});
  server.flush();
  ASSERT_EQ(state().wall.size(), 2u);
  EXPECT_EQ(state().wall[0].display_name, "张师傅");
  EXPECT_EQ(state().wall[0].town, "螺城镇");
  EXPECT_EQ(state().workers_helped, 1500);
  EXPECT_EQ(state().wishes_fulfilled, 1800);
  ASSERT_EQ(state().towns.size(), 2u) << "a malformed town is skipped";
  server.answer("GET /api/v1/wishes", 200, page({wish_json(3, "fulfilled")}));
  wishes.apply(FilterWishes{WishStatus::fulfilled, WishCategory::household, UnionId{6}});
  server.flush();
  const HttpRequest* asked = last("GET", "/api/v1/wishes?");
  ASSERT_NE(asked, nullptr);
  EXPECT_NE(asked->url.find("status=fulfilled"), std::string::npos) << asked->url;
  EXPECT_NE(asked->url.find("category=household"), std::string::npos) << asked->url;
  EXPECT_NE(asked->url.find("town=6"), std::string::npos) << asked->url;
  ASSERT_EQ(state().wall.size(), 1u);
}

TEST_F(WishesTest, AClaimIsPostedOnceAndALostRaceReloadsTheWish) {
  sign_in(7);
  server.answer("GET /api/v1/wishes/9", 200, wish_json(9));
  wishes.apply(OpenWish{WishId{9}});
  server.flush();
  ASSERT_TRUE(state().wish);
  json claimed = wish_json(9, "claimed");
  claimed["claimed_by_me"] = true;
  server.answer("POST /api/v1/wishes/9/claims", 201, claimed);
  wishes.apply(ClaimWish{WishId{9}});
  wishes.apply(ClaimWish{WishId{9}});  // a second tap while the first is on its way
  server.flush();
  EXPECT_EQ(std::count_if(server.seen.begin(), server.seen.end(),
                          [](const HttpRequest& r) { return r.method == "POST" && r.url == "/api/v1/wishes/9/claims"; }),
            1);
  EXPECT_EQ(state().wish->status, WishStatus::claimed);
  EXPECT_TRUE(state().wish->claimed_by_me);

  server.answer("GET /api/v1/wishes/10", 200, wish_json(10));
  wishes.apply(OpenWish{WishId{10}});
  server.flush();
  server.answer("POST /api/v1/wishes/10/claims", 409,
                {{"error", {{"code", "already_claimed"}, {"message", "someone claimed this wish already"}}}});
  server.answer("GET /api/v1/wishes/10", 200, wish_json(10, "claimed"));
  wishes.apply(ClaimWish{WishId{10}});
  server.flush();
  ASSERT_TRUE(session.state().feedback);
  EXPECT_EQ(session.state().feedback->code, "already_claimed");
  EXPECT_EQ(state().wish->status, WishStatus::claimed);
  EXPECT_FALSE(state().wish->claimed_by_me);
}

TEST_F(WishesTest, AnIncompleteWishIsNeverSentAndACompleteOneGoesWithAKey) {
  sign_in(7);
  wishes.apply(ShowWishForm{});
  EXPECT_EQ(state().view, WishView::form);
  wishes.apply(SubmitWish{"", "孩子上学", 100, WishCategory::study});
  wishes.apply(SubmitWish{"书包", "   ", 100, WishCategory::study});
  wishes.apply(SubmitWish{"书包", "孩子上学", 0, WishCategory::study});
  server.flush();
  EXPECT_EQ(last("POST", "/api/v1/wishes"), nullptr);
  json pending = wish_json(11, "pending");
  pending["mine"] = true;
  server.answer("POST /api/v1/wishes", 201, pending);
  wishes.apply(SubmitWish{"书包", "孩子上学", 120, WishCategory::study});
  server.flush();
  const HttpRequest* sent = last("POST", "/api/v1/wishes");
  ASSERT_NE(sent, nullptr);
  const json body = json::parse(sent->body);
  EXPECT_EQ(body["estimated_yuan"], 120);
  EXPECT_EQ(body["category"], "study");
  EXPECT_FALSE(sent->idempotency_key.empty());
  EXPECT_EQ(state().view, WishView::mine);
  EXPECT_EQ(state().submitted, 1u);
}

TEST_F(WishesTest, StaffVetAndHandOverAndASignOutForgetsTheDesk) {
  sign_in(8);
  json vet = wish_json(12, "pending");
  vet["wisher"] = {{"user_id", 40}, {"phone", "13900001111"}};
  json arrange = wish_json(13, "claimed");
  arrange["wisher"] = {{"user_id", 41}, {"phone", "13900002222"}};
  arrange["claimant"] = {{"user_id", 50}, {"display_name", "爱心人士"}, {"phone", "13900003333"}, {"note", ""}};
  server.answer("GET /api/v1/admin/wishes", 200, page({vet}));
  server.answer("GET /api/v1/admin/wishes", 200, page({arrange}));
  wishes.apply(ShowWishDesk{});
  server.flush();
  ASSERT_TRUE(state().may_vet);
  ASSERT_EQ(state().pending.size(), 1u);
  EXPECT_EQ(state().pending[0].wisher_phone, "13900001111");
  ASSERT_EQ(state().claimed.size(), 1u);
  EXPECT_EQ(state().claimed[0].claimant_phone, "13900003333");
  server.answer("POST /api/v1/admin/wishes/12/review", 200, wish_json(12, "rejected"));
  wishes.apply(VetWish{WishId{12}, WishDecision::reject, "不符合条件"});
  server.flush();
  const json decision = json::parse(last("POST", "/api/v1/admin/wishes/12/review")->body);
  EXPECT_EQ(decision["decision"], "reject");
  EXPECT_EQ(decision["reason"], "不符合条件");
  server.answer("POST /api/v1/admin/wishes/13/fulfilled", 200, wish_json(13, "fulfilled"));
  wishes.apply(MarkWishFulfilled{WishId{13}});
  server.flush();
  EXPECT_NE(last("POST", "/api/v1/admin/wishes/13/fulfilled"), nullptr);
  session.logout();
  server.flush();
  EXPECT_TRUE(state().pending.empty());
  EXPECT_TRUE(state().claimed.empty());
  EXPECT_EQ(state().view, WishView::wall);
}

TEST_F(WishesTest, AWorkerWhoIsNotStaffLeavesTheDesk) {
  sign_in(7);
  server.answer("GET /api/v1/admin/wishes", 403, {{"error", {{"code", "forbidden"}, {"message", "no"}}}});
  wishes.apply(ShowWishDesk{});
  server.flush();
  EXPECT_FALSE(state().may_vet);
  EXPECT_EQ(state().view, WishView::wall);
}

TEST_F(WishesTest, HotlinesKeepOnlyLinesWithATelLink) {
  server.answer("GET /api/v1/hotlines", 200,
                {{"items", json::array({{{"key", "legal"}, {"name", "职工法律援助热线"}, {"number", "0595-87381148"},
                                         {"tel", "tel:059587381148"}, {"open_now", true}},
                                        {{"key", "evil"}, {"name", "x"}, {"tel", "javascript:alert(1)"}}})}});
  wishes.apply(ShowHotlines{});
  server.flush();
  ASSERT_EQ(state().hotlines.size(), 1u);
  EXPECT_TRUE(state().hotlines[0].open_now);
  EXPECT_EQ(state().hotlines[0].tel, "tel:059587381148");
}

TEST(WishRoutesTest, RoutesRoundTrip) {
  for (const char* hash : {"#/wishes", "#/wishes/12", "#/wishes/new", "#/wishes/mine", "#/wishes/desk", "#/hotlines"}) {
    const auto route = parse_route(hash);
    ASSERT_TRUE(route) << hash;
    EXPECT_EQ(format_route(*route), hash);
  }
  EXPECT_EQ(parse_route("#/wishes/12")->kind, Route::Kind::wish);
  EXPECT_FALSE(parse_route("#/wishes/abc"));
}

}  // namespace
}  // namespace gongyou
