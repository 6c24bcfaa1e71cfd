// server/api/quiz_json.cpp — see quiz_json.h.
#include "server/api/quiz_json.h"

#include <algorithm>

#include "core/ids_json.h"
#include "core/quiz_draw.h"

namespace gongyou::server::api {

using nlohmann::json;

json quiz_json(const QuizRecord& q, const UnionDirectory& unions, UtcSeconds now) {
  const UnionRecord* owner = unions.find(q.union_id);
  return {{"id", q.id},
          {"title", q.title},
          {"description", q.description},
          {"prize", q.prize},
          {"prize_count", q.prize_count},
          {"union_id", q.union_id},
          {"union_name", owner ? owner->name : std::string()},
          {"starts_at", format_iso8601(q.starts_at)},
          {"ends_at", format_iso8601(q.ends_at)},
          {"question_count", q.question_count},
          {"time_limit_s", q.time_limit_s},
          {"attempts_per_day", q.attempts_per_day},
          {"pass_score", q.pass_score},
          {"laws", q.laws},
          {"topics", q.topics},
          {"status", quiz_status_name(quiz_status(q.starts_at, q.ends_at, now))},
          {"draw_commitment", q.draw_commitment},
          {"drawn", q.drawn},
          {"players", q.players}};
}

json answer_json(QuestionKind kind, const std::vector<int>& shown) {
  if (kind == QuestionKind::multiple_choice) {
    std::vector<int> sorted = shown;
    std::sort(sorted.begin(), sorted.end());
    return sorted;
  }
  return shown.empty() ? json(nullptr) : json(shown.front());
}

json attempt_json(const AttemptRecord& a, const QuestionsById& questions, UtcSeconds now) {
  json items = json::array();
  json saved = json::object();
  for (std::size_t i = 0; i < a.questions.size(); ++i) {
    const AttemptQuestion& shown = a.questions[i];
    const auto it = questions.find(shown.question.value);
    if (it == questions.end()) continue;
    const QuizQuestion& q = it->second.question;
    json options = json::array();
    for (const int bank_index : shown.order)
      options.push_back(bank_index >= 0 && static_cast<std::size_t>(bank_index) < q.options.size()
                            ? q.options[bank_index]
                            : std::string());
    json item = {{"id", shown.question}, {"text", q.text}, {"kind", question_kind_name(q.kind)},
                 {"options", std::move(options)}};
    const std::vector<int>& chosen = i < a.answers.size() ? a.answers[i] : std::vector<int>{};
    if (a.submitted_at) {
      // The right options in the order this attempt showed them.
      std::vector<int> right_shown;
      for (std::size_t s = 0; s < shown.order.size(); ++s)
        if (std::find(q.correct.begin(), q.correct.end(), shown.order[s]) != q.correct.end())
          right_shown.push_back(static_cast<int>(s));
      std::vector<int> chosen_bank;
      for (const int s : chosen)
        if (s >= 0 && static_cast<std::size_t>(s) < shown.order.size()) chosen_bank.push_back(shown.order[s]);
      item["correct_option"] = answer_json(q.kind, right_shown);
      item["correct_options"] = right_shown;
      item["chosen"] = answer_json(q.kind, chosen);
      item["right"] = is_answer_right(q.correct, chosen_bank);
      item["law"] = q.law;
      item["law_title"] = law_title(q.law);
      item["article"] = q.article;
      item["explanation"] = q.explanation;
    } else if (!chosen.empty()) {
      saved[std::to_string(shown.question.value)] = answer_json(q.kind, chosen);
    }
    items.push_back(std::move(item));
  }
  json out = {{"id", a.id},
              {"quiz_id", a.quiz},
              {"started_at", format_iso8601(a.started_at)},
              {"deadline", format_iso8601(a.deadline)},
              {"submitted", a.submitted_at.has_value()},
              {"questions", std::move(items)}};
  if (a.submitted_at) {
    out["submitted_at"] = format_iso8601(*a.submitted_at);
    out["auto_submitted"] = a.auto_submitted;
    out["score"] = a.score;
    out["correct"] = a.correct;
    out["total"] = static_cast<int>(a.questions.size());
    out["duration_s"] = a.submitted_at->value - a.started_at.value;
  } else {
    out["answers"] = std::move(saved);
    out["seconds_left"] = std::max<std::int64_t>(0, a.deadline.value - now.value);
  }
  return out;
}

json draw_json(const DrawRecord& d) {
  json winners = json::array();
  for (const DrawWinner& w : d.winners) winners.push_back({{"entrant", w.entrant}, {"display_name", w.display_name}});
  return {{"quiz_id", d.quiz},
          {"seed", d.seed},
          {"draw_commitment", draw_commitment(d.seed)},
          {"entrants_hash", d.entrants_hash},
          {"entrants", d.entrants},
          {"entrant_count", d.entrants.size()},
          {"winners_asked", d.winners_asked},
          {"winners", std::move(winners)},
          {"drawn_at", format_iso8601(d.drawn_at)},
          {"algorithm", std::string(kDrawAlgorithm)}};
}

json question_json(const QuestionRecord& r) {
  const QuizQuestion& q = r.question;
  return {{"id", r.id},
          {"union_id", r.union_id},
          {"law", q.law},
          {"law_title", law_title(q.law)},
          {"article", q.article},
          {"topic", q.topic},
          {"kind", question_kind_name(q.kind)},
          {"text", q.text},
          {"options", q.options},
          {"correct_options", q.correct},
          {"explanation", q.explanation},
          {"retired", r.retired},
          {"updated_at", format_iso8601(r.updated_at)}};
}

}  // namespace gongyou::server::api
