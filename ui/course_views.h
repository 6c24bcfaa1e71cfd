// ui/course_views.h — the classroom tab (中心学堂): catalog, course detail, my courses, lecture requests
// (送课上门) and the staff review of requests. Reads state, emits intents; no I/O.
#pragma once
#include <cstdint>
#include <vector>

#include "app/intent.h"
#include "app/session.h"
#include "app/sites/site_finder_state.h"
#include "ui/confirm_tap.h"
#include "ui/search_field.h"
#include "ui/touch_scroll.h"

namespace gongyou::ui {

/// The classroom views and what they keep between frames (typed text, forms).
class CourseViews {
 public:
  void draw(const CourseState& courses, const SessionState& session, const SiteFinderState& sites, UtcSeconds now,
            std::vector<Intent>& intents);

 private:
  void draw_nav(const CourseState& courses, const SessionState& session, std::vector<Intent>& intents);
  void draw_catalog(const CourseState& courses, std::vector<Intent>& intents);
  void draw_detail(const CourseState& courses, const SessionState& session, std::vector<Intent>& intents);
  void draw_mine(const CourseState& courses, std::vector<Intent>& intents);
  /// 退出课程 for `course`, after what is on the line: it wraps when it does not fit, and asks twice.
  void leave_button(CourseId course, std::vector<Intent>& intents);
  void draw_requests(const CourseState& courses, std::vector<Intent>& intents);
  void draw_request_form(const SiteFinderState& sites, UtcSeconds now, std::vector<Intent>& intents);
  void draw_staff(const CourseState& courses, std::vector<Intent>& intents);

  SearchField search_;
  std::uint64_t seen_list_revision_ = 0;
  TouchScroll list_scroll_;  // finger scrolling of the catalog
  LectureForm form_;
  ConfirmTap confirm_;  // the armed 退出课程, if any
  /// Per request being reviewed: the time to schedule and the reason to decline (one at a time).
  LectureRequestId reviewing_;
  char schedule_at_[20] = {}, reason_[200] = {};
};

}  // namespace gongyou::ui
