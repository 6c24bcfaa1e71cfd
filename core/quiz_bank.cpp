// core/quiz_bank.cpp — see quiz_bank.h.
#include "core/quiz_bank.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "core/site_import.h"  // is_valid_utf8

namespace gongyou {
namespace {

enum Column : std::size_t { kind, law, article, topic, text, option_a, answer = option_a + kMaxQuestionOptions, explanation, count };

std::string lower_ascii(std::string_view s) {
  std::string out(csv_trim(s));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::optional<std::size_t> column_named(std::string_view header) {
  const std::string name = lower_ascii(header);
  static constexpr std::pair<std::string_view, std::size_t> kNames[] = {
      {"题型", kind},     {"kind", kind},       {"type", kind},       {"法律", law},
      {"law", law},       {"条款", article},    {"article", article}, {"主题", topic},
      {"topic", topic},   {"题目", text},       {"question", text},   {"text", text},
      {"答案", answer},   {"answer", answer},   {"解析", explanation}, {"explanation", explanation}};
  for (const auto& [n, c] : kNames)
    if (name == n) return c;
  static constexpr std::string_view kLetters = "abcdef";
  for (std::size_t i = 0; i < kMaxQuestionOptions; ++i) {
    const std::string letter(1, kLetters[i]);
    if (name == "选项" + std::string(1, static_cast<char>('A' + i)) || name == "选项" + letter ||
        name == "option_" + letter || name == "option " + letter)
      return option_a + i;
  }
  return std::nullopt;
}

/// The right options named by an answer cell, or the reason it cannot be read.
std::optional<std::vector<int>> parse_answer(std::string_view cell, QuestionKind kind, std::string& why) {
  const std::string a = lower_ascii(cell);
  if (kind == QuestionKind::true_false) {
    if (a == "对" || a == "正确" || a == "true" || a == "a" || a == "√" || a == "是") return std::vector<int>{0};
    if (a == "错" || a == "错误" || a == "false" || a == "b" || a == "×" || a == "否") return std::vector<int>{1};
    why = "判断题的答案应为“对”或“错” / a true/false answer is 对 or 错";
    return std::nullopt;
  }
  std::vector<int> correct;
  for (const char c : a) {
    if (c == ',' || c == ' ' || c == ';' || c == '|') continue;
    if (c < 'a' || c > 'f') {
      why = "答案应为选项字母，如 A 或 ACD / the answer is option letters such as A or ACD";
      return std::nullopt;
    }
    correct.push_back(c - 'a');
  }
  std::sort(correct.begin(), correct.end());
  correct.erase(std::unique(correct.begin(), correct.end()), correct.end());
  return correct;
}

}  // namespace

QuestionImport import_questions_csv(std::string_view csv_text) {
  QuestionImport report;
  if (csv_text.substr(0, 3) == "\xEF\xBB\xBF") csv_text.remove_prefix(3);
  std::vector<CsvRecord> records;
  std::size_t bad_line = 0;
  if (!csv_records(csv_text, records, bad_line)) {
    report.errors.push_back({bad_line, "引号没有闭合 / a quoted field is never closed"});
    return report;
  }
  std::size_t first = 0;
  while (first < records.size() && csv_blank(records[first])) ++first;
  if (first == records.size()) {
    report.errors.push_back({0, "文件是空的 / the file is empty"});
    return report;
  }
  const CsvRecord& header = records[first];
  std::array<std::optional<std::size_t>, Column::count> where{};  // column -> field index
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const auto column = column_named(header.fields[i]);
    if (!column) continue;  // unknown columns (a spreadsheet's notes) are ignored
    if (where[*column]) {
      report.errors.push_back({header.line, "列“" + std::string(csv_trim(header.fields[i])) + "”出现了两次 / a column twice"});
      return report;
    }
    where[*column] = i;
  }
  static constexpr std::pair<std::size_t, const char*> kRequired[] = {{kind, "题型"}, {law, "法律"}, {text, "题目"}, {answer, "答案"}};
  for (const auto& [column, name] : kRequired)
    if (!where[column]) {
      report.errors.push_back({header.line, std::string("缺少“") + name + "”列 / the header lacks a required column"});
      return report;
    }
  const auto cell = [&](const CsvRecord& r, std::size_t column) -> std::string {
    if (!where[column] || *where[column] >= r.fields.size()) return {};
    return std::string(csv_trim(r.fields[*where[column]]));
  };
  for (std::size_t r = first + 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (csv_blank(record)) continue;
    if (++report.rows > kMaxQuestionRows) {
      report.errors.push_back({record.line, "一次最多导入" + std::to_string(kMaxQuestionRows) + "题 / too many rows"});
      break;
    }
    const auto fail = [&](std::string message) { report.errors.push_back({record.line, std::move(message)}); };
    if (!std::all_of(record.fields.begin(), record.fields.end(), [](const std::string& f) { return is_valid_utf8(f); })) {
      fail("这一行不是有效的UTF-8文本 / the row is not valid UTF-8");
      continue;
    }
    QuizQuestion q;
    const auto question_kind = parse_question_kind(cell(record, kind));
    if (!question_kind) {
      fail("题型应为单选、多选或判断 / kind is 单选, 多选 or 判断");
      continue;
    }
    q.kind = *question_kind;
    q.law = cell(record, law);
    q.article = cell(record, article);
    q.topic = cell(record, topic);
    q.text = cell(record, text);
    q.explanation = cell(record, explanation);
    if (q.kind == QuestionKind::true_false) {
      q.options.assign(std::begin(kTrueFalseOptions), std::end(kTrueFalseOptions));
    } else {
      // Options are the filled cells A.. in order; a gap (A, C filled, B empty) is a mistake, not a shorter list.
      bool gap = false, gap_then_filled = false;
      for (std::size_t i = 0; i < kMaxQuestionOptions; ++i) {
        std::string option = cell(record, option_a + i);
        if (option.empty()) {
          gap = true;
        } else if (gap) {
          gap_then_filled = true;
        } else {
          q.options.push_back(std::move(option));
        }
      }
      if (gap_then_filled) {
        fail("选项中间有空格：请从选项A起连续填写 / options must be filled from A without gaps");
        continue;
      }
    }
    std::string why;
    const auto correct = parse_answer(cell(record, answer), q.kind, why);
    if (!correct) {
      fail(why);
      continue;
    }
    q.correct = *correct;
    if (auto problem = question_problem(q)) {
      fail(*problem);
      continue;
    }
    report.questions.push_back(std::move(q));
  }
  if (report.rows == 0 && report.errors.empty()) report.errors.push_back({0, "没有题目 / no questions in the file"});
  return report;
}

}  // namespace gongyou
