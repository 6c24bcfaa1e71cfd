// tests/app/campaigns_test.cpp — the campaign controller without a browser (issue 16.4): a scripted server answers
// each request; the tests check what is asked of the API (method, path, body, idempotency key), that a message too
// long or empty is never sent, that an answer for an older order is dropped, that pages append, that likes and
// featuring update what is shown, that only staff ask for the review queue and a decline carries its reason, that a
// sign-out forgets the last user's messages, and the routes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/campaigns/campaigns.h"
#include "app/navigation.h"
#include "tests/app/fake_platform.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

json user_json(std::int64_t id) {
  return {{"id", id}, {"username", "rider" + std::to_string(id)}, {"display_name", "王骑手"}, {"role", "worker"}};
}

json campaign_json(std::int64_t id, const char* status = "open") {
  return {{"id", id}, {"title", "五一留言征集"}, {"theme", "写下你的劳动故事"}, {"status", status},
          {"starts_at", "2026-11-20T08:00:00+08:00"}, {"ends_at", "2026-12-20T08:00:00+08:00"}, {"views", 1100},
          {"messages", 2}, {"likes", 5}, {"members_only", false},
          {"me", {{"messages", 0}, {"messages_left", 3}, {"may_write", true}, {"why_not", nullptr}}}};
}

json message_json(std::int64_t id, const char* status = nullptr, std::int64_t likes = 0) {
  json m = {{"id", id}, {"campaign_id", 3}, {"author", "王**"}, {"text", "感谢工会 #" + std::to_string(id)},
            {"likes", likes}, {"featured", false}, {"liked", false}, {"created_at", "2026-11-24T08:00:00+08:00"}};
  if (status) {
    m["status"] = status;
    m["reason"] = std::string(status) == "rejected" ? "含有广告信息" : "";
  }
  return m;
}

json page(std::vector<json> items, const char* next = nullptr) {
  json list = json::array();
  for (json& item : items) list.push_back(std::move(item));
  return {{"items", std::move(list)}, {"next_cursor", next ? json(next) : json(nullptr)}};
}

class CampaignsTest : public ::testing::Test, protected SessionHarness {
 protected:
  MembershipState membership;
  Campaigns campaigns{session, membership};
  void SetUp() override { session.on_change([this] { campaigns.session_changed(); }); }
  void sign_in(std::int64_t id) {
    server.answer("POST /api/v1/auth/login", 200, {{"token", "T" + std::to_string(id)}, {"user", user_json(id)}});
    server.answer("GET /api/v1/me", 200, user_json(id));
    session.login("rider" + std::to_string(id), "Secret-2026");
    server.flush();
  }
  const CampaignState& state() const { return campaigns.state(); }
  std::size_t asked(const std::string& method, const std::string& prefix) const {
    return static_cast<std::size_t>(std::count_if(server.seen.begin(), server.seen.end(), [&](const HttpRequest& r) {
      return r.method == method && r.url.rfind(prefix, 0) == 0;
    }));
  }
  /// Signs in as 7 and opens campaign 3 with two shown messages and none of mine.
  void open_campaign() {
    sign_in(7);
    server.answer("GET /api/v1/campaigns/3", 200, campaign_json(3));
    server.answer("GET /api/v1/campaigns/3/messages", 200, page({message_json(11, nullptr, 4), message_json(12)}, "30"));
    server.answer("GET /api/v1/campaigns/3/messages/mine", 200, page({}));
    campaigns.apply(OpenCampaign{CampaignId{3}});
    server.flush();
  }
};

TEST_F(CampaignsTest, OpeningACampaignLoadsItsMessagesAndMineButAWorkerNeverAsksForTheReviewQueue) {
  open_campaign();
  EXPECT_EQ(state().view, CampaignView::detail);
  ASSERT_TRUE(state().campaign);
  EXPECT_EQ(state().campaign->views, 1100);
  ASSERT_TRUE(state().campaign->me);
  EXPECT_EQ(state().campaign->me->messages_left, 3);
  ASSERT_EQ(state().messages.size(), 2u);
  EXPECT_EQ(state().next_cursor, "30");
  ASSERT_NE(server.last("GET", "/api/v1/campaigns/3/messages?"), nullptr);
  EXPECT_EQ(server.last("GET", "/api/v1/campaigns/3/messages?")->url, "/api/v1/campaigns/3/messages?limit=30&order=featured");
  EXPECT_EQ(asked("GET", "/api/v1/admin/"), 0u) << "not staff: no 403 to log";
  EXPECT_FALSE(state().may_review);
}

TEST_F(CampaignsTest, AMessageIsSentOnceWithAKeyAndAnEmptyOrTooLongOneIsNeverSent) {
  open_campaign();
  campaigns.apply(LeaveMessage{"   \n"});
  std::string long_text;
  for (int i = 0; i < 501; ++i) long_text += "工";
  campaigns.apply(LeaveMessage{long_text});
  EXPECT_EQ(asked("POST", "/api/v1/campaigns/3/messages"), 0u);
  ASSERT_TRUE(session.state().feedback);
  EXPECT_EQ(session.state().feedback->code, "camp_too_long");

  server.answer("POST /api/v1/campaigns/3/messages", 201, message_json(21, "pending"));
  server.answer("GET /api/v1/campaigns/3", 200, campaign_json(3));
  server.answer("GET /api/v1/campaigns/3/messages/mine", 200, page({message_json(21, "pending")}));
  campaigns.apply(LeaveMessage{"希望多建几个母婴室。"});
  campaigns.apply(LeaveMessage{"希望多建几个母婴室。"});  // a second tap while the first is on its way
  const HttpRequest* post = server.last("POST", "/api/v1/campaigns/3/messages");
  ASSERT_NE(post, nullptr);
  EXPECT_EQ(json::parse(post->body), json({{"text", "希望多建几个母婴室。"}}));
  EXPECT_FALSE(post->idempotency_key.empty());
  EXPECT_EQ(asked("POST", "/api/v1/campaigns/3/messages"), 1u);
  server.flush();
  EXPECT_EQ(state().posted, 1u);
  ASSERT_EQ(state().mine.size(), 1u);
  EXPECT_EQ(state().mine[0].status, MessageStatus::pending);
  EXPECT_EQ(state().messages.size(), 2u) << "not among the shown ones";
  EXPECT_EQ(session.state().feedback->code, "camp_posted");
}

TEST_F(CampaignsTest, AnotherOrderReloadsTheFirstPageAndALateAnswerOfTheOldOneIsDropped) {
  open_campaign();
  server.hold_next("GET /api/v1/campaigns/3/messages");
  campaigns.apply(OrderMessages{MessageOrder::liked});
  server.flush();
  server.answer("GET /api/v1/campaigns/3/messages", 200, page({message_json(40)}));
  campaigns.apply(OrderMessages{MessageOrder::newest});
  server.flush();
  EXPECT_EQ(server.last("GET", "/api/v1/campaigns/3/messages?")->url, "/api/v1/campaigns/3/messages?limit=30&order=newest");
  ASSERT_EQ(state().messages.size(), 1u);
  server.release();  // the answer for "liked" arrives last
  server.flush();
  ASSERT_EQ(state().messages.size(), 1u);
  EXPECT_EQ(state().messages[0].id, CampaignMessageId{40});
  EXPECT_EQ(state().order, MessageOrder::newest);
}

TEST_F(CampaignsTest, MoreAppendsTheNextPageUntilThereIsNone) {
  open_campaign();
  server.answer("GET /api/v1/campaigns/3/messages", 200, page({message_json(13)}));
  campaigns.apply(LoadMoreMessages{});
  EXPECT_EQ(server.last("GET", "/api/v1/campaigns/3/messages?")->url,
            "/api/v1/campaigns/3/messages?limit=30&order=featured&cursor=30");
  server.flush();
  EXPECT_EQ(state().messages.size(), 3u);
  EXPECT_TRUE(state().next_cursor.empty());
  const std::size_t before = asked("GET", "/api/v1/campaigns/3/messages?");
  campaigns.apply(LoadMoreMessages{});
  EXPECT_EQ(asked("GET", "/api/v1/campaigns/3/messages?"), before) << "no page after the last";
}

TEST_F(CampaignsTest, ALikeTakesTheServersCountAndAMessageThatIsGoneSaysSo) {
  open_campaign();
  server.answer("PUT /api/v1/campaign-messages/11/like", 200, {{"id", 11}, {"liked", true}, {"likes", 5}});
  campaigns.apply(LikeMessage{CampaignMessageId{11}, true});
  server.flush();
  EXPECT_TRUE(state().messages[0].liked);
  EXPECT_EQ(state().messages[0].likes, 5);
  server.answer("DELETE /api/v1/campaign-messages/12/like", 404, {{"error", {{"code", "not_found"}, {"message", "x"}}}});
  campaigns.apply(LikeMessage{CampaignMessageId{12}, false});
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "not_found");
}

TEST_F(CampaignsTest, StaffSeeTheQueueDeclineWithAReasonAndALostRaceReloadsIt) {
  membership.admin = true;
  open_campaign();
  server.answer("GET /api/v1/admin/campaigns/3/messages", 200, page({message_json(21, "pending")}));
  campaigns.apply(OpenReviewQueue{CampaignId{3}});
  server.flush();
  EXPECT_EQ(state().view, CampaignView::review);
  EXPECT_TRUE(state().may_review);
  ASSERT_EQ(state().pending.size(), 1u);
  ASSERT_NE(server.last("GET", "/api/v1/admin/campaigns/3/messages?limit=100&status=approved"), nullptr);

  server.answer("POST /api/v1/admin/campaign-messages/21/review", 409, {{"error", {{"code", "conflict"}, {"message", "x"}}}});
  server.answer("GET /api/v1/admin/campaigns/3/messages", 200, page({}));
  campaigns.apply(ReviewMessage{CampaignMessageId{21}, MessageDecision::reject, "含有广告信息"});
  EXPECT_EQ(json::parse(server.last("POST", "/api/v1/admin/campaign-messages/21/review")->body),
            json({{"decision", "reject"}, {"reason", "含有广告信息"}}));
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "conflict");
  EXPECT_TRUE(state().pending.empty()) << "the queue reloaded: another reviewer decided first";

  server.answer("POST /api/v1/admin/campaign-messages/11/review", 200, message_json(11, "rejected"));
  campaigns.apply(ReviewMessage{CampaignMessageId{11}, MessageDecision::take_down, "作者要求撤下"});
  EXPECT_EQ(json::parse(server.last("POST", "/api/v1/admin/campaign-messages/11/review")->body)["decision"], "take_down");
}

TEST_F(CampaignsTest, SigningOutForgetsMyMessagesAndLikes) {
  open_campaign();
  server.answer("PUT /api/v1/campaign-messages/11/like", 200, {{"id", 11}, {"liked", true}, {"likes", 5}});
  campaigns.apply(LikeMessage{CampaignMessageId{11}, true});
  server.answer("POST /api/v1/campaigns/3/messages", 201, message_json(21, "pending"));
  server.answer("GET /api/v1/campaigns/3/messages/mine", 200, page({message_json(21, "pending")}));
  campaigns.apply(LeaveMessage{"一条留言"});
  server.flush();
  ASSERT_EQ(state().mine.size(), 1u);
  session.logout();
  server.flush();
  EXPECT_TRUE(state().mine.empty());
  for (const CampaignMessage& m : state().messages) EXPECT_FALSE(m.liked);
}

TEST(CampaignRoutes, ParseAndFormatRoundTrip) {
  for (const char* hash : {"#/campaigns", "#/campaigns/3", "#/campaigns/3/review"}) {
    const auto route = parse_route(hash);
    ASSERT_TRUE(route) << hash;
    EXPECT_EQ(format_route(*route), hash);
  }
  EXPECT_EQ(parse_route("#/campaigns/3")->kind, Route::Kind::campaign);
  EXPECT_EQ(parse_route("#/campaigns/3/review")->kind, Route::Kind::campaign_review);
  EXPECT_FALSE(parse_route("#/campaigns/0"));
  EXPECT_FALSE(parse_route("#/campaigns/x/review"));
  EXPECT_EQ(section_of(Screen::campaigns), Screen::home);
}

}  // namespace
}  // namespace gongyou
