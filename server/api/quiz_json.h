// server/api/quiz_json.h — the JSON of quizzes, attempts, results, leaderboards and draws (docs/api-quizzes.md).
// An attempt that is still running is written without a word about which option is right; only a submitted one
// carries the right options, the law and the explanation.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "server/store/quiz_records.h"
#include "server/unions/union_directory.h"

namespace gongyou::server::api {

/// A quiz as listed: status at `now`, the commitment to its draw, players.
nlohmann::json quiz_json(const QuizRecord& quiz, const UnionDirectory& unions, UtcSeconds now);

/// Bank questions by id, as an attempt's JSON needs them.
using QuestionsById = std::unordered_map<std::int64_t, QuestionRecord>;

/// An attempt: running (its questions with the options in the order shown, the saved answers, the deadline) or
/// submitted (its result: each question with the right options, the chosen ones, the law, article and why).
nlohmann::json attempt_json(const AttemptRecord& attempt, const QuestionsById& questions, UtcSeconds now);

/// One answer as the wire has it: an index for single choice and true/false (null when none), a list for multiple.
nlohmann::json answer_json(QuestionKind kind, const std::vector<int>& shown);

/// A draw as published (api-services.md "Draw").
nlohmann::json draw_json(const DrawRecord& draw);

/// A question of the bank for staff, with its right options.
nlohmann::json question_json(const QuestionRecord& question);

}  // namespace gongyou::server::api
