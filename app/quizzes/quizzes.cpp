// app/quizzes/quizzes.cpp — see quizzes.h.
//
// [SECTION] State
// [SECTION] Loading
// [SECTION] Taking a quiz
// [SECTION] Intents
#include "app/quizzes/quizzes.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/json_fields.h"
#include "core/site.h"  // parse_json_or_discarded

namespace gongyou {
namespace {

using json = nlohmann::json;

constexpr const char* kApi = "/api/v1";
constexpr int kTickMilliseconds = 1000;

std::string quiz_path(QuizId id, const char* suffix = "") {
  return std::string(kApi) + "/quizzes/" + std::to_string(id.value) + suffix;
}

std::string attempt_path(AttemptId id, const char* suffix = "") {
  return std::string(kApi) + "/quiz-attempts/" + std::to_string(id.value) + suffix;
}

std::optional<MyAttempt> my_attempt_from_json(const json& j) {
  MyAttempt a;
  if (!j.is_object() || !json_fields::get_id(j, "id", a.id)) return std::nullopt;
  json_fields::get_time(j, "started_at", a.started_at);
  a.submitted = json_fields::get_bool(j, "submitted");
  a.score = json_fields::get_int_or(j, "score", 0);
  a.correct = json_fields::get_int_or(j, "correct", 0);
  a.total = json_fields::get_int_or(j, "total", 0);
  return a;
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] State
//-------------------------------------------------------------------------------------------------

std::int64_t QuizState::seconds_left(UtcSeconds now) const {
  if (!attempt || attempt->submitted) return 0;
  return std::max<std::int64_t>(0, attempt->deadline.value - now.value);
}

const QuizPrize* QuizState::my_prize() const {
  for (const QuizPrize& p : prizes)
    if (p.quiz == opened) return &p;
  return nullptr;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Loading
//-------------------------------------------------------------------------------------------------

void Quizzes::session_changed() {
  state_.my_attempts.clear();
  state_.prizes.clear();
  state_.attempt.reset();
  ++state_.attempt_revision;
  ++timer_serial_;  // the countdown of the last user's attempt stops
  if (state_.view == QuizView::attempt) state_.view = state_.opened ? QuizView::detail : QuizView::list;
  refresh();
}

void Quizzes::refresh() {
  switch (state_.view) {
    case QuizView::list: load_list(); break;
    case QuizView::detail: load_quiz(); break;
    case QuizView::attempt:
      // A running attempt is not reloaded every minute: its answers are the phone's until the submit.
      if (state_.attempt && state_.attempt->submitted) load_quiz();
      break;
    case QuizView::draw: load_draw(); break;
  }
}

void Quizzes::load_list() {
  state_.loading = true;
  session_.call("GET", std::string(kApi) + "/quizzes", "", [this](const HttpResponse& r) {
    state_.loading = false;
    state_.failed = r.status != 200;
    if (r.status != 200) return;
    state_.quizzes = decode_items<QuizSummary>(parse_json_or_discarded(r.body), quiz_from_json);
  });
}

void Quizzes::load_quiz() {
  const QuizId id = state_.opened;
  if (!id) return;
  session_.call("GET", quiz_path(id), "", session_.for_current_user([this, id](const HttpResponse& r) {
                  if (state_.opened != id) return;
                  if (r.status == 404) {
                    state_.quiz.reset();
                    state_.failed = true;
                    return;
                  }
                  if (r.status != 200) return;
                  state_.failed = false;
                  if (auto quiz = quiz_from_json(parse_json_or_discarded(r.body))) state_.quiz = std::move(quiz);
                }));
  session_.call("GET", quiz_path(id, "/leaderboard?limit=20"), "", session_.for_current_user([this, id](const HttpResponse& r) {
                  if (state_.opened != id || r.status != 200) return;
                  if (auto board = leaderboard_from_json(parse_json_or_discarded(r.body))) state_.board = std::move(*board);
                }));
  if (!session_.signed_in()) return;
  session_.call("GET", quiz_path(id, "/attempts"), "", session_.for_current_user([this, id](const HttpResponse& r) {
                  if (state_.opened != id || r.status != 200) return;
                  state_.my_attempts = decode_items<MyAttempt>(parse_json_or_discarded(r.body), my_attempt_from_json);
                }));
  session_.call("GET", std::string(kApi) + "/me/quiz-prizes", "", session_.for_current_user([this](const HttpResponse& r) {
                  if (r.status != 200) return;
                  state_.prizes = decode_items<QuizPrize>(parse_json_or_discarded(r.body), prize_from_json);
                }));
}

void Quizzes::load_attempt(AttemptId id) {
  session_.call("GET", attempt_path(id), "", session_.for_current_user([this, id](const HttpResponse& r) {
                  if (r.status != 200) {
                    if (state_.view == QuizView::attempt && (!state_.attempt || state_.attempt->id == id)) {
                      session_.fail(r);
                      state_.view = state_.opened ? QuizView::detail : QuizView::list;
                    }
                    return;
                  }
                  auto attempt = attempt_from_json(parse_json_or_discarded(r.body));
                  if (!attempt) return;
                  if (!state_.opened) state_.opened = attempt->quiz;
                  take_attempt(std::move(*attempt));
                }));
}

void Quizzes::load_draw() {
  const QuizId id = state_.opened;
  if (!id) return;
  // The commitment comes from the quiz as published before the close, not from the draw's own answer.
  const auto ask_draw = [this, id] {
    session_.call("GET", quiz_path(id, "/draw"), "", [this, id](const HttpResponse& r) {
      if (state_.opened != id) return;
      state_.draw_missing = r.status == 404;
      if (r.status != 200) {
        state_.draw.reset();
        return;
      }
      state_.draw = draw_from_json(parse_json_or_discarded(r.body), state_.quiz ? state_.quiz->draw_commitment : "");
    });
  };
  if (state_.quiz && state_.quiz->id == id) {
    ask_draw();
    return;
  }
  session_.call("GET", quiz_path(id), "", [this, id, ask_draw](const HttpResponse& r) {
    if (state_.opened != id || r.status != 200) return;
    if (auto quiz = quiz_from_json(parse_json_or_discarded(r.body))) state_.quiz = std::move(quiz);
    ask_draw();
  });
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Taking a quiz
//-------------------------------------------------------------------------------------------------

void Quizzes::take_attempt(QuizAttempt attempt) {
  const bool another = !state_.attempt || state_.attempt->id != attempt.id || state_.attempt->submitted != attempt.submitted;
  if (another) {
    ++state_.attempt_revision;
    state_.current = 0;
    // Back to a running attempt: the first question not answered yet.
    if (!attempt.submitted)
      for (std::size_t i = 0; i < attempt.questions.size(); ++i)
        if (attempt.questions[i].chosen.empty()) {
          state_.current = static_cast<int>(i);
          break;
        }
  }
  state_.attempt = std::move(attempt);
  state_.current = std::clamp(state_.current, 0, static_cast<int>(state_.attempt->questions.size()) - 1);
  ++timer_serial_;
  if (!state_.attempt->submitted) tick();
}

void Quizzes::tick() {
  if (!state_.attempt || state_.attempt->submitted || state_.view != QuizView::attempt) return;
  if (state_.seconds_left(now()) <= 0) {
    submit(/*time_up=*/true);
    return;
  }
  if (platform_.start_timer) platform_.start_timer(timer_token(TimerOwner::quiz_clock, timer_serial_), kTickMilliseconds);
}

void Quizzes::timer_fired(std::uint64_t token) {
  if (timer_serial(token) != (timer_serial_ & ((std::uint64_t{1} << kTimerSerialBits) - 1))) return;
  tick();  // the frame this event wakes redraws the countdown
}

void Quizzes::submit(bool time_up) {
  if (!state_.attempt || state_.attempt->submitted || state_.submitting) return;
  state_.submitting = true;
  const AttemptId id = state_.attempt->id;
  session_.call("POST", attempt_path(id, "/submit"), answers_body(*state_.attempt),
                session_.for_current_user([this, id, time_up](const HttpResponse& r) {
                  state_.submitting = false;
                  if (!state_.attempt || state_.attempt->id != id) return;
                  if (r.status == 200) {
                    if (auto result = attempt_from_json(parse_json_or_discarded(r.body))) {
                      take_attempt(std::move(*result));
                      session_.say(Feedback::Kind::success, time_up ? "quiz_time_up" : "quiz_submitted");
                    }
                    return;
                  }
                  if (r.status == 409) {  // submitted elsewhere, or by the server at the deadline: show what stands
                    session_.say(Feedback::Kind::info, "quiz_time_up");
                    load_attempt(id);
                    return;
                  }
                  session_.fail(r);
                }));
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Intents
//-------------------------------------------------------------------------------------------------

void Quizzes::apply(const ShowQuizList&) {
  state_.view = QuizView::list;
  load_list();
}

void Quizzes::apply(const OpenQuiz& i) {
  if (state_.opened != i.quiz) {
    state_.quiz.reset();
    state_.board = {};
    state_.my_attempts.clear();
    state_.draw.reset();
    state_.draw_missing = false;
  }
  state_.opened = i.quiz;
  state_.view = QuizView::detail;
  // A quiz already listed shows at once; the load brings the caller's part.
  if (!state_.quiz)
    for (const QuizSummary& q : state_.quizzes)
      if (q.id == i.quiz) state_.quiz = q;
  load_quiz();
}

void Quizzes::apply(const StartQuiz& i) {
  if (!session_.require_account() || state_.starting) return;
  state_.opened = i.quiz;
  if (state_.quiz && state_.quiz->id == i.quiz && state_.quiz->me && state_.quiz->me->running_attempt) {
    apply(OpenAttempt{state_.quiz->me->running_attempt});
    return;
  }
  state_.starting = true;
  session_.call("POST", quiz_path(i.quiz, "/attempts"), "", session_.for_current_user([this](const HttpResponse& r) {
                  state_.starting = false;
                  if (r.status != 201) {
                    session_.fail(r);
                    load_quiz();  // the window or today's attempts may have changed
                    return;
                  }
                  auto attempt = attempt_from_json(parse_json_or_discarded(r.body));
                  if (!attempt) return;
                  state_.view = QuizView::attempt;
                  take_attempt(std::move(*attempt));
                }));
}

void Quizzes::apply(const OpenAttempt& i) {
  if (!session_.require_account()) return;
  state_.view = QuizView::attempt;
  if (state_.attempt && state_.attempt->id == i.attempt) {
    ++timer_serial_;
    tick();  // the countdown runs again while the attempt is shown
  }
  load_attempt(i.attempt);
}

void Quizzes::apply(const ChooseAnswer& i) {
  if (!state_.attempt || state_.attempt->submitted || i.question < 0 ||
      i.question >= static_cast<int>(state_.attempt->questions.size()))
    return;
  AttemptQuestionView& q = state_.attempt->questions[static_cast<std::size_t>(i.question)];
  if (i.option < 0 || i.option >= static_cast<int>(q.options.size())) return;
  if (q.kind == QuestionKind::multiple_choice) {
    const auto it = std::find(q.chosen.begin(), q.chosen.end(), i.option);
    if (it != q.chosen.end()) q.chosen.erase(it);
    else q.chosen.insert(std::upper_bound(q.chosen.begin(), q.chosen.end(), i.option), i.option);
  } else {
    q.chosen = {i.option};
  }
  // Saved as it is made: an attempt abandoned (a dead battery, a lost signal) is graded on what was chosen.
  const std::uint64_t generation = ++save_generation_;
  const AttemptId id = state_.attempt->id;
  session_.call("PUT", attempt_path(id, "/answers"), answers_body(*state_.attempt),
                session_.for_current_user([this, id, generation](const HttpResponse& r) {
                  if (generation != save_generation_ || !state_.attempt || state_.attempt->id != id) return;
                  if (r.status == 409) load_attempt(id);  // the time ran out: the result stands
                }));
}

void Quizzes::apply(const GoToQuestion& i) {
  if (!state_.attempt) return;
  state_.current = std::clamp(i.question, 0, static_cast<int>(state_.attempt->questions.size()) - 1);
}

void Quizzes::apply(const SubmitQuiz&) { submit(/*time_up=*/false); }

void Quizzes::apply(const OpenQuizDraw& i) {
  if (state_.opened != i.quiz) {
    state_.quiz.reset();
    state_.draw.reset();
  }
  state_.opened = i.quiz;
  state_.view = QuizView::draw;
  state_.draw_missing = false;
  load_draw();
}

}  // namespace gongyou
