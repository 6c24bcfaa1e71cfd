// tests/server/course_logic_test.cpp — the pure parts of the course classroom: the course cursor, the lecture
// request body rules, the course search keys, and the demo course data (tree shape, counts, determinism).
#include <gtest/gtest.h>

#include <set>

#include "server/api/course_json.h"
#include "server/api/lecture_input.h"
#include "server/courses/course_search.h"
#include "server/http/reply.h"
#include "tools/demo_data/course_demo.h"

namespace gongyou::server {
namespace {

using nlohmann::json;

TEST(CourseCursor, RoundTripsAndBelongsToItsSort) {
  const CourseCursor cursor{"ldf\x01劳动法基础", 1796083200, CourseId{42}};
  const std::string text = api::encode_course_cursor(CourseSort::title, cursor);
  const auto back = api::decode_course_cursor(CourseSort::title, text);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->text, cursor.text);
  EXPECT_EQ(back->number, cursor.number);
  EXPECT_EQ(back->id, CourseId{42});
  EXPECT_FALSE(api::decode_course_cursor(CourseSort::newest, text));
  EXPECT_FALSE(api::decode_course_cursor(CourseSort::title, "garbage"));
  EXPECT_FALSE(api::decode_course_cursor(CourseSort::title, ""));
}

TEST(CourseSearch, InitialsAndWholePinyinOfTitles) {
  EXPECT_EQ(title_initials("劳动法基础"), "ldfjc");
  EXPECT_EQ(title_pinyin("劳动法基础"), "laodongfajichu");
  EXPECT_TRUE(is_pinyin_search("ldf"));
  EXPECT_TRUE(is_pinyin_search("LDF"));
  EXPECT_TRUE(is_pinyin_search("laodongfa"));
  EXPECT_FALSE(is_pinyin_search("劳动法"));
  EXPECT_FALSE(is_pinyin_search(""));
}

const UtcSeconds kNow{1796083200};  // 2026-12-01T08:00:00+08:00

json valid_request() {
  return {{"topic", "手机摄影"}, {"preferred_dates", {"2026-12-10"}},
          {"audience_size", 50}, {"lat", 25.03},
          {"lon", 118.8},        {"address", "螺城镇"}};
}

int status_of(const json& body) {
  try {
    api::parse_lecture_request(api::JsonBody(body), kNow);
    return 200;
  } catch (const http::ApiError& e) {
    return e.status();
  }
}

TEST(LectureInput, AcceptsAValidRequest) {
  const NewLectureRequest request = api::parse_lecture_request(api::JsonBody(valid_request()), kNow);
  EXPECT_EQ(request.audience_size, 50);
  ASSERT_EQ(request.preferred_dates.size(), 1u);
  EXPECT_EQ(format_date(request.preferred_dates[0]), "2026-12-10");
}

TEST(LectureInput, RefusesBadFields) {
  const auto with = [](const char* field, json value) {
    json body = valid_request();
    body[field] = std::move(value);
    return body;
  };
  EXPECT_EQ(status_of(with("audience_size", 0)), 400);
  EXPECT_EQ(status_of(with("audience_size", 2001)), 400);
  EXPECT_EQ(status_of(with("lat", 90.5)), 400);
  EXPECT_EQ(status_of(with("lon", -180.5)), 400);
  EXPECT_EQ(status_of(with("preferred_dates", {"2026-12-01"})), 400);  // today
  EXPECT_EQ(status_of(with("preferred_dates", {"2027-12-02"})), 400);  // over a year ahead
  EXPECT_EQ(status_of(with("preferred_dates", json::array())), 400);
  EXPECT_EQ(status_of(with("address", "a\x01")), 400);
  EXPECT_EQ(status_of(with("preferred_dates", {"2027-12-01"})), 200);  // exactly a year ahead
}

TEST(CourseDemo, TwoLevelTreeOf50PlusAnd300PlusCourses) {
  const auto categories = demo::huian_course_categories();
  EXPECT_GE(categories.size(), 50u);
  std::set<int> tops;
  for (const auto& c : categories)
    if (c.parent == 0) tops.insert(c.id);
  for (const auto& c : categories) {
    if (c.parent != 0) {
      EXPECT_TRUE(tops.count(c.parent)) << c.name;
    }
  }
  const auto courses = demo::huian_courses();
  EXPECT_GE(courses.size(), 300u);
  std::set<std::string> titles;
  int in_person = 0;
  for (const auto& course : courses) {
    titles.insert(course.title);
    EXPECT_FALSE(tops.count(course.category)) << "courses belong to subcategories";
    if (course.in_person) {
      ++in_person;
      EXPECT_GE(course.sessions, 2);
      EXPECT_GT(course.capacity, 0);
    } else {
      EXPECT_GE(course.lessons.size(), 4u);
    }
  }
  EXPECT_EQ(titles.size(), courses.size()) << "titles are unique";
  EXPECT_GT(in_person, 50);
  EXPECT_EQ(demo::huian_courses().front().title, courses.front().title);
  EXPECT_EQ(demo::huian_lecture_requests().size(), 48u);
}

}  // namespace
}  // namespace gongyou::server
