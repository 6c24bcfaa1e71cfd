// tools/demo_data/quiz_demo.h — the demo prize quizzes of Duji district's kind (seed 000): a question bank on the
// 工会法, 劳动法, 劳动合同法, 安全生产法 and the rules for new forms of employment (quiz_questions.csv, read with the
// staff import of core/quiz_bank.h), and three quizzes whose windows are relative to the day the data is loaded, so
// that one is open, one closed and one upcoming on any date.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/quiz.h"

namespace gongyou {
/// The bytes of tools/demo_data/quiz_questions.csv (embedded at build time).
std::string_view demo_quiz_questions_csv();
}  // namespace gongyou

namespace gongyou::demo {

/// A demo quiz; its window starts `starts_in_hours` after loading (negative: before) and lasts `open_hours`.
struct DemoQuiz {
  std::string title, description, prize;
  int starts_in_hours = 0, open_hours = 0;
  int question_count = 10, time_limit_s = 600, attempts_per_day = 3, pass_score = 60, prize_count = 0;
  std::vector<std::string> laws;  ///< the bank's laws its questions are drawn from
  int demo_players = 0;           ///< members who took it before loading (a closed quiz's entrants)
};

/// The question bank: every row of quiz_questions.csv (the core test checks that each one imports).
std::vector<QuizQuestion> demo_quiz_bank();

/// The three quizzes: closed (with players), open and upcoming.
std::vector<DemoQuiz> demo_quizzes();

}  // namespace gongyou::demo
