// ui/test_state.cpp — see test_state.h.
#include "ui/test_state.h"

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/i18n.h"
#include "ui/test_marks.h"

namespace gongyou::ui {
namespace {

using nlohmann::json;

/// Characters of the loaded sites that were drawn without ink (the browser found no face for them).
int missing_glyphs(const SiteFinderState& s) {
  ImFont* font = ImGui::GetFont();
  int missing = 0;
  auto check = [&](const std::string& text) {
    const char* p = text.c_str();
    while (*p) {
      unsigned int c = 0;
      p += ImTextCharFromUtf8(&c, p, nullptr);
      if (c <= 0x7F || c == 0x3000) continue;  // ASCII and the ideographic space
      const ImFontGlyph* glyph = font->GetFontBaked(ImGui::GetFontSize())->FindGlyphNoFallback(static_cast<ImWchar>(c));
      if (!glyph || !glyph->Visible) ++missing;
    }
  };
  check(s.query());
  for (const ListedSite& row : s.listed()) {
    check(row.site->name);
    check(row.site->address);
    check(row.site->town);
  }
  return missing;
}

const char* screen_name(Screen screen) {
  switch (screen) {
    case Screen::home: return "home";
    case Screen::map: return "map";
    case Screen::slots: return "slots";
    case Screen::me: return "me";
    case Screen::staff: return "staff";
    case Screen::coverage: return "coverage";
    case Screen::courses: return "courses";
    case Screen::my_union: return "my_union";
    case Screen::unions: return "unions";
    case Screen::member_profile: return "member_profile";
    case Screen::staff_members: return "staff_members";
    case Screen::quizzes: return "quizzes";
    case Screen::campaigns: return "campaigns";
    case Screen::activities: return "activities";
    case Screen::articles: return "articles";
    case Screen::wishes: return "wishes";
  }
  return "home";
}

json rect(ScreenRect r) { return json{{"x", r.min.x}, {"y", r.min.y}, {"w", r.max.x - r.min.x}, {"h", r.max.y - r.min.y}}; }

json bookings_json(const std::vector<Booking>& bookings) {
  json out = json::array();
  for (const Booking& b : bookings)
    out.push_back({{"id", b.id.value}, {"slot_id", b.slot_id.value}, {"status", wire_name(b.status)}});
  return out;
}

void add_sites(json& state, const App& app, const AppShell& shell) {
  const SiteFinderState& s = app.sites();
  json rows = json::array();
  for (const DrawnRow& r : shell.finder().drawn_rows())
    rows.push_back({{"id", r.site.value}, {"x", r.min.x}, {"y", r.min.y}, {"w", r.max.x - r.min.x}, {"h", r.max.y - r.min.y}});
  json names = json::array();
  for (std::size_t i = 0; i < s.listed().size() && i < 20; ++i) names.push_back(s.listed()[i].site->name);
  const Site* selected = s.selected();
  state["sites"] = s.site_count();
  state["listed"] = s.listed().size();
  state["query"] = s.query();
  state["listed_names"] = names;
  state["selected"] = selected ? json(selected->id.value) : json(nullptr);
  state["rows"] = rows;
  state["near_me_button"] = rect(shell.finder().near_me_rect());
  state["search_field"] = rect(shell.finder().search_rect());
  state["missing_glyphs"] = missing_glyphs(s);
  state["offline"] = s.offline();
  state["origin"] = s.origin_kind() == OriginKind::user_location ? "user" : "map_center";
  state["geolocation_error"] = s.geolocation_error() ? static_cast<int>(*s.geolocation_error()) : 0;
  state["coverage"] = {{"on", s.coverage_on()}, {"drawn", s.coverage_drawn()}};
  if (const ClusterMap& clusters = app.cluster_map(); clusters.active()) {
    json markers = json::array();
    for (const MapMarker& m : clusters.markers())
      markers.push_back({m.count, m.count == 1 ? m.site.value : 0, m.position.lat, m.position.lon});
    state["cluster_map"] = {{"total", clusters.size()}, {"shown", clusters.shown_count()},
                            {"rings", clusters.rings_visible()}, {"markers", markers}};
  }
  if (selected) {
    state["selected_position"] = {selected->position.lat, selected->position.lon};
    state["selected_name"] = selected->name;
    state["selected_address"] = selected->address;
  }
  if (const auto shared = s.shared()) state["shared"] = shared->value;
}

void add_courses(json& state, const CourseState& c) {
  static constexpr const char* kCourseViews[] = {"catalog", "detail", "mine", "requests", "request_form", "staff_requests"};
  json list = json::array(), mine = json::array(), requests = json::array();
  for (const Course& course : c.list) list.push_back({{"id", course.id.value}, {"title", course.title}});
  for (const Enrollment& e : c.mine)
    mine.push_back({{"id", e.course.id.value}, {"status", wire_name(e.status)}, {"done", e.lessons_done}});
  for (const auto* requests_of : {&c.my_requests, &c.staff_requests})
    for (const LectureRequest& r : *requests_of)
      requests.push_back({{"id", r.id.value}, {"status", wire_name(r.status)}, {"topic", r.topic}});
  state["courses"] = {{"view", kCourseViews[static_cast<int>(c.view)]}, {"list", list},
                      {"categories", c.categories.size()}, {"more", !c.next_cursor.empty()},
                      {"detail", c.detail ? json(c.detail->course.id.value) : json(nullptr)},
                      {"mine", mine}, {"requests", requests}};
}

void add_coverage_analysis(json& state, const CoverageAnalysisState& a) {
  json towns = json::array(), suggestions = json::array();
  for (const TownCoverageRow& t : a.towns) towns.push_back({{"town", t.town}, {"members", t.members}, {"covered", t.covered}});
  for (const SuggestionRow& r : a.suggestions)
    suggestions.push_back({{"lat", r.position.lat}, {"lon", r.position.lon}, {"members_added", r.members_added}});
  state["coverage_analysis"] = {{"towns", towns}, {"k", a.k}, {"suggestions", suggestions}, {"on_map", a.on_map},
                                {"loading", a.towns_loading || a.suggestions_loading}};
}

void add_quizzes(json& state, const QuizState& q) {
  static constexpr const char* kViews[] = {"list", "detail", "attempt", "draw"};
  json quiz = {{"view", kViews[static_cast<int>(q.view)]}, {"opened", q.opened.value}, {"listed", q.quizzes.size()}};
  if (q.attempt)
    quiz["attempt"] = {{"id", q.attempt->id.value}, {"submitted", q.attempt->submitted}, {"score", q.attempt->score},
                       {"current", q.current}, {"questions", q.attempt->questions.size()},
                       {"answered", q.attempt->answered()}};
  if (q.draw) quiz["draw_verified"] = q.draw->verified();
  state["quiz"] = std::move(quiz);
}

void add_campaigns(json& state, const CampaignState& c) {
  static constexpr const char* kViews[] = {"list", "detail", "review"};
  json messages = json::array();
  for (const CampaignMessage& m : c.messages)
    messages.push_back({{"id", m.id.value}, {"likes", m.likes}, {"liked", m.liked}, {"featured", m.featured}});
  json mine = json::array();
  for (const CampaignMessage& m : c.mine) mine.push_back({{"id", m.id.value}, {"status", message_status_name(m.status)}});
  json pending = json::array();
  for (const CampaignMessage& m : c.pending) pending.push_back(m.id.value);
  state["campaign"] = {{"view", kViews[static_cast<int>(c.view)]}, {"opened", c.opened.value},
                       {"listed", c.campaigns.size()}, {"messages", messages}, {"mine", mine},
                       {"pending", pending}, {"may_review", c.may_review}, {"posted", c.posted}};
}

void add_wishes(json& state, const WishState& w) {
  static constexpr const char* kViews[] = {"wall", "detail", "form", "mine", "desk", "hotlines"};
  json wall = json::array();
  for (const Wish& item : w.wall) wall.push_back(item.id.value);
  json wish = {{"view", kViews[static_cast<int>(w.view)]}, {"opened", w.opened.value}, {"wall", wall},
               {"workers_helped", w.workers_helped}, {"wishes_fulfilled", w.wishes_fulfilled},
               {"claiming", w.claiming}, {"hotlines", w.hotlines.size()}};
  if (w.wish)
    wish["wish"] = {{"id", w.wish->id.value}, {"status", wish_status_name(w.wish->status)},
                    {"claimed_by_me", w.wish->claimed_by_me}};
  state["wish"] = std::move(wish);
}

void add_activities(json& state, const ActivityState& a) {
  json activity = {{"view", a.view == ActivityView::list ? "list" : "detail"}, {"opened", a.opened.value},
                   {"listed", a.activities.size()}, {"mine", a.mine.size()}, {"busy", a.busy}};
  if (a.activity) {
    activity["places_left"] = a.activity->places_left ? json(*a.activity->places_left) : json(nullptr);
    activity["waitlist"] = a.activity->waitlist;
    activity["kind"] = activity_kind_name(a.activity->kind);
    activity["my_status"] = a.activity->me ? json(signup_status_name(a.activity->me->status)) : json(nullptr);
    activity["my_position"] = a.activity->me && a.activity->me->waitlist_position ? json(*a.activity->me->waitlist_position)
                                                                                  : json(nullptr);
  }
  json mine = json::array();
  for (const MyActivity& m : a.mine) mine.push_back({{"activity", m.activity.id.value}, {"status", signup_status_name(m.signup.status)}});
  activity["my_activities"] = std::move(mine);
  state["activity"] = std::move(activity);
}

void add_articles(json& state, const ArticleState& a) {
  static constexpr const char* kViews[] = {"list", "article", "documents"};
  json articles = {{"view", kViews[static_cast<int>(a.view)]},
                   {"channel", a.channel ? json(wire_name(*a.channel)) : json(nullptr)},
                   {"query", a.query},
                   {"listed", a.items.size()},
                   {"more", !a.next_cursor.empty()},
                   {"loading", a.loading},
                   {"opened", a.opened.value},
                   {"documents", a.documents.size()}};
  if (a.article) {
    std::size_t links = 0;
    for (const MarkupBlock& b : a.article->body.blocks)
      for (const MarkupSpan& s : b.spans) links += s.link.empty() ? 0 : 1;
    articles["article"] = {{"id", a.article->summary.id.value}, {"title", a.article->summary.title},
                           {"blocks", a.article->body.blocks.size()}, {"links", links},
                           {"read_count", a.article->summary.read_count}};
  }
  state["articles"] = std::move(articles);
}

}  // namespace

std::string test_state_json(const App& app, const AppShell& shell, FrameCounters counters) {
  json state{{"frames", ImGui::GetFrameCount()}};
  add_sites(state, app, shell);
  json marks = json::array();
  for (const TestMark& m : test_marks())
    if (m.clickable)  // what a user could tap: the browser tests click these
      marks.push_back({{"name", m.name}, {"id", m.id}, {"x", m.min.x}, {"y", m.min.y}, {"w", m.max.x - m.min.x},
                     {"h", m.max.y - m.min.y}, {"active", m.active}, {"focused", m.focused}});
  state["marks"] = marks;
  state["id_conflicts"] = GImGui->DebugDrawIdConflictsCount;
  const SessionState& session = app.session();
  const BookingState& b = app.bookings();
  state["screen"] = screen_name(app.screen());
  state["signed_in"] = session.user ? json(session.user->username) : json(nullptr);
  state["auth_open"] = session.auth_open;
  state["feedback"] = session.feedback ? json(session.feedback->code) : json(nullptr);
  state["language"] = language() == Language::en ? "en" : "zh-CN";
  state["group_size"] = b.group_size;
  json slots = json::array();
  for (const Slot& slot : b.slots)
    slots.push_back({{"id", slot.id.value}, {"start", slot.start.value}, {"remaining", slot.remaining}});
  state["slots"] = slots;
  state["my_bookings"] = bookings_json(b.my_bookings);
  json roster = json::array();
  for (const RosterSlot& row : app.staff_desk().roster)
    for (const Booking& booking : row.bookings)
      roster.push_back({{"id", booking.id.value}, {"slot_id", booking.slot_id.value}, {"status", wire_name(booking.status)}});
  state["roster"] = roster;
  state["unread"] = app.notifications().unread();
  state["pass"] = b.pass ? json(b.pass->token) : json(nullptr);
  add_courses(state, app.courses());
  add_coverage_analysis(state, app.coverage_analysis());
  add_quizzes(state, app.quizzes());
  add_campaigns(state, app.campaigns());
  add_activities(state, app.activities());
  add_articles(state, app.articles());
  add_wishes(state, app.wishes());
  state["presented"] = counters.presented;
  return state.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace gongyou::ui
