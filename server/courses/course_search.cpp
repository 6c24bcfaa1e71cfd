// server/courses/course_search.cpp — see course_search.h; the pinyin comes from core/pinyin.h.
#include "server/courses/course_search.h"

#include "core/pinyin.h"

namespace gongyou::server {

std::string title_initials(std::string_view title) { return pinyin_initials(title); }

std::string title_pinyin(std::string_view title) { return pinyin_full(title); }

bool is_pinyin_search(std::string_view query) { return is_pinyin_query(query); }

}  // namespace gongyou::server
