// app/quizzes/quiz_model.cpp — see quiz_model.h.
#include "app/quizzes/quiz_model.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/json_fields.h"
#include "core/quiz_draw.h"

namespace gongyou {
namespace {

using json = nlohmann::json;
using namespace json_fields;

std::vector<std::string> strings_at(const json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

/// An answer on the wire: an index, a list of indexes, or null; indexes outside [0, options) are dropped.
std::vector<int> indexes_of(const json& v, std::size_t options) {
  std::vector<int> out;
  const auto take = [&](const json& x) {
    if (x.is_number_integer() && x.get<std::int64_t>() >= 0 && x.get<std::int64_t>() < static_cast<std::int64_t>(options))
      out.push_back(static_cast<int>(x.get<std::int64_t>()));
  };
  if (v.is_array())
    for (const auto& x : v) take(x);
  else
    take(v);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<QuizStatus> parse_status(const std::string& s) {
  for (const QuizStatus st : {QuizStatus::upcoming, QuizStatus::open, QuizStatus::closed})
    if (quiz_status_name(st) == s) return st;
  return std::nullopt;
}

}  // namespace

int QuizAttempt::answered() const {
  return static_cast<int>(std::count_if(questions.begin(), questions.end(),
                                        [](const AttemptQuestionView& q) { return !q.chosen.empty(); }));
}

std::optional<QuizSummary> quiz_from_json(const json& j) {
  QuizSummary q;
  if (!j.is_object() || !get_id(j, "id", q.id)) return std::nullopt;
  q.title = get_string(j, "title");
  const auto status = parse_status(get_string(j, "status"));
  if (q.title.empty() || !status || !get_time(j, "starts_at", q.starts_at) || !get_time(j, "ends_at", q.ends_at))
    return std::nullopt;
  q.status = *status;
  q.description = get_string(j, "description");
  q.prize = get_string(j, "prize");
  q.union_name = get_string(j, "union_name");
  q.draw_commitment = get_string(j, "draw_commitment");
  q.question_count = get_int_or(j, "question_count", 0);
  q.time_limit_s = get_int_or(j, "time_limit_s", 0);
  q.attempts_per_day = get_int_or(j, "attempts_per_day", 0);
  q.pass_score = get_int_or(j, "pass_score", 0);
  q.prize_count = get_int_or(j, "prize_count", 0);
  get_int(j, "players", q.players);
  q.drawn = get_bool(j, "drawn");
  q.laws = strings_at(j, "laws");
  if (auto me = j.find("me"); me != j.end() && me->is_object()) {
    QuizProgress p;
    p.attempts_today = get_int_or(*me, "attempts_today", 0);
    p.attempts_left = get_int_or(*me, "attempts_left", 0);
    get_id(*me, "running_attempt_id", p.running_attempt);
    std::int64_t best = 0;
    if (get_int(*me, "best_score", best)) p.best_score = static_cast<int>(best);
    q.me = p;
  }
  return q;
}

std::optional<QuizAttempt> attempt_from_json(const json& j) {
  QuizAttempt a;
  if (!j.is_object() || !get_id(j, "id", a.id) || !get_id(j, "quiz_id", a.quiz) || !get_time(j, "deadline", a.deadline))
    return std::nullopt;
  get_time(j, "started_at", a.started_at);
  a.submitted = get_bool(j, "submitted");
  a.auto_submitted = get_bool(j, "auto_submitted");
  a.score = get_int_or(j, "score", 0);
  a.correct = get_int_or(j, "correct", 0);
  a.total = get_int_or(j, "total", 0);
  get_int(j, "duration_s", a.duration_s);
  const auto questions = j.find("questions");
  if (questions == j.end() || !questions->is_array()) return std::nullopt;
  const auto saved = j.find("answers");
  for (const auto& item : *questions) {
    AttemptQuestionView q;
    if (!item.is_object() || !get_id(item, "id", q.id)) continue;
    const auto kind = parse_question_kind(get_string(item, "kind"));
    q.options = strings_at(item, "options");
    q.text = get_string(item, "text");
    if (!kind || q.options.size() < 2 || q.text.empty()) continue;
    q.kind = *kind;
    if (a.submitted) {
      if (auto c = item.find("chosen"); c != item.end()) q.chosen = indexes_of(*c, q.options.size());
      if (auto c = item.find("correct_options"); c != item.end()) q.correct_options = indexes_of(*c, q.options.size());
      q.right = get_bool(item, "right");
      q.law_title = get_string(item, "law_title");
      q.article = get_string(item, "article");
      q.explanation = get_string(item, "explanation");
    } else if (saved != j.end() && saved->is_object()) {
      if (auto c = saved->find(std::to_string(q.id.value)); c != saved->end()) q.chosen = indexes_of(*c, q.options.size());
    }
    a.questions.push_back(std::move(q));
  }
  if (a.questions.empty()) return std::nullopt;
  return a;
}

std::optional<Leaderboard> leaderboard_from_json(const json& j) {
  if (!j.is_object()) return std::nullopt;
  const auto row = [](const json& r) -> std::optional<LeaderboardRow> {
    LeaderboardRow x;
    if (!r.is_object()) return std::nullopt;
    x.rank = get_int_or(r, "rank", 0);
    x.display_name = get_string(r, "display_name");
    x.score = get_int_or(r, "score", 0);
    get_int(r, "duration_s", x.duration_s);
    x.me = get_bool(r, "me");
    if (x.rank <= 0) return std::nullopt;
    return x;
  };
  Leaderboard board;
  board.rows = decode_items<LeaderboardRow>(j, row);
  if (auto me = j.find("me"); me != j.end()) board.me = row(*me);
  get_int(j, "players", board.players);
  return board;
}

std::optional<QuizDraw> draw_from_json(const json& j, const std::string& commitment) {
  QuizDraw d;
  if (!j.is_object() || !get_id(j, "quiz_id", d.quiz)) return std::nullopt;
  d.seed = get_string(j, "seed");
  d.entrants_hash = get_string(j, "entrants_hash");
  if (d.seed.empty() || d.entrants_hash.empty()) return std::nullopt;
  d.quiz_title = get_string(j, "quiz_title");
  d.draw_commitment = commitment;
  d.algorithm = get_string(j, "algorithm");
  d.entrants = strings_at(j, "entrants");
  d.winners_asked = get_int_or(j, "winners_asked", 0);
  d.pass_score = get_int_or(j, "pass_score", 0);
  get_time(j, "drawn_at", d.drawn_at);
  if (auto w = j.find("winners"); w != j.end() && w->is_array())
    for (const auto& item : *w)
      if (item.is_object()) d.winners.push_back({get_string(item, "entrant"), get_string(item, "display_name")});
  // The proof, recomputed: nothing here is taken from the server's say-so but the published data.
  d.commitment_matches = !commitment.empty() && draw_commitment(d.seed) == commitment;
  const auto sorted = sorted_entrants(d.entrants);
  d.entrants_hash_matches = sorted == d.entrants && entrants_hash(sorted) == d.entrants_hash;
  const auto drawn = draw_winners(d.seed, sorted.size(), static_cast<std::size_t>(d.winners_asked));
  d.winners_match = drawn.size() == d.winners.size();
  for (std::size_t k = 0; k < drawn.size() && d.winners_match; ++k)
    d.winners_match = sorted[drawn[k]] == d.winners[k].entrant;
  return d;
}

std::optional<QuizPrize> prize_from_json(const json& j) {
  QuizPrize p;
  if (!j.is_object() || !get_id(j, "quiz_id", p.quiz)) return std::nullopt;
  p.quiz_title = get_string(j, "quiz_title");
  p.code = get_string(j, "code");
  p.rank = get_int_or(j, "rank", 0);
  p.handed_out = get_bool(j, "handed_out");
  if (p.code.empty()) return std::nullopt;
  return p;
}

std::string answers_body(const QuizAttempt& attempt) {
  json answers = json::object();
  for (const AttemptQuestionView& q : attempt.questions) {
    if (q.chosen.empty()) continue;
    const std::string key = std::to_string(q.id.value);
    if (q.kind == QuestionKind::multiple_choice) answers[key] = q.chosen;
    else answers[key] = q.chosen.front();
  }
  return json{{"answers", std::move(answers)}}.dump();
}

}  // namespace gongyou
