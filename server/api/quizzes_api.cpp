// server/api/quizzes_api.cpp — see quizzes_api.h: the workers' side. The server draws each attempt's questions and
// the order of their options (libsodium's uniform random), keeps the right options to itself until the submit, and
// decides every deadline by its own clock.
//
// [SECTION] Helpers    the quiz of a path, the questions of an attempt, answers from a body
// [SECTION] Quizzes    list, one, leaderboard, draw
// [SECTION] Attempts   start, read, save, submit, mine
// [SECTION] Prizes     mine
#include <algorithm>

#include "core/id_number.h"
#include "core/ids_json.h"
#include "server/api/auth.h"
#include "server/api/json_body.h"
#include "server/api/path_ids.h"
#include "server/api/quiz_json.h"
#include "server/api/quizzes_api.h"
#include "server/crypto/secrets.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using httplib::Request;
using httplib::Response;
using http::PathParams;
using nlohmann::json;

// [SECTION] Helpers

QuizRecord quiz_of(const MembershipServices& services, std::string_view segment) {
  const auto quiz = services.api.store.find_quiz(path_id<QuizId>(segment, "quiz"));
  if (!quiz) throw http::not_found("没有这个答题活动 / no such quiz");
  return *quiz;
}

/// The bank questions an attempt shows, read in one query.
QuestionsById questions_of(const MembershipServices& services, const AttemptRecord& attempt) {
  std::vector<QuestionId> ids;
  for (const AttemptQuestion& q : attempt.questions) ids.push_back(q.question);
  QuestionsById out;
  for (QuestionRecord& r : services.api.store.find_questions(ids)) out.emplace(r.id.value, std::move(r));
  return out;
}

/// Draws `count` questions from the pool without replacement and shuffles each one's options (Fisher-Yates).
std::vector<AttemptQuestion> draw_questions(const MembershipServices& services, std::vector<QuestionId> pool,
                                            int count) {
  std::vector<QuestionId> chosen;
  for (int k = 0; k < count && !pool.empty(); ++k) {
    const std::size_t i = crypto::random_below(static_cast<std::uint32_t>(pool.size()));
    chosen.push_back(pool[i]);
    pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(i));
  }
  std::vector<AttemptQuestion> drawn;
  for (const QuestionRecord& question : services.api.store.find_questions(chosen)) {  // in the order drawn
    AttemptQuestion item{question.id, {}};
    for (std::size_t o = 0; o < question.question.options.size(); ++o) item.order.push_back(static_cast<int>(o));
    // A true/false question keeps 正确 before 错误: shuffling two fixed words only confuses.
    if (question.question.kind != QuestionKind::true_false)
      for (std::size_t o = item.order.size(); o > 1; --o)
        std::swap(item.order[o - 1], item.order[crypto::random_below(static_cast<std::uint32_t>(o))]);
    drawn.push_back(std::move(item));
  }
  return drawn;
}

/// The attempt of a path, for its owner only: 404 for anyone else (not 403: ids are not to be probed).
AttemptRecord owned_attempt(const MembershipServices& services, const User& user, std::string_view segment) {
  const auto attempt = services.api.store.find_attempt(path_id<AttemptId>(segment, "attempt"), user.id,
                                                       services.api.clock.now());
  if (!attempt) throw http::not_found("没有这次答题 / no such attempt");
  return *attempt;
}

/// The body's {"answers":{"QUESTION_ID":INDEX or [INDEX...]}} aligned with the attempt's questions; 400 for an unknown
/// question, an index out of range, two indexes for a single choice, or anything but numbers.
std::vector<std::vector<int>> answers_from(const JsonBody& body, const AttemptRecord& attempt,
                                           const QuestionsById& questions) {
  std::vector<std::vector<int>> answers(attempt.questions.size());
  const json* given = body.field("answers");
  if (!given) return answers;
  if (!given->is_object()) throw http::bad_request("answers must be an object of question id → option index");
  for (const auto& [key, value] : given->items()) {
    std::size_t position = attempt.questions.size();
    for (std::size_t i = 0; i < attempt.questions.size(); ++i)
      if (std::to_string(attempt.questions[i].question.value) == key) position = i;
    if (position == attempt.questions.size()) throw http::bad_request("question " + key + " is not in this attempt");
    const auto found = questions.find(attempt.questions[position].question.value);
    if (found == questions.end()) throw http::bad_request("question " + key + " is not in this attempt");
    const QuizQuestion& q = found->second.question;
    const std::size_t options = attempt.questions[position].order.size();
    std::vector<int> chosen;
    const auto take = [&](const json& v) {
      if (!v.is_number_integer() || v.get<std::int64_t>() < 0 || v.get<std::int64_t>() >= static_cast<std::int64_t>(options))
        throw http::bad_request("the answer to question " + key + " must be an option index from 0 to " +
                                std::to_string(options - 1));
      chosen.push_back(static_cast<int>(v.get<std::int64_t>()));
    };
    if (value.is_null()) {
    } else if (value.is_array()) {
      if (value.size() > options) throw http::bad_request("too many options chosen for question " + key);
      for (const json& v : value) take(v);
    } else {
      take(value);
    }
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
    if (q.kind != QuestionKind::multiple_choice && chosen.size() > 1)
      throw http::bad_request("question " + key + " takes one option");
    answers[position] = std::move(chosen);
  }
  return answers;
}

// [SECTION] Quizzes

void list_quizzes(const MembershipServices& services, Response& res) {
  const UtcSeconds now = services.api.clock.now();
  // Open ones first (closing soonest first), then upcoming (starting soonest), then closed (newest first).
  auto quizzes = services.api.store.list_quizzes();
  const auto order = [now](const QuizRecord& q) {
    switch (quiz_status(q.starts_at, q.ends_at, now)) {
      case QuizStatus::open: return std::pair{0, q.ends_at.value};
      case QuizStatus::upcoming: return std::pair{1, q.starts_at.value};
      case QuizStatus::closed: break;
    }
    return std::pair{2, -q.ends_at.value};
  };
  std::stable_sort(quizzes.begin(), quizzes.end(),
                   [&](const QuizRecord& a, const QuizRecord& b) { return order(a) < order(b); });
  json items = json::array();
  for (const QuizRecord& q : quizzes) items.push_back(quiz_json(q, services.unions, now));
  http::send_json(res, {{"items", std::move(items)}});
}

void one_quiz(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const QuizRecord quiz = quiz_of(services, params.at(0));
  const UtcSeconds now = services.api.clock.now();
  json out = quiz_json(quiz, services.unions, now);
  if (const auto user = optional_user(services.api, req)) {
    // What the caller has done: today's attempts (Asia/Shanghai), a running one to go back to, the best score.
    int today = 0;
    json running = nullptr;
    json best = nullptr;
    for (const AttemptRecord& a : services.api.store.user_attempts(quiz.id, user->id, now)) {
      if (attempt_day(a.started_at) == attempt_day(now)) ++today;
      if (!a.submitted_at && running.is_null()) running = a.id;
      if (a.submitted_at && (best.is_null() || a.score > best.get<int>())) best = a.score;
    }
    out["me"] = {{"attempts_today", today},
                 {"attempts_left", std::max(0, quiz.attempts_per_day - today)},
                 {"running_attempt_id", running},
                 {"best_score", best}};
  }
  http::send_json(res, out);
}

void leaderboard(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const QuizRecord quiz = quiz_of(services, params.at(0));
  const http::QueryParams query(req);
  const auto limit = static_cast<std::size_t>(query.integer("limit", 1, 200).value_or(50));
  const auto caller = optional_user(services.api, req);
  // The whole board is read to find the caller's own rank; at a few thousand players that is one indexed query.
  const auto rows = services.api.store.leaderboard(quiz.id, caller ? 100000 : limit);
  json items = json::array();
  json me = nullptr;
  for (const LeaderRow& row : rows) {
    json item = {{"rank", row.rank}, {"display_name", mask_name(row.display_name)}, {"score", row.score},
                 {"duration_s", row.duration_s}};
    if (caller && row.user == caller->id) {
      item["me"] = true;
      me = item;
    }
    if (items.size() < limit) items.push_back(std::move(item));
  }
  http::send_json(res, {{"items", std::move(items)}, {"players", quiz.players},
                        {"me", std::move(me)}});
}

void get_draw(const MembershipServices& services, const PathParams& params, Response& res) {
  const QuizRecord quiz = quiz_of(services, params.at(0));
  const auto draw = services.api.store.find_draw(quiz.id);
  if (!draw) throw http::not_found("还没有抽奖 / the draw has not happened yet");
  json out = draw_json(*draw);
  out["quiz_title"] = quiz.title;
  out["pass_score"] = quiz.pass_score;
  http::send_json(res, out);
}

// [SECTION] Attempts

void start(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const QuizRecord quiz = quiz_of(services, params.at(0));
  const UtcSeconds now = services.api.clock.now();
  if (quiz_status(quiz.starts_at, quiz.ends_at, now) != QuizStatus::open)
    throw http::ApiError(409, "not_open", "答题尚未开始或已经结束 / the quiz is not open");
  const auto pool = services.api.store.question_pool(quiz_banks(services.unions, quiz.union_id), quiz.laws, quiz.topics);
  if (pool.empty()) throw http::ApiError(409, "not_open", "题库里还没有题目 / the quiz has no questions yet");
  const auto drawn = draw_questions(services, pool, quiz.question_count);
  const StartOutcome outcome = services.api.store.start_attempt({quiz.id, user.id, now, drawn});
  switch (outcome.result) {
    case StartResult::not_found:
      throw http::not_found("没有这个答题活动 / no such quiz");
    case StartResult::not_open:
      throw http::ApiError(409, "not_open", "答题尚未开始或已经结束 / the quiz is not open");
    case StartResult::attempt_limit:
      throw http::ApiError(409, "attempt_limit",
                           "今天的答题次数已用完，明天再来 / today's attempts are used up (Asia/Shanghai days)");
    case StartResult::started:
      break;
  }
  http::send_json(res, attempt_json(*outcome.attempt, questions_of(services, *outcome.attempt), now), 201);
}

void read_attempt(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const AttemptRecord attempt = owned_attempt(services, user, params.at(0));
  http::send_json(res, attempt_json(attempt, questions_of(services, attempt), services.api.clock.now()));
}

/// Save (`final` false) or submit: the same checks, one conditional update in the store.
void answer(const MembershipServices& services, const Request& req, const PathParams& params, Response& res,
            bool final) {
  const User user = require_user(services.api, req);
  const AttemptRecord attempt = owned_attempt(services, user, params.at(0));
  const QuestionsById questions = questions_of(services, attempt);
  const JsonBody body(req);
  const auto answers = answers_from(body, attempt, questions);
  const AttemptAnswers request{attempt.id, user.id, answers, services.api.clock.now()};
  const SubmitOutcome outcome =
      final ? services.api.store.submit_attempt(request) : services.api.store.save_answers(request);
  switch (outcome.result) {
    case SubmitResult::not_found:
      throw http::not_found("没有这次答题 / no such attempt");
    case SubmitResult::conflict:
      throw http::ApiError(409, "conflict", "这次答题已经交卷 / this attempt was submitted already");
    case SubmitResult::too_late:
      throw http::ApiError(409, "too_late",
                           "答题时间已到，已按到时的作答交卷 / past the deadline: submitted with the answers saved by then");
    case SubmitResult::submitted:
      break;
  }
  if (!final) {
    http::send_json(res, {{"saved", true}, {"seconds_left", std::max<std::int64_t>(0, attempt.deadline.value -
                                                                                        request.now.value)}});
    return;
  }
  http::send_json(res, attempt_json(*outcome.attempt, questions, request.now));
}

void my_attempts(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const User user = require_user(services.api, req);
  const QuizRecord quiz = quiz_of(services, params.at(0));
  const UtcSeconds now = services.api.clock.now();
  json items = json::array();
  for (const AttemptRecord& a : services.api.store.user_attempts(quiz.id, user.id, now)) {
    json item = {{"id", a.id}, {"started_at", format_iso8601(a.started_at)}, {"deadline", format_iso8601(a.deadline)},
                 {"submitted", a.submitted_at.has_value()}};
    if (a.submitted_at) {
      item["score"] = a.score;
      item["correct"] = a.correct;
      item["total"] = static_cast<int>(a.questions.size());
      item["auto_submitted"] = a.auto_submitted;
      item["duration_s"] = a.submitted_at->value - a.started_at.value;
    }
    items.push_back(std::move(item));
  }
  http::send_json(res, {{"items", std::move(items)}});
}

// [SECTION] Prizes

void my_prizes(const MembershipServices& services, const Request& req, Response& res) {
  const User user = require_user(services.api, req);
  json items = json::array();
  for (const PrizeRecord& p : services.api.store.user_prizes(user.id))
    items.push_back({{"quiz_id", p.quiz},
                     {"quiz_title", p.quiz_title},
                     {"rank", p.rank},
                     {"code", p.code},
                     {"handed_out", p.handed_out_at.has_value()},
                     {"handed_out_at", p.handed_out_at ? json(format_iso8601(*p.handed_out_at)) : json(nullptr)}});
  http::send_json(res, {{"items", std::move(items)}});
}

}  // namespace

std::vector<UnionId> quiz_banks(const UnionDirectory& unions, UnionId quiz_union) {
  std::vector<UnionId> banks{quiz_union};
  for (const UnionRecord* u : unions.ancestors(quiz_union)) banks.push_back(u->id);
  return banks;
}

void add_quiz_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  router.get("/api/v1/quizzes", [&services](const Request&, Response& res, P) { list_quizzes(services, res); });
  router.get("/api/v1/quizzes/{id}",
             [&services](const Request& req, Response& res, P p) { one_quiz(services, req, p, res); });
  router.get("/api/v1/quizzes/{id}/leaderboard",
             [&services](const Request& req, Response& res, P p) { leaderboard(services, req, p, res); });
  router.get("/api/v1/quizzes/{id}/draw", [&services](const Request&, Response& res, P p) { get_draw(services, p, res); });
  router.add("POST", "/api/v1/quizzes/{id}/attempts",
             [&services](const Request& req, Response& res, P p) { start(services, req, p, res); });
  router.get("/api/v1/quizzes/{id}/attempts",
             [&services](const Request& req, Response& res, P p) { my_attempts(services, req, p, res); });
  router.get("/api/v1/quiz-attempts/{id}",
             [&services](const Request& req, Response& res, P p) { read_attempt(services, req, p, res); });
  router.add("PUT", "/api/v1/quiz-attempts/{id}/answers",
             [&services](const Request& req, Response& res, P p) { answer(services, req, p, res, false); });
  router.add("POST", "/api/v1/quiz-attempts/{id}/submit",
             [&services](const Request& req, Response& res, P p) { answer(services, req, p, res, true); });
  router.get("/api/v1/me/quiz-prizes", [&services](const Request& req, Response& res, P) { my_prizes(services, req, res); });
}

}  // namespace gongyou::server::api
