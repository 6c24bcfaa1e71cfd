// tests/app/quizzes_test.cpp — the quiz controller without a browser (issue 16): a scripted server answers each
// request; the tests check what is asked of the API (method, path, body), that each choice is saved, that the
// countdown submits at the server's deadline and an old countdown's timer does nothing, that the result is decoded
// with its right options, that a draw is recomputed on the device (a tampered one fails), and the routes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/navigation.h"
#include "app/quizzes/quizzes.h"
#include "tests/app/fake_platform.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

json user_json(std::int64_t id) {
  return {{"id", id}, {"username", "rider" + std::to_string(id)}, {"display_name", "王骑手"}, {"role", "worker"}};
}

json quiz_json(std::int64_t id, const char* status = "open") {
  return {{"id", id},
          {"title", "服务新业态答题"},
          {"status", status},
          {"starts_at", "2026-11-20T08:00:00+08:00"},
          {"ends_at", "2026-12-20T08:00:00+08:00"},
          {"question_count", 2},
          {"time_limit_s", 300},
          {"attempts_per_day", 3},
          {"pass_score", 60},
          {"prize_count", 3},
          {"players", 12},
          {"draw_commitment", "afcfbc6319bbb7866bf81747d8af580915c2a8a9bfab33914eb49ffb5a74edaa"},
          {"drawn", false}};
}

/// A running attempt started at the fake's clock, deadline 300 s later.
json attempt_json(std::int64_t id, const char* deadline = "2026-11-24T08:05:00+08:00") {
  return {{"id", id},
          {"quiz_id", 5},
          {"started_at", "2026-11-24T08:00:00+08:00"},
          {"deadline", deadline},
          {"submitted", false},
          {"answers", json::object()},
          {"questions",
           json::array({{{"id", 101}, {"text", "每日工作时间不超过几小时？"}, {"kind", "single"}, {"options", {"十", "八", "九"}}},
                        {{"id", 102}, {"text", "劳动者享有哪些权利？"}, {"kind", "multiple"}, {"options", {"甲", "乙", "丙", "丁"}}},
                        {{"id", 103}, {"text", "只有一个选项"}, {"kind", "single"}, {"options", {"孤"}}}})}};  // malformed: skipped
}

json result_json(std::int64_t id) {
  json r = attempt_json(id);
  r["submitted"] = true;
  r["submitted_at"] = "2026-11-24T08:05:00+08:00";
  r["auto_submitted"] = false;
  r["score"] = 50;
  r["correct"] = 1;
  r["total"] = 2;
  r["duration_s"] = 300;
  r["questions"][0].update({{"correct_option", 1}, {"correct_options", {1}}, {"chosen", 1}, {"right", true},
                            {"law_title", "《中华人民共和国劳动法》"}, {"article", "第三十六条"}, {"explanation", "八小时。"}});
  r["questions"][1].update({{"correct_option", {0, 2}}, {"correct_options", {0, 2}}, {"chosen", {0}}, {"right", false},
                            {"law_title", "x"}, {"article", "y"}, {"explanation", "z"}});
  return r;
}

class QuizzesTest : public ::testing::Test, protected SessionHarness {
 protected:
  Quizzes quizzes{session, services};
  void SetUp() override { session.on_change([this] { quizzes.session_changed(); }); }
  void sign_in(std::int64_t id) {
    server.answer("POST /api/v1/auth/login", 200, {{"token", "T" + std::to_string(id)}, {"user", user_json(id)}});
    server.answer("GET /api/v1/me", 200, user_json(id));
    session.login("rider" + std::to_string(id), "Secret-2026");
    server.flush();
  }
  const QuizState& state() const { return quizzes.state(); }
  json body_of(const char* method, const char* path) const {
    const HttpRequest* r = server.last(method, path);
    return r && !r->body.empty() ? json::parse(r->body) : json();
  }
  /// Opens quiz 5 and starts attempt 9 (deadline 08:05).
  void start_attempt() {
    sign_in(7);
    server.answer("GET /api/v1/quizzes/5", 200, quiz_json(5));
    quizzes.apply(OpenQuiz{QuizId{5}});
    server.flush();
    server.answer("POST /api/v1/quizzes/5/attempts", 201, attempt_json(9));
    quizzes.apply(StartQuiz{QuizId{5}});
    server.flush();
  }
  /// The newest timer the controller started.
  std::uint64_t last_timer() const { return server.timers.empty() ? 0 : server.timers.back().first; }
};

TEST_F(QuizzesTest, TheListDecodesQuizzesAndSkipsMalformedOnes) {
  json bad = quiz_json(6);
  bad["status"] = "finished";
  server.answer("GET /api/v1/quizzes", 200, {{"items", {quiz_json(5), bad, quiz_json(7, "closed")}}});
  quizzes.apply(ShowQuizList{});
  server.flush();
  ASSERT_EQ(state().quizzes.size(), 2u);
  EXPECT_EQ(state().quizzes[0].status, QuizStatus::open);
  EXPECT_EQ(state().quizzes[1].status, QuizStatus::closed);
  EXPECT_EQ(state().quizzes[0].players, 12);
}

TEST_F(QuizzesTest, StartingShowsTheFirstQuestionAndCountsDown) {
  start_attempt();
  EXPECT_EQ(state().view, QuizView::attempt);
  ASSERT_TRUE(state().attempt);
  EXPECT_EQ(state().attempt->questions.size(), 2u) << "the question with one option is dropped";
  EXPECT_EQ(state().current, 0);
  EXPECT_EQ(state().seconds_left(server.now), 300);
  ASSERT_FALSE(server.timers.empty());
  EXPECT_EQ(timer_owner(last_timer()), TimerOwner::quiz_clock);
  EXPECT_EQ(server.timers.back().second, 1000);
}

TEST_F(QuizzesTest, EachChoiceIsSavedSingleReplacesMultipleToggles) {
  start_attempt();
  quizzes.apply(ChooseAnswer{0, 2});
  quizzes.apply(ChooseAnswer{0, 1});
  EXPECT_EQ(state().attempt->questions[0].chosen, (std::vector<int>{1}));
  EXPECT_EQ(body_of("PUT", "/api/v1/quiz-attempts/9/answers"), json::parse(R"({"answers":{"101":1}})"));
  quizzes.apply(ChooseAnswer{1, 2});
  quizzes.apply(ChooseAnswer{1, 0});
  quizzes.apply(ChooseAnswer{1, 2});  // off again
  quizzes.apply(ChooseAnswer{1, 3});
  EXPECT_EQ(state().attempt->questions[1].chosen, (std::vector<int>{0, 3}));
  EXPECT_EQ(body_of("PUT", "/api/v1/quiz-attempts/9/answers"), json::parse(R"({"answers":{"101":1,"102":[0,3]}})"));
  const auto puts = std::count_if(server.seen.begin(), server.seen.end(), [](const HttpRequest& r) { return r.method == "PUT"; });
  EXPECT_EQ(puts, 6);
  quizzes.apply(ChooseAnswer{5, 0});   // no such question
  quizzes.apply(ChooseAnswer{0, 9});   // no such option
  EXPECT_EQ(std::count_if(server.seen.begin(), server.seen.end(), [](const HttpRequest& r) { return r.method == "PUT"; }), 6);
  quizzes.apply(GoToQuestion{7});
  EXPECT_EQ(state().current, 1) << "clamped to the last question";
}

TEST_F(QuizzesTest, TheDeadlineSubmitsWhatWasChosen) {
  start_attempt();
  quizzes.apply(ChooseAnswer{0, 1});
  server.flush();
  server.now = UtcSeconds{server.now.value + 120};
  quizzes.timer_fired(last_timer());
  EXPECT_EQ(server.last("POST", "/api/v1/quiz-attempts/9/submit"), nullptr) << "not before the deadline";
  server.now = UtcSeconds{server.now.value + 180};
  server.answer("POST /api/v1/quiz-attempts/9/submit", 200, result_json(9));
  quizzes.timer_fired(last_timer());
  ASSERT_NE(server.last("POST", "/api/v1/quiz-attempts/9/submit"), nullptr);
  EXPECT_EQ(body_of("POST", "/api/v1/quiz-attempts/9/submit"), json::parse(R"({"answers":{"101":1}})"));
  server.flush();
  ASSERT_TRUE(state().attempt);
  EXPECT_TRUE(state().attempt->submitted);
  EXPECT_EQ(state().attempt->score, 50);
  EXPECT_EQ(state().attempt->questions[1].correct_options, (std::vector<int>{0, 2}));
  EXPECT_EQ(state().attempt->questions[0].article, "第三十六条");
  ASSERT_TRUE(session.state().feedback);
  EXPECT_EQ(session.state().feedback->code, "quiz_time_up");
  const std::size_t timers = server.timers.size();
  quizzes.timer_fired(last_timer());
  EXPECT_EQ(server.timers.size(), timers) << "a submitted attempt's clock stops";
}

TEST_F(QuizzesTest, ALateSubmitShowsTheResultTheServerKept) {
  start_attempt();
  server.answer("POST /api/v1/quiz-attempts/9/submit", 409, {{"error", {{"code", "too_late"}, {"message", "late"}}}});
  server.answer("GET /api/v1/quiz-attempts/9", 200, result_json(9));
  quizzes.apply(SubmitQuiz{});
  server.flush();
  ASSERT_TRUE(state().attempt);
  EXPECT_TRUE(state().attempt->submitted);
}

TEST_F(QuizzesTest, AnOldCountdownsTimerDoesNothing) {
  start_attempt();
  const std::uint64_t old = last_timer();
  server.answer("GET /api/v1/quiz-attempts/11", 200, attempt_json(11, "2026-11-24T08:10:00+08:00"));
  quizzes.apply(OpenAttempt{AttemptId{11}});
  server.flush();
  ASSERT_EQ(state().attempt->id, AttemptId{11});
  server.now = UtcSeconds{server.now.value + 400};  // past attempt 9's deadline, not 11's
  quizzes.timer_fired(old);
  EXPECT_EQ(server.last("POST", "/api/v1/quiz-attempts/"), nullptr);
}

TEST_F(QuizzesTest, SigningOutForgetsTheAttemptAndStopsItsClock) {
  start_attempt();
  const std::uint64_t timer = last_timer();
  session.logout();
  server.flush();
  EXPECT_FALSE(state().attempt);
  EXPECT_NE(state().view, QuizView::attempt);
  server.now = UtcSeconds{server.now.value + 400};
  quizzes.timer_fired(timer);
  EXPECT_EQ(server.last("POST", "/api/v1/quiz-attempts/"), nullptr);
}

json draw_json() {
  // seed "demo-seed-1", entrants e00..e09, 4 winners: positions 0, 1, 7, 8 (recomputed with Python's hashlib).
  json entrants = json::array();
  for (int i = 0; i < 10; ++i) entrants.push_back("e0" + std::to_string(i));
  return {{"quiz_id", 5},
          {"seed", "demo-seed-1"},
          {"entrants_hash", "848dea6e3cf7e88ffa79366eb67456b99b62182bf1b86828f0a0b450aceacd96"},
          {"entrants", entrants},
          {"winners_asked", 4},
          {"winners", {{{"entrant", "e00"}, {"display_name", "王*"}}, {{"entrant", "e01"}, {"display_name", "李*"}},
                       {{"entrant", "e07"}, {"display_name", "张**"}}, {{"entrant", "e08"}, {"display_name", "陈*"}}}},
          {"drawn_at", "2026-12-20T09:00:00+08:00"},
          {"algorithm", "sha256-index-v1"}};
}

TEST_F(QuizzesTest, TheDrawIsRecomputedOnTheDevice) {
  server.answer("GET /api/v1/quizzes/5", 200, quiz_json(5, "closed"));
  server.answer("GET /api/v1/quizzes/5/draw", 200, draw_json());
  quizzes.apply(OpenQuizDraw{QuizId{5}});
  server.flush();
  ASSERT_TRUE(state().draw);
  EXPECT_TRUE(state().draw->commitment_matches);
  EXPECT_TRUE(state().draw->entrants_hash_matches);
  EXPECT_TRUE(state().draw->winners_match);
  EXPECT_TRUE(state().draw->verified());
}

TEST_F(QuizzesTest, ATamperedDrawFailsItsCheck) {
  const auto check = [this](json draw, json quiz) {
    Quizzes fresh{session, services};
    server.answer("GET /api/v1/quizzes/5", 200, quiz);
    server.answer("GET /api/v1/quizzes/5/draw", 200, draw);
    fresh.apply(OpenQuizDraw{QuizId{5}});
    server.flush();
    return fresh.state().draw ? fresh.state().draw->verified() : true;
  };
  json swapped = draw_json();
  swapped["winners"][2]["entrant"] = "e03";  // another winner than the seed gives
  EXPECT_FALSE(check(swapped, quiz_json(5, "closed")));
  json reseeded = draw_json();
  reseeded["seed"] = "another-seed";  // not the seed committed to
  EXPECT_FALSE(check(reseeded, quiz_json(5, "closed")));
  json added = draw_json();
  added["entrants"].push_back("e10");  // an entrant slipped in after the hash
  EXPECT_FALSE(check(added, quiz_json(5, "closed")));
  json quiz = quiz_json(5, "closed");
  quiz["draw_commitment"] = std::string(64, '0');
  EXPECT_FALSE(check(draw_json(), quiz));
}

TEST_F(QuizzesTest, NoDrawYetIsSaid) {
  server.answer("GET /api/v1/quizzes/5", 200, quiz_json(5, "closed"));
  server.answer("GET /api/v1/quizzes/5/draw", 404, {{"error", {{"code", "not_found"}, {"message", "no draw"}}}});
  quizzes.apply(OpenQuizDraw{QuizId{5}});
  server.flush();
  EXPECT_FALSE(state().draw);
  EXPECT_TRUE(state().draw_missing);
}

TEST(QuizRoutes, ParseAndFormat) {
  using Kind = Route::Kind;
  EXPECT_EQ(parse_route("#/quizzes"), (Route{Kind::quizzes, 0}));
  EXPECT_EQ(parse_route("#/quizzes/5"), (Route{Kind::quiz, 5}));
  EXPECT_EQ(parse_route("#/quizzes/5/draw"), (Route{Kind::quiz_draw, 5}));
  EXPECT_EQ(parse_route("#/quiz-attempts/9"), (Route{Kind::quiz_attempt, 9}));
  EXPECT_FALSE(parse_route("#/quizzes/0"));
  EXPECT_FALSE(parse_route("#/quizzes/x/draw"));
  for (const Route r : {Route{Kind::quizzes, 0}, Route{Kind::quiz, 5}, Route{Kind::quiz_draw, 5}, Route{Kind::quiz_attempt, 9}})
    EXPECT_EQ(parse_route(format_route(r)), r);
  EXPECT_EQ(section_of(Screen::quizzes), Screen::home);
}

}  // namespace
}  // namespace gongyou
