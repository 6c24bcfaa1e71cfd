// server/courses/course_search.cpp — see course_search.h; the pinyin comes from core/pinyin.h.
#include "server/courses/course_search.h"

#include "core/pinyin.h"

namespace gongyou::server {

std::string title_initials(std::string_view title) { return pinyin_initials(title); }

bool is_initials_query(std::string_view query) { return is_pinyin_initials_query(query); }

}  // namespace gongyou::server
