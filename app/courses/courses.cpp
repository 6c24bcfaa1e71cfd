// app/courses/courses.cpp — see courses.h.
//
// [SECTION] CourseState queries
// [SECTION] Views and the catalog
// [SECTION] Enrollment and progress
// [SECTION] Lecture requests
#include "app/courses/courses.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "app/sites/site_links.h"  // url_encode
#include "app/json_fields.h"
#include "core/site.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

/// Catalog page size: a phone screen holds about 8 rows; 30 keeps scrolling smooth without waits.
constexpr int kPageSize = 30;

constexpr const char* kSortNames[] = {"title", "newest", "popular"};

/// Views that show the caller's own data.
bool needs_account(CourseView view) {
  return view == CourseView::mine || view == CourseView::requests || view == CourseView::request_form ||
         view == CourseView::staff_requests;
}

std::string course_path(CourseId id, const char* suffix = "") {
  return "/api/v1/courses/" + std::to_string(id.value) + suffix;
}

std::string my_course_path(CourseId id) { return "/api/v1/me/courses/" + std::to_string(id.value); }

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] CourseState queries
//-------------------------------------------------------------------------------------------------

const Enrollment* CourseState::enrollment(CourseId course_id) const {
  for (const Enrollment& e : mine)
    if (e.course.id == course_id) return &e;
  return nullptr;
}

const std::string& CourseState::category_name(CategoryId id) const {
  static const std::string none;
  for (const CourseCategory& c : categories)
    if (c.id == id) return c.name;
  return none;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Views and the catalog
//-------------------------------------------------------------------------------------------------

void Courses::show(CourseView view) {
  state_.view = view;
  if (needs_account(view) && !session_.require_account()) return;
  refresh();
}

void Courses::refresh() {
  switch (state_.view) {
    case CourseView::catalog:
      if (state_.categories.empty()) load_categories();
      if (state_.list.empty()) reload_list();
      break;
    case CourseView::detail:
      if (state_.detail) open_course(state_.detail->course.id);
      break;
    case CourseView::mine: load_mine(); break;
    case CourseView::requests: load_requests(); break;
    case CourseView::request_form:
      if (state_.categories.empty()) load_categories();
      break;
    case CourseView::staff_requests: load_staff(); break;
  }
  if (session_.signed_in() && state_.view != CourseView::mine) load_mine();  // enrollment marks in lists
}

void Courses::session_changed(bool on_screen) {
  state_.mine.clear();
  state_.my_requests.clear();
  state_.staff_requests.clear();
  state_.dashboard.clear();
  // The catalog's "已报名" marks and the open course's enrolment were the last user's: asked again as the new one.
  state_.list.clear();
  state_.next_cursor.clear();
  ++state_.list_revision;
  ++page_generation_;  // a page on its way was asked as the last user
  state_.list_loading = false;
  if (state_.detail) state_.detail->course.my_status.reset();
  if (needs_account(state_.view) && !session_.signed_in()) state_.view = CourseView::catalog;
  if (on_screen) refresh();
}

void Courses::load_categories() {
  session_.call("GET", "/api/v1/course-categories", "", [this](const HttpResponse& r) {
    if (r.status != 200) return session_.fail(r);
    state_.categories = decode_items<CourseCategory>(parse_json_or_discarded(r.body), category_from_json);
  });
}

void Courses::set_category(CategoryId category) {
  if (state_.category == category) return;
  state_.category = category;
  reload_list();
}

void Courses::show_linked_list(CategoryId category) {
  if (state_.category == category && state_.query.empty()) return;
  state_.category = category;
  state_.query.clear();
  reload_list();
}

void Courses::apply(const SetCourseQuery& i) {
  if (state_.query == i.text) return;
  state_.query = i.text;
  reload_list();
}

void Courses::apply(const SetCourseSort& i) {
  if (state_.sort == i.sort) return;
  state_.sort = i.sort;
  reload_list();
}

void Courses::reload_list() {
  state_.list.clear();
  state_.next_cursor.clear();
  ++state_.list_revision;
  ++page_generation_;
  state_.list_loading = false;
  load_page();
}

void Courses::apply(const LoadMoreCourses&) {
  if (!state_.list_loading && !state_.next_cursor.empty()) load_page();
}

void Courses::load_page() {
  std::string url = "/api/v1/courses?limit=" + std::to_string(kPageSize) + "&sort=" +
                    kSortNames[static_cast<int>(state_.sort)];
  if (state_.category) url += "&category=" + std::to_string(state_.category.value);
  if (!state_.query.empty()) url += "&q=" + url_encode(state_.query);
  if (!state_.next_cursor.empty()) url += "&cursor=" + url_encode(state_.next_cursor);
  state_.list_loading = true;
  session_.call("GET", url, "", [this, generation = page_generation_](const HttpResponse& r) {
    if (generation != page_generation_) return;  // the query changed meanwhile
    state_.list_loading = false;
    if (r.status != 200) return session_.fail(r);
    const json page = parse_json_or_discarded(r.body);
    for (Course& c : decode_items<Course>(page, course_from_json)) state_.list.push_back(std::move(c));
    const auto next = page.is_object() ? page.find("next_cursor") : page.end();
    state_.next_cursor = next != page.end() && next->is_string() ? next->get<std::string>() : "";
  });
}

void Courses::open_course(CourseId course) {
  state_.view = CourseView::detail;
  state_.opened_course = course;
  if (!state_.detail || state_.detail->course.id != course) state_.detail.reset();
  session_.call("GET", course_path(course), "", [this, course](const HttpResponse& r) {
    if (state_.view != CourseView::detail) return;
    if (r.status != 200) return session_.fail(r);
    auto detail = course_detail_from_json(parse_json_or_discarded(r.body));
    if (!detail || detail->course.id != course) return;
    state_.detail = std::move(*detail);
    replace_course(state_.detail->course);
  });
  if (session_.signed_in()) load_mine();
}

void Courses::replace_course(const Course& course) {
  for (Course& c : state_.list)
    if (c.id == course.id) c = course;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Enrollment and progress
//-------------------------------------------------------------------------------------------------

void Courses::apply(const Enroll& i) {
  const CourseId course = i.course;
  if (!session_.require_account()) return;
  if (state_.busy) return;
  state_.busy = true;
  if (enroll_key_.empty()) enroll_key_ = session_.new_key();
  session_.call(
      "POST", course_path(course, "/enrollments"), json{{"waitlist", i.waitlist}}.dump(),
      [this, course](const HttpResponse& r) {
        state_.busy = false;
        if (r.status == 0) return session_.fail(r);  // keep the key: a retry must not enroll twice
        enroll_key_.clear();
        if (r.status == 409 && api_error(r.status, r.body).code == "slot_full")
          return session_.say(Feedback::Kind::error, "course_full");
        if (r.status != 201) return session_.fail(r);
        const auto e = enrollment_from_json(parse_json_or_discarded(r.body));
        const bool waiting = e && e->status == BookingStatus::waitlisted;
        session_.say(Feedback::Kind::success, waiting ? "course_waitlisted" : "enrolled",
                     e ? e->waitlist_position : 0);
        open_course(course);
      },
      enroll_key_);
}

void Courses::apply(const LeaveCourse& i) {
  session_.call("DELETE", my_course_path(i.course), "", [this, course = i.course](const HttpResponse& r) {
    if (r.status != 200) return session_.fail(r);
    session_.say(Feedback::Kind::info, "left_course");
    if (state_.view == CourseView::detail) open_course(course);
    else load_mine();
  });
}

void Courses::apply(const MarkLesson& i) {
  const std::string path = my_course_path(i.course) + "/lessons/" + std::to_string(i.lesson);
  session_.call("PUT", path, json{{"done", i.done}}.dump(), [this](const HttpResponse& r) {
    if (r.status != 200) return session_.fail(r);
    auto updated = enrollment_from_json(parse_json_or_discarded(r.body));
    if (!updated) return;
    for (Enrollment& e : state_.mine)
      if (e.course.id == updated->course.id) e = std::move(*updated);
  });
}

void Courses::load_mine() {
  if (!session_.signed_in()) return;
  const UserId user = session_.state().user->id;
  session_.call("GET", "/api/v1/me/courses", "", [this, user](const HttpResponse& r) {
    if (r.status != 200 || !session_.is_signed_in_as(user)) return;  // a failed refresh keeps what is shown
    state_.mine = decode_items<Enrollment>(parse_json_or_discarded(r.body), enrollment_from_json);
  });
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Lecture requests
//-------------------------------------------------------------------------------------------------

void Courses::apply(const SubmitLectureRequest& i) {
  const LectureForm& form = i.form;
  if (!session_.require_account()) return;
  if (!form.place) return session_.say(Feedback::Kind::error, "pick_place");
  if (state_.busy) return;
  json dates = json::array();
  for (const auto& d : form.dates)
    if (d[0]) dates.push_back(d);
  json body{{"topic", form.topic},       {"preferred_dates", dates}, {"audience_size", form.audience_size},
            {"lat", form.place->lat},    {"lon", form.place->lon},   {"address", form.address},
            {"note", form.note}};
  body["course_id"] = form.course_id ? json(form.course_id.value) : json(nullptr);
  state_.busy = true;
  session_.call(
      "POST", "/api/v1/lecture-requests", body.dump(),
      [this](const HttpResponse& r) {
        state_.busy = false;
        if (r.status != 201) return session_.fail(r);
        session_.say(Feedback::Kind::success, "request_sent");
        show(CourseView::requests);
      },
      session_.new_key());
}

void Courses::load_requests() {
  session_.call("GET", "/api/v1/me/lecture-requests", "", [this](const HttpResponse& r) {
    if (r.status != 200) return session_.fail(r);
    state_.my_requests = decode_items<LectureRequest>(parse_json_or_discarded(r.body), lecture_request_from_json);
  });
}

void Courses::load_staff() {
  session_.call("GET", "/api/v1/admin/lecture-requests?limit=100", "", [this](const HttpResponse& r) {
    if (r.status != 200) return session_.fail(r);
    state_.staff_requests = decode_items<LectureRequest>(parse_json_or_discarded(r.body), lecture_request_from_json);
    // What staff still have to act on comes first, newest first within each group.
    auto open = [](const LectureRequest& q) {
      switch (q.status) {
        case LectureStatus::pending: return 0;
        case LectureStatus::accepted: return 1;
        case LectureStatus::scheduled: return 2;
        case LectureStatus::declined:
        case LectureStatus::delivered: break;
      }
      return 3;
    };
    std::stable_sort(state_.staff_requests.begin(), state_.staff_requests.end(),
                     [&](const LectureRequest& a, const LectureRequest& b) { return open(a) < open(b); });
  });
  session_.call("GET", "/api/v1/admin/lecture-dashboard", "", [this](const HttpResponse& r) {
    if (r.status != 200) return;
    const json j = parse_json_or_discarded(r.body);
    state_.dashboard.clear();
    if (!j.is_object() || !j.contains("towns") || !j["towns"].is_array()) return;
    for (const json& t : j["towns"])
      if (auto row = town_count_from_json(t)) state_.dashboard.push_back(std::move(*row));
  });
}

void Courses::apply(const DecideLectureRequest& i) {
  const LectureDecision& d = i.decision;
  json body{{"action", d.action}};
  if (d.action == "schedule") body["scheduled_at"] = d.scheduled_at;
  if (d.action == "decline") body["reason"] = d.reason;
  session_.call("POST", "/api/v1/admin/lecture-requests/" + std::to_string(d.request.value) + "/decision", body.dump(),
                [this](const HttpResponse& r) {
                  if (r.status != 200) return session_.fail(r);
                  session_.say(Feedback::Kind::success, "decision_saved");
                  load_staff();
                });
}

}  // namespace gongyou
