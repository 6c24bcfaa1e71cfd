// tools/demo_data/gen_main.cpp — `gongyou-demo-gen`: prints the Hui'an demo data set.
//   --json   the data set as one JSON object {"towns":[...],"outline":[...],"sites":[Site...]}
//   --chars  every distinct non-ASCII character the data set shows (site names, addresses, towns,
//            site type names and icons, course categories, courses, lessons, lecture requests), sorted by code point,
//            as one UTF-8 line: the input of the font subset built at build time.
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

#include "tools/demo_data/course_demo.h"
#include "tools/demo_data/huian_demo.h"

namespace {

using namespace gongyou;

/// Adds each non-ASCII UTF-8 sequence of `text` to `out` (the data is valid UTF-8 by construction).
void collect_non_ascii(std::string_view text, std::set<std::string>& out) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (length > 1) out.emplace(text.substr(i, length));
    i += length;
  }
}

/// Decodes one UTF-8 sequence to its code point, for sorting.
char32_t code_point(std::string_view c) {
  const auto byte = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(c[i])); };
  switch (c.size()) {
    case 2:
      return (byte(0) & 0x1F) << 6 | (byte(1) & 0x3F);
    case 3:
      return (byte(0) & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
    default:
      return (byte(0) & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 | (byte(3) & 0x3F);
  }
}

void print_characters() {
  std::set<std::string> characters;
  for (const demo::Town& town : demo::huian_towns()) {
    collect_non_ascii(town.name, characters);
    collect_non_ascii(town.official_name, characters);
  }
  for (const SiteTypeInfo& type : all_site_types()) {
    collect_non_ascii(type.name_zh, characters);
    collect_non_ascii(type.icon, characters);
  }
  for (const Site& site : demo::huian_sites()) {
    collect_non_ascii(site.name, characters);
    collect_non_ascii(site.town, characters);
    collect_non_ascii(site.address, characters);
  }
  for (const demo::DemoCategory& category : demo::huian_course_categories())
    collect_non_ascii(category.name, characters);
  for (const demo::DemoCourse& course : demo::huian_courses()) {
    for (std::string_view text :
         {std::string_view(course.title), std::string_view(course.teacher), std::string_view(course.summary)})
      collect_non_ascii(text, characters);
    for (const demo::DemoLesson& lesson : course.lessons) {
      collect_non_ascii(lesson.title, characters);
      collect_non_ascii(lesson.content, characters);
    }
  }
  for (const demo::DemoLectureRequest& request : demo::huian_lecture_requests()) {
    collect_non_ascii(request.address, characters);
    collect_non_ascii(request.topic, characters);
    collect_non_ascii(request.note, characters);
  }
  std::set<std::pair<char32_t, std::string>> by_code_point;
  for (const auto& c : characters) by_code_point.emplace(code_point(c), c);
  std::string line;
  for (const auto& [cp, c] : by_code_point) line += c;
  std::printf("%s\n", line.c_str());
}

int usage(const char* program) {
  std::fprintf(stderr,
               "usage: %s --json | --chars\n"
               "  --json   print the Hui'an demo data set (towns, outline, sites) as JSON\n"
               "  --chars  print every distinct non-ASCII character of the data set on one line\n",
               program);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return usage(argv[0]);
  if (std::strcmp(argv[1], "--json") == 0) {
    std::printf("%s\n", demo::huian_demo_json().dump(1).c_str());
    return 0;
  }
  if (std::strcmp(argv[1], "--chars") == 0) {
    print_characters();
    return 0;
  }
  return usage(argv[0]);
}
