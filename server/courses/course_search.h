// server/courses/course_search.h — the search key of a course title: its pinyin initials (劳动法 → "ldf"),
// computed once when a course is stored, and whether a query should also be matched against it.
#pragma once
#include <string>
#include <string_view>

namespace gongyou::server {

/// The lowercase pinyin initials of the title's Chinese characters; ASCII letters and digits lowercased and
/// kept; everything else dropped.
std::string title_initials(std::string_view title);

/// True when `query` is only ASCII letters, 1–32 of them (so it may be pinyin initials, e.g. "ldf").
bool is_initials_query(std::string_view query);

}  // namespace gongyou::server
