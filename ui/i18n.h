// ui/i18n.h — every user-visible string of the UI, in Chinese (default) and English.
#pragma once
#include <string_view>

#include "core/site_type.h"

namespace gongyou::ui {

/// The UI language.
enum class Language : std::uint8_t { zh_CN, en };

/// A user-visible text of the UI.
enum class Text : std::uint8_t {
  app_title,          // 工友
  region_title,       // 惠安县服务阵地
  sites_count,        // "%d 处"
  search_hint,        // 搜索名称、地址或镇
  all_types,          // 全部
  sort_from_center,   // 按距地图中心排序
  sort_from_me,       // 按距我的位置排序
  near_me,            // 我的位置
  use_map_center,     // 改用地图中心
  locating,           // 正在定位…
  geo_denied,         // 定位被拒绝…
  geo_unavailable,
  geo_timeout,
  geo_unsupported,
  loading_sites,      // 正在加载服务阵地…
  load_failed_network,
  load_failed_server,
  retry,
  no_match,           // 没有符合条件的服务阵地
  address,
  hours,
  phone,
  facilities,
  walk_about,         // "步行约 %d 分钟 · %s"
  bookable,           // 可预约
  metres_fmt,         // "%d 米"
  kilometres_fmt,     // "%.1f 公里"
  walk_short_fmt,     // "步行 %d 分钟"
  ring_note,          // 圆圈：步行15分钟可达范围
  close,
  // ---- tabs and account ----
  tab_sites, tab_my_bookings, tab_staff,
  sign_in, sign_out, register_account, username, password, display_name, have_account, no_account,
  password_rule,
  // ---- slot grid ----
  book_slots,         // 预约时段
  back,
  remaining_fmt,      // "剩余 %d 位"
  full,               // 满
  confirm_booking,    // 确认预约
  join_waitlist_fmt,  // "加入候补（前面 %d 人）"
  cancel_choice,      // 再想想
  legend,             // 绿色：充足 · 橙色：紧张 · 灰色：已满
  no_slots,           // 这几天没有可预约的时段
  my_slot,            // 已约
  earlier_days, later_days,
  // ---- my bookings ----
  no_bookings, status_confirmed, status_waitlisted_fmt, status_cancelled, status_checked_in, status_no_show,
  show_pass, add_to_calendar, cancel_booking, leave_waitlist, pass_title, pass_valid_fmt, pass_hint,
  reminder_fmt,       // "提醒：%s 将于 %s 开始"
  notifications_title, mark_read,
  // ---- staff ----
  staff_pick_site, template_title, weekdays_label, open_label, close_label, slot_minutes_label, capacity_label,
  save_template, roster_title, check_in, export_csv, staff_cancel, no_roster,
  // ---- feedback ----
  fb_booked, fb_waitlisted_fmt, fb_cancelled, fb_signed_in, fb_signed_out, fb_template_saved, fb_checked_in,
  fb_slot_full, fb_too_late, fb_booking_limit, fb_conflict, fb_slot_closed, fb_login_failed, fb_username_taken,
  fb_weak_password, fb_rate_limited, fb_session_expired, fb_network, fb_forbidden, fb_not_found, fb_other,
  // ---- classroom and lecture requests ----
  tab_courses, courses_catalog, my_courses, lecture_requests, staff_lectures, course_search_hint, all_categories, sort_title, sort_newest, sort_popular, online, in_person, hours_fmt, teacher, lessons_title, places_fmt, class_full_waiting_fmt, class_time, class_place, show_on_map, enroll, enroll_waitlist, enrolled_badge, waitlisted_badge_fmt, leave_course, progress_fmt, lesson_video, lesson_text, lesson_session, no_courses, loading, no_my_courses, ask_lecture, request_topic, request_dates, request_audience, request_address, request_note, request_place, pick_map_center, place_picked_fmt, place_hint, submit_request, no_requests, req_pending, req_accepted, req_scheduled, req_delivered, req_declined, scheduled_at_fmt, declined_because_fmt, audience_fmt, accept, schedule, decline, schedule_hint, decline_hint, dashboard_title, dash_town, dash_requests, dash_pending, dash_delivered, fb_enrolled, fb_course_waitlisted_fmt, fb_left_course, fb_request_sent, fb_decision_saved, fb_pick_place, fb_course_full, fb_bad_request,
  // ---- studio visits ----
  group_size_label, visit_rule_fmt, submit_visit, status_pending, status_denied_fmt, group_fmt, approve, deny, deny_default_reason, fb_visit_pending, fb_visit_approved, fb_visit_denied,
  // ---- offline ----
  offline_banner,
};

/// Weekday name, ISO numbering (1 = Monday).
const char* weekday_name(int iso_weekday);

/// The current language (zh-CN unless switched).
Language language();
/// Switches the language.
void set_language(Language language);
/// The text in the current language (a NUL-terminated literal).
const char* tr(Text text);
/// The site type's name in the current language.
std::string_view type_name(SiteType type);
/// A facility id ("water", "toilet", ...) in words, or the id itself when unknown.
std::string_view facility_name(std::string_view id);

}  // namespace gongyou::ui
