// server/courses/course_search.cpp — see course_search.h. Interim: no pinyin table yet (core/pinyin.h comes
// from the pinyin branch), so Chinese characters are dropped.
#include "server/courses/course_search.h"

#include <algorithm>

namespace gongyou::server {

std::string title_initials(std::string_view title) {
  std::string out;
  for (char c : title) {
    if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
  }
  return out;
}

bool is_initials_query(std::string_view query) {
  return !query.empty() && std::all_of(query.begin(), query.end(),
                                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

}  // namespace gongyou::server
