// app/quizzes/quiz_model.h — prize quizzes as the client holds them (docs/api-quizzes.md "Objects"), decoded at the
// JSON edge: ids, kinds and states typed, a malformed item gives nothing (lists skip it). Also the client's own check
// of a published draw (core/quiz_draw.h): the worker's phone recomputes it instead of trusting the server's word.
// Platform-free.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/civil_time.h"
#include "core/ids.h"
#include "core/quiz.h"

namespace gongyou {

/// What the signed-in caller has done in a quiz (GET /quizzes/{id} "me").
struct QuizProgress {
  int attempts_today = 0;
  int attempts_left = 0;
  AttemptId running_attempt;  ///< an attempt still running, to go back to (none: 0)
  std::optional<int> best_score;
};

/// A quiz as listed.
struct QuizSummary {
  QuizId id;
  std::string title, description, prize, union_name, draw_commitment;
  UtcSeconds starts_at, ends_at;
  int question_count = 0, time_limit_s = 0, attempts_per_day = 0, pass_score = 0, prize_count = 0;
  std::int64_t players = 0;
  QuizStatus status = QuizStatus::upcoming;
  bool drawn = false;
  std::vector<std::string> laws;
  std::optional<QuizProgress> me;
};

/// One question of an attempt, its options in the order shown; after the submit also the right options and why.
struct AttemptQuestionView {
  QuestionId id;
  QuestionKind kind = QuestionKind::single_choice;
  std::string text;
  std::vector<std::string> options;
  std::vector<int> chosen;           ///< shown indexes (saved answers while running; the final ones after)
  // ---- only in a result ----
  std::vector<int> correct_options;  ///< shown indexes of the right options
  bool right = false;
  std::string law_title, article, explanation;
};

/// An attempt: running, or submitted with its result.
struct QuizAttempt {
  AttemptId id;
  QuizId quiz;
  UtcSeconds started_at, deadline;
  bool submitted = false;
  bool auto_submitted = false;
  int score = 0, correct = 0, total = 0;
  std::int64_t duration_s = 0;
  std::vector<AttemptQuestionView> questions;
  /// Questions with an answer chosen.
  int answered() const;
};

/// One row of a leaderboard.
struct LeaderboardRow {
  int rank = 0;
  std::string display_name;  ///< masked by the server
  int score = 0;
  std::int64_t duration_s = 0;
  bool me = false;
};

/// A leaderboard page and the caller's own row.
struct Leaderboard {
  std::vector<LeaderboardRow> rows;
  std::optional<LeaderboardRow> me;
  std::int64_t players = 0;
};

/// A published draw and what the client found when it recomputed it.
struct QuizDraw {
  QuizId quiz;
  std::string quiz_title, seed, draw_commitment, entrants_hash, algorithm;
  std::vector<std::string> entrants;
  struct Winner {
    std::string entrant, display_name;
  };
  std::vector<Winner> winners;
  int winners_asked = 0, pass_score = 0;
  UtcSeconds drawn_at;
  // ---- recomputed here ----
  bool commitment_matches = false;  ///< SHA-256(seed) is the commitment the quiz published from the start
  bool entrants_hash_matches = false;
  bool winners_match = false;       ///< the winners follow from seed and entrants by kDrawAlgorithm
  /// All three checks hold.
  bool verified() const { return commitment_matches && entrants_hash_matches && winners_match; }
};

/// A prize the caller won.
struct QuizPrize {
  QuizId quiz;
  std::string quiz_title, code;
  int rank = 0;
  bool handed_out = false;
};

std::optional<QuizSummary> quiz_from_json(const nlohmann::json& j);
std::optional<QuizAttempt> attempt_from_json(const nlohmann::json& j);
std::optional<Leaderboard> leaderboard_from_json(const nlohmann::json& j);
/// The draw, checked against `commitment` (the quiz's published draw_commitment; "" when unknown: that check fails).
std::optional<QuizDraw> draw_from_json(const nlohmann::json& j, const std::string& commitment);
std::optional<QuizPrize> prize_from_json(const nlohmann::json& j);

/// The body of a save or a submit: {"answers":{"QUESTION_ID":INDEX or [INDEX...]}} for the answered questions.
std::string answers_body(const QuizAttempt& attempt);

}  // namespace gongyou
