// tools/demo_data/course_demo.h — the deterministic demo course classroom (中心学堂) of Hui'an: a two-level
// category tree (9 top categories, 54 subcategories), 324 courses with teachers and lesson outlines (every
// fourth one an in-person class at a Workers' Home), and lecture requests (送课上门) across the towns.
// Times are relative (days after the day the data is loaded), so that classes are always ahead.
#pragma once
#include <string>
#include <vector>

#include "core/units.h"

namespace gongyou::demo {

/// A course category; parent 0 for a top category.
struct DemoCategory {
  int id = 0;
  int parent = 0;
  std::string name;
};

/// A lesson of an online course: a video (url) or a text (body).
struct DemoLesson {
  std::string title;
  bool video = true;
  std::string content;  ///< the url of a video, the body of a text
};

/// A course. In person: `sessions` weekly meetings from `first_day` days after loading, at `start_minute`
/// (Asia/Shanghai) for `session_minutes`, at site `site` with `capacity` places.
struct DemoCourse {
  int category = 0;
  std::string title, teacher, summary;
  double hours = 1;
  bool in_person = false;
  std::vector<DemoLesson> lessons;  ///< online only
  SiteId site;
  int capacity = 0;
  int first_day = 0, sessions = 0, start_minute = 0, session_minutes = 0;
  int published_days_ago = 0;
};

/// A lecture request: where, what, and how far staff have taken it.
struct DemoLectureRequest {
  std::size_t town = 0;  ///< index into huian_towns()
  LatLon position;
  std::string address, topic, note;
  int audience_size = 0;
  int created_days_ago = 0;
  int preferred_day = 0;  ///< days after loading
  enum class Stage { pending, accepted, scheduled, delivered, declined } stage = Stage::pending;
};

/// The categories, top categories first each followed by its subcategories; ids 1..N.
std::vector<DemoCategory> huian_course_categories();

/// The courses, in a stable order. Two calls return equal data.
std::vector<DemoCourse> huian_courses();

/// Lecture requests across the towns.
std::vector<DemoLectureRequest> huian_lecture_requests();

}  // namespace gongyou::demo
