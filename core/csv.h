// core/csv.h — RFC 4180 text split into records, shared by the uploads staff make (sites: core/site_import.h,
// quiz questions: core/quiz.h). Quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF ends a
// record. The caller strips a UTF-8 byte order mark first.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongyou {

/// One CSV record and the line of the text it starts on (the first line is 1).
struct CsvRecord {
  std::size_t line = 1;
  std::vector<std::string> fields;
};

/// One problem of an upload: the row (CSV: the line number where the record starts, header = 1; GeoJSON: the
/// feature's position, from 1; 0 for the file as a whole) and what is wrong, in words staff can act on.
struct ImportIssue {
  std::size_t row = 0;
  std::string message;
  friend bool operator==(const ImportIssue&, const ImportIssue&) = default;
};

/// Splits `text` into records; false (with the line the unclosed field's record starts on) when a quoted field is
/// never closed. A last record without its line break counts; an empty last line does not.
bool csv_records(std::string_view text, std::vector<CsvRecord>& records, std::size_t& bad_line);

/// True when every field of the record is empty or white space (a blank line in a spreadsheet's export).
bool csv_blank(const CsvRecord& record);

/// `text` without leading and trailing ASCII white space.
std::string_view csv_trim(std::string_view text);

}  // namespace gongyou
