// server/store/quiz_records.h — what the store keeps about prize quizzes (docs/api-quizzes.md): the question bank,
// quizzes with their secret draw seed, attempts with the questions and option order each one was shown, the draw
// and the prizes it gave.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/ids.h"
#include "core/quiz.h"

namespace gongyou::server {

/// A question of the bank as stored. A question some attempt has shown is never changed: an edit retires it and
/// stores the new version under a new id, so every result keeps the question it was graded on.
struct QuestionRecord {
  QuestionId id;
  UnionId union_id;  ///< whose bank: staff of that union (or above) edit it; quizzes of that union or below use it
  QuizQuestion question;
  bool retired = false;
  UtcSeconds updated_at;
};

/// Which questions of the bank to list, by id.
struct QuestionQuery {
  std::vector<UnionId> banks;  ///< only these unions' questions; empty: every bank
  std::string law;             ///< "" any
  std::string topic;           ///< "" any
  std::string text;            ///< substring of the question, taken literally; "" any
  bool include_retired = false;
  QuestionId after;
  std::size_t limit = 100;
};

/// What replacing a question came to.
struct QuestionReplace {
  bool found = false;
  QuestionId id;  ///< the question's id now: the same when edited in place, a new one when the old was shown
};

/// A quiz: its window, its rules and the published commitment to its draw seed (the seed itself stays in the store
/// until the draw).
struct QuizRecord {
  QuizId id;
  UnionId union_id;  ///< who runs it: prize entrants are verified members of this union's subtree
  std::string title, description, prize;
  UtcSeconds starts_at, ends_at;
  int question_count = 10, time_limit_s = 600, attempts_per_day = 3, pass_score = 60, prize_count = 0;
  std::vector<std::string> laws;    ///< questions drawn from these laws (empty: any)
  std::vector<std::string> topics;  ///< ... and these topics (empty: any)
  std::string draw_commitment;
  UserId created_by;
  UtcSeconds created_at;
  std::int64_t players = 0;   ///< distinct people who submitted an attempt (filled by listings)
  bool drawn = false;         ///< the draw has happened (filled by listings)
};

/// A quiz to create, with its secret seed.
struct NewQuiz {
  QuizRecord quiz;  ///< id, players and drawn ignored
  std::string seed;
};

/// One question of an attempt: which bank question and in which order its options were shown.
struct AttemptQuestion {
  QuestionId question;
  std::vector<int> order;  ///< order[shown] = the bank's option index
};

/// An attempt at a quiz.
struct AttemptRecord {
  AttemptId id;
  QuizId quiz;
  UserId user;
  UtcSeconds started_at, deadline;
  std::vector<AttemptQuestion> questions;
  std::vector<std::vector<int>> answers;  ///< per question of `questions`, the shown indexes chosen (saved or final)
  std::optional<UtcSeconds> submitted_at;
  bool auto_submitted = false;  ///< finished by the server at its deadline
  int correct = 0, score = 0;
};

/// A new attempt, its questions and option orders drawn by the caller at random.
struct NewAttempt {
  QuizId quiz;
  UserId user;
  UtcSeconds now;
  std::vector<AttemptQuestion> questions;
};

/// What starting an attempt came to.
enum class StartResult : std::uint8_t { started, not_found, not_open, attempt_limit };

/// The result of starting an attempt and, when started, the attempt.
struct StartOutcome {
  StartResult result = StartResult::not_found;
  std::optional<AttemptRecord> attempt;
};

/// What submitting (or saving answers of) an attempt came to.
enum class SubmitResult : std::uint8_t {
  submitted,   ///< graded now
  not_found,   ///< no such attempt of this user
  conflict,    ///< already submitted
  too_late,    ///< past its deadline and the grace: finished with the answers saved before it
};

/// The outcome of a submit and the attempt as it now stands.
struct SubmitOutcome {
  SubmitResult result = SubmitResult::not_found;
  std::optional<AttemptRecord> attempt;
};

/// A submit: the owner's chosen shown indexes per question of the attempt.
struct AttemptAnswers {
  AttemptId attempt;
  UserId user;
  std::vector<std::vector<int>> answers;  ///< aligned with the attempt's questions
  UtcSeconds now;
};

/// One row of a leaderboard: a person's best submitted attempt.
struct LeaderRow {
  int rank = 0;
  UserId user;
  std::string display_name;  ///< unmasked: the API masks it
  int score = 0;
  std::int64_t duration_s = 0;
  UtcSeconds submitted_at;
};

/// One winner of a draw.
struct DrawWinner {
  std::string entrant;       ///< the winner's pseudonymous id in the draw
  std::string display_name;  ///< masked
};

/// A draw as published.
struct DrawRecord {
  QuizId quiz;
  std::string seed;
  std::string entrants_hash;
  std::vector<std::string> entrants;  ///< sorted pseudonymous ids
  std::vector<DrawWinner> winners;
  int winners_asked = 0;
  UtcSeconds drawn_at;
};

/// A qualified entrant handed to the draw: a verified member of the quiz's union whose best score reached the bar.
struct DrawEntrant {
  UserId user;
  std::string real_name;
};

/// How the store runs a draw: the caller's pseudonyms, masks and prize codes, so that keys stay outside the store.
struct DrawRequest {
  QuizId quiz;
  int winners = 0;
  UserId by;
  UtcSeconds now;
  std::function<std::string(UserId)> pseudonym;         ///< a person's entrant id in this quiz's draw
  std::function<std::string(const std::string&)> mask;  ///< a real name as published (张*)
  std::function<std::string()> new_code;                ///< a fresh random redemption code
};

/// What a draw came to.
enum class DrawResult : std::uint8_t { drawn, already_drawn, not_found, not_closed };

/// The outcome of a draw and the draw as it stands.
struct DrawOutcome {
  DrawResult result = DrawResult::not_found;
  std::optional<DrawRecord> draw;
};

/// A prize a draw gave.
struct PrizeRecord {
  QuizId quiz;
  std::string quiz_title;
  UserId user;
  std::string real_name;  ///< for the staff who hand it out (masked by the API elsewhere)
  int rank = 0;           ///< 1 for the first drawn
  std::string code;
  std::optional<UtcSeconds> handed_out_at;
};

/// What marking a prize handed out came to.
enum class HandOutResult : std::uint8_t { handed_out, not_found, already_handed_out };

}  // namespace gongyou::server
