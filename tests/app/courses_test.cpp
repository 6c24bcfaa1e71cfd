// tests/app/courses_test.cpp — the classroom controller without a browser: a scripted server answers each
// request; the tests check what is asked of the API (docs/api-courses.md) and what the user is told.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/courses/courses.h"
#include "tests/app/fake_platform.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

json course_json(std::int64_t id, const char* title) {
  return {{"id", id},       {"title", title}, {"category_id", 3}, {"teacher", "陈老师"}, {"hours", 1.5},
          {"format", "online"}, {"lessons_total", 4}, {"enrolled", 0}};
}

class CoursesTest : public ::testing::Test, protected SessionHarness {
 protected:
  void sign_in() {
    server.answer("POST /api/v1/auth/login", 200,
                  {{"token", "t1"}, {"user", {{"id", 7}, {"username", "lihua"}, {"display_name", "李华"}}}});
    session.login("lihua", "Secret-pass-1");
    server.flush();
    ASSERT_TRUE(session.state().user);
  }
  int count(const std::string& method, const std::string& prefix) const {
    int n = 0;
    for (const auto& s : server.seen) n += s.method == method && s.url.rfind(prefix, 0) == 0;
    return n;
  }

  Courses courses{session};
};

TEST_F(CoursesTest, AnswersOfAnOutdatedSearchAreDropped) {
  server.answer("GET /api/v1/courses", 200, {{"items", {course_json(1, "劳动法基础")}}, {"next_cursor", nullptr}});
  server.answer("GET /api/v1/courses", 200, {{"items", {course_json(2, "劳动法实务")}}, {"next_cursor", nullptr}});
  courses.apply(SetCourseQuery{"劳"});
  courses.apply(SetCourseQuery{"ldf"});  // typed on before the first answer came
  server.flush();
  ASSERT_EQ(courses.state().list.size(), 1u);
  EXPECT_EQ(courses.state().list[0].id, CourseId{2});
  EXPECT_DOUBLE_EQ(courses.state().list[0].hours, 1.5);
  EXPECT_NE(server.last("GET", "/api/v1/courses")->url.find("q=ldf"), std::string::npos);
}

TEST_F(CoursesTest, ChineseQueriesArePercentEncoded) {
  courses.apply(SetCourseQuery{"劳动 法&x=1"});
  EXPECT_NE(server.last("GET", "/api/v1/courses")->url.find("q=%E5%8A%B3%E5%8A%A8%20%E6%B3%95%26x%3D1"),
            std::string::npos);
}

TEST_F(CoursesTest, PagesFollowTheCursorAndStopAtTheEnd) {
  server.answer("GET /api/v1/courses", 200, {{"items", {course_json(1, "a")}}, {"next_cursor", "c1"}});
  server.answer("GET /api/v1/courses", 200, {{"items", {course_json(2, "b")}}, {"next_cursor", nullptr}});
  courses.apply(SetCourseSort{CourseSort::newest});
  server.flush();
  courses.apply(LoadMoreCourses{});
  EXPECT_NE(server.last("GET", "/api/v1/courses")->url.find("cursor=c1"), std::string::npos);
  courses.apply(LoadMoreCourses{});  // already on its way: not asked twice
  server.flush();
  courses.apply(LoadMoreCourses{});  // the end: nothing more to ask
  EXPECT_EQ(count("GET", "/api/v1/courses"), 2);
  EXPECT_EQ(courses.state().list.size(), 2u);
}

TEST_F(CoursesTest, EnrollingAsksToSignInFirst) {
  courses.apply(Enroll{CourseId{5}, false});
  EXPECT_TRUE(session.state().auth_open);
  EXPECT_EQ(count("POST", "/api/v1/courses/"), 0);
}

TEST_F(CoursesTest, ARetryAfterANetworkFailureReusesTheIdempotencyKey) {
  sign_in();
  server.answer_network_failure("POST /api/v1/courses/5/enrollments");
  courses.apply(Enroll{CourseId{5}, false});
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "network");
  const std::string first_key = server.last("POST", "/api/v1/courses/5/enrollments")->idempotency_key;
  server.answer("POST /api/v1/courses/5/enrollments", 201,
                {{"course", course_json(5, "安全生产")}, {"status", "confirmed"}, {"lessons_total", 4}});
  courses.apply(Enroll{CourseId{5}, false});
  server.flush();
  EXPECT_EQ(server.last("POST", "/api/v1/courses/5/enrollments")->idempotency_key, first_key);
  EXPECT_EQ(session.state().feedback->code, "enrolled");
  courses.apply(Enroll{CourseId{6}, false});  // another enrollment: another key
  EXPECT_NE(server.last("POST", "/api/v1/courses/6/enrollments")->idempotency_key, first_key);
}

TEST_F(CoursesTest, AFullClassIsExplainedAndAWaitlistPlaceIsCounted) {
  sign_in();
  server.answer("POST /api/v1/courses/5/enrollments", 409, {{"error", {{"code", "slot_full"}, {"message", "full"}}}});
  courses.apply(Enroll{CourseId{5}, false});
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "course_full");
  server.answer("POST /api/v1/courses/5/enrollments", 201,
                {{"course", course_json(5, "急救")}, {"status", "waitlisted"}, {"waitlist_position", 4}});
  courses.apply(Enroll{CourseId{5}, true});
  server.flush();
  EXPECT_EQ(session.state().feedback->code, "course_waitlisted");
  EXPECT_EQ(session.state().feedback->number, 4);
  EXPECT_EQ(json::parse(server.last("POST", "/api/v1/courses/5/enrollments")->body)["waitlist"], true);
}

TEST_F(CoursesTest, ALectureRequestNeedsAPlaceOnTheMap) {
  sign_in();
  LectureForm form;
  std::snprintf(form.topic, sizeof form.topic, "%s", "劳动法进企业");
  std::snprintf(form.dates[0], sizeof form.dates[0], "%s", "2026-12-08");
  courses.apply(SubmitLectureRequest{form});
  EXPECT_EQ(session.state().feedback->code, "pick_place");
  EXPECT_EQ(count("POST", "/api/v1/lecture-requests"), 0);
  form.place = LatLon{25.03, 118.80};
  server.answer("POST /api/v1/lecture-requests", 201, {{"id", 9}, {"topic", "劳动法进企业"}, {"status", "pending"}});
  courses.apply(SubmitLectureRequest{form});
  server.flush();
  const json body = json::parse(server.last("POST", "/api/v1/lecture-requests")->body);
  EXPECT_EQ(body["preferred_dates"], json::array({"2026-12-08"}));  // empty date fields are left out
  EXPECT_EQ(body["course_id"], nullptr);
  EXPECT_DOUBLE_EQ(body["lat"].get<double>(), 25.03);
  EXPECT_EQ(session.state().feedback->code, "request_sent");
  EXPECT_EQ(courses.state().view, CourseView::requests);
}

TEST_F(CoursesTest, SigningOutForgetsTheLastWorkersCourses) {
  sign_in();
  server.answer("GET /api/v1/me/courses", 200,
                {{"items", {{{"course", course_json(5, "急救")}, {"status", "confirmed"}, {"lessons_done", 1}}}}});
  courses.show(CourseView::mine);
  server.flush();
  ASSERT_EQ(courses.state().mine.size(), 1u);
  session.logout();
  courses.session_changed(true);
  EXPECT_TRUE(courses.state().mine.empty());
  EXPECT_EQ(courses.state().view, CourseView::catalog);
}

// Issue 14 (2): after signing out of demo, the catalog still said "· 已报名"; signed in as another user it still
// showed demo's enrolments.
TEST_F(CoursesTest, TheCatalogsEnrolmentMarksBelongToWhoeverIsSignedIn) {
  sign_in();
  json enrolled = course_json(5, "急救");
  enrolled["my_enrollment"] = {{"status", "confirmed"}};
  server.answer("GET /api/v1/courses", 200, {{"items", {enrolled}}, {"next_cursor", nullptr}});
  courses.show(CourseView::catalog);
  server.flush();
  ASSERT_EQ(courses.state().list.size(), 1u);
  ASSERT_TRUE(courses.state().list[0].my_status);
  server.answer("GET /api/v1/courses", 200, {{"items", {course_json(5, "急救")}}, {"next_cursor", nullptr}});
  session.logout();
  courses.session_changed(true);
  for (const Course& c : courses.state().list) EXPECT_FALSE(c.my_status) << "the last user's mark is gone";
  server.flush();
  ASSERT_EQ(courses.state().list.size(), 1u) << "the catalog is asked again";
  EXPECT_FALSE(courses.state().list[0].my_status);
  EXPECT_TRUE(server.last("GET", "/api/v1/courses")->token.empty()) << "asked as nobody";
}

TEST_F(CoursesTest, StaffSeeOpenRequestsFirst) {
  sign_in();
  server.answer("GET /api/v1/admin/lecture-requests", 200,
                {{"items",
                  {{{"id", 3}, {"status", "delivered"}}, {{"id", 2}, {"status", "pending"}}, {{"id", 1}, {"status", "accepted"}}}}});
  courses.show(CourseView::staff_requests);
  server.flush();
  ASSERT_EQ(courses.state().staff_requests.size(), 3u);
  EXPECT_EQ(courses.state().staff_requests[0].id, LectureRequestId{2});
  EXPECT_EQ(courses.state().staff_requests[1].id, LectureRequestId{1});
  EXPECT_EQ(courses.state().staff_requests[2].id, LectureRequestId{3});
}

}  // namespace
}  // namespace gongyou
