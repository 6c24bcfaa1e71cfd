// core/quiz.h — prize quizzes (有奖答题, services.md): the kinds of question, a question of the bank and its checks,
// grading, a quiz's window and an attempt's deadline, and the laws the bank cites. Shared by the server (which alone
// knows the right options until a submit) and the client (which shows the result). docs/api-quizzes.md.
//
// [SECTION] Questions   kinds with their wire and Chinese names, the checks a question passes before it is stored
// [SECTION] Grading     a chosen set against the right set; the score out of 100
// [SECTION] Window      upcoming / open / closed, an attempt's deadline, the Asia/Shanghai day that attempts count in
// [SECTION] Laws        the short names the bank files questions under and their full titles
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.h"
#include "core/time_window.h"

namespace gongyou {

// [SECTION] Questions

/// What a question asks for.
enum class QuestionKind : std::uint8_t {
  single_choice,    ///< 单选: exactly one option is right
  multiple_choice,  ///< 多选: two or more options are right, all of them must be chosen
  true_false,       ///< 判断: the options are 正确 and 错误
};

/// The wire name: "single", "multiple" or "true_false".
std::string_view question_kind_name(QuestionKind kind);
/// The kind of a wire name or of its Chinese name (单选, 多选, 判断); nothing for anything else.
std::optional<QuestionKind> parse_question_kind(std::string_view text);
/// The Chinese name shown to workers: 单选题, 多选题, 判断题.
std::string_view question_kind_label(QuestionKind kind);

/// The two options of a true/false question, in this order (index 0 is 正确).
inline constexpr std::string_view kTrueFalseOptions[2] = {"正确", "错误"};

inline constexpr std::size_t kMaxQuestionOptions = 6;    ///< options of a choice question
inline constexpr std::size_t kMaxQuestionTextBytes = 600;
inline constexpr std::size_t kMaxOptionBytes = 200;
inline constexpr std::size_t kMaxExplanationBytes = 1000;
inline constexpr std::size_t kMaxLawFieldBytes = 60;      ///< law, article and topic

/// One question of the bank, with its right options: the server never sends those before a submit.
struct QuizQuestion {
  std::string law;      ///< short name of the law (see Laws): 工会法
  std::string article;  ///< the article it comes from: 第三条
  std::string topic;    ///< a label for drawing questions by topic: 工作时间
  QuestionKind kind = QuestionKind::single_choice;
  std::string text;
  std::vector<std::string> options;  ///< for true_false: kTrueFalseOptions
  std::vector<int> correct;          ///< indexes into options, ascending, distinct
  std::string explanation;           ///< why, shown after the submit
};

/// What is wrong with a question, in words staff can act on (Chinese / English), or nothing when it may be stored:
/// text and law present, options non-empty and distinct (2..6 for choices), right options that fit the kind, every
/// field within its length, valid UTF-8 without control characters.
std::optional<std::string> question_problem(const QuizQuestion& question);

// [SECTION] Grading

/// True when `chosen` names exactly the right options (order and repeats do not matter; nothing chosen is wrong).
bool is_answer_right(std::span<const int> correct, std::span<const int> chosen);

/// The score out of 100 for `correct` right answers of `total`, rounded half up; 0 when total is 0.
int quiz_score(int correct, int total);

// [SECTION] Window

/// Where a quiz is in its window (core/time_window.h).
using QuizStatus = WindowStatus;

/// The wire name: "upcoming", "open" or "closed".
inline std::string_view quiz_status_name(QuizStatus status) { return window_status_name(status); }

/// Upcoming before starts_at, open from starts_at until before ends_at, closed from ends_at.
inline QuizStatus quiz_status(UtcSeconds starts_at, UtcSeconds ends_at, UtcSeconds now) {
  return window_status(starts_at, ends_at, now);
}

/// Seconds after a deadline in which a submit still counts (the network between the tap and the server).
inline constexpr std::int64_t kSubmitGraceSeconds = 5;

/// When an attempt started at `started` must be submitted: its time limit, but never after the quiz closes.
UtcSeconds attempt_deadline(UtcSeconds started, std::int64_t time_limit_s, UtcSeconds quiz_ends_at);

/// The Asia/Shanghai day an attempt started on, as days since 1970-01-01: attempts_per_day counts within it.
std::int64_t attempt_day(UtcSeconds started);

// [SECTION] Laws

/// A law the bank files questions under.
struct QuizLaw {
  std::string_view short_name;  ///< what the bank stores: 工会法
  std::string_view title;       ///< what a worker reads: 《中华人民共和国工会法》
};

/// The laws of the demo bank, in the order the client lists them.
std::span<const QuizLaw> quiz_laws();

/// The full title of a short law name; the name itself when it is not one of quiz_laws().
std::string law_title(std::string_view short_name);

}  // namespace gongyou
