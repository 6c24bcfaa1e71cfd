// ui/course_views.cpp — see course_views.h.
//
// [SECTION] Helpers
// [SECTION] Frame and navigation
// [SECTION] Catalog
// [SECTION] Course detail
// [SECTION] My courses
// [SECTION] Lecture requests
// [SECTION] Staff review
#include "ui/course_views.h"

#include <cstdio>
#include <cstring>

#include "imgui.h"
#include "ui/format.h"
#include "ui/i18n.h"
#include "ui/test_marks.h"
#include "ui/theme.h"
#include "ui/touch_scroll.h"

namespace gongyou::ui {
namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Helpers
//-------------------------------------------------------------------------------------------------

constexpr ImU32 kOnline = IM_COL32(35, 114, 196, 255);
constexpr ImU32 kInPerson = IM_COL32(214, 92, 38, 255);
constexpr ImU32 kDone = IM_COL32(47, 158, 68, 255);

/// A small colored word before a title ("线上" blue, "线下" orange).
void format_badge(bool in_person) {
  ImGui::PushStyleColor(ImGuiCol_Text, in_person ? kInPerson : kOnline);
  ImGui::TextUnformatted(tr(in_person ? Text::in_person : Text::online));
  ImGui::PopStyleColor();
  ImGui::SameLine();
}

/// "8 讲 · 4 课时": the lessons the progress counts, and the class hours — two units, each named (issue 14.8:
/// "3 课时" beside "已学 0 / 6 课" read as a contradiction).
void course_size(const Course& c, char* out, std::size_t size) {
  char lessons[32], hours[32];
  std::snprintf(lessons, sizeof lessons, tr(Text::lessons_fmt), c.lessons_total);
  std::snprintf(hours, sizeof hours, tr(Text::hours_fmt), c.hours);
  if (c.lessons_total > 0) std::snprintf(out, size, "%s · %s", lessons, hours);
  else std::snprintf(out, size, "%s", hours);
}

const char* request_status_text(LectureStatus status) {
  switch (status) {
    case LectureStatus::pending: break;
    case LectureStatus::accepted: return tr(Text::req_accepted);
    case LectureStatus::scheduled: return tr(Text::req_scheduled);
    case LectureStatus::delivered: return tr(Text::req_delivered);
    case LectureStatus::declined: return tr(Text::req_declined);
  }
  return tr(Text::req_pending);
}

/// "YYYY-MM-DD HH:MM" in Asia/Shanghai to the API's ISO-8601 form, or "" when malformed.
std::string iso_from_local(const char* text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  if (std::sscanf(text, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi) != 5) return "";
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:00+08:00", y, mo, d, h, mi);
  return out;
}

/// A sub-navigation button: filled when it is the current view.
bool nav_button(const char* label, bool active) { return active ? primary_button(label) : secondary_button(label); }

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Frame and navigation
//-------------------------------------------------------------------------------------------------

void CourseViews::draw(const CourseState& courses, const SessionState& session, const SiteFinderState& sites,
                       UtcSeconds now, std::vector<Intent>& intents) {
  draw_nav(courses, session, intents);
  switch (courses.view) {
    case CourseView::catalog: draw_catalog(courses, intents); break;
    case CourseView::detail: draw_detail(courses, session, intents); break;
    case CourseView::mine: draw_mine(courses, intents); break;
    case CourseView::requests: draw_requests(courses, intents); break;
    case CourseView::request_form: draw_request_form(sites, now, intents); break;
    case CourseView::staff_requests: draw_staff(courses, intents); break;
  }
}

void CourseViews::draw_nav(const CourseState& courses, const SessionState& session, std::vector<Intent>& intents) {
  const CourseView v = courses.view;
  ImGui::PushFont(nullptr, kBaseFontSize * 0.9f);
  if (nav_button(tr(Text::courses_catalog), v == CourseView::catalog || v == CourseView::detail))
    intents.push_back(ShowCourses{CourseView::catalog});
  mark_last_item("course_tab_catalog");
  same_line_or_wrap(button_width(tr(Text::my_courses)));
  if (nav_button(tr(Text::my_courses), v == CourseView::mine)) intents.push_back(ShowCourses{CourseView::mine});
  mark_last_item("course_tab_mine");
  same_line_or_wrap(button_width(tr(Text::lecture_requests)));
  if (nav_button(tr(Text::lecture_requests), v == CourseView::requests || v == CourseView::request_form))
    intents.push_back(ShowCourses{CourseView::requests});
  mark_last_item("course_tab_requests");
  if (session.user && session.user->admin) {
    same_line_or_wrap(button_width(tr(Text::staff_lectures)));
    if (nav_button(tr(Text::staff_lectures), v == CourseView::staff_requests))
      intents.push_back(ShowCourses{CourseView::staff_requests});
    mark_last_item("course_tab_staff");
  }
  ImGui::PopFont();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Catalog
//-------------------------------------------------------------------------------------------------

void CourseViews::draw_catalog(const CourseState& courses, std::vector<Intent>& intents) {
  if (search_.draw("##course_search", tr(Text::course_search_hint), courses.query))
    intents.push_back(SetCourseQuery{search_.text()});
  mark_last_item("course_search");

  // Category (two levels, subcategories indented) and order.
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  const std::string_view current = local_name(courses.category_name(courses.category));  // a literal or a name's
  ImGui::SetNextItemWidth(half * 1.3f);
  if (ImGui::BeginCombo("##category", courses.category ? current.data() : tr(Text::all_categories))) {
    if (ImGui::Selectable(tr(Text::all_categories), !courses.category)) intents.push_back(SetCourseCategory{});
    for (const CourseCategory& c : courses.categories) {
      ImGui::PushID(static_cast<int>(c.id.value));
      char label[160];
      const std::string_view name = local_name(c.name);
      std::snprintf(label, sizeof label, "%s%.*s (%d)", c.parent_id ? "    " : "", static_cast<int>(name.size()),
                    name.data(), c.course_count);
      if (ImGui::Selectable(label, courses.category == c.id)) intents.push_back(SetCourseCategory{c.id});
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  static constexpr Text kSorts[] = {Text::sort_title, Text::sort_newest, Text::sort_popular};
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo("##sort", tr(kSorts[static_cast<int>(courses.sort)]))) {
    for (int i = 0; i < 3; ++i)
      if (ImGui::Selectable(tr(kSorts[i]), static_cast<int>(courses.sort) == i))
        intents.push_back(SetCourseSort{static_cast<CourseSort>(i)});
    ImGui::EndCombo();
  }

  ImGui::BeginChild("##courses", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  if (seen_list_revision_ != courses.list_revision) {
    seen_list_revision_ = courses.list_revision;
    ImGui::SetScrollY(0);
  }
  if (courses.list_loading && courses.list.empty() && !courses.query.empty()) {
    char searching[160];  // the progress sign of a search: what is being looked for
    std::snprintf(searching, sizeof searching, tr(Text::searching_fmt), courses.query.c_str());
    muted(searching);
  } else if (courses.list.empty()) {
    muted(tr(courses.list_loading ? Text::loading : Text::no_courses));
  }
  touch_drag_scroll(list_scroll_);
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float row_height = ImGui::GetTextLineHeightWithSpacing() * 2 + 10 + spacing;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(courses.list.size()), row_height);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const Course& c = courses.list[static_cast<std::size_t>(i)];
      ImGui::PushID(static_cast<int>(c.id.value));
      const ImVec2 p = ImGui::GetCursorScreenPos();
      if (ImGui::Selectable("##row", false, ImGuiSelectableFlags_None, ImVec2(0, row_height - spacing)) &&
          !list_scroll_.dragged)
        intents.push_back(OpenCourse{c.id});
      mark_last_item("course_row", c.id);
      ImGui::SetCursorScreenPos(ImVec2(p.x + 6, p.y + 5));
      format_badge(c.in_person);
      ImGui::TextUnformatted(c.title.c_str());
      if (c.my_status) {
        ImGui::SameLine();
        ImGui::TextColored(ImColor(kDone), "· %s", tr(Text::enrolled_badge));
      }
      ImGui::SetCursorScreenPos(ImVec2(p.x + 6, p.y + 5 + ImGui::GetTextLineHeightWithSpacing()));
      char size[64];
      course_size(c, size, sizeof size);
      ImGui::PushStyleColor(ImGuiCol_Text, kTextMuted);
      ImGui::PushFont(nullptr, kBaseFontSize * 0.85f);
      const std::string_view category = local_name(courses.category_name(c.category_id));
      ImGui::Text("%.*s · %s · %s", static_cast<int>(category.size()), category.data(), c.teacher.c_str(), size);
      ImGui::PopFont();
      ImGui::PopStyleColor();
      // Leave the cursor exactly one row below, the stride the clipper was given.
      ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + row_height - spacing));
      ImGui::Dummy(ImVec2(0, 0));
      ImGui::PopID();
    }
  }
  // The end of the list came into view: the next page.
  if (!courses.next_cursor.empty() && clipper.DisplayEnd >= static_cast<int>(courses.list.size()) - 5)
    intents.push_back(LoadMoreCourses{});
  if (courses.list_loading && !courses.list.empty()) muted(tr(Text::loading));
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Course detail
//-------------------------------------------------------------------------------------------------

void CourseViews::draw_detail(const CourseState& courses, const SessionState& session, std::vector<Intent>& intents) {
  if (secondary_button(tr(Text::back))) intents.push_back(ShowCourses{CourseView::catalog});
  mark_last_item("course_back");
  if (!courses.detail) {
    muted(tr(Text::loading));
    return;
  }
  const CourseDetail& d = *courses.detail;
  const Course& c = d.course;
  ImGui::BeginChild("##detail", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  format_badge(c.in_person);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(c.title.c_str());
  ImGui::PopTextWrapPos();
  char line[256], size[64];
  course_size(c, size, sizeof size);
  const std::string_view category = local_name(courses.category_name(c.category_id));
  std::snprintf(line, sizeof line, "%s %s · %s · %.*s", tr(Text::teacher), c.teacher.c_str(), size,
                static_cast<int>(category.size()), category.data());
  muted(line);
  if (!c.summary.empty()) ImGui::TextWrapped("%s", c.summary.c_str());

  if (c.in_person) {
    ImGui::Text("%s  %s", tr(Text::class_time), format_interval(c.starts_at, c.ends_at).c_str());
    ImGui::TextWrapped("%s  %s %s", tr(Text::class_place), c.site_name.c_str(), d.site_address.c_str());
    if (c.remaining_places > 0) std::snprintf(line, sizeof line, tr(Text::places_fmt), c.remaining_places, c.capacity);
    else std::snprintf(line, sizeof line, tr(Text::class_full_waiting_fmt), c.waitlist);
    ImGui::TextColored(ImColor(c.remaining_places > 0 ? kDone : kInPerson), "%s", line);
    if (c.site_id && secondary_button(tr(Text::show_on_map))) {
      intents.push_back(ShowScreen{Screen::map});
      intents.push_back(SelectSite{c.site_id});
    }
    mark_last_item("show_on_map", c.site_id);
    if (c.site_id) ImGui::SameLine();
  }

  // The main action: enroll (or join the waitlist), or leave.
  const Enrollment* mine = courses.enrollment(c.id);
  if (!mine) {
    const bool full = c.in_person && c.remaining_places <= 0;
    ImGui::BeginDisabled(courses.busy);
    if (primary_button(tr(full ? Text::enroll_waitlist : Text::enroll))) intents.push_back(Enroll{c.id, full});
    ImGui::EndDisabled();
    mark_last_item("enroll", c.id);
  } else {
    if (mine->status == BookingStatus::waitlisted) std::snprintf(line, sizeof line, tr(Text::waitlisted_badge_fmt), mine->waitlist_position);
    else std::snprintf(line, sizeof line, tr(Text::progress_fmt), mine->lessons_done, mine->lessons_total);
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(ImColor(kDone), "%s · %s", tr(Text::enrolled_badge), line);
    leave_button(c.id, intents);
  }
  if (session.user && secondary_button(tr(Text::ask_lecture))) {
    form_ = LectureForm{};
    form_.course_id = c.id;
    std::snprintf(form_.topic, sizeof form_.topic, "%s", c.title.c_str());
    intents.push_back(ShowCourses{CourseView::request_form});
  }

  ImGui::SeparatorText(tr(Text::lessons_title));
  for (const Lesson& l : d.lessons) {
    ImGui::PushID(l.index);
    bool done = false;
    if (mine)
      for (int i : mine->done_lessons) done = done || i == l.index;
    const Text kind = l.kind == "video" ? Text::lesson_video : l.kind == "session" ? Text::lesson_session : Text::lesson_text;
    ImGui::TextWrapped("%d. %s（%s）", l.index, l.title.c_str(), tr(kind));
    // A class meeting's time, a reading's gist. A video's address is not shown: the demo's are placeholders
    // that play nothing, and an address is no lesson (issue 14.8).
    if (l.kind == "session" && l.start.value) muted(format_interval(l.start, l.end).c_str());
    else if (l.kind == "text" && !l.text.empty()) muted(l.text.c_str());
    // Progress is the worker's own tick, labelled: a bare box said nothing.
    if (mine && mine->status == BookingStatus::confirmed) {
      if (ImGui::Checkbox(tr(Text::lesson_done_label), &done)) intents.push_back(MarkLesson{c.id, l.index, done});
      mark_last_item("lesson", l.index);
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void CourseViews::leave_button(CourseId course, std::vector<Intent>& intents) {
  // On the line if it fits, else under it (a phone cut it at the edge); two taps: leaving drops the progress.
  same_line_or_wrap(button_width(tr(Text::leave_course_confirm)));
  if (confirm_button(confirm_, "leave_course", static_cast<std::int64_t>(course.value), tr(Text::leave_course),
                     tr(Text::leave_course_confirm)))
    intents.push_back(LeaveCourse{course});
}

//-------------------------------------------------------------------------------------------------
// [SECTION] My courses
//-------------------------------------------------------------------------------------------------

void CourseViews::draw_mine(const CourseState& courses, std::vector<Intent>& intents) {
  if (courses.mine.empty()) muted(tr(Text::no_my_courses));
  ImGui::BeginChild("##mine", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  for (const Enrollment& e : courses.mine) {
    ImGui::PushID(static_cast<int>(e.course.id.value));
    format_badge(e.course.in_person);
    ImGui::TextWrapped("%s", e.course.title.c_str());
    char line[96];
    if (e.status == BookingStatus::waitlisted) std::snprintf(line, sizeof line, tr(Text::waitlisted_badge_fmt), e.waitlist_position);
    else std::snprintf(line, sizeof line, tr(Text::progress_fmt), e.lessons_done, e.lessons_total);
    const float share = e.lessons_total > 0 ? static_cast<float>(e.lessons_done) / e.lessons_total : 0.0f;
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, kDone);
    ImGui::ProgressBar(share, ImVec2(-FLT_MIN, 0), line);
    ImGui::PopStyleColor();
    if (secondary_button(tr(Text::courses_catalog))) intents.push_back(OpenCourse{e.course.id});
    mark_last_item("my_course", e.course.id);
    leave_button(e.course.id, intents);
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Lecture requests
//-------------------------------------------------------------------------------------------------

void CourseViews::draw_requests(const CourseState& courses, std::vector<Intent>& intents) {
  if (primary_button(tr(Text::ask_lecture))) {
    form_ = LectureForm{};
    intents.push_back(ShowCourses{CourseView::request_form});
  }
  mark_last_item("ask_lecture");
  if (courses.my_requests.empty()) muted(tr(Text::no_requests));
  ImGui::BeginChild("##requests", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  for (const LectureRequest& r : courses.my_requests) {
    ImGui::PushID(static_cast<int>(r.id.value));
    ImGui::TextWrapped("%s", r.topic.c_str());
    mark_last_item("request_row", r.id);
    char line[300];
    const std::string_view town = local_name(r.town);
    std::snprintf(line, sizeof line, "%s · %.*s · %s", request_status_text(r.status), static_cast<int>(town.size()),
                  town.data(), r.address.c_str());
    muted(line);
    if (r.scheduled_at && r.status != LectureStatus::declined) {
      std::snprintf(line, sizeof line, tr(Text::scheduled_at_fmt),
                    format_interval(*r.scheduled_at, *r.scheduled_at).c_str());
      ImGui::TextColored(ImColor(kDone), "%s", line);
    }
    if (!r.reason.empty()) {
      std::snprintf(line, sizeof line, tr(Text::declined_because_fmt), r.reason.c_str());
      muted(line);
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void CourseViews::draw_request_form(const SiteFinderState& sites, UtcSeconds now, std::vector<Intent>& intents) {
  if (secondary_button(tr(Text::back))) intents.push_back(ShowCourses{CourseView::requests});
  ImGui::BeginChild("##form", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  const float label_w = ImGui::CalcTextSize(tr(Text::request_audience)).x + ImGui::GetStyle().ItemSpacing.x * 2;
  auto label = [&](Text t) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(t));
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(-FLT_MIN);
  };
  label(Text::request_topic);
  ImGui::InputText("##topic", form_.topic, sizeof form_.topic);
  mark_last_item("request_topic");
  ImGui::TextUnformatted(tr(Text::request_dates));
  if (!form_.dates[0][0]) {  // a sensible first date: a week from today
    const std::string week = format_date(add_days(shanghai_date(now), 7));
    std::snprintf(form_.dates[0], sizeof form_.dates[0], "%s", week.c_str());
  }
  const float date_w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2) / 3;
  for (int i = 0; i < 3; ++i) {
    ImGui::PushID(i);
    if (i) ImGui::SameLine();
    ImGui::SetNextItemWidth(date_w);
    ImGui::InputTextWithHint("##date", "YYYY-MM-DD", form_.dates[i], sizeof form_.dates[i]);
    ImGui::PopID();
  }
  label(Text::request_audience);
  ImGui::InputInt("##audience", &form_.audience_size, 10, 50);
  label(Text::request_address);
  ImGui::InputText("##address", form_.address, sizeof form_.address);
  mark_last_item("request_address");
  // The place: the map's center, which the worker moves onto the workplace (the sheet leaves it visible).
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Text::request_place));
  ImGui::SameLine(label_w);
  if (secondary_button(tr(Text::pick_map_center))) form_.place = sites.map_center();
  mark_last_item("pick_place");
  char line[128];
  if (form_.place) {
    std::snprintf(line, sizeof line, tr(Text::place_picked_fmt), form_.place->lat, form_.place->lon);
    ImGui::TextColored(ImColor(kDone), "%s", line);
  } else {
    muted(tr(Text::place_hint));
  }
  ImGui::TextUnformatted(tr(Text::request_note));
  ImGui::InputTextMultiline("##note", form_.note, sizeof form_.note,
                            ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 3.5f));
  if (primary_button(tr(Text::submit_request))) intents.push_back(SubmitLectureRequest{form_});
  mark_last_item("submit_request");
  ImGui::EndChild();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Staff review
//-------------------------------------------------------------------------------------------------

void CourseViews::draw_staff(const CourseState& courses, std::vector<Intent>& intents) {
  ImGui::BeginChild("##staff_lectures", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  ImGui::SeparatorText(tr(Text::lecture_requests));
  for (const LectureRequest& r : courses.staff_requests) {
    ImGui::PushID(static_cast<int>(r.id.value));
    ImGui::TextWrapped("%s", r.topic.c_str());
    char line[400], audience[32];
    std::snprintf(audience, sizeof audience, tr(Text::audience_fmt), r.audience_size);
    const std::string_view town = local_name(r.town);
    std::snprintf(line, sizeof line, "%s · %s · %s · %.*s %s", request_status_text(r.status), r.requester.c_str(),
                  audience, static_cast<int>(town.size()), town.data(), r.address.c_str());
    muted(line);
    char dates[160];  // joined on the stack: no allocation per frame
    int used = 0;
    dates[0] = 0;
    for (const std::string& d : r.preferred_dates)
      if (used < static_cast<int>(sizeof dates))
        used += std::snprintf(dates + used, sizeof dates - used, "%s%s", used ? " / " : "", d.c_str());
    muted(dates);
    const bool open = r.status == LectureStatus::pending || r.status == LectureStatus::accepted ||
                      r.status == LectureStatus::scheduled;
    if (open) {
      if (r.status == LectureStatus::pending) {
        if (primary_button(tr(Text::accept))) intents.push_back(DecideLectureRequest{{r.id, "accept", "", ""}});
        mark_last_item("accept", r.id);
        ImGui::SameLine();
      }
      char review[64];
      std::snprintf(review, sizeof review, "%s / %s…", tr(Text::schedule), tr(Text::decline));
      if (reviewing_ != r.id) {
        if (secondary_button(review)) {
          reviewing_ = r.id;
          std::snprintf(schedule_at_, sizeof schedule_at_, "%s 09:30",
                        r.preferred_dates.empty() ? "" : r.preferred_dates.front().c_str());
          reason_[0] = 0;
        }
        mark_last_item("review", r.id);
      }
    }
    if (open && reviewing_ == r.id) {
      ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
      ImGui::InputTextWithHint("##at", tr(Text::schedule_hint), schedule_at_, sizeof schedule_at_);
      mark_last_item("schedule_at", r.id);
      ImGui::SameLine();
      if (primary_button(tr(Text::schedule)))
        intents.push_back(DecideLectureRequest{{r.id, "schedule", iso_from_local(schedule_at_), ""}});
      mark_last_item("schedule", r.id);
      ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
      ImGui::InputTextWithHint("##reason", tr(Text::decline_hint), reason_, sizeof reason_);
      mark_last_item("decline_reason", r.id);
      ImGui::SameLine();
      if (secondary_button(tr(Text::decline))) intents.push_back(DecideLectureRequest{{r.id, "decline", "", reason_}});
      mark_last_item("decline", r.id);
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  ImGui::SeparatorText(tr(Text::dashboard_title));
  if (ImGui::BeginTable("##dashboard", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(tr(Text::dash_town));
    ImGui::TableSetupColumn(tr(Text::dash_requests));
    ImGui::TableSetupColumn(tr(Text::dash_pending));
    ImGui::TableSetupColumn(tr(Text::dash_delivered));
    ImGui::TableHeadersRow();
    for (const TownLectureCount& t : courses.dashboard) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const std::string_view town = local_name(t.town);
      if (town.empty()) ImGui::TextUnformatted("—");
      else ImGui::TextUnformatted(town.data(), town.data() + town.size());
      ImGui::TableNextColumn();
      ImGui::Text("%d", t.requests);
      ImGui::TableNextColumn();
      ImGui::Text("%d", t.pending);
      ImGui::TableNextColumn();
      ImGui::Text("%d", t.delivered);
    }
    ImGui::EndTable();
  }
  ImGui::EndChild();
}

}  // namespace gongyou::ui
