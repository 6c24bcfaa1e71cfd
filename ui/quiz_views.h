// ui/quiz_views.h — prize quizzes on screen: the list of quizzes (open ones first), one quiz (its rules, my attempts,
// the leaderboard, my prize), an attempt one question at a time with the server's deadline counted down and big
// options for a thumb, the result with every right option and the article it comes from, and the draw's proof with
// what the phone itself recomputed. Reads QuizState, emits intents; no I/O.
#pragma once
#include <cstdint>
#include <vector>

#include "app/intent.h"
#include "app/quizzes/quizzes.h"
#include "core/civil_time.h"
#include "ui/confirm_tap.h"
#include "ui/touch_scroll.h"

namespace gongyou::ui {

/// The quiz screens; they keep their scroll and the armed 交卷 between frames.
class QuizViews {
 public:
  /// Draws the view the state names; `now` counts the attempt's time down.
  void draw(const QuizState& state, UtcSeconds now, bool signed_in, bool phone, std::vector<Intent>& intents);

 private:
  void draw_list(const QuizState& state, float button_h, std::vector<Intent>& intents);
  void draw_detail(const QuizState& state, bool signed_in, float button_h, std::vector<Intent>& intents);
  void draw_attempt(const QuizState& state, UtcSeconds now, float button_h, std::vector<Intent>& intents);
  void draw_result(const QuizState& state, float button_h, std::vector<Intent>& intents);
  void draw_draw(const QuizState& state, float button_h, std::vector<Intent>& intents);

  TouchScroll list_scroll_, detail_scroll_, attempt_scroll_, result_scroll_, draw_scroll_;
  ConfirmTap confirm_;                 ///< 交卷, once armed
  std::uint64_t attempt_seen_ = 0;     ///< the attempt revision the scroll last reset at
  int question_seen_ = -1;             ///< the question the attempt view last showed (its scroll resets)
  bool show_entrants_ = false;         ///< the draw's whole list of entrants is open
};

}  // namespace gongyou::ui
