// core/quiz_bank.h — questions uploaded by staff as CSV (the server converts GB18030 to UTF-8 first), checked row by
// row before anything is stored: the good questions, and for every bad row its line and what is wrong.
//
// The header names the columns in any order, in Chinese or English:
//   题型 kind · 法律 law · 条款 article · 主题 topic · 题目 question · 选项A..选项F option_a..option_f ·
//   答案 answer · 解析 explanation
// 题型 is 单选, 多选, 判断 (or single, multiple, true_false); 答案 is the letters of the right options ("A", "ACD",
// "A,C"), for 判断 also 对/错, 正确/错误 or true/false. The demo bank (tools/demo_data/quiz_questions.csv) is read
// with the same function.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/csv.h"
#include "core/quiz.h"

namespace gongyou {

/// What an upload of questions holds.
struct QuestionImport {
  std::vector<QuizQuestion> questions;  ///< the good rows, in file order
  std::vector<ImportIssue> errors;      ///< one per bad row (row = the line its record starts on), or for the file
  std::size_t rows = 0;                 ///< data rows read (blank lines not counted)
  /// True when every row is good: only then may the questions be stored (all or nothing).
  bool ok() const { return errors.empty() && rows > 0; }
};

/// Most data rows one upload may hold.
inline constexpr std::size_t kMaxQuestionRows = 5000;

/// Reads a CSV of questions (UTF-8, a byte order mark allowed).
QuestionImport import_questions_csv(std::string_view text);

}  // namespace gongyou
