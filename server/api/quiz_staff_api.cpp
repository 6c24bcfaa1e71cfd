// server/api/quiz_staff_api.cpp — see quizzes_api.h: the staff's side. Staff act for their union's subtree
// (StaffScope): a question or quiz of another union answers 404, a list asked for by another union's id 403. The draw
// and every prize handed out go to the audit log.
//
// [SECTION] Scope      the bank a request names, questions and quizzes in scope
// [SECTION] Bank       list, add, edit, retire, import CSV
// [SECTION] Quizzes    create (the secret seed drawn here), the draw, prizes
#include <algorithm>

#include "core/id_number.h"
#include "core/ids_json.h"
#include "core/quiz_bank.h"
#include "server/api/auth.h"
#include "server/api/json_body.h"
#include "server/api/path_ids.h"
#include "server/api/quiz_json.h"
#include "server/api/quizzes_api.h"
#include "server/api/text_fields.h"
#include "server/api/upload_text.h"
#include "server/crypto/secrets.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using httplib::Request;
using httplib::Response;
using http::PathParams;
using nlohmann::json;

/// Letters and digits nobody mixes up when reading a code aloud (no 0/O, 1/I/L).
constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

// [SECTION] Scope

QuestionRecord scoped_question(const MembershipServices& services, const StaffScope& scope, std::string_view segment) {
  const auto question = services.api.store.find_question(path_id<QuestionId>(segment, "question"));
  if (!question || !scope.covers(question->union_id)) throw http::not_found("没有这道题 / no such question");
  return *question;
}

QuizRecord scoped_quiz(const MembershipServices& services, const StaffScope& scope, std::string_view segment) {
  const auto quiz = services.api.store.find_quiz(path_id<QuizId>(segment, "quiz"));
  if (!quiz || !scope.covers(quiz->union_id)) throw http::not_found("没有这个答题活动 / no such quiz");
  return *quiz;
}

/// A question from a JSON body, checked by core's rules: 400 invalid_question naming what is wrong.
QuizQuestion question_from(const JsonBody& body) {
  QuizQuestion q;
  const auto kind = parse_question_kind(body.text("kind", 16));
  if (!kind) throw http::bad_request("kind must be single, multiple or true_false");
  q.kind = *kind;
  q.law = body.text("law", kMaxLawFieldBytes);
  q.article = body.optional_text("article", kMaxLawFieldBytes).value_or("");
  q.topic = body.optional_text("topic", kMaxLawFieldBytes).value_or("");
  q.text = body.text("text", kMaxQuestionTextBytes);
  q.explanation = body.optional_text("explanation", kMaxExplanationBytes).value_or("");
  if (q.kind == QuestionKind::true_false) {
    q.options.assign(std::begin(kTrueFalseOptions), std::end(kTrueFalseOptions));
  } else {
    const json* options = body.field("options");
    if (!options || !options->is_array() || options->size() > kMaxQuestionOptions)
      throw http::bad_request("options must be an array of 2 to 6 texts");
    for (const json& o : *options) {
      if (!o.is_string()) throw http::bad_request("options must be texts");
      q.options.push_back(o.get<std::string>());
    }
  }
  const json* correct = body.field("correct_options");
  if (!correct || !correct->is_array() || correct->size() > kMaxQuestionOptions)
    throw http::bad_request("correct_options must be an array of option indexes");
  for (const json& c : *correct) {
    if (!c.is_number_integer()) throw http::bad_request("correct_options must be option indexes");
    q.correct.push_back(static_cast<int>(std::clamp<std::int64_t>(c.get<std::int64_t>(), -1, 100)));
  }
  std::sort(q.correct.begin(), q.correct.end());
  if (auto problem = question_problem(q)) throw http::ApiError(400, "invalid_question", *problem);
  return q;
}

// [SECTION] Bank

void list_questions(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const http::QueryParams query(req);
  QuestionQuery q;
  const auto union_id = query.integer("union_id", 1, kMaxJsonId);
  if (union_id || !scope.everything()) {
    // A union's bank and the banks above it, which its quizzes also draw from.
    q.banks = quiz_banks(services.unions, named_staff_union(services, scope, union_id));
  }
  q.law = query.text("law").value_or("");
  q.topic = query.text("topic").value_or("");
  q.text = query.text("q").value_or("");
  if (q.law.size() > kMaxLawFieldBytes || q.topic.size() > kMaxLawFieldBytes || q.text.size() > 100)
    throw http::bad_request("law and topic are at most 60 bytes, q at most 100");
  q.include_retired = query.text("retired").value_or("0") == "1";
  q.after = QuestionId{query.integer("after", 0, kMaxJsonId).value_or(0)};
  q.limit = static_cast<std::size_t>(query.integer("limit", 1, 200).value_or(100));
  auto rows = services.api.store.list_questions(q);
  const bool more = rows.size() > q.limit;
  if (more) rows.resize(q.limit);
  json items = json::array();
  for (const QuestionRecord& r : rows) {
    json item = question_json(r);
    item["editable"] = scope.covers(r.union_id);
    items.push_back(std::move(item));
  }
  http::send_json(res, {{"items", std::move(items)},
                        {"next_after", more ? json(rows.back().id) : json(nullptr)}});
}

void add_question(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const JsonBody body(req);
  const UnionId bank = named_staff_union(services, scope, body.optional_integer("union_id", 1, kMaxJsonId));
  const QuizQuestion q = question_from(body);
  const UtcSeconds now = services.api.clock.now();
  const QuestionId id = services.api.store.add_questions(bank, std::span(&q, 1), now).front();
  http::send_json(res, question_json(*services.api.store.find_question(id)), 201);
}

void edit_question(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const QuestionRecord old = scoped_question(services, scope, params.at(0));
  if (old.retired) throw http::ApiError(409, "conflict", "这道题已停用 / the question is retired");
  const JsonBody body(req);
  const QuizQuestion q = question_from(body);
  const QuestionReplace replaced = services.api.store.replace_question(old.id, q, services.api.clock.now());
  if (!replaced.found) throw http::ApiError(409, "conflict", "这道题已停用 / the question is retired");
  json out = question_json(*services.api.store.find_question(replaced.id));
  out["replaces"] = replaced.id == old.id ? json(nullptr) : json(old.id);
  http::send_json(res, out);
}

void retire_question(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const QuestionRecord q = scoped_question(services, scope, params.at(0));
  if (!services.api.store.retire_question(q.id, services.api.clock.now()))
    throw http::ApiError(409, "conflict", "这道题已停用 / the question is retired");
  http::send_json(res, {{"retired", true}, {"id", q.id}});
}

void import_questions(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const http::QueryParams query(req);
  const UnionId bank = named_staff_union(services, scope, query.integer("union_id", 1, kMaxJsonId));
  const std::string text = to_utf8(req.body, query.text("encoding").value_or("auto"));
  const QuestionImport report = import_questions_csv(text);
  if (!report.ok()) {
    send_import_rejected(res, report.errors, report.rows);
    return;
  }
  const auto ids = services.api.store.add_questions(bank, report.questions, services.api.clock.now());
  json id_list = json::array();
  for (const QuestionId id : ids) id_list.push_back(id);
  http::send_json(res, {{"imported", ids.size()}, {"ids", std::move(id_list)}, {"rows", report.rows}}, 201);
}

// [SECTION] Quizzes

std::vector<std::string> text_list(const JsonBody& body, const char* name) {
  std::vector<std::string> out;
  const json* list = body.field(name);
  if (!list) return out;
  if (!list->is_array() || list->size() > 20) throw http::bad_request(std::string(name) + " must be a list of texts");
  for (const json& v : *list) {
    if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > kMaxLawFieldBytes)
      throw http::bad_request(std::string(name) + " must be a list of texts of 1 to 60 bytes");
    out.push_back(v.get<std::string>());
  }
  return out;
}

void create_quiz(const MembershipServices& services, const Request& req, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const JsonBody body(req);
  NewQuiz created;
  QuizRecord& q = created.quiz;
  q.union_id = named_staff_union(services, scope, body.optional_integer("union_id", 1, kMaxJsonId));
  q.title = checked_text(body, "title", 1, 100);
  q.description = optional_checked_text(body, "description", 0, 1000, /*multiline=*/true).value_or("");
  q.prize = optional_checked_text(body, "prize", 0, 200).value_or("");
  const auto starts = parse_iso8601(body.text("starts_at", 40));
  const auto ends = parse_iso8601(body.text("ends_at", 40));
  if (!starts || !ends) throw http::bad_request("starts_at and ends_at are ISO-8601 times with an offset");
  if (!(*starts < *ends)) throw http::bad_request("ends_at must be after starts_at");
  if (ends->value - starts->value > 366LL * 86400) throw http::bad_request("a quiz is open for at most a year");
  q.starts_at = *starts;
  q.ends_at = *ends;
  q.question_count = static_cast<int>(body.integer("question_count", 1, 100));
  q.time_limit_s = static_cast<int>(body.integer("time_limit_s", 30, 7200));
  q.attempts_per_day = static_cast<int>(body.optional_integer("attempts_per_day", 1, 20).value_or(1));
  q.pass_score = static_cast<int>(body.optional_integer("pass_score", 0, 100).value_or(60));
  q.prize_count = static_cast<int>(body.optional_integer("prize_count", 0, 1000).value_or(0));
  q.laws = text_list(body, "laws");
  q.topics = text_list(body, "topics");
  q.created_by = user.id;
  q.created_at = services.api.clock.now();
  const auto pool = services.api.store.question_pool(quiz_banks(services.unions, q.union_id), q.laws, q.topics);
  if (pool.size() < static_cast<std::size_t>(q.question_count))
    throw http::ApiError(400, "not_enough_questions",
                         "题库中符合条件的题目只有" + std::to_string(pool.size()) + "道 / the bank has only " +
                             std::to_string(pool.size()) + " matching questions");
  // 32 random bytes, written as hex so that anyone can hash exactly the published text.
  const std::string bytes = crypto::random_bytes(32);
  static constexpr char kHex[] = "0123456789abcdef";
  for (const char c : bytes) {
    created.seed += kHex[static_cast<unsigned char>(c) >> 4];
    created.seed += kHex[static_cast<unsigned char>(c) & 15];
  }
  const QuizRecord stored = services.api.store.create_quiz(created);
  http::send_json(res, quiz_json(stored, services.unions, services.api.clock.now()), 201);
}

void draw(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const QuizRecord quiz = scoped_quiz(services, scope, params.at(0));
  const JsonBody body(req);
  const int winners = static_cast<int>(body.optional_integer("winners", 1, 1000).value_or(std::max(1, quiz.prize_count)));
  const UtcSeconds now = services.api.clock.now();
  // Pseudonyms: a keyed hash of quiz and person under a server secret, so entrants cannot be linked across quizzes
  // or to accounts, yet each winner's prize is theirs.
  const std::string key =
      services.api.store.server_secret("quiz-entrants", [] { return crypto::new_token(); });
  DrawRequest request{quiz.id, winners, user.id, now,
                      [&](UserId person) {
                        return crypto::hash_hex(key + ":" + std::to_string(quiz.id.value) + ":" +
                                                std::to_string(person.value))
                            .substr(0, 16);
                      },
                      [](const std::string& name) { return mask_name(name); },
                      [] { return crypto::random_code(kCodeAlphabet, 8); }};
  const DrawOutcome outcome = services.api.store.draw_quiz(request);
  switch (outcome.result) {
    case DrawResult::not_found:
      throw http::not_found("没有这个答题活动 / no such quiz");
    case DrawResult::not_closed:
      throw http::ApiError(409, "not_closed", "答题结束后才能抽奖 / the draw happens after the quiz closes");
    case DrawResult::drawn:
      services.api.store.audit({0, now, user.id, "", "quiz_draw", quiz.union_id, std::nullopt, quiz.id.value,
                                std::to_string(outcome.draw->winners.size()) + " of " +
                                    std::to_string(outcome.draw->entrants.size()) + " entrants"});
      break;
    case DrawResult::already_drawn:
      break;
  }
  json out = draw_json(*outcome.draw);
  out["quiz_title"] = quiz.title;
  out["pass_score"] = quiz.pass_score;
  http::send_json(res, out);
}

void list_prizes(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const QuizRecord quiz = scoped_quiz(services, scope, params.at(0));
  json items = json::array();
  for (const PrizeRecord& p : services.api.store.quiz_prizes(quiz.id))
    items.push_back({{"rank", p.rank},
                     {"display_name", mask_name(p.real_name)},
                     {"code", p.code},
                     {"handed_out", p.handed_out_at.has_value()},
                     {"handed_out_at", p.handed_out_at ? json(format_iso8601(*p.handed_out_at)) : json(nullptr)}});
  http::send_json(res, {{"items", std::move(items)}});
}

void hand_out(const MembershipServices& services, const Request& req, const PathParams& params, Response& res) {
  const auto [user, scope] = require_staff(services, req);
  const QuizRecord quiz = scoped_quiz(services, scope, params.at(0));
  const JsonBody body(req);
  std::string code = body.text("code", 32);
  std::transform(code.begin(), code.end(), code.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
  code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
  const UtcSeconds now = services.api.clock.now();
  switch (services.api.store.hand_out_prize(quiz.id, code, user.id, now)) {
    case HandOutResult::not_found:
      throw http::not_found("兑奖码不对 / no prize with this code");
    case HandOutResult::already_handed_out:
      throw http::ApiError(409, "conflict", "这个奖品已经领取过了 / this prize was handed out already");
    case HandOutResult::handed_out:
      break;
  }
  services.api.store.audit({0, now, user.id, "", "quiz_prize_hand_out", quiz.union_id, std::nullopt, quiz.id.value, ""});
  http::send_json(res, {{"handed_out", true}, {"code", code}});
}

}  // namespace

void add_quiz_staff_routes(http::Router& router, const MembershipServices& services) {
  using P = const PathParams&;
  router.get("/api/v1/admin/quiz-questions",
             [&services](const Request& req, Response& res, P) { list_questions(services, req, res); });
  router.add("POST", "/api/v1/admin/quiz-questions",
             [&services](const Request& req, Response& res, P) { add_question(services, req, res); });
  router.add("POST", "/api/v1/admin/quiz-questions/import",
             [&services](const Request& req, Response& res, P) { import_questions(services, req, res); });
  router.add("PUT", "/api/v1/admin/quiz-questions/{id}",
             [&services](const Request& req, Response& res, P p) { edit_question(services, req, p, res); });
  router.add("DELETE", "/api/v1/admin/quiz-questions/{id}",
             [&services](const Request& req, Response& res, P p) { retire_question(services, req, p, res); });
  router.add("POST", "/api/v1/admin/quizzes",
             [&services](const Request& req, Response& res, P) { create_quiz(services, req, res); });
  router.add("POST", "/api/v1/admin/quizzes/{id}/draw",
             [&services](const Request& req, Response& res, P p) { draw(services, req, p, res); });
  router.get("/api/v1/admin/quizzes/{id}/prizes",
             [&services](const Request& req, Response& res, P p) { list_prizes(services, req, p, res); });
  router.add("POST", "/api/v1/admin/quizzes/{id}/prizes/hand-out",
             [&services](const Request& req, Response& res, P p) { hand_out(services, req, p, res); });
}

}  // namespace gongyou::server::api
