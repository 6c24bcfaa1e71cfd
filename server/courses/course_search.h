// server/courses/course_search.h — the search keys of a course title: its pinyin initials (劳动法 → "ldf") and
// its whole pinyin ("laodongfa"), computed once when a course is stored, and whether a query should also be
// matched against them.
#pragma once
#include <string>
#include <string_view>

namespace gongyou::server {

/// The lowercase pinyin initials of the title's Chinese characters; ASCII letters and digits lowercased and
/// kept; everything else dropped.
std::string title_initials(std::string_view title);

/// The whole toneless pinyin of the title ("laodongfa"), the key of a search in syllables.
std::string title_pinyin(std::string_view title);

/// True when `query` is only ASCII letters, 1–64 of them (so it may be pinyin: "ldf" or "laodongfa").
bool is_pinyin_search(std::string_view query);

}  // namespace gongyou::server
