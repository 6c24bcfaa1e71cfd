// server/api/courses_api.cpp — see courses_api.h.
#include "server/api/courses_api.h"

#include "server/api/auth.h"
#include "server/api/course_json.h"
#include "server/api/idempotent.h"
#include "server/api/json_body.h"
#include "server/api/path_ids.h"
#include "server/courses/course_search.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using Request = httplib::Request;
using Response = httplib::Response;
using http::PathParams;
using nlohmann::json;

constexpr std::size_t kMaxQueryBytes = 100;
constexpr std::int64_t kMaxPage = 100;
constexpr std::size_t kDefaultPage = 20;

void categories(const ApiServices& services, const Request& req, Response& res) {
  optional_user(services, req);  // a bad token still gets 401
  json items = json::array();
  for (const CourseCategory& category : services.store.course_categories()) items.push_back(category_json(category));
  http::send_json(res, {{"items", std::move(items)}});
}

CourseSort sort_of(const http::QueryParams& params) {
  const auto sort = params.text("sort");
  if (!sort || *sort == "title") return CourseSort::title;
  if (*sort == "newest") return CourseSort::newest;
  if (*sort == "popular") return CourseSort::popular;
  throw http::bad_request("sort must be title, newest or popular");
}

std::optional<CourseFormat> format_of(const http::QueryParams& params) {
  const auto format = params.text("format");
  if (!format) return std::nullopt;
  if (*format == "online") return CourseFormat::online;
  if (*format == "in_person") return CourseFormat::in_person;
  throw http::bad_request("format must be online or in_person");
}

std::optional<CategoryId> category_of(const ApiServices& services, const http::QueryParams& params) {
  const auto id = params.integer("category", 1, kMaxJsonId);
  if (!id) return std::nullopt;
  for (const CourseCategory& category : services.store.course_categories())
    if (category.id == CategoryId{*id}) return category.id;
  throw http::bad_request("no course category with id " + std::to_string(*id));
}

void list(const ApiServices& services, const Request& req, Response& res) {
  const auto user = optional_user(services, req);
  const http::QueryParams params(req);
  CourseQuery query;
  query.sort = sort_of(params);
  query.format = format_of(params);
  query.category = category_of(services, params);
  query.text = params.text("q").value_or("");
  if (query.text.size() > kMaxQueryBytes) throw http::bad_request("q must be at most 100 bytes");
  query.text_as_pinyin = is_pinyin_search(query.text);
  query.limit = static_cast<std::size_t>(params.integer("limit", 1, kMaxPage).value_or(kDefaultPage));
  if (const auto cursor = params.text("cursor")) {
    query.after = decode_course_cursor(query.sort, *cursor);
    if (!query.after) throw http::bad_request("cursor is not a cursor of this listing");
  }
  if (user) query.viewer = user->id;
  const CoursePage page = services.store.list_courses(query);
  json items = json::array();
  for (const Course& course : page.items) items.push_back(course_json(course));
  http::send_json(
      res, {{"items", std::move(items)},
            {"next_cursor", page.has_more ? json(encode_course_cursor(query.sort, *page.last)) : json(nullptr)}});
}

void detail(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const auto user = optional_user(services, req);
  const auto id = path_id<CourseId>(params.at(0), "course");
  const auto course = services.store.find_course(id, user ? std::optional(user->id) : std::nullopt);
  if (!course) throw http::not_found("no course with id " + std::to_string(id.value));
  http::send_json(res, course_detail_json(*course));
}

StoredResponse enroll_answer(const EnrollOutcome& outcome) {
  switch (outcome.result) {
    case EnrollResult::enrolled:
      return {201, enrollment_json(*outcome.enrollment).dump(-1, ' ', false, json::error_handler_t::replace)};
    case EnrollResult::course_not_found:
      return error_answer(404, "not_found", "没有这门课程 / no such course");
    case EnrollResult::class_started:
      return error_answer(409, "slot_closed", "该班级已开课，不能报名 / this class has started");
    case EnrollResult::class_full:
      return error_answer(409, "slot_full", "该班级已满员 / this class is full");
    case EnrollResult::already_enrolled:
      return error_answer(409, "conflict", "您已报名或候补了这门课程 / you are already enrolled or waiting");
  }
  return error_answer(500, "internal_error", "internal server error");
}

void enroll(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const User user = require_user(services, req);
  const auto course = path_id<CourseId>(params.at(0), "course");
  const JsonBody body = req.body.empty() ? JsonBody(json::object()) : JsonBody(req);
  const bool waitlist = body.flag("waitlist", false);
  const UtcSeconds now = services.clock.now();
  send_idempotent(services, req, res, user.id, body, now,
                  [&] { return enroll_answer(services.store.enroll(user.id, course, waitlist, now)); });
}

void my_courses(const ApiServices& services, const Request& req, Response& res) {
  const User user = require_user(services, req);
  json items = json::array();
  for (const Enrollment& enrollment : services.store.user_enrollments(user.id))
    items.push_back(enrollment_json(enrollment));
  http::send_json(res, {{"items", std::move(items)}});
}

Enrollment my_enrollment(const ApiServices& services, const User& user, CourseId course) {
  auto enrollment = services.store.find_enrollment(user.id, course);
  if (!enrollment) throw http::not_found("you are not enrolled in course " + std::to_string(course.value));
  return *enrollment;
}

void my_course(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const User user = require_user(services, req);
  http::send_json(res, enrollment_json(my_enrollment(services, user, path_id<CourseId>(params.at(0), "course"))));
}

void mark_lesson(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const User user = require_user(services, req);
  const auto course = path_id<CourseId>(params.at(0), "course");
  const std::int64_t index = path_id(params.at(1), "lesson");
  const JsonBody body(req);
  const json* done = body.field("done");
  if (!done || !done->is_boolean()) throw http::bad_request("done must be true or false");
  const int lesson = index > 100000 ? 0 : static_cast<int>(index);
  switch (services.store.mark_lesson(user.id, course, lesson, done->get<bool>(), services.clock.now())) {
    case ProgressResult::done:
      return http::send_json(res, enrollment_json(my_enrollment(services, user, course)));
    case ProgressResult::not_enrolled:
      throw http::not_found("you are not enrolled in course " + std::to_string(course.value));
    case ProgressResult::no_such_lesson:
      throw http::not_found("course " + std::to_string(course.value) + " has no lesson " + std::to_string(index));
    case ProgressResult::waitlisted:
      throw http::ApiError(409, "conflict", "候补中，尚不能学习 / you are still on the waitlist");
  }
}

void leave(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const User user = require_user(services, req);
  const auto course = path_id<CourseId>(params.at(0), "course");
  switch (services.store.leave_course(user.id, course, services.clock.now())) {
    case ChangeResult::done:
      return http::send_json(res, {{"status", "ok"}});
    case ChangeResult::too_late:
      throw http::ApiError(409, "too_late",
                           "开课前 60 分钟内不能退出 / too late: leave at least 60 minutes before the class starts");
    case ChangeResult::not_found:
    case ChangeResult::wrong_status:
      break;
  }
  throw http::not_found("you are not enrolled in course " + std::to_string(course.value));
}

}  // namespace

void add_course_routes(http::Router& router, const ApiServices& services) {
  const auto route = [&router, &services](const char* method, const char* pattern, auto handler) {
    router.add(method, pattern, [&services, handler](const Request& req, Response& res, const PathParams& params) {
      handler(services, req, res, params);
    });
  };
  const auto plain = [&router, &services](const char* method, const char* pattern, auto handler) {
    router.add(method, pattern, [&services, handler](const Request& req, Response& res, const PathParams&) {
      handler(services, req, res);
    });
  };
  plain("GET", "/api/v1/course-categories", categories);
  plain("GET", "/api/v1/courses", list);
  route("GET", "/api/v1/courses/{id}", detail);
  route("POST", "/api/v1/courses/{id}/enrollments", enroll);
  plain("GET", "/api/v1/me/courses", my_courses);
  route("GET", "/api/v1/me/courses/{id}", my_course);
  route("DELETE", "/api/v1/me/courses/{id}", leave);
  route("PUT", "/api/v1/me/courses/{id}/lessons/{index}", mark_lesson);
}

}  // namespace gongyou::server::api
