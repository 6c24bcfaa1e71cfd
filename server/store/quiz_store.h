// server/store/quiz_store.h — what the server needs stored about prize quizzes (quiz_records.h). Every counted
// decision is one write transaction backed by a conditional update or a unique key: the attempts of a day (a unique
// day sequence), one submit per attempt (UPDATE ... WHERE submitted_at IS NULL), one draw per quiz (its primary
// key), a prize handed out once (UPDATE ... WHERE handed_out_at IS NULL).
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "server/store/quiz_records.h"

namespace gongyou::server {

/// Quiz storage. Implementations are safe to call from many threads at once.
class QuizStore {
 public:
  virtual ~QuizStore() = default;

  /// Adds questions to a union's bank in one transaction (all or none); their ids in order.
  virtual std::vector<QuestionId> add_questions(UnionId bank, std::span<const QuizQuestion> questions,
                                                UtcSeconds now) = 0;
  /// One question, retired or not.
  virtual std::optional<QuestionRecord> find_question(QuestionId id) = 0;
  /// The questions with these ids, in the order asked (unknown ids left out), read at once.
  virtual std::vector<QuestionRecord> find_questions(std::span<const QuestionId> ids) = 0;
  /// Questions by id (limit + 1 read to know whether more follow).
  virtual std::vector<QuestionRecord> list_questions(const QuestionQuery& query) = 0;
  /// Edits a question: in place when no attempt has shown it, else retires it and stores the edit as a new question.
  virtual QuestionReplace replace_question(QuestionId id, const QuizQuestion& question, UtcSeconds now) = 0;
  /// Retires a question (kept for the attempts that showed it); false when there is no such question.
  virtual bool retire_question(QuestionId id, UtcSeconds now) = 0;
  /// The live questions of these banks whose law and topic a quiz draws from (empty lists: any).
  virtual std::vector<QuestionId> question_pool(std::span<const UnionId> banks, std::span<const std::string> laws,
                                                std::span<const std::string> topics) = 0;

  /// Creates a quiz with its secret seed.
  virtual QuizRecord create_quiz(const NewQuiz& quiz) = 0;
  /// Every quiz, newest window first, with players and whether it was drawn.
  virtual std::vector<QuizRecord> list_quizzes() = 0;
  /// One quiz, with players and whether it was drawn.
  virtual std::optional<QuizRecord> find_quiz(QuizId id) = 0;

  /// Starts an attempt: the quiz must be open at `now` and the user below its attempts_per_day in the Asia/Shanghai
  /// day of `now`; the deadline is attempt_deadline().
  virtual StartOutcome start_attempt(const NewAttempt& attempt) = 0;
  /// One attempt of its owner (finished first if its deadline and grace have passed); nothing for anyone else.
  virtual std::optional<AttemptRecord> find_attempt(AttemptId id, UserId owner, UtcSeconds now) = 0;
  /// A user's attempts at a quiz, newest first (expired ones finished first).
  virtual std::vector<AttemptRecord> user_attempts(QuizId quiz, UserId user, UtcSeconds now) = 0;
  /// Saves answers of an attempt still running (the phone saves each tap, so that an abandoned attempt is graded on
  /// what was chosen).
  virtual SubmitOutcome save_answers(const AttemptAnswers& answers) = 0;
  /// Grades and submits an attempt once: of concurrent submits exactly one gets `submitted`.
  virtual SubmitOutcome submit_attempt(const AttemptAnswers& answers) = 0;
  /// Finishes every attempt whose deadline and grace passed before `now`, graded on its saved answers.
  virtual int finish_expired_attempts(UtcSeconds now) = 0;

  /// The best submitted attempt of each person, by score (high first), then duration, then submit time.
  virtual std::vector<LeaderRow> leaderboard(QuizId quiz, std::size_t limit) = 0;

  /// Draws once after the close (and the grace of the last attempts): a repeat returns the first draw.
  virtual DrawOutcome draw_quiz(const DrawRequest& request) = 0;
  /// The draw of a quiz, if it happened.
  virtual std::optional<DrawRecord> find_draw(QuizId quiz) = 0;
  /// The prizes of a quiz, by rank.
  virtual std::vector<PrizeRecord> quiz_prizes(QuizId quiz) = 0;
  /// A user's prizes, newest first.
  virtual std::vector<PrizeRecord> user_prizes(UserId user) = 0;
  /// Marks the prize with this code handed out, once.
  virtual HandOutResult hand_out_prize(QuizId quiz, std::string_view code, UserId staff, UtcSeconds now) = 0;
};

}  // namespace gongyou::server
