// core/csv.cpp — see csv.h.
#include "core/csv.h"

#include <algorithm>

namespace gongyou {

bool csv_records(std::string_view text, std::vector<CsvRecord>& records, std::size_t& bad_line) {
  std::size_t line = 1;
  CsvRecord current{1, {std::string()}};
  bool quoted = false, field_started_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          current.fields.back() += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        current.fields.back() += c;
      }
      continue;
    }
    if (c == '"' && current.fields.back().empty() && !field_started_quoted) {
      quoted = field_started_quoted = true;
    } else if (c == ',') {
      current.fields.emplace_back();
      field_started_quoted = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;  // the \n ends the record
    } else if (c == '\n') {
      records.push_back(std::move(current));
      current = CsvRecord{++line, {std::string()}};
      field_started_quoted = false;
    } else {
      current.fields.back() += c;
    }
  }
  if (quoted) {
    bad_line = current.line;
    return false;
  }
  if (current.fields.size() > 1 || !current.fields[0].empty()) records.push_back(std::move(current));
  return true;
}

bool csv_blank(const CsvRecord& record) {
  return std::all_of(record.fields.begin(), record.fields.end(),
                     [](const std::string& f) { return csv_trim(f).empty(); });
}

std::string_view csv_trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace gongyou
