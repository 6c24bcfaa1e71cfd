// core/quiz.cpp — see quiz.h.
#include "core/quiz.h"

#include <algorithm>
#include <array>
#include <set>

#include "core/site_import.h"  // is_valid_utf8

namespace gongyou {
namespace {

bool has_control_character(std::string_view text, bool line_breaks_allowed) {
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (line_breaks_allowed && b == '\n') continue;
    if (b < 0x20 || b == 0x7F) return true;
  }
  return false;
}

/// The problem of one text field, or nothing.
std::optional<std::string> field_problem(std::string_view text, std::string_view what, std::size_t max_bytes,
                                         bool required, bool multiline = false) {
  if (required && text.empty()) return std::string(what) + "不能为空 / " + std::string(what) + " is required";
  if (text.size() > max_bytes)
    return std::string(what) + "太长（最多" + std::to_string(max_bytes) + "字节） / too long";
  if (!is_valid_utf8(text)) return std::string(what) + "不是有效的UTF-8文本 / not valid UTF-8";
  if (has_control_character(text, multiline)) return std::string(what) + "含有控制字符 / control characters";
  return std::nullopt;
}

constexpr std::array<QuizLaw, 5> kLaws = {{
    {"工会法", "《中华人民共和国工会法》"},
    {"劳动法", "《中华人民共和国劳动法》"},
    {"劳动合同法", "《中华人民共和国劳动合同法》"},
    {"安全生产法", "《中华人民共和国安全生产法》"},
    {"新就业形态", "《关于维护新就业形态劳动者劳动保障权益的指导意见》及《安徽省新就业形态劳动者劳动权益保障规定》"},
}};

}  // namespace

// [SECTION] Questions

std::string_view question_kind_name(QuestionKind kind) {
  switch (kind) {
    case QuestionKind::single_choice: return "single";
    case QuestionKind::multiple_choice: return "multiple";
    case QuestionKind::true_false: return "true_false";
  }
  return "single";
}

std::optional<QuestionKind> parse_question_kind(std::string_view text) {
  if (text == "single" || text == "单选" || text == "单选题") return QuestionKind::single_choice;
  if (text == "multiple" || text == "多选" || text == "多选题") return QuestionKind::multiple_choice;
  if (text == "true_false" || text == "判断" || text == "判断题") return QuestionKind::true_false;
  return std::nullopt;
}

std::string_view question_kind_label(QuestionKind kind) {
  switch (kind) {
    case QuestionKind::single_choice: return "单选题";
    case QuestionKind::multiple_choice: return "多选题";
    case QuestionKind::true_false: return "判断题";
  }
  return "单选题";
}

std::optional<std::string> question_problem(const QuizQuestion& q) {
  if (auto p = field_problem(q.text, "题目", kMaxQuestionTextBytes, true, true)) return p;
  if (auto p = field_problem(q.law, "法律", kMaxLawFieldBytes, true)) return p;
  if (auto p = field_problem(q.article, "条款", kMaxLawFieldBytes, false)) return p;
  if (auto p = field_problem(q.topic, "主题", kMaxLawFieldBytes, false)) return p;
  if (auto p = field_problem(q.explanation, "解析", kMaxExplanationBytes, false, true)) return p;
  if (q.kind == QuestionKind::true_false) {
    if (q.options.size() != 2 || q.options[0] != kTrueFalseOptions[0] || q.options[1] != kTrueFalseOptions[1])
      return std::string("判断题的选项是“正确”和“错误” / a true/false question's options are 正确 and 错误");
  } else {
    if (q.options.size() < 2 || q.options.size() > kMaxQuestionOptions)
      return std::string("选择题需要2到6个选项 / a choice question has 2 to 6 options");
    std::set<std::string> seen;
    for (const std::string& option : q.options) {
      if (auto p = field_problem(option, "选项", kMaxOptionBytes, true)) return p;
      if (!seen.insert(option).second) return "选项“" + option + "”重复 / the same option twice";
    }
  }
  for (std::size_t i = 0; i < q.correct.size(); ++i) {
    if (q.correct[i] < 0 || static_cast<std::size_t>(q.correct[i]) >= q.options.size())
      return std::string("答案不是其中的选项 / the answer names an option that does not exist");
    if (i > 0 && q.correct[i] <= q.correct[i - 1])
      return std::string("答案的选项须按顺序且不重复 / answer options ascending and distinct");
  }
  if (q.kind == QuestionKind::multiple_choice ? q.correct.size() < 2 : q.correct.size() != 1)
    return std::string(q.kind == QuestionKind::multiple_choice
                           ? "多选题至少有两个正确选项 / a multiple-choice question has two or more right options"
                           : "单选题和判断题只有一个正确答案 / exactly one right option");
  return std::nullopt;
}

// [SECTION] Grading

bool is_answer_right(std::span<const int> correct, std::span<const int> chosen) {
  if (chosen.empty()) return false;
  std::vector<int> picked(chosen.begin(), chosen.end());
  std::sort(picked.begin(), picked.end());
  picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
  std::vector<int> right(correct.begin(), correct.end());
  std::sort(right.begin(), right.end());
  return picked == right;
}

int quiz_score(int correct, int total) {
  if (total <= 0 || correct <= 0) return 0;
  return static_cast<int>((std::int64_t{correct} * 200 + total) / (2 * std::int64_t{total}));
}

// [SECTION] Window

UtcSeconds attempt_deadline(UtcSeconds started, std::int64_t time_limit_s, UtcSeconds quiz_ends_at) {
  return std::min(UtcSeconds{started.value + time_limit_s}, quiz_ends_at);
}

std::int64_t attempt_day(UtcSeconds started) { return days_since_epoch(shanghai_date(started)); }

// [SECTION] Laws

std::span<const QuizLaw> quiz_laws() { return kLaws; }

std::string law_title(std::string_view short_name) {
  for (const QuizLaw& law : kLaws)
    if (law.short_name == short_name) return std::string(law.title);
  return std::string(short_name);
}

}  // namespace gongyou
