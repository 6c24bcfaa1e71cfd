// server/api/course_json.cpp — see course_json.h.
#include "server/api/course_json.h"

#include "core/ids_json.h"
#include "server/api/booking_json.h"
#include "server/crypto/base64url.h"

namespace gongyou::server::api {

using nlohmann::json;

namespace {

json optional_json(const std::optional<std::string>& text) { return text ? json(*text) : json(nullptr); }

}  // namespace

json category_json(const CourseCategory& category) {
  return {{"id", category.id},
          {"name", category.name},
          {"parent_id", category.parent ? json(*category.parent) : json(nullptr)},
          {"course_count", category.course_count}};
}

json course_json(const Course& course) {
  const bool in_person = course.slot.has_value();
  return {
      {"id", course.id},
      {"title", course.title},
      {"category_id", course.category},
      {"teacher", course.teacher},
      {"hours", course.hours},
      {"format", course_format_name(course.format)},
      {"summary", course.summary},
      {"site_id", in_person ? json(course.slot->site.value) : json(nullptr)},
      {"site_name", in_person ? json(course.site_name) : json(nullptr)},
      {"capacity", in_person ? json(course.slot->capacity) : json(nullptr)},
      {"remaining_places", in_person ? json(course.slot->capacity - course.slot->booked) : json(nullptr)},
      {"waitlist", in_person ? course.slot->waitlist : 0},
      {"enrolled", course.enrolled},
      {"lessons_total", course.lessons_total},
      {"starts_at", in_person ? json(format_iso8601(course.slot->start)) : json(nullptr)},
      {"ends_at", in_person ? json(format_iso8601(course.slot->end)) : json(nullptr)},
      {"published_at", format_iso8601(course.published_at)},
      {"my_enrollment",
       course.my_status ? json{{"status", course.my_status == BookingStatus::waitlisted ? "waitlisted" : "confirmed"}}
                        : json(nullptr)}};
}

json course_detail_json(const CourseDetail& detail) {
  json out = course_json(detail.course);
  json lessons = json::array();
  for (const Lesson& lesson : detail.lessons)
    lessons.push_back({{"index", lesson.index},
                       {"title", lesson.title},
                       {"kind", lesson_kind_name(lesson.kind)},
                       {"url", optional_json(lesson.url)},
                       {"text", optional_json(lesson.text)},
                       {"start", instant_json(lesson.start)},
                       {"end", instant_json(lesson.end)}});
  out["lessons"] = std::move(lessons);
  out["site"] = detail.site ? json{{"id", detail.site->id.value},      {"name", detail.site->name},
                                   {"address", detail.site->address},  {"lat", detail.site->position.lat},
                                   {"lon", detail.site->position.lon}, {"type", info(detail.site->type).id}}
                            : json(nullptr);
  return out;
}

json enrollment_json(const Enrollment& enrollment) {
  return {{"course", course_json(enrollment.course)},
          {"status", wire_name(enrollment.status)},
          {"waitlist_position", enrollment.waitlist_position ? json(*enrollment.waitlist_position) : json(nullptr)},
          {"booking_id", enrollment.booking ? json(enrollment.booking->value) : json(nullptr)},
          {"enrolled_at", format_iso8601(enrollment.enrolled_at)},
          {"lessons_done", enrollment.done_lessons.size()},
          {"lessons_total", enrollment.course.lessons_total},
          {"done_lessons", enrollment.done_lessons}};
}

json lecture_json(const LectureRequest& request) {
  json dates = json::array();
  for (const LocalDate& date : request.preferred_dates) dates.push_back(format_date(date));
  return {{"id", request.id},
          {"requester", {{"id", request.requester.value}, {"display_name", request.requester_name}}},
          {"course_id", request.course ? json(*request.course) : json(nullptr)},
          {"topic", request.topic},
          {"preferred_dates", std::move(dates)},
          {"audience_size", request.audience_size},
          {"lat", request.position.lat},
          {"lon", request.position.lon},
          {"address", request.address},
          {"town", request.town},
          {"note", request.note},
          {"status", wire_name(request.status)},
          {"scheduled_at", instant_json(request.scheduled_at)},
          {"reason", optional_json(request.reason)},
          {"created_at", format_iso8601(request.created_at)},
          {"updated_at", format_iso8601(request.updated_at)}};
}

std::string encode_course_cursor(CourseSort sort, const CourseCursor& last) {
  const json value = {static_cast<int>(sort), last.text, last.number, last.id.value};
  return crypto::base64url_encode(value.dump());
}

std::optional<CourseCursor> decode_course_cursor(CourseSort sort, std::string_view cursor) {
  const auto bytes = crypto::base64url_decode(cursor);
  if (!bytes) return std::nullopt;
  const json value = json::parse(*bytes, nullptr, false);
  if (!value.is_array() || value.size() != 4 || !value[0].is_number_integer() || !value[1].is_string() ||
      !value[2].is_number_integer() || !value[3].is_number_integer() || value[0].get<int>() != static_cast<int>(sort))
    return std::nullopt;
  return CourseCursor{value[1].get<std::string>(), value[2].get<std::int64_t>(), CourseId{value[3].get<std::int64_t>()}};
}

}  // namespace gongyou::server::api
