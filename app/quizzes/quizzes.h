// app/quizzes/quizzes.h — prize quizzes (有奖答题, issue 16): the list, one quiz with its leaderboard and my attempts,
// taking a quiz one question at a time (each choice saved as it is made, the server's deadline counted down and the
// attempt submitted when it runs out), the result with the right options and the law, and the draw's proof checked
// on the phone itself. State (QuizState, read by ui/quiz_views) and controller (Quizzes). Platform-free: talks to the
// API (docs/api-quizzes.md) through the Session.
//
// [SECTION] Intents
// [SECTION] State
// [SECTION] Controller
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "app/quizzes/quiz_model.h"
#include "app/services.h"
#include "app/session.h"
#include "app/type_list.h"

namespace gongyou {

//-------------------------------------------------------------------------------------------------
// [SECTION] Intents (ui/quiz_views)
//-------------------------------------------------------------------------------------------------

struct ShowQuizList {};                               ///< 有奖答题: every quiz
struct OpenQuiz { QuizId quiz; };                     ///< one quiz: rules, leaderboard, my attempts
struct StartQuiz { QuizId quiz; };                    ///< 开始答题 (or 继续答题 when one is running)
struct OpenAttempt { AttemptId attempt; };            ///< an attempt: running, or its result
struct ChooseAnswer { int question; int option; };    ///< a tap on an option (toggles in a multiple choice)
struct GoToQuestion { int question; };                ///< 上一题 / 下一题 / a dot of the progress row
struct SubmitQuiz {};                                 ///< 交卷 (confirmed)
struct OpenQuizDraw { QuizId quiz; };                 ///< 抽奖公示: the draw and its proof
/// The quiz intents.
using QuizIntents =
    TypeList<ShowQuizList, OpenQuiz, StartQuiz, OpenAttempt, ChooseAnswer, GoToQuestion, SubmitQuiz, OpenQuizDraw>;

//-------------------------------------------------------------------------------------------------
// [SECTION] State
//-------------------------------------------------------------------------------------------------

/// Which quiz screen is shown.
enum class QuizView : std::uint8_t { list, detail, attempt, draw };

/// One of my attempts at the opened quiz.
struct MyAttempt {
  AttemptId id;
  UtcSeconds started_at;
  bool submitted = false;
  int score = 0, correct = 0, total = 0;
};

/// What the quiz screens show.
struct QuizState {
  QuizView view = QuizView::list;

  // ---- the list ----
  std::vector<QuizSummary> quizzes;
  bool loading = false;
  bool failed = false;

  // ---- one quiz ----
  QuizId opened;
  std::optional<QuizSummary> quiz;
  Leaderboard board;
  std::vector<MyAttempt> my_attempts;
  std::vector<QuizPrize> prizes;  ///< the caller's prizes (all quizzes)

  // ---- an attempt ----
  std::optional<QuizAttempt> attempt;
  int current = 0;          ///< the question shown (index into attempt->questions)
  bool starting = false;    ///< POST …/attempts on its way
  bool submitting = false;  ///< the submit on its way
  std::uint64_t attempt_revision = 0;  ///< increases when another attempt (or its result) is shown: views reset

  // ---- the draw ----
  std::optional<QuizDraw> draw;
  bool draw_missing = false;  ///< the quiz has not been drawn yet

  /// Seconds until the attempt's deadline at `now` (0 once passed; 0 without a running attempt).
  std::int64_t seconds_left(UtcSeconds now) const;
  /// The caller's prize in the opened quiz, if they won one.
  const QuizPrize* my_prize() const;
};

//-------------------------------------------------------------------------------------------------
// [SECTION] Controller
//-------------------------------------------------------------------------------------------------

/// The quiz controller.
class Quizzes {
 public:
  /// `session` and `platform` must outlive it (the platform's clock and timers count the deadline down).
  Quizzes(Session& session, const PlatformServices& platform) : session_(session), platform_(platform) {}

  const QuizState& state() const { return state_; }

  /// Reloads what the current view shows (the screen was opened, or the periodic refresh).
  void refresh();
  /// Shows a view without loading (a link: the route's load follows).
  void show(QuizView view) { state_.view = view; }
  /// Someone signed in or out: the last user's attempts and prizes go.
  void session_changed();
  /// A timer of TimerOwner::quiz_clock ran out: a second of the countdown (or the deadline) passed.
  void timer_fired(std::uint64_t token);

  void apply(const ShowQuizList& i);
  void apply(const OpenQuiz& i);
  void apply(const StartQuiz& i);
  void apply(const OpenAttempt& i);
  void apply(const ChooseAnswer& i);
  void apply(const GoToQuestion& i);
  void apply(const SubmitQuiz& i);
  void apply(const OpenQuizDraw& i);

 private:
  void load_list();
  void load_quiz();
  void load_attempt(AttemptId id);
  void load_draw();
  /// Shows `attempt` (from a start, a read or a submit) and keeps the countdown running while it runs.
  void take_attempt(QuizAttempt attempt);
  void tick();
  void submit(bool time_up);
  UtcSeconds now() const { return platform_.now ? platform_.now() : UtcSeconds{0}; }

  Session& session_;
  const PlatformServices& platform_;
  QuizState state_;
  std::uint64_t timer_serial_ = 0;     ///< the countdown's timer; older tokens are ignored
  std::uint64_t save_generation_ = 0;  ///< answers of an older save are ignored
};

}  // namespace gongyou
