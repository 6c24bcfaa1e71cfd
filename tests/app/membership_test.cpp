// tests/app/membership_test.cpp — the union and its members without a browser (issue 15): a scripted server answers
// each request; the tests check what is asked of the API (method, path, body), what the answers become (typed ids,
// levels and states; malformed items skipped), that an invalid form sends nothing, and that a new session forgets
// the last user's data.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/membership/membership.h"
#include "app/navigation.h"
#include "tests/app/fake_platform.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

constexpr const char* kValidId = "11010519491231002X";   // GB 11643's own example
constexpr const char* kWrongCheck = "110105194912310021";

json user_json(std::int64_t id, bool admin = false) {
  return {{"id", id}, {"username", "user" + std::to_string(id)}, {"display_name", "李华"},
          {"role", admin ? "admin" : "worker"}};
}

json union_json(std::int64_t id, const char* name, const char* level, std::int64_t parent = 0, int members = 10) {
  json u = {{"id", id}, {"name", name}, {"level", level}, {"region", "huian"}, {"member_count", members},
            {"child_count", 0}, {"path", json::array()}};
  u["parent_id"] = parent ? json(parent) : json(nullptr);
  return u;
}

json application_json(std::int64_t id, const char* status, bool overdue = false, const char* due = "2026-11-27T23:59:59+08:00",
                      int days_left = 3) {
  return {{"id", id},
          {"kind", "join"},
          {"status", status},
          {"union_id", 41},
          {"union_name", "螺城镇惠兴鞋业工会"},
          {"from_union_id", nullptr},
          {"reason", ""},
          {"created_at", "2026-11-24T09:00:00+08:00"},
          {"due_by", due},
          {"overdue", overdue},
          {"days_left", days_left},
          {"decisions", json::array()},
          {"waiting_for", std::string(status) == "pending" ? json::array({41}) : json::array()}};
}

json profile_json(bool verified = false) {
  return {{"real_name", "李华"},       {"id_number_masked", "1101**********002X"},
          {"phone_masked", "138****5678"}, {"verified", verified},
          {"verified_at", nullptr},    {"union_id", nullptr},
          {"union_name", nullptr},     {"consent_at", "2026-11-24T08:00:00+08:00"}};
}

class MembershipTest : public ::testing::Test, protected SessionHarness {
 protected:
  Membership membership{session, clock()};
  void SetUp() override { session.on_change([this] { membership.session_changed(); }); }
  /// Signs in as `id`; GET /me answers `me` (merged over the user).
  void sign_in(std::int64_t id, json me = json::object(), bool admin = false) {
    json full = user_json(id, admin);
    full.update(me);
    server.answer("POST /api/v1/auth/login", 200, {{"token", "T" + std::to_string(id)}, {"user", user_json(id, admin)}});
    server.answer("GET /api/v1/me", 200, full);
    session.login("user" + std::to_string(id), "Secret-2026");
    server.flush();
  }
  const MembershipState& state() const { return membership.state(); }
  json body_of(const char* method, const char* path) const {
    const HttpRequest* r = server.last(method, path);
    return r ? json::parse(r->body) : json();
  }
};

// ---- Who the caller is ----

TEST_F(MembershipTest, SigningInAsksWhoTheCallerIsAndTypesTheRolesAndTheMembership) {
  sign_in(7, {{"staff", json::array({{{"union_id", 12}, {"role", "union_staff"}}, {{"union_id", "x"}, {"role", "union_staff"}}})},
              {"member", {{"union_id", 41}, {"verified", true}}}});
  ASSERT_NE(server.last("GET", "/api/v1/me"), nullptr);
  ASSERT_EQ(state().staff_roles.size(), 1u) << "a role with a malformed union id is skipped";
  EXPECT_EQ(state().staff_roles[0].union_id, UnionId{12});
  EXPECT_TRUE(state().union_staff());
  ASSERT_TRUE(state().member);
  EXPECT_EQ(state().member->union_id, UnionId{41});
  EXPECT_TRUE(state().member->verified);
  EXPECT_NE(server.last("GET", "/api/v1/unions/41"), nullptr) << "the member's union is asked for (its path)";
}

TEST_F(MembershipTest, ALawyerIsNotUnionStaffAndNoMemberIsNull) {
  sign_in(8, {{"staff", json::array({{{"union_id", 12}, {"role", "lawyer"}}})}, {"member", nullptr}});
  EXPECT_FALSE(state().union_staff());
  EXPECT_FALSE(state().member);
}

// ---- The finder ----

TEST_F(MembershipTest, SearchingAsksTheWholeTreeAndSkipsMalformedUnions) {
  server.answer("GET /api/v1/unions", 200,
                {{"items", json::array({union_json(41, "螺城镇惠兴鞋业工会", "grassroots", 3),
                                        {{"id", 42}, {"name", "未知级别"}, {"level", "galaxy"}},
                                        {{"name", "没有编号"}, {"level", "town"}},
                                        union_json(3, "螺城镇总工会", "town", 1, 2000)})}});
  membership.apply(SearchUnions{"lc 鞋"});
  server.flush();
  const HttpRequest* r = server.last("GET", "/api/v1/unions");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->url, "/api/v1/unions?q=lc%20%E9%9E%8B&limit=50");
  ASSERT_EQ(state().unions.size(), 2u) << "an unknown level and a missing id are skipped";
  EXPECT_EQ(state().unions[0].id, UnionId{41});
  EXPECT_EQ(state().unions[0].level, UnionLevel::grassroots);
  EXPECT_TRUE(state().unions[0].takes_members());
  EXPECT_EQ(state().unions[0].parent, UnionId{3});
  EXPECT_EQ(state().unions[1].level, UnionLevel::town);
  EXPECT_EQ(state().unions[1].member_count, 2000);
  EXPECT_FALSE(state().unions[1].takes_members());
}

TEST_F(MembershipTest, WalkingTheTreeAsksForTheChildrenAndThePathOfTheUnion) {
  json town = union_json(3, "螺城镇总工会", "town", 1);
  town["path"] = json::array({{{"id", 1}, {"name", "惠安县总工会"}}, {{"id", "bad"}}});
  server.answer("GET /api/v1/unions/3", 200, town);
  server.answer("GET /api/v1/unions", 200, {{"items", json::array({union_json(41, "惠兴鞋业工会", "grassroots", 3)})}});
  membership.apply(BrowseUnion{UnionId{3}});
  server.flush();
  EXPECT_EQ(server.last("GET", "/api/v1/unions?")->url, "/api/v1/unions?parent=3");
  ASSERT_TRUE(state().parent_union);
  ASSERT_EQ(state().parent_union->path.size(), 1u);
  EXPECT_EQ(state().parent_union->path[0].name, "惠安县总工会");
  ASSERT_EQ(state().unions.size(), 1u);
  membership.apply(BrowseUnion{});
  server.flush();
  EXPECT_EQ(server.last("GET", "/api/v1/unions")->url, "/api/v1/unions") << "none: the roots";
  EXPECT_FALSE(state().parent_union);
}

TEST_F(MembershipTest, AnOutdatedSearchAnswerIsDropped) {
  server.hold_next("GET /api/v1/unions");
  membership.apply(SearchUnions{"l"});
  server.answer("GET /api/v1/unions", 200, {{"items", json::array({union_json(41, "螺城", "grassroots")})}});
  membership.apply(SearchUnions{"lc"});
  server.flush();
  ASSERT_EQ(state().unions.size(), 1u);
  server.release();  // the first search's answer arrives last: {} from the fake, and it must not empty the list
  EXPECT_EQ(state().unions.size(), 1u);
}

// ---- Applying ----

TEST_F(MembershipTest, ApplyingPostsTheKindTheUnionAndTheReasonWithAKey) {
  sign_in(7);
  server.answer("POST /api/v1/membership/applications", 201, application_json(90, "pending"));
  membership.apply(ApplyToUnion{UnionId{41}, MembershipKind::join, "在这家厂上班"});
  const HttpRequest* r = server.last("POST", "/api/v1/membership/applications");
  ASSERT_NE(r, nullptr);
  EXPECT_FALSE(r->idempotency_key.empty());
  EXPECT_EQ(json::parse(r->body), (json{{"kind", "join"}, {"union_id", 41}, {"reason", "在这家厂上班"}}));
  server.answer("GET /api/v1/me/membership/applications", 200, {{"items", json::array({application_json(90, "pending")})}});
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "application_sent");
  ASSERT_EQ(state().my_applications.size(), 1u);
  ASSERT_NE(state().pending_application(), nullptr);
  EXPECT_EQ(state().pending_application()->id, ApplicationId{90});

  server.answer("POST /api/v1/membership/applications", 409, {{"error", {{"code", "conflict"}, {"message", "已有申请"}}}});
  membership.apply(ApplyToUnion{UnionId{42}, MembershipKind::transfer, ""});
  EXPECT_EQ(body_of("POST", "/api/v1/membership/applications")["kind"], "transfer");
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "application_conflict") << "not the bookings' 'conflict' sentence";

  server.answer("POST /api/v1/membership/applications", 400, {{"error", {{"code", "profile_required"}}}});
  membership.apply(ApplyToUnion{UnionId{42}, MembershipKind::join, ""});
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "profile_required");
}

TEST_F(MembershipTest, MyApplicationsAreTypedAndMalformedOnesSkipped) {
  sign_in(7, {{"member", {{"union_id", 41}, {"verified", false}}}});
  json approved = application_json(80, "approved");
  approved["decisions"] = json::array({{{"union_id", 41}, {"decision", "approve"}, {"reason", ""}, {"at", "2026-11-25T10:00:00+08:00"}}});
  json rejected = application_json(70, "rejected");
  rejected["decisions"] = json::array({{{"union_id", 41}, {"decision", "reject"}, {"reason", "不是本单位职工"}}});
  json no_due = application_json(60, "pending");
  no_due.erase("due_by");
  server.answer("GET /api/v1/me/membership/applications", 200,
                {{"items", json::array({application_json(90, "pending", true, "2026-11-20T23:59:59+08:00", -2), approved,
                                        rejected, application_json(50, "lost"), no_due})}});
  membership.load_my_union();
  server.flush();
  ASSERT_EQ(state().my_applications.size(), 3u) << "an unknown status and a missing due_by are skipped";
  const MembershipApplication& pending = state().my_applications[0];
  EXPECT_EQ(pending.status, ApplicationStatus::pending);
  EXPECT_TRUE(pending.overdue);
  EXPECT_EQ(pending.days_left, -2);
  ASSERT_EQ(pending.waiting_for.size(), 1u);
  EXPECT_EQ(pending.side_name(pending.waiting_for[0]), "螺城镇惠兴鞋业工会");
  EXPECT_EQ(state().my_applications[2].rejection_reason(), "不是本单位职工");
  ASSERT_TRUE(state().member_since());
  EXPECT_EQ(*state().member_since(), *parse_iso8601("2026-11-25T10:00:00+08:00"));
}

// ---- The real-name profile ----

TEST_F(MembershipTest, AnInvalidFormSendsNothing) {
  sign_in(7);
  const std::size_t before = server.seen.size();
  membership.apply(SaveMemberProfile{{"李华", kWrongCheck, "13800005678", true}});
  membership.apply(SaveMemberProfile{{"李华", kValidId, "1380000567", true}});
  membership.apply(SaveMemberProfile{{"李华", kValidId, "13800005678", false}});
  membership.apply(SaveMemberProfile{{" ", kValidId, "13800005678", true}});
  EXPECT_EQ(server.seen.size(), before) << "a wrong check digit, a short phone, no consent or no name: nothing sent";
  const ProfileProblems p = check_profile_form("李华", kWrongCheck, "138", true, {2026, 11, 24});
  EXPECT_EQ(p.id, IdNumberProblem::wrong_check_digit);
  EXPECT_TRUE(p.phone_invalid);
  EXPECT_EQ(check_profile_form("李华", "110105209912310021", "13800005678", true, {2026, 11, 24}).id,
            IdNumberProblem::future_birth_date);
}

TEST_F(MembershipTest, SavingPutsTheNormalizedNumbersWithConsentAndKeepsOnlyTheMasks) {
  sign_in(7);
  server.answer("PUT /api/v1/me/member-profile", 200, profile_json());
  membership.apply(SaveMemberProfile{{" 李华 ", "11010519491231002x", "+86 138-0000-5678", true}});
  EXPECT_EQ(body_of("PUT", "/api/v1/me/member-profile"),
            (json{{"real_name", "李华"}, {"id_number", kValidId}, {"phone", "13800005678"}, {"consent", true}}));
  EXPECT_TRUE(state().profile_busy);
  server.flush();
  EXPECT_FALSE(state().profile_busy);
  ASSERT_TRUE(state().profile);
  EXPECT_EQ(state().profile->id_number_masked, "1101**********002X");
  EXPECT_EQ(state().profile->phone_masked, "138****5678");
  EXPECT_EQ(state().real_name_status(), RealNameStatus::unverified);
  EXPECT_EQ(state().profile_saved, 1u);
  EXPECT_EQ(session.state().feedback->code, "profile_saved");
}

TEST_F(MembershipTest, ARefusedSaveKeepsTheServersWords) {
  sign_in(7);
  server.answer("PUT /api/v1/me/member-profile", 409,
                {{"error", {{"code", "conflict"}, {"message", "另一个账号已登记这个身份证号码"}}}});
  membership.apply(SaveMemberProfile{{"李华", kValidId, "13800005678", true}});
  server.flush();
  EXPECT_EQ(state().profile_error, "另一个账号已登记这个身份证号码");
  EXPECT_EQ(state().profile_error_code, "conflict");
  EXPECT_EQ(state().profile_saved, 0u);
  EXPECT_FALSE(state().profile);
}

TEST_F(MembershipTest, ANotFoundProfileIsNoneAndDeletingErasesItAndTheMembership) {
  sign_in(7);
  // GET /me says there is no profile: the app does not ask for it (a 404 the browser would log as a failure).
  json me = user_json(7);
  me["real_name_status"] = "none";
  server.answer("GET /api/v1/me", 200, me);
  membership.load_profile();
  server.flush();
  EXPECT_TRUE(state().profile_loaded);
  EXPECT_EQ(state().real_name_status(), RealNameStatus::none);
  EXPECT_EQ(server.last("GET", "/api/v1/me/member-profile"), nullptr);
  // A server without real_name_status: the profile is asked for, and its 404 counts as none too.
  server.answer("GET /api/v1/me", 200, user_json(7));
  server.answer("GET /api/v1/me/member-profile", 404, {{"error", {{"code", "not_found"}}}});
  membership.load_profile();
  server.flush();
  ASSERT_NE(server.last("GET", "/api/v1/me/member-profile"), nullptr);
  EXPECT_EQ(state().real_name_status(), RealNameStatus::none);

  me = user_json(7);
  me["real_name_status"] = "verified";
  me["member"] = {{"union_id", 41}, {"verified", true}};
  server.answer("GET /api/v1/me", 200, me);
  server.answer("GET /api/v1/me/member-profile", 200, profile_json(true));
  membership.load_profile();
  server.flush();
  EXPECT_EQ(state().real_name_status(), RealNameStatus::verified);
  server.answer("DELETE /api/v1/me/member-profile", 200, {{"deleted", true}});
  membership.apply(DeleteMemberProfile{});
  ASSERT_NE(server.last("DELETE", "/api/v1/me/member-profile"), nullptr);
  server.flush();
  EXPECT_FALSE(state().profile);
  EXPECT_FALSE(state().member);
  EXPECT_EQ(session.state().feedback->code, "profile_deleted");
  EXPECT_NE(server.last("GET", "/api/v1/me/membership/applications"), nullptr) << "the withdrawn ones are shown";
}

// ---- Staff ----

TEST_F(MembershipTest, TheDeskOfAUnionStaffMemberLoadsTheirUnionsQueueOverdueFirst) {
  sign_in(9, {{"staff", json::array({{{"union_id", 12}, {"role", "union_staff"}}})}});
  json q1 = application_json(5, "pending", false, "2026-11-26T23:59:59+08:00", 2);
  q1["applicant"] = {{"user_id", 31}, {"username", "wangfang"}, {"real_name", "王芳"}, {"id_number_masked", "3505**********1234"},
                     {"verified", false}};
  q1["can_decide"] = json::array({41});
  json q2 = application_json(6, "pending", true, "2026-11-20T23:59:59+08:00", -2);
  server.answer("GET /api/v1/admin/membership/applications", 200, {{"items", json::array({q1, q2, {{"id", 7}}})}, {"overdue", 1}});
  server.answer("GET /api/v1/admin/unions/12/members", 200,
                {{"items", json::array({{{"user_id", 31}, {"username", "wangfang"}, {"real_name", "王芳"},
                                         {"id_number_masked", "3505**********1234"}, {"verified", false}},
                                        {{"username", "no id"}}})},
                 {"next_cursor", nullptr}});
  server.answer("GET /api/v1/admin/unions/12/stats", 200,
                {{"members", 80060}, {"verified", 73399}, {"verification_rate", 0.9168}, {"pending_applications", 2},
                 {"overdue_applications", 1}, {"union", union_json(12, "螺城镇总工会", "town")}});
  server.answer("GET /api/v1/unions/12", 200, union_json(12, "螺城镇总工会", "town"));
  membership.load_staff();
  server.flush();
  EXPECT_EQ(state().staff_union, UnionId{12});
  EXPECT_EQ(server.last("GET", "/api/v1/admin/membership/applications")->url,
            "/api/v1/admin/membership/applications?union_id=12&status=pending&limit=200");
  EXPECT_EQ(server.last("GET", "/api/v1/admin/unions/12/members")->url,
            "/api/v1/admin/unions/12/members?verified=false&limit=100");
  ASSERT_EQ(state().queue.size(), 2u) << "an item without kind or status is skipped";
  EXPECT_EQ(state().queue[0].id, ApplicationId{6}) << "overdue first, whatever order the answer had";
  EXPECT_EQ(state().queue[1].applicant->real_name, "王芳");
  EXPECT_EQ(state().queue[1].can_decide, std::vector<UnionId>{UnionId{41}});
  EXPECT_EQ(state().queue_overdue, 1);
  ASSERT_EQ(state().unverified.size(), 1u);
  EXPECT_EQ(state().unverified[0].user_id, UserId{31});
  ASSERT_TRUE(state().stats);
  EXPECT_NEAR(state().stats->verification_rate, 0.91679, 1e-5);
  ASSERT_TRUE(state().staff_union_info);
  EXPECT_EQ(state().staff_union_info->name, "螺城镇总工会");
  ASSERT_EQ(state().staff_choices.size(), 1u) << "the picker names the staff member's unions";
}

TEST_F(MembershipTest, DecidingVerifyingAndExportingAskTheRightEndpoints) {
  sign_in(9, {{"staff", json::array({{{"union_id", 12}, {"role", "union_staff"}}})}});
  membership.load_staff();
  server.flush();
  membership.apply(DecideApplication{ApplicationId{5}, true, ""});
  EXPECT_EQ(body_of("POST", "/api/v1/admin/membership/applications/5/decision"), (json{{"decision", "approve"}}));
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "application_approved");

  const std::size_t before = server.seen.size();
  membership.apply(DecideApplication{ApplicationId{6}, false, "  "});
  EXPECT_EQ(server.seen.size(), before) << "a rejection without a reason is not sent";
  server.answer("POST /api/v1/admin/membership/applications/6/decision", 409, {{"error", {{"code", "conflict"}}}});
  membership.apply(DecideApplication{ApplicationId{6}, false, "不是本单位职工"});
  EXPECT_EQ(body_of("POST", "/api/v1/admin/membership/applications/6/decision"),
            (json{{"decision", "reject"}, {"reason", "不是本单位职工"}}));
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "already_decided") << "the other side's staff were first";

  membership.apply(VerifyMember{UserId{31}});
  EXPECT_NE(server.last("POST", "/api/v1/admin/members/31/verify"), nullptr);
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "member_verified");

  membership.apply(ExportMembers{});
  ASSERT_FALSE(server.downloads.empty());
  EXPECT_EQ(server.downloads.back().first.url, "/api/v1/admin/unions/12/members.csv");
  EXPECT_EQ(server.downloads.back().second, "gongyou-members-12.csv");
}

TEST_F(MembershipTest, AnAdminStartsAtTheRootAndPicksAnyUnion) {
  server.answer("GET /api/v1/unions", 200,
                {{"items", json::array({union_json(1, "惠安县总工会", "federation"), union_json(200, "安定区总工会", "federation")})}});
  sign_in(1, json::object(), /*admin=*/true);
  membership.load_staff();
  server.flush();
  EXPECT_TRUE(state().union_staff());
  EXPECT_EQ(state().staff_union, UnionId{1}) << "the first root";
  EXPECT_NE(server.last("GET", "/api/v1/admin/unions/1/stats"), nullptr);
  membership.apply(SearchStaffUnions{"螺城"});
  EXPECT_EQ(server.last("GET", "/api/v1/unions")->url, "/api/v1/unions?q=%E8%9E%BA%E5%9F%8E&limit=50");
  membership.apply(PickStaffUnion{UnionId{200}});
  EXPECT_NE(server.last("GET", "/api/v1/admin/unions/200/stats"), nullptr);
  EXPECT_EQ(state().staff_union, UnionId{200});
}

// ---- Sessions ----

TEST_F(MembershipTest, ANewSessionForgetsTheLastUsersDataAndDropsTheirLateAnswers) {
  sign_in(9, {{"staff", json::array({{{"union_id", 12}, {"role", "union_staff"}}})}, {"member", {{"union_id", 41}}}});
  server.answer("GET /api/v1/me", 200, user_json(9));
  server.answer("GET /api/v1/me/member-profile", 200, profile_json());
  server.answer("GET /api/v1/admin/membership/applications", 200, {{"items", json::array({application_json(5, "pending")})}});
  membership.load_profile();
  membership.load_staff();
  server.flush();
  ASSERT_TRUE(state().profile);
  ASSERT_EQ(state().queue.size(), 1u);
  server.hold_next("GET /api/v1/me/membership/applications");
  server.answer("GET /api/v1/me/membership/applications", 200, {{"items", json::array({application_json(90, "pending")})}});
  membership.load_my_union();
  server.flush();

  session.logout();
  EXPECT_FALSE(state().profile);
  EXPECT_FALSE(state().member);
  EXPECT_TRUE(state().staff_roles.empty());
  EXPECT_TRUE(state().queue.empty());
  EXPECT_FALSE(state().staff_union);
  EXPECT_FALSE(state().union_staff());
  sign_in(10);
  server.release();  // user 9's applications arrive after user 10 signed in
  EXPECT_TRUE(state().my_applications.empty()) << "another user's applications are never shown";
}

// ---- Routes ----

TEST(MembershipRoutes, TheScreensHaveLinksThatComeBack) {
  using Kind = Route::Kind;
  const std::pair<const char*, Route> routes[] = {
      {"#/me/union", {Kind::my_union, 0}},       {"#/me/profile", {Kind::member_profile, 0}},
      {"#/unions", {Kind::unions, 0}},           {"#/unions/41", {Kind::union_page, 41}},
      {"#/staff/members", {Kind::staff_members, 0}},
  };
  for (const auto& [hash, route] : routes) {
    EXPECT_EQ(parse_route(hash), route) << hash;
    EXPECT_EQ(format_route(route), hash);
  }
  EXPECT_EQ(parse_route("#/staff/12"), (Route{Kind::staff, 12})) << "a site's staff desk keeps its link";
  EXPECT_FALSE(parse_route("#/unions/0"));
  EXPECT_EQ(section_of(Screen::staff_members), Screen::me);
}

}  // namespace
}  // namespace gongyou
