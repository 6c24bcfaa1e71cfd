// app/courses/course_model.cpp — see course_model.h.
#include "app/courses/course_model.h"

#include "app/json_fields.h"

namespace gongyou {

using json = nlohmann::json;
using namespace json_fields;

std::optional<CourseCategory> category_from_json(const json& j) {
  CourseCategory c;
  if (!j.is_object() || !get_id(j, "id", c.id)) return std::nullopt;
  get_id(j, "parent_id", c.parent_id);
  c.name = get_string(j, "name");
  c.course_count = get_int_or(j, "course_count", 0);
  return c;
}

std::optional<Course> course_from_json(const json& j) {
  Course c;
  if (!j.is_object() || !get_id(j, "id", c.id)) return std::nullopt;
  get_id(j, "category_id", c.category_id);
  get_id(j, "site_id", c.site_id);
  c.title = get_string(j, "title");
  c.teacher = get_string(j, "teacher");
  c.summary = get_string(j, "summary");
  c.site_name = get_string(j, "site_name");
  if (auto h = j.find("hours"); h != j.end() && h->is_number()) c.hours = h->get<double>();
  c.lessons_total = get_int_or(j, "lessons_total", 0);
  c.enrolled = get_int_or(j, "enrolled", 0);
  c.in_person = get_string(j, "format") == "in_person";
  c.capacity = get_int_or(j, "capacity", 0);
  c.remaining_places = get_int_or(j, "remaining_places", 0);
  c.waitlist = get_int_or(j, "waitlist", 0);
  get_time(j, "starts_at", c.starts_at);
  get_time(j, "ends_at", c.ends_at);
  if (auto mine = j.find("my_enrollment"); mine != j.end() && mine->is_object()) c.my_status = parse_booking_status(get_string(*mine, "status"));
  return c;
}

std::optional<CourseDetail> course_detail_from_json(const json& j) {
  auto course = course_from_json(j);
  if (!course) return std::nullopt;
  CourseDetail d{std::move(*course), {}, ""};
  if (auto lessons = j.find("lessons"); lessons != j.end() && lessons->is_array()) {
    for (const json& l : *lessons) {
      Lesson lesson;
      if (!l.is_object()) continue;
      lesson.index = get_int_or(l, "index", 0);
      lesson.title = get_string(l, "title");
      lesson.kind = get_string(l, "kind");
      lesson.url = get_string(l, "url");
      lesson.text = get_string(l, "text");
      get_time(l, "start", lesson.start);
      get_time(l, "end", lesson.end);
      if (lesson.index > 0) d.lessons.push_back(std::move(lesson));
    }
  }
  if (auto site = j.find("site"); site != j.end() && site->is_object()) d.site_address = get_string(*site, "address");
  return d;
}

std::optional<Enrollment> enrollment_from_json(const json& j) {
  if (!j.is_object()) return std::nullopt;
  auto course_it = j.find("course");
  if (course_it == j.end()) return std::nullopt;
  auto course = course_from_json(*course_it);
  if (!course) return std::nullopt;
  const auto status = parse_booking_status(get_string(j, "status"));
  if (!status) return std::nullopt;
  Enrollment e{std::move(*course), *status, get_int_or(j, "waitlist_position", 0),
               get_int_or(j, "lessons_done", 0), get_int_or(j, "lessons_total", 0), {}};
  if (auto done = j.find("done_lessons"); done != j.end() && done->is_array())
    for (const json& i : *done)
      if (i.is_number_integer()) e.done_lessons.push_back(i.get<int>());
  return e;
}

std::optional<LectureRequest> lecture_request_from_json(const json& j) {
  LectureRequest r;
  if (!j.is_object() || !get_id(j, "id", r.id)) return std::nullopt;
  const auto status = parse_lecture_status(get_string(j, "status"));
  if (!status) return std::nullopt;
  r.status = *status;
  get_id(j, "course_id", r.course_id);
  if (auto who = j.find("requester"); who != j.end() && who->is_object()) r.requester = get_string(*who, "display_name");
  r.topic = get_string(j, "topic");
  r.address = get_string(j, "address");
  r.town = get_string(j, "town");
  r.note = get_string(j, "note");
  r.reason = get_string(j, "reason");
  r.audience_size = get_int_or(j, "audience_size", 0);
  if (auto dates = j.find("preferred_dates"); dates != j.end() && dates->is_array())
    for (const json& d : *dates)
      if (d.is_string()) r.preferred_dates.push_back(d.get<std::string>());
  if (UtcSeconds t; get_time(j, "scheduled_at", t)) r.scheduled_at = t;
  return r;
}

std::optional<TownLectureCount> town_count_from_json(const json& j) {
  if (!j.is_object()) return std::nullopt;
  return TownLectureCount{get_string(j, "town"), get_int_or(j, "requests", 0), get_int_or(j, "pending", 0),
                          get_int_or(j, "scheduled", 0), get_int_or(j, "delivered", 0), get_int_or(j, "declined", 0)};
}

}  // namespace gongyou
