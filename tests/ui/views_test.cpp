// tests/ui/views_test.cpp — the views drawn headless (tests/ui/headless_ui.h) over the real App (a FakePlatform
// answering with the demo data): what they draw and which intents a tap emits. A tap on a full or past slot books
// nothing; a long Chinese name ends in "…" inside its row; phone targets are at least 44 px; and an idle frame on
// every screen allocates nothing (operator new and ImGui's allocator are counted).
#include <cstring>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <new>
#include <nlohmann/json.hpp>
#include <variant>

#include "app/app.h"
#include "imgui_internal.h"
#include "app/map/null_map_view.h"
#include "core/site_positions.h"
#include "tests/app/fake_platform.h"
#include "tests/ui/headless_ui.h"
#include "tools/demo_data/course_demo.h"
#include "tools/demo_data/huian_demo.h"
#include "ui/app_shell.h"
#include "ui/booking_views.h"
#include "ui/i18n.h"
#include "ui/format.h"
#include "ui/input_feed.h"
#include "ui/search_field.h"
#include "ui/site_finder_view.h"
#include "ui/staff_view.h"
#include "ui/test_marks.h"
#include "ui/theme.h"

// ---- Allocation counting (the whole test binary; only read around the frames measured) ----
namespace {
std::atomic<long> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace gongyou::ui {
namespace {

using nlohmann::json;
using testing::HeadlessUi;

void* counted_alloc(std::size_t size, void*) {
  ++g_allocations;
  return std::malloc(size);
}
void counted_free(void* p, void*) { std::free(p); }

constexpr ImVec2 kPhone{390, 844};
constexpr ImVec2 kDesktop{1280, 800};
constexpr ImVec2 kLandscapePhone{844, 390};  // a phone turned: the side panel, short

/// A union of the demo tree (docs/api-membership.md "Union").
json union_json(std::int64_t id, const char* name, const char* level, int children = 0) {
  return {{"id", id},          {"name", name},          {"level", level},
          {"parent_id", 3},    {"region", "huian"},     {"member_count", 128},
          {"child_count", children}, {"path", json::array({{{"id", 1}, {"name", "惠安县总工会"}}, {{"id", 3}, {"name", "螺城镇总工会"}}})}};
}

/// An application to union 41 (pending or decided), with its applicant for the staff queue.
json application_json(std::int64_t id, const char* status, bool overdue, int days_left) {
  json a = {{"id", id}, {"kind", "join"}, {"status", status}, {"union_id", 41},
            {"union_name", "惠安县螺城镇惠兴鞋业有限公司工会委员会"}, {"from_union_id", nullptr}, {"reason", "在这家厂上班三年了"},
            {"created_at", "2026-11-18T09:00:00+08:00"}, {"due_by", overdue ? "2026-11-20T23:59:59+08:00" : "2026-11-27T23:59:59+08:00"},
            {"overdue", overdue}, {"days_left", days_left}, {"decisions", json::array()},
            {"waiting_for", std::string(status) == "pending" ? json::array({41}) : json::array()},
            {"applicant", {{"user_id", 30 + id}, {"username", "worker" + std::to_string(id)}, {"real_name", "王芳"},
                           {"id_number_masked", "3505**********1234"}, {"verified", false}}},
            {"can_decide", json::array({41})}};
  if (std::string(status) == "rejected")
    a["decisions"] = json::array({{{"union_id", 41}, {"decision", "reject"}, {"reason", "不是本单位职工"}}});
  return a;
}

/// The union tree, the caller's applications and a staff desk's lists, as the server would answer (no profile:
/// the real-name form shows until a test scripts one).
std::optional<HttpResponse> membership_answer(const HttpRequest& r) {
  const std::string path = r.url.substr(0, r.url.find('?'));
  if (path == "/api/v1/unions")
    return HttpResponse{200, json{{"items", json::array({union_json(3, "螺城镇总工会", "town", 5),
                                                        union_json(41, "惠安县螺城镇惠兴鞋业有限公司工会委员会", "grassroots"),
                                                        union_json(42, "螺城镇阳光物业工会", "grassroots")})}}.dump()};
  if (path.rfind("/api/v1/unions/", 0) == 0) return HttpResponse{200, union_json(3, "螺城镇总工会", "town", 5).dump()};
  if (path == "/api/v1/me/member-profile") return HttpResponse{404, R"({"error":{"code":"not_found"}})"};
  if (path == "/api/v1/me/membership/applications")
    return HttpResponse{200, json{{"items", json::array({application_json(90, "pending", false, 2),
                                                        application_json(80, "rejected", false, 0)})}}.dump()};
  if (path == "/api/v1/admin/membership/applications")
    return HttpResponse{200, json{{"items", json::array({application_json(5, "pending", false, 2),
                                                        application_json(6, "pending", true, -2)})},
                                  {"overdue", 1}}.dump()};
  if (path.rfind("/api/v1/admin/unions/", 0) == 0 && path.ends_with("/members"))
    return HttpResponse{200, json{{"items", json::array({{{"user_id", 31}, {"username", "wangfang"}, {"real_name", "王芳"},
                                                         {"id_number_masked", "3505**********1234"},
                                                         {"phone_masked", "138****5678"}, {"verified", false}}})},
                                  {"next_cursor", nullptr}}.dump()};
  if (path.rfind("/api/v1/admin/unions/", 0) == 0 && path.ends_with("/stats"))
    return HttpResponse{200, json{{"members", 80060}, {"verified", 73399}, {"verification_rate", 0.9168},
                                  {"pending_applications", 2}, {"overdue_applications", 1}}.dump()};
  return std::nullopt;
}

/// The demo sites in one listing, their positions, and whatever a test scripts.
HttpResponse demo_answer(const HttpRequest& r) {
  if (auto membership = membership_answer(r)) return *membership;
  static const std::vector<Site> sites = demo::huian_sites();
  if (r.url.rfind("/api/v1/sites/positions", 0) == 0) return {200, encode_site_positions(sites)};
  if (r.url.rfind("/api/v1/sites?", 0) == 0) {
    json items = json::array();
    for (const Site& s : sites) items.push_back(to_json(s));
    return {200, json{{"items", items}, {"next_cursor", nullptr}}.dump()};
  }
  return {200, "{}"};
}

/// The real App and AppShell over a FakePlatform, drawn headless at `display`.
struct ShellUnderTest {
  explicit ShellUnderTest(ImVec2 display) : display(display), ui(display) {
    server.deliver_to(app);
    app.start();
    server.flush();
  }
  /// Draws one frame; what it asked for is in `intents`.
  void frame() {
    intents.clear();
    ui.frame([&] {
      begin_test_marks();
      shell.draw(app, display, intents);
    });
  }
  /// Applies what the last frame asked for and delivers the answers.
  void apply() {
    for (const Intent& i : intents) app.apply(i);
    intents.clear();
    server.flush();
  }
  void show(const Intent& intent) {
    app.apply(intent);
    server.flush();
    frame();
    frame();  // windows size themselves on their first frame
  }
  /// Every text the next frame draws, through ImGui's own text log (custom-drawn button labels excepted).
  std::string drawn_text() {
    std::string drawn;
    ui.frame([&] {
      ImGui::LogToBuffer();
      begin_test_marks();
      shell.draw(app, display, intents);
      drawn = ImGui::GetCurrentContext()->LogBuffer.c_str();
      ImGui::LogFinish();
    });
    return drawn;
  }
  /// Taps the middle of `mark`; the intents the tap's frames asked for.
  std::vector<Intent> tap(const TestMark& mark) {
    intents.clear();
    ui.tap(ImVec2((mark.min.x + mark.max.x) / 2, (mark.min.y + mark.max.y) / 2), [&] {
      begin_test_marks();
      shell.draw(app, display, intents);
    });
    return intents;
  }
  const TestMark* find(const char* name, std::int64_t id = -1) const {
    for (const TestMark& m : test_marks())
      if (m.clickable && std::string_view(m.name) == name && (id < 0 || m.id == id)) return &m;
    return nullptr;
  }
  void sign_in(bool admin) {
    server.answer("POST /api/v1/auth/login", 200,
                  {{"token", "T"}, {"user", {{"id", 7}, {"username", "lihua"}, {"display_name", "李华"},
                                             {"role", admin ? "admin" : "worker"}}}});
    app.apply(SubmitLogin{"lihua", "x"});
    server.flush();
  }

  ImVec2 display;
  FakePlatform server{demo_answer};
  NullMapView map;
  App app{map, server.services(), demo::huian_region()};
  HeadlessUi ui;
  AppShell shell;
  std::vector<Intent> intents;
};

/// What a frame draws in a view test: the marks reset, then `body` in one window at `pos` of `size`.
std::function<void()> in_test_window(ImVec2 pos, ImVec2 size, std::function<void()> body) {
  return [pos, size, body = std::move(body)] {
    begin_test_marks();
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("##view_test");
    body();
    ImGui::End();
  };
}

template <class I>
bool emitted(const std::vector<Intent>& intents) {
  return std::any_of(intents.begin(), intents.end(), [](const Intent& i) { return std::holds_alternative<I>(i); });
}

// ---- 44 px targets on phones ----

TEST(Views, PhoneTargetsAreAtLeast44Px) {
  ShellUnderTest t(kPhone);
  ASSERT_TRUE(t.ui.has_cjk_font()) << "fonts-noto-cjk is missing (tools/bootstrap.sh installs it)";
  t.frame();
  t.frame();
  for (const char* tab : {"tab_home", "tab_map", "tab_courses", "tab_me"}) {
    const TestMark* m = t.find(tab);
    ASSERT_NE(m, nullptr) << tab;
    EXPECT_GE(m->max.x - m->min.x, 44) << tab;
    EXPECT_GE(m->max.y - m->min.y, 44) << tab;
  }
  for (const char* tile : {"tile_sites", "tile_courses", "tile_my_bookings"}) {
    const TestMark* m = t.find(tile);
    ASSERT_NE(m, nullptr) << tile;
    EXPECT_GE(m->max.y - m->min.y, 44) << tile;
  }
  const Site* bookable = nullptr;
  for (const ListedSite& row : t.app.sites().listed())
    if (row.site->bookable && !row.site->phone.empty()) bookable = row.site;
  ASSERT_NE(bookable, nullptr);
  t.show(SelectSite{bookable->id});
  for (const char* action : {"close_site", "book_slots", "call", "directions", "share"}) {
    const TestMark* m = t.find(action, bookable->id.value);
    ASSERT_NE(m, nullptr) << action;
    EXPECT_GE(m->max.y - m->min.y, 44) << action;
  }
}

/// True when a vertex of the last frame inside `m`'s rectangle has the colour `color`.
bool drawn_in(const TestMark& m, ImU32 color) {
  for (const ImDrawList* list : ImGui::GetDrawData()->CmdLists)
    for (const ImDrawVert& v : list->VtxBuffer)
      if (v.col == color && v.pos.x >= m.min.x && v.pos.x <= m.max.x && v.pos.y >= m.min.y && v.pos.y <= m.max.y)
        return true;
  return false;
}

// Issue 14 (5): phone type chips were icon-only and ~30 px; the sheet's handle did nothing; the coverage switch drew
// as an empty grey square; ticked filters showed no tick.
TEST(Views, PhoneTypeChipsAreNamedTargetsInARowThatScrolls) {
  ShellUnderTest t(kPhone);
  t.show(ShowScreen{Screen::map});
  int chips = 0;
  for (const TestMark& m : test_marks()) {
    if (std::string_view(m.name) != "type_chip") continue;
    ++chips;
    EXPECT_GE(m.max.y - m.min.y, 44) << "chip " << m.id;
    EXPECT_GE(m.max.x - m.min.x, 44) << "chip " << m.id;
  }
  EXPECT_GE(chips, 5);
}

TEST(Views, TheSheetsHandleDragsBetweenStopsAndATapToggles) {
  ShellUnderTest t(kPhone);
  t.show(ShowScreen{Screen::map});
  const auto top = [&] { return t.find("sheet_handle")->min.y; };
  ASSERT_NE(t.find("sheet_handle"), nullptr);
  const float half = top();
  const auto handle = [&] {
    const TestMark* m = t.find("sheet_handle");
    return ImVec2((m->min.x + m->max.x) / 2, (m->min.y + m->max.y) / 2);
  };
  const auto draw = [&] {
    begin_test_marks();
    t.shell.draw(t.app, t.display, t.intents);
  };
  t.ui.tap(handle(), draw);
  t.frame();
  const float full = top();
  EXPECT_LT(full, half - 50) << "a tap raises the sheet to full";
  t.ui.tap(handle(), draw);
  t.frame();
  EXPECT_NEAR(top(), half, 1) << "and a second tap lowers it back";
  // A drag down most of the way: it follows the finger, then rests at the nearest stop (peek).
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 from = handle();
  io.AddMousePosEvent(from.x, from.y);
  t.frame();
  io.AddMouseButtonEvent(0, true);
  t.frame();
  for (int i = 1; i <= 10; ++i) {
    io.AddMousePosEvent(from.x, from.y + i * 30);
    t.frame();
  }
  EXPECT_GT(top(), half + 200) << "the sheet follows the finger";
  io.AddMouseButtonEvent(0, false);
  t.frame();
  t.frame();
  EXPECT_NEAR(t.display.y - AppShell::kTabBarHeight - top(), AppShell::kSheetPeek, 1) << "rests at peek";
  EXPECT_NEAR(t.shell.map_insets().y, AppShell::kSheetPeek + AppShell::kTabBarHeight, 1) << "the map gets the room";
}

TEST(Views, TheCoverageSwitchAndTickedFiltersShowTheirState) {
  ShellUnderTest t(kDesktop);
  t.show(ShowScreen{Screen::map});
  const TestMark* off = t.find("coverage");
  ASSERT_NE(off, nullptr);
  EXPECT_FALSE(drawn_in(*off, kBrandRed)) << "off: a grey switch";
  t.show(ToggleCoverage{});
  const TestMark* on = t.find("coverage");
  ASSERT_NE(on, nullptr);
  EXPECT_TRUE(drawn_in(*on, kBrandRed)) << "on: the switch is red";

  t.show(SetOpenNow{true});
  const auto draw = [&] {
    begin_test_marks();
    t.shell.draw(t.app, t.display, t.intents);
  };
  const TestMark* filters = t.find("filters");
  ASSERT_NE(filters, nullptr);
  t.ui.tap(ImVec2((filters->min.x + filters->max.x) / 2, (filters->min.y + filters->max.y) / 2), draw);
  t.ui.pointer_away();
  t.frame();
  const TestMark* open_now = t.find("filter_open_now");
  ASSERT_NE(open_now, nullptr) << "the menu opened";
  TestMark tick = *open_now;
  tick.max.x = tick.min.x + ImGui::GetFontSize() + 4;  // the tick's column
  EXPECT_TRUE(drawn_in(tick, kBrandRed)) << "the ticked row shows its tick";
  const TestMark* water = t.find("filter_facility", 0);
  ASSERT_NE(water, nullptr);
  TestMark no_tick = *water;
  no_tick.max.x = no_tick.min.x + ImGui::GetFontSize() + 4;
  EXPECT_FALSE(drawn_in(no_tick, kBrandRed)) << "an unticked row shows none";
}

// ---- Slot grid: a full or past slot books nothing ----

Slot slot_at(std::int64_t id, UtcSeconds start, int remaining) {
  Slot s;
  s.id = SlotId{id};
  s.site_id = SiteId{12};
  s.start = start;
  s.end = UtcSeconds{start.value + 3600};
  s.capacity = 12;
  s.remaining = remaining;
  s.booked = 12 - remaining;
  return s;
}

TEST(Views, ATapOnAFullSlotEmitsNoBookingOnlyTheWaitlistChoice) {
  HeadlessUi ui(kPhone);
  const UtcSeconds now = *parse_iso8601("2026-12-01T08:00:00+08:00");
  BookingState state;
  state.site = SiteId{12};
  state.site_name = "螺城镇职工之家";
  state.first_day = shanghai_date(now);
  state.slots = {slot_at(1, *parse_iso8601("2026-12-01T10:00:00+08:00"), 0),
                 slot_at(2, *parse_iso8601("2026-12-01T11:00:00+08:00"), 5),
                 slot_at(3, *parse_iso8601("2026-12-01T07:00:00+08:00"), 5)};  // began before now
  state.slots_revision = 1;
  SlotGridView grid;
  std::vector<Intent> intents;
  const auto draw = in_test_window(ImVec2(0, 200), ImVec2(kPhone.x, 600), [&] { grid.draw(state, now, intents); });
  ui.frame(draw);
  ui.frame(draw);
  const auto center_of = [](std::int64_t id, const char* name = "slot") {
    for (const TestMark& m : test_marks())
      if (m.clickable && std::string_view(m.name) == name && m.id == id)
        return ImVec2((m.min.x + m.max.x) / 2, (m.min.y + m.max.y) / 2);
    ADD_FAILURE() << name << " " << id << " is not drawn";
    return ImVec2(-1, -1);
  };
  intents.clear();
  ui.tap(center_of(3), draw);
  EXPECT_TRUE(intents.empty()) << "a slot that has begun is not chosen";
  ui.tap(center_of(1), draw);
  ASSERT_TRUE(emitted<ChooseSlot>(intents));
  EXPECT_FALSE(emitted<ConfirmBooking>(intents)) << "the first tap only chooses";
  EXPECT_EQ(std::get<ChooseSlot>(intents.front()).slot, SlotId{1});

  state.chosen_slot = SlotId{1};
  intents.clear();
  ui.frame(draw);
  ui.frame(draw);
  bool confirm_drawn = false;
  for (const TestMark& m : test_marks()) confirm_drawn |= std::string_view(m.name) == "confirm";
  EXPECT_FALSE(confirm_drawn) << "a full slot offers no booking button";
  ui.tap(center_of(1, "join_waitlist"), draw);
  std::vector<ConfirmBooking> confirms;
  for (const Intent& i : intents)
    if (const auto* c = std::get_if<ConfirmBooking>(&i)) confirms.push_back(*c);
  ASSERT_EQ(confirms.size(), 1u);
  EXPECT_TRUE(confirms[0].waitlist) << "a tap on a full slot's button joins the waitlist, never books a place";
}

// Issue 14 (6): a closed day (周一) was a blank column.
TEST(Views, AClosedDaySaysSoInItsColumn) {
  HeadlessUi ui(kPhone);
  const UtcSeconds now = *parse_iso8601("2026-12-01T08:00:00+08:00");  // a Tuesday
  BookingState state;
  state.site = SiteId{12};
  state.first_day = shanghai_date(now);
  for (int d = 0; d < 7; ++d) {
    const LocalDate day = add_days(state.first_day, d);
    if (iso_weekday(day) == 1) continue;  // Workers' Homes close on Mondays
    state.slots.push_back(slot_at(100 + d, to_utc(day, LocalTime{10 * 60}), 5));
  }
  state.slots_revision = 1;
  SlotGridView grid;
  std::vector<Intent> intents;
  const auto draw = in_test_window(ImVec2(0, 200), ImVec2(kPhone.x, 600), [&] { grid.draw(state, now, intents); });
  ui.frame(draw);
  ui.frame(draw);
  std::vector<std::int64_t> closed;
  for (const TestMark& m : test_marks())
    if (std::string_view(m.name) == "grid_closed") closed.push_back(m.id);
  EXPECT_EQ(closed, std::vector<std::int64_t>{6}) << "Monday 2026-12-07 is the grid's seventh column";
}

// ---- A long Chinese name is clipped with "…" inside its row ----

TEST(Views, ALongChineseNameEndsInsideItsRow) {
  HeadlessUi ui(kPhone);
  Site site;
  site.id = SiteId{1};
  site.type = SiteType::workers_home;
  site.name = "泉州市惠安县螺城镇八二三东路与世纪大道交叉口东南角新时代文明实践中心暨职工之家户外劳动者服务站";
  site.town = "螺城镇";
  site.position = LatLon{25.03, 118.80};
  SiteFinderState sites;
  sites.set_sites({site});
  SiteFinderView finder;
  SessionState session;
  std::vector<Intent> intents;
  const auto draw = in_test_window(ImVec2(0, 300), ImVec2(kPhone.x, 500), [&] { finder.draw(sites, session, true, true, intents); });
  ui.frame(draw);
  ui.frame(draw);
  ASSERT_EQ(finder.drawn_rows().size(), 1u);
  const DrawnRow row = finder.drawn_rows()[0];
  float rightmost = 0;
  const ImDrawData* data = ImGui::GetDrawData();
  for (const ImDrawList* list : data->CmdLists)
    for (const ImDrawVert& v : list->VtxBuffer)
      if (v.pos.y > row.min.y + 1 && v.pos.y < row.max.y - 1 && v.pos.x > row.min.x) rightmost = std::max(rightmost, v.pos.x);
  EXPECT_LE(rightmost, row.max.x + 0.5f) << "the name runs out of its row";
  EXPECT_GT(rightmost, row.max.x - 60) << "the name fills the row up to its end";
}

// ---- Destructive taps ask twice (issue 14.7) ----

/// The middle of the clickable mark `name` #`id` of the last frame, or (-1, -1) with a failure.
ImVec2 center_of_mark(const char* name, std::int64_t id) {
  for (const TestMark& m : test_marks())
    if (m.clickable && std::string_view(m.name) == name && m.id == id)
      return ImVec2((m.min.x + m.max.x) / 2, (m.min.y + m.max.y) / 2);
  ADD_FAILURE() << name << " " << id << " is not drawn";
  return ImVec2(-1, -1);
}

TEST(Views, CancellingABookingTakesASecondTapWithinFiveSeconds) {
  HeadlessUi ui(kPhone);
  const UtcSeconds now = *parse_iso8601("2026-12-01T08:00:00+08:00");
  BookingState state;
  Booking b;
  b.id = BookingId{41};
  b.site_name = "螺城镇职工之家";
  b.start = *parse_iso8601("2026-12-02T10:00:00+08:00");
  b.end = UtcSeconds{b.start.value + 3600};
  state.my_bookings = {b};
  MyBookingsView view;
  std::vector<Intent> intents;
  const auto draw = in_test_window(ImVec2(0, 0), kPhone, [&] { view.draw(state, now, intents); });
  ui.frame(draw);
  ui.frame(draw);
  ui.tap(center_of_mark("cancel_booking", 41), draw);
  EXPECT_FALSE(emitted<CancelBooking>(intents)) << "one tap cancels nothing";
  ui.pointer_away();
  ui.frame(draw);
  const TestMark* armed = nullptr;
  for (const TestMark& m : test_marks())
    if (std::string_view(m.name) == "cancel_booking") armed = &m;
  ASSERT_NE(armed, nullptr);
  EXPECT_TRUE(drawn_in(*armed, ImGui::GetColorU32(kBrandRed))) << "the armed button turns red";
  ui.tap(center_of_mark("cancel_booking", 41), draw);
  ASSERT_TRUE(emitted<CancelBooking>(intents)) << "the second tap cancels";
  EXPECT_EQ(std::get<CancelBooking>(intents.back()).booking, BookingId{41});

  // A second tap long after the first is a first tap again.
  intents.clear();
  ui.tap(center_of_mark("cancel_booking", 41), draw);
  ui.wait(ConfirmTap::kArmedSeconds + 1, draw);
  ui.tap(center_of_mark("cancel_booking", 41), draw);
  EXPECT_FALSE(emitted<CancelBooking>(intents)) << "an arm that timed out does not cancel";
}

TEST(Views, TheDeskChecksInOnlyInThePassWindowAndCancelsOnASecondTap) {
  HeadlessUi ui(kDesktop);
  const UtcSeconds start = *parse_iso8601("2026-12-02T10:00:00+08:00");
  StaffDeskState state;
  state.site = SiteId{12};
  state.roster_day = shanghai_date(start);
  RosterSlot row{slot_at(5, start, 11), {}};
  Booking b;
  b.id = BookingId{77};
  b.user_name = "王芳";
  b.start = start;
  b.end = row.slot.end;
  row.bookings = {b};
  state.roster = {row};
  StaffView view;
  std::vector<Intent> intents;
  UtcSeconds now = *parse_iso8601("2026-12-01T10:00:00+08:00");  // the day before
  const SiteFinderState no_sites;
  const auto draw = in_test_window(ImVec2(0, 0), kDesktop, [&] { view.draw(state, no_sites, now, intents); });
  const auto drawn = [](const char* name) {
    return std::any_of(test_marks().begin(), test_marks().end(),
                       [name](const TestMark& m) { return std::string_view(m.name) == name; });
  };
  ui.frame(draw);
  ui.frame(draw);
  EXPECT_FALSE(drawn("check_in")) << "a day early there is nothing to check in";
  now = UtcSeconds{start.value - 14 * 60};  // 14 minutes before: the door opens from 15 before
  ui.frame(draw);
  ASSERT_TRUE(drawn("check_in"));
  ui.tap(center_of_mark("check_in", 77), draw);
  ASSERT_TRUE(emitted<CheckIn>(intents)) << "in the window it is the desk's one-tap job";
  now = row.slot.end;
  ui.frame(draw);
  EXPECT_FALSE(drawn("check_in")) << "after the slot it is closed";

  intents.clear();
  ui.tap(center_of_mark("staff_cancel", 77), draw);
  EXPECT_FALSE(emitted<StaffCancel>(intents)) << "one tap cancels nothing";
  ui.tap(center_of_mark("staff_cancel", 77), draw);
  EXPECT_TRUE(emitted<StaffCancel>(intents));
}

// Issue 14.13: the signed-in name was never shown.
TEST(Views, TheHeaderNamesWhoIsSignedIn) {
  ShellUnderTest t(kDesktop);
  t.sign_in(/*admin=*/false);
  t.show(ShowScreen{Screen::map});
  // The buttons draw their own text (theme.cpp), so the name is read off the button's width: it is the width of
  // "李华 · 退出", not of "退出".
  const TestMark* account = t.find("account", 0);
  ASSERT_NE(account, nullptr);
  EXPECT_GE(account->max.x - account->min.x, button_width("李华 · 退出") - 1);
  EXPECT_GT(account->max.x - account->min.x, button_width("退出") + 20);
}

TEST(Views, SigningOutTakesASecondTapOnBothButtons) {
  for (const ImVec2 display : {kPhone, kDesktop}) {
    ShellUnderTest t(display);
    t.sign_in(/*admin=*/false);
    const char* button = display.x == kDesktop.x ? "account" : "me_sign_out";
    t.show(ShowScreen{display.x == kDesktop.x ? Screen::map : Screen::me});
    const auto draw = [&] {
      begin_test_marks();
      t.shell.draw(t.app, display, t.intents);
    };
    t.intents.clear();
    t.ui.tap(center_of_mark(button, 0), draw);
    EXPECT_FALSE(emitted<Logout>(t.intents)) << button << ": one tap keeps the session";
    t.ui.tap(center_of_mark(button, 0), draw);
    EXPECT_TRUE(emitted<Logout>(t.intents)) << button << ": the second signs out";
  }
}

// ---- Every screen, in both languages: nothing overlaps, nothing runs off the screen ----

/// The marks of the last frame that overlap another (one inside the other is a control within a box: fine), run
/// past the display's or their window's edge, or are drawn twice (one control, two places); described for the
/// failure message.
std::vector<std::string> layout_faults(float width) {
  std::vector<std::string> faults;
  const auto& marks = test_marks();
  const auto describe = [](const TestMark& m) {
    char text[160];
    std::snprintf(text, sizeof text, "%s#%lld [%.0f,%.0f–%.0f,%.0f]", m.name, static_cast<long long>(m.id), m.min.x,
                  m.min.y, m.max.x, m.max.y);
    return std::string(text);
  };
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const TestMark& a = marks[i];
    const bool sideways = a.content_right == FLT_MAX;  // in a row that scrolls sideways: its clip is its bound
    if (!sideways && (a.max.x > width + 0.5f || a.min.x < -0.5f)) faults.push_back(describe(a) + " runs off the screen");
    // A selectable reaches half the item spacing past the content (ImGui's own), so 4 px of slack.
    else if (a.max.x > a.content_right + 4.5f || a.min.x < a.content_left - 4.5f)
      faults.push_back(describe(a) + " runs out of its window");
    for (std::size_t j = i + 1; j < marks.size(); ++j) {
      const TestMark& b = marks[j];
      if (std::strcmp(a.name, b.name) == 0 && a.id == b.id) faults.push_back(describe(a) + " drawn again as " + describe(b));
      // Compared where they show: a row scrolled half out of its list is hidden by the list's edge.
      const auto top = [](const TestMark& m) { return std::max(m.min.y, m.window_min.y); };
      const auto bottom = [](const TestMark& m) { return std::min(m.max.y, m.window_max.y); };
      const auto left = [](const TestMark& m) { return std::max(m.min.x, m.window_min.x); };
      const auto right = [](const TestMark& m) { return std::min(m.max.x, m.window_max.x); };
      const float w = std::min(right(a), right(b)) - std::max(left(a), left(b));
      const float h = std::min(bottom(a), bottom(b)) - std::max(top(a), top(b));
      if (w <= 1 || h <= 1) continue;
      const auto inside = [](const TestMark& in, const TestMark& out) {
        return in.min.x >= out.min.x - 0.5f && in.max.x <= out.max.x + 0.5f && in.min.y >= out.min.y - 0.5f &&
               in.max.y <= out.max.y + 0.5f;
      };
      if (inside(a, b) || inside(b, a)) continue;
      faults.push_back(describe(a) + " overlaps " + describe(b));
    }
  }
  return faults;
}

TEST(Views, EveryScreenInBothLanguagesKeepsItsControlsApartAndOnScreen) {
  for (const ImVec2 display : {kPhone, kDesktop, kLandscapePhone}) {
    for (const Language lang : {Language::zh_CN, Language::en}) {
      set_language(lang);
      ShellUnderTest t(display);
      t.sign_in(/*admin=*/true);
      const Site* home = nullptr;
      for (const ListedSite& row : t.app.sites().listed())
        if (row.site->bookable && !row.site->phone.empty()) home = row.site;
      ASSERT_NE(home, nullptr);
      const std::pair<const char*, Intent> screens[] = {
          {"home", ShowScreen{Screen::home}},       {"map", ShowScreen{Screen::map}},
          {"card", SelectSite{home->id}},           {"slots", OpenSiteSlots{home->id}},
          {"me", ShowScreen{Screen::me}},           {"staff", OpenStaffDesk{home->id}},
          {"coverage", ShowScreen{Screen::coverage}}, {"classroom", ShowCourses{CourseView::catalog}},
          {"my union", ShowScreen{Screen::my_union}}, {"union finder", ShowScreen{Screen::unions}},
          {"real-name form", ShowScreen{Screen::member_profile}}, {"members desk", ShowScreen{Screen::staff_members}},
      };
      for (const auto& [name, intent] : screens) {
        t.show(intent);
        t.frame();
        for (const std::string& fault : layout_faults(display.x))
          ADD_FAILURE() << display.x << " px, " << (lang == Language::en ? "English" : "Chinese") << ", " << name
                        << ": " << fault;
      }
    }
  }
  set_language(Language::zh_CN);
}

// Issue 14.8: 退出课程 was cut at a phone's edge, lesson boxes had no words, "3 课时" stood beside "已学 0 / 6 课", and
// online lessons showed a placeholder address that played nothing.
TEST(Views, ACourseNamesItsLessonsLabelsEachTickAndKeepsLeaveOnScreen) {
  const json course = {{"id", 75}, {"category_id", 16}, {"title", "劳动法案例解析"}, {"teacher", "陈海峰"},
                       {"hours", 4.0}, {"lessons_total", 3}, {"format", "online"},
                       {"summary", "面向一线职工的劳动合同课程"}, {"my_enrollment", {{"status", "confirmed"}}}};
  json detail = course;
  detail["lessons"] = {{{"index", 1}, {"title", "第1讲 劳动法概述与基本概念"}, {"kind", "video"},
                        {"url", "https://media.gongyou.example/courses/75/1.mp4"}},
                       {{"index", 2}, {"title", "第2讲 劳动法政策与规范"}, {"kind", "video"},
                        {"url", "https://media.gongyou.example/courses/75/2.mp4"}},
                       {{"index", 3}, {"title", "第3讲 常见问题"}, {"kind", "text"}, {"text", "本讲要点"}}};
  const json mine = {{"items", {{{"course", course}, {"status", "confirmed"}, {"lessons_done", 1},
                                 {"lessons_total", 3}, {"done_lessons", {1}}}}}};
  for (const Language lang : {Language::zh_CN, Language::en}) {
    set_language(lang);
    ShellUnderTest t(kPhone);
    t.sign_in(/*admin=*/false);
    t.server.answer("GET /api/v1/courses/75", 200, detail);
    t.server.answer("GET /api/v1/me/courses", 200, mine);
    t.show(ShowCourses{CourseView::catalog});
    t.server.answer("GET /api/v1/courses/75", 200, detail);
    t.server.answer("GET /api/v1/me/courses", 200, mine);
    t.show(OpenCourse{CourseId{75}});
    for (const std::string& fault : layout_faults(kPhone.x)) ADD_FAILURE() << "course detail: " << fault;
    const TestMark* leave = t.find("leave_course", 75);
    ASSERT_NE(leave, nullptr) << "退出课程 is drawn";
    EXPECT_LE(leave->max.x, kPhone.x) << "and on the screen";
    for (int lesson = 1; lesson <= 3; ++lesson) {
      const TestMark* tick = t.find("lesson", lesson);
      ASSERT_NE(tick, nullptr) << "lesson " << lesson;
      EXPECT_GT(tick->max.x - tick->min.x, 2 * ImGui::GetFrameHeight()) << "the tick of lesson " << lesson
                                                                         << " has its words beside the box";
    }
    const std::string drawn = t.drawn_text();
    EXPECT_EQ(drawn.find("media.gongyou.example"), std::string::npos) << "no placeholder address";
    if (lang == Language::zh_CN) {
      EXPECT_NE(drawn.find("3 讲 · 4 课时"), std::string::npos) << "lessons and hours, each named";
      EXPECT_NE(drawn.find("已学 1 / 3 讲"), std::string::npos) << "progress in the same unit as the lessons";
    }
  }
  set_language(Language::zh_CN);
}

// ---- The quiz screens (issue 16) ----

long idle_allocations(ShellUnderTest& t, int warm_up);

/// One more frame of a screen: no layout fault at this width and language, and (on a phone) an idle frame allocates
/// nothing.
void check_screen(ShellUnderTest& t, ImVec2 display, Language lang, const char* name) {
  t.frame();
  for (const std::string& fault : layout_faults(display.x))
    ADD_FAILURE() << display.x << " px, " << (lang == Language::en ? "English" : "Chinese") << ", " << name << ": " << fault;
  if (display.x == kPhone.x) EXPECT_EQ(idle_allocations(t, 6), 0) << name;
}

/// Scripts the answers the quiz screens ask for: quiz 5 open with 10 players, attempt 9 running (3 questions, one
/// of them multiple choice, long options that wrap), its result, and a draw of 12 entrants.
void script_quiz(FakePlatform& server, const char* what) {
  const json quiz = {{"id", 5}, {"title", "“服务新业态，职工‘驿’起学”有奖答题挑战赛"}, {"status", "open"},
                     {"description", "面向快递员、外卖骑手、网约车司机和货车司机。"}, {"prize", "骑手关爱包"},
                     {"prize_count", 20}, {"union_name", "惠安县总工会"}, {"starts_at", "2026-11-20T08:00:00+08:00"},
                     {"ends_at", "2026-12-20T08:00:00+08:00"}, {"question_count", 3}, {"time_limit_s", 600},
                     {"attempts_per_day", 3}, {"pass_score", 60}, {"players", 1712}, {"drawn", true},
                     {"draw_commitment", "afcfbc6319bbb7866bf81747d8af580915c2a8a9bfab33914eb49ffb5a74edaa"},
                     {"me", {{"attempts_today", 1}, {"attempts_left", 2}, {"running_attempt_id", nullptr}, {"best_score", 80}}}};
  const json questions = json::array(
      {{{"id", 101}, {"kind", "single"}, {"text", "根据人社部等八部门指导意见，平台灵活就业人员职业伤害保障试点以哪些行业的平台企业为重点？"},
        {"options", {"房地产开发、物业管理", "出行、外卖、即时配送、同城货运，以及其他依托平台企业组织劳动的行业", "学校、医院", "银行"}}},
       {{"id", 102}, {"kind", "multiple"}, {"text", "从业人员发现直接危及人身安全的紧急情况时，有哪些权利？"},
        {"options", {"停止作业", "在采取可能的应急措施后撤离作业场所", "继续作业", "拒绝违章指挥"}}},
       {{"id", 103}, {"kind", "true_false"}, {"text", "外卖骑手可以加入工会。"}, {"options", {"正确", "错误"}}}});
  json attempt = {{"id", 9}, {"quiz_id", 5}, {"started_at", "2026-11-24T08:00:00+08:00"},
                  {"deadline", "2026-11-24T08:10:00+08:00"}, {"submitted", false}, {"answers", {{"101", 1}}},
                  {"questions", questions}};
  if (std::string(what) == "list") server.answer("GET /api/v1/quizzes", 200, {{"items", {quiz}}});
  if (std::string(what) == "detail") {
    server.answer("GET /api/v1/quizzes/5", 200, quiz);
    json rows = json::array();
    for (int i = 1; i <= 12; ++i)
      rows.push_back({{"rank", i}, {"display_name", "王**"}, {"score", 100 - i}, {"duration_s", 60 + i}, {"me", i == 3}});
    server.answer("GET /api/v1/quizzes/5/leaderboard", 200, {{"items", rows}, {"players", 1712}});
    server.answer("GET /api/v1/quizzes/5/attempts", 200,
                  {{"items", {{{"id", 8}, {"started_at", "2026-11-24T07:00:00+08:00"}, {"submitted", true}, {"score", 80},
                               {"correct", 8}, {"total", 10}}}}});
    server.answer("GET /api/v1/me/quiz-prizes", 200,
                  {{"items", {{{"quiz_id", 5}, {"quiz_title", "x"}, {"rank", 2}, {"code", "K7M2QX9P"}, {"handed_out", false}}}}});
  }
  if (std::string(what) == "attempt") server.answer("POST /api/v1/quizzes/5/attempts", 201, attempt);
  if (std::string(what) == "result") {
    attempt["submitted"] = true;
    attempt.update({{"submitted_at", "2026-11-24T08:06:00+08:00"}, {"score", 67}, {"correct", 2}, {"total", 3},
                    {"duration_s", 360}, {"auto_submitted", false}});
    for (json& q : attempt["questions"])
      q.update({{"correct_options", {1}}, {"correct_option", 1}, {"chosen", 1}, {"right", true},
                {"law_title", "《关于维护新就业形态劳动者劳动保障权益的指导意见》"}, {"article", "（九）"},
                {"explanation", "以出行、外卖、即时配送、同城货运等行业的平台企业为重点。"}});
    attempt["questions"][1]["correct_options"] = {0, 1};
    attempt["questions"][1]["chosen"] = {0};
    attempt["questions"][1]["right"] = false;
    server.answer("POST /api/v1/quiz-attempts/9/submit", 200, attempt);
  }
  if (std::string(what) == "draw") {
    json entrants = json::array();
    for (int i = 0; i < 10; ++i) entrants.push_back("e0" + std::to_string(i));
    server.answer("GET /api/v1/quizzes/5/draw", 200,
                  {{"quiz_id", 5}, {"seed", "demo-seed-1"}, {"entrants", entrants}, {"winners_asked", 4},
                   {"entrants_hash", "848dea6e3cf7e88ffa79366eb67456b99b62182bf1b86828f0a0b450aceacd96"},
                   {"winners", {{{"entrant", "e00"}, {"display_name", "王*"}}, {{"entrant", "e01"}, {"display_name", "李*"}},
                                {{"entrant", "e07"}, {"display_name", "张**"}}, {{"entrant", "e08"}, {"display_name", "陈*"}}}},
                   {"drawn_at", "2026-12-20T09:00:00+08:00"}, {"pass_score", 60}, {"algorithm", "sha256-index-v1: …"}});
  }
}

TEST(Views, TheQuizScreensKeepTheirControlsApartOnScreenAndAllocateNothingIdle) {
  for (const ImVec2 display : {kPhone, kDesktop, kLandscapePhone}) {
    for (const Language lang : {Language::zh_CN, Language::en}) {
      set_language(lang);
      ShellUnderTest t(display);
      t.sign_in(/*admin=*/false);
      const auto check = [&](const char* name) { check_screen(t, display, lang, name); };
      script_quiz(t.server, "list");
      t.show(ShowQuizList{});
      ASSERT_EQ(t.app.screen(), Screen::quizzes);
      ASSERT_EQ(t.app.quizzes().quizzes.size(), 1u);
      check("the list");
      script_quiz(t.server, "detail");
      t.show(OpenQuiz{QuizId{5}});
      ASSERT_TRUE(t.app.quizzes().quiz);
      if (display.x == kDesktop.x) EXPECT_NE(t.find("quiz_start", 5), nullptr) << "开始答题 in view";
      check("a quiz");
      script_quiz(t.server, "attempt");
      t.show(StartQuiz{QuizId{5}});
      ASSERT_TRUE(t.app.quizzes().attempt);
      EXPECT_EQ(t.app.quizzes().current, 1) << "back at the first question not answered";
      check("a question");
      // A turned phone scrolls the question with its options (the side panel is short); upright and on a desktop
      // the first options are in view.
      for (int o = 0; o < 2 && display.y > kLandscapePhone.y; ++o) {
        const TestMark* option = t.find("quiz_option", o);
        ASSERT_NE(option, nullptr);
        if (display.x == kPhone.x) EXPECT_GE(option->max.y - option->min.y, 44.0f) << "a thumb-sized option";
      }
      t.show(GoToQuestion{1});
      check("a multiple-choice question");
      script_quiz(t.server, "result");
      t.show(SubmitQuiz{});
      ASSERT_TRUE(t.app.quizzes().attempt->submitted);
      check("the result");
      script_quiz(t.server, "detail");
      script_quiz(t.server, "draw");
      t.show(OpenQuizDraw{QuizId{5}});
      ASSERT_TRUE(t.app.quizzes().draw);
      EXPECT_TRUE(t.app.quizzes().draw->verified());
      check("the draw");
    }
  }
  set_language(Language::zh_CN);
}

// ---- The message campaign screens (issue 16.4) ----

/// Scripts the answers of campaign 3 (open, May Day), its shown messages (one with text that looks like markup and
/// printf), my two messages (pending, declined) and, for staff, the review queue.
void script_campaign(FakePlatform& server, bool staff, bool with_mine = true) {
  const json campaign = {{"id", 3}, {"title", "劳动者之歌·五一留言征集"}, {"theme", "写下你的劳动故事。"},
                         {"union_name", "惠安县总工会"}, {"starts_at", "2026-11-26T08:00:00+08:00"},
                         {"ends_at", "2026-12-16T08:00:00+08:00"}, {"status", "open"}, {"views", 1100},
                         {"messages", 2}, {"likes", 9},
                         {"me", {{"messages", 2}, {"messages_left", 1}, {"may_write", true}, {"why_not", nullptr}}}};
  server.answer("GET /api/v1/campaigns", 200, {{"items", {campaign}}});
  server.answer("GET /api/v1/campaigns/3", 200, campaign);
  const json shown = {{"items", {{{"id", 11}, {"campaign_id", 3}, {"author", "王**"}, {"featured", true}, {"likes", 7},
                                   {"liked", false}, {"created_at", "2026-11-27T09:00:00+08:00"},
                                   {"text", "跑了三年外卖，工会驿站的热水和充电宝帮了大忙。致敬每一位劳动者！"}},
                                  {{"id", 12}, {"campaign_id", 3}, {"author", "李*"}, {"featured", false}, {"likes", 2},
                                   {"liked", true}, {"created_at", "2026-11-28T09:00:00+08:00"},
                                   {"text", "<b>%s%n</b> 100% 满意"}}}},
                      {"next_cursor", "30"}};
  server.answer("GET /api/v1/campaigns/3/messages", 200, shown);
  if (with_mine)
    server.answer("GET /api/v1/campaigns/3/messages/mine", 200,
                  {{"items", {{{"id", 21}, {"campaign_id", 3}, {"author", "李*"}, {"text", "希望多建几个母婴室。"},
                               {"status", "pending"}, {"reason", ""}, {"likes", 0}, {"featured", false},
                               {"created_at", "2026-11-29T09:00:00+08:00"}},
                              {{"id", 20}, {"campaign_id", 3}, {"author", "李*"}, {"text", "加我微信领红包"},
                               {"status", "rejected"}, {"reason", "含有广告信息"}, {"likes", 0}, {"featured", false},
                               {"created_at", "2026-11-28T09:00:00+08:00"}}}}});
  if (staff) {
    server.answer("GET /api/v1/admin/campaigns/3/messages", 200,
                  {{"items", {{{"id", 21}, {"campaign_id", 3}, {"author", "李*"}, {"text", "希望多建几个母婴室。"},
                               {"status", "pending"}, {"reason", ""}, {"likes", 0}, {"featured", false},
                               {"created_at", "2026-11-29T09:00:00+08:00"}}}},
                   {"next_cursor", nullptr}});
  } else {
    server.answer("GET /api/v1/admin/campaigns/3/messages", 403, {{"error", {{"code", "forbidden"}, {"message", "x"}}}});
  }
}

TEST(Views, TheCampaignScreensDrawMessagesAsPlainTextKeepControlsOnScreenAndAllocateNothingIdle) {
  for (const ImVec2 display : {kPhone, kDesktop, kLandscapePhone}) {
    for (const Language lang : {Language::zh_CN, Language::en}) {
      set_language(lang);
      ShellUnderTest t(display);
      t.sign_in(/*admin=*/true);
      const auto check = [&](const char* name) {
        t.frame();
        for (const std::string& fault : layout_faults(display.x))
          ADD_FAILURE() << display.x << " px, " << (lang == Language::en ? "English" : "Chinese") << ", " << name << ": " << fault;
        if (display.x == kPhone.x) EXPECT_EQ(idle_allocations(t, 6), 0) << name;
      };
      script_campaign(t.server, /*staff=*/true);
      t.show(ShowCampaigns{});
      ASSERT_EQ(t.app.screen(), Screen::campaigns);
      ASSERT_EQ(t.app.campaigns().campaigns.size(), 1u);
      check("the list");
      script_campaign(t.server, true);
      t.show(OpenCampaign{CampaignId{3}});
      ASSERT_TRUE(t.app.campaigns().campaign);
      ASSERT_EQ(t.app.campaigns().messages.size(), 2u);
      ASSERT_EQ(t.app.campaigns().mine.size(), 2u);
      EXPECT_TRUE(t.app.campaigns().may_review);
      check("a campaign");
      if (display.x == kPhone.x) {
        const std::string drawn = t.drawn_text();
        EXPECT_NE(drawn.find("<b>%s%n</b> 100% 满意"), std::string::npos) << "markup and % are drawn as written";
        if (lang == Language::zh_CN) {
          EXPECT_NE(drawn.find("未采用的原因：含有广告信息"), std::string::npos) << "why mine was declined";
          EXPECT_NE(drawn.find("待审核"), std::string::npos) << "mine waiting for review";
        }
      }
      script_campaign(t.server, true);
      t.show(OpenReviewQueue{CampaignId{3}});
      ASSERT_EQ(t.app.campaigns().view, CampaignView::review);
      ASSERT_EQ(t.app.campaigns().pending.size(), 1u);
      check("the review queue");
      // 不采用 opens the reasons; a reason sends the decision with it.
      const TestMark* decline = t.find("campaign_decline", 21);
      ASSERT_NE(decline, nullptr);
      EXPECT_LE(decline->max.x, display.x) << "不采用 on the screen";
      t.tap(*decline);
      t.frame();
      t.frame();  // the reasons scroll into view (a turned phone's panel is short)
      const TestMark* reason = t.find("campaign_reason");
      ASSERT_NE(reason, nullptr) << "the reasons are shown";
      bool sent = false;
      for (const Intent& i : t.tap(*reason))
        if (const auto* r = std::get_if<ReviewMessage>(&i))
          sent = r->message == CampaignMessageId{21} && r->decision == MessageDecision::reject && !r->reason.empty();
      EXPECT_TRUE(sent) << "a decline with its reason";
    }
  }
  set_language(Language::zh_CN);
}

TEST(Views, AWorkerSeesNoReviewButtonAndALikeTapAsksForTheLike) {
  ShellUnderTest t(kDesktop);
  t.sign_in(/*admin=*/false);
  script_campaign(t.server, /*staff=*/false, /*with_mine=*/false);
  t.show(OpenCampaign{CampaignId{3}});
  EXPECT_FALSE(t.app.campaigns().may_review);
  EXPECT_EQ(t.find("campaign_review"), nullptr);
  const TestMark* like = t.find("campaign_like", 11);
  ASSERT_NE(like, nullptr);
  bool asked = false;
  for (const Intent& i : t.tap(*like))
    if (const auto* l = std::get_if<LikeMessage>(&i)) asked = l->message == CampaignMessageId{11} && l->like;
  EXPECT_TRUE(asked);
}

// ---- The activity screens (issue 16.5) ----

/// An activity as the API lists it: at site 12 unless online, places 20 with `left` of them free, a waitlist of 4.
json activity_item(std::int64_t id, const char* kind, int left) {
  return {{"id", id}, {"kind", kind}, {"title", "惠安县第十二届职工趣味运动会暨“劳动最美”健步走（第三期）"},
          {"description", "<script>alert(1)</script> 请穿运动鞋，提前15分钟到场签到。"}, {"union_name", "惠安县总工会"},
          {"online", false}, {"site", {{"id", 12}, {"name", "螺城镇职工之家（八二三路）"}, {"address", "惠安县螺城镇八二三路"}}},
          {"starts_at", "2026-11-28T09:00:00+08:00"}, {"ends_at", "2026-11-28T12:00:00+08:00"},
          {"signup_opens_at", "2026-11-20T09:00:00+08:00"}, {"signup_closes_at", "2026-11-27T09:00:00+08:00"},
          {"signup", "open"}, {"places", 20}, {"confirmed", 20 - left}, {"places_left", left}, {"waitlist", left ? 0 : 4},
          {"members_only", true},
          {"age_range", std::string(kind) == "matchmaking" ? json{{"min", 22}, {"max", 35}} : json(nullptr)}};
}

TEST(Views, TheActivityScreensEmitTheirIntentsAndAllocateNothingIdle) {
  for (const ImVec2 display : {kPhone, kDesktop}) {
    for (const Language lang : {Language::zh_CN, Language::en}) {
      set_language(lang);
      ShellUnderTest t(display);
      t.sign_in(/*admin=*/false);
      const auto check = [&](const char* name) { check_screen(t, display, lang, name); };
      // A finger on the mark: the intents of the three frames of the tap.
      const auto tap = [&](const TestMark mark) {
        std::vector<Intent> seen;
        t.ui.tap(ImVec2((mark.min.x + mark.max.x) / 2, (mark.min.y + mark.max.y) / 2), [&] {
          begin_test_marks();
          t.intents.clear();
          t.shell.draw(t.app, t.display, t.intents);
          seen.insert(seen.end(), t.intents.begin(), t.intents.end());
        });
        t.intents.clear();
        return seen;
      };
      t.server.answer("GET /api/v1/activities", 200,
                      {{"items", {activity_item(5, "sports", 3), activity_item(6, "sports", 0), activity_item(8, "matchmaking", 9)}}});
      t.show(ShowActivityList{});
      ASSERT_EQ(t.app.screen(), Screen::activities);
      ASSERT_EQ(t.app.activities().activities.size(), 3u);
      check("the list");
      ASSERT_NE(t.find("activity_kind", static_cast<std::int64_t>(ActivityKind::matchmaking)), nullptr);

      json full = activity_item(6, "sports", 0);
      full["me"] = {{"id", 40}, {"activity_id", 6}, {"status", "waitlisted"}, {"waitlist_position", 2}};
      t.server.answer("GET /api/v1/activities/6", 200, full);
      t.show(OpenActivity{ActivityId{6}});
      ASSERT_TRUE(t.app.activities().activity);
      EXPECT_EQ(t.app.activities().activity->me->waitlist_position, 2);
      check("a full activity I wait for");
      EXPECT_EQ(t.find("activity_sign_up", 6), nullptr) << "no second sign-up";
      const std::string text = t.drawn_text();
      EXPECT_NE(text.find("<script>alert(1)</script>"), std::string::npos) << "the description is drawn as text";
      // 在地图上查看 asks for the site on the map.
      if (const TestMark* map = t.find("activity_map", 12)) {
        const auto seen = tap(*map);
        EXPECT_TRUE(std::any_of(seen.begin(), seen.end(), [](const Intent& i) {
          return std::holds_alternative<SelectSite>(i) && std::get<SelectSite>(i).site == SiteId{12};
        })) << "在地图上查看 shows the site on the map";
      } else if (display.x == kDesktop.x) {
        ADD_FAILURE() << "在地图上查看 in view on a desktop";
      }

      t.server.answer("GET /api/v1/activities/5", 200, activity_item(5, "sports", 3));
      t.show(OpenActivity{ActivityId{5}});
      check("an open activity");
      if (const TestMark* sign_up = t.find("activity_sign_up", 5)) {
        const auto seen = tap(*sign_up);
        EXPECT_TRUE(std::any_of(seen.begin(), seen.end(), [](const Intent& i) {
          return std::holds_alternative<SignUpForActivity>(i) && std::get<SignUpForActivity>(i).activity == ActivityId{5} &&
                 !std::get<SignUpForActivity>(i).declaration;
        })) << "我要报名 signs up";
      } else if (display.x == kDesktop.x) {
        ADD_FAILURE() << "我要报名 in view on a desktop";
      }

      t.server.answer("GET /api/v1/activities/8", 200, activity_item(8, "matchmaking", 9));
      t.show(OpenActivity{ActivityId{8}});
      check("a matchmaking event's declaration");
      EXPECT_EQ(t.find("activity_sign_up", 8), nullptr) << "disabled until the declaration is complete";

      t.server.answer("GET /api/v1/me/activities", 200,
                      {{"items", {[&] { json i = {{"id", 40}, {"activity_id", 6}, {"status", "waitlisted"},
                                                  {"waitlist_position", 2}};
                                        i["activity"] = activity_item(6, "sports", 0); return i; }()}}});
      t.show(ShowScreen{Screen::me});
      ASSERT_EQ(t.app.activities().mine.size(), 1u);
      EXPECT_NE(t.find("me_activity", 6), nullptr) << "我的活动 on 我的";
      check("我的 with my activities");
    }
  }
  set_language(Language::zh_CN);
}

// ---- The info center (issue 16.6) ----

/// The body of the article the info center tests open: every construct of the markup, and hostile parts (an unsafe
/// link, a list nested 40 deep, a line 20,000 characters long with no space, control characters).
std::string article_body() {
  std::string body =
      "# 关于开展2026年度困难职工帮扶申报工作的通知\n\n![送清凉](/api/v1/images/3)\n\n各基层工会：现将**申报有关事项**通知如下，详见[官网](https://www.acftu.org)。\n\n"
      "## 一、帮扶对象\n- 因病、因残、因灾导致家庭生活困难的在册工会会员，家庭人均月收入低于当地最低生活保障标准1.5倍的职工\n"
      "  - 快递员、外卖送餐员\n    - 第三层\n1. 提交申请\n2. 入户核实\n\n"
      "[危险](javascript:alert(1)) A long English sentence that must wrap across the width of the phone without "
      "overflowing the panel at all.\n\n";
  for (int i = 0; i < 40; ++i) body += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- 深\n";
  body += "\n" + std::string(20000, 'x') + "\n\n";
  body += "控制\x01字符\x1b[31m和替换符\xEF\xBF\xBD\n";  // what JSON can carry (the server repairs broken UTF-8)
  return body;
}

void script_articles(FakePlatform& server) {
  json items = json::array();
  for (int i = 1; i <= 6; ++i)
    items.push_back({{"id", i}, {"channel", i == 1 ? "notice" : "news"}, {"title", i == 1 ? "关于开展2026年度困难职工帮扶申报工作的通知" : "县总工会开展“送清凉”慰问户外劳动者活动"},
                     {"summary", "各镇（街道）总工会、各基层工会：为做好2026年度困难职工帮扶工作，现将申报有关事项通知如下。"},
                     {"union_name", "惠安县总工会"}, {"published_at", "2026-12-01T09:00:00+08:00"}, {"pinned", i == 1},
                     {"read_count", 120 - i}, {"status", "published"}});
  server.answer("GET /api/v1/articles", 200, {{"items", items}, {"next_cursor", "1.1764550800.1"}});
  json article = items[0];
  article["body"] = article_body();
  server.answer("GET /api/v1/articles/1", 200, article);
  server.answer("GET /api/v1/documents", 200,
                {{"items", {{{"id", 4}, {"title", "困难职工帮扶申请表"}, {"file_name", "困难职工帮扶申请表.xls"}, {"kind", "xls"},
                             {"size", 3482}, {"size_text", "3.4 KB"}}}}});
}

TEST(Views, TheInfoCenterScreensFitAndAllocateNothingIdle) {
  for (const ImVec2 display : {kPhone, kDesktop, kLandscapePhone}) {
    for (const Language lang : {Language::zh_CN, Language::en}) {
      set_language(lang);
      ShellUnderTest t(display);
      const auto check = [&](const char* name) {
        t.frame();
        for (const std::string& fault : layout_faults(display.x))
          ADD_FAILURE() << display.x << " px, " << (lang == Language::en ? "English" : "Chinese") << ", " << name << ": " << fault;
        if (display.x == kPhone.x) EXPECT_EQ(idle_allocations(t, 6), 0) << name;
      };
      script_articles(t.server);
      t.show(ShowArticles{});
      t.frame();  // the desktop's reading column and the cards in it each size themselves on their first frame
      ASSERT_EQ(t.app.screen(), Screen::articles);
      ASSERT_EQ(t.app.articles().items.size(), 6u);
      if (display.y > kLandscapePhone.y) EXPECT_NE(t.find("article_row", 1), nullptr) << "the first card in view";
      EXPECT_NE(t.find("article_channel", 2), nullptr) << "the notices chip";
      check("the list");
      script_articles(t.server);
      t.show(OpenArticle{ArticleId{1}});
      ASSERT_TRUE(t.app.articles().article);
      check("an article");
      script_articles(t.server);
      t.show(ShowDocuments{});
      check("the documents");
    }
  }
  set_language(Language::zh_CN);
}

TEST(Views, AnArticleBodyIsDrawnWithinThePanelAndOnlySafeLinksAreTappable) {
  ShellUnderTest t(kPhone);
  script_articles(t.server);
  t.show(OpenArticle{ArticleId{1}});
  t.frame();
  ASSERT_TRUE(t.app.articles().article);
  const MarkupDocument& body = t.app.articles().article->body;
  EXPECT_TRUE(std::any_of(body.issues.begin(), body.issues.end(), [](MarkupIssue i) { return i == MarkupIssue::unsafe_link; }));
  // The one https link is a tappable mark inside the phone's width; the javascript: one is text.
  std::size_t links = 0;
  for (const TestMark& m : test_marks()) {
    if (std::string_view(m.name) != "article_link") continue;
    ++links;
    EXPECT_GE(m.min.x, 0.0f);
    EXPECT_LE(m.max.x, kPhone.x + 0.5f) << "a link piece past the right edge";
  }
  EXPECT_GE(links, 1u);
  const TestMark* image = t.find("article_image", 3);
  ASSERT_NE(image, nullptr) << "the image placeholder is tappable";
  EXPECT_LE(image->max.x, kPhone.x + 0.5f);
  const std::string drawn = t.drawn_text();
  EXPECT_NE(drawn.find("送清凉"), std::string::npos) << "the caption shows";
  // Tapping the https link asks to follow it; nothing follows the javascript: words.
  const TestMark* link = t.find("article_link");
  ASSERT_NE(link, nullptr);
  const TestMark at = *link;
  t.intents.clear();
  t.ui.tap(ImVec2((at.min.x + at.max.x) / 2, (at.min.y + at.max.y) / 2), [&] {
    begin_test_marks();
    t.shell.draw(t.app, t.display, t.intents);
  });
  const auto follow = std::find_if(t.intents.begin(), t.intents.end(),
                                   [](const Intent& i) { return std::holds_alternative<FollowArticleLink>(i); });
  ASSERT_NE(follow, t.intents.end());
  EXPECT_EQ(std::get<FollowArticleLink>(*follow).url, "https://www.acftu.org");
}

// ---- Keys and text in the order typed (issue 14.11) ----

// The first staff login (name, Tab, password, Enter, typed fast) failed: the password's first character reached
// ImGui in the frame that Tab's field became active, whose text ImGui ignores. Everything typed lands in the field
// it was typed into, and Enter comes after it.
TEST(Views, FastTypingAcrossTabAndEnterLosesNothing) {
  struct Way {
    const char* name;
    bool shift_key;  // capitals with a Shift key event of their own (a keyboard), or without (a script, a phone)
    bool frames_between;  // the app draws between every two events, or the events pile up between two frames
  };
  for (const Way way : {Way{"piled up", false, false}, Way{"piled up, with Shift", true, false},
                        Way{"a frame after each key", false, true}}) {
    SCOPED_TRACE(way.name);
    HeadlessUi ui(kDesktop);
    InputFeed feed;
    char name[64] = {}, password[64] = {};
    std::string submitted;
    bool first = true;
    const auto draw = in_test_window(ImVec2(0, 0), ImVec2(600, 400), [&] {
      if (first) ImGui::SetKeyboardFocusHere();
      first = false;
      ImGui::InputText("##name", name, sizeof name);
      if (ImGui::InputText("##password", password, sizeof password, ImGuiInputTextFlags_EnterReturnsTrue))
        submitted = password;
    });
    const auto run = [&] {  // frames until everything queued has gone through ImGui
      for (int i = 0; i < 400 && (feed.pending() || ImGui::GetCurrentContext()->InputEventsQueue.Size > 0); ++i) {
        feed.feed();
        ui.frame(draw);
      }
    };
    const auto press = [&](ImGuiKey key, const char* text, int mods) {
      feed.key(key, true, mods);
      feed.text(text);
      feed.key(key, false, mods);
      if (way.frames_between) run();
    };
    const auto type = [&](const char* text) {
      for (const char* c = text; *c; ++c) {
        const bool upper = *c >= 'A' && *c <= 'Z', lower = *c >= 'a' && *c <= 'z';
        const ImGuiKey key = upper ? static_cast<ImGuiKey>(ImGuiKey_A + (*c - 'A'))
                             : lower ? static_cast<ImGuiKey>(ImGuiKey_A + (*c - 'a'))
                                     : ImGuiKey_None;
        const bool shift = upper && way.shift_key;
        if (shift) feed.key(ImGuiKey_LeftShift, true, InputFeed::shift);
        const char one[2] = {*c, 0};
        press(key, one, shift ? InputFeed::shift : 0);
        if (shift) feed.key(ImGuiKey_LeftShift, false, 0);
      }
    };
    ui.frame(draw);
    ui.frame(draw);
    type("staff");
    press(ImGuiKey_Tab, "", 0);
    type("Staff-Pass-2026");
    press(ImGuiKey_Enter, "", 0);
    run();
    ui.frame(draw);
    EXPECT_STREQ(name, "staff");
    EXPECT_STREQ(password, "Staff-Pass-2026");
    EXPECT_EQ(submitted, "Staff-Pass-2026") << "Enter came after the whole password";
  }
}

// 管理 only managed the site last chosen on the map. The desk has a picker of every bookable site, searched by name.
TEST(Views, TheStaffDeskPicksAnyBookableSite) {
  ShellUnderTest t(kDesktop);
  t.sign_in(/*admin=*/true);
  std::vector<const Site*> bookable;
  for (const Site& s : t.app.sites().all_sites())
    if (s.bookable) bookable.push_back(&s);
  ASSERT_GE(bookable.size(), 2u);
  t.show(OpenStaffDesk{bookable[0]->id});
  ASSERT_EQ(t.app.staff_desk().site, bookable[0]->id);
  const auto draw = [&] {
    begin_test_marks();
    t.shell.draw(t.app, t.display, t.intents);
  };
  const auto center = [](const TestMark* m) { return ImVec2((m->min.x + m->max.x) / 2, (m->min.y + m->max.y) / 2); };
  const TestMark* picker = t.find("staff_site_picker");
  ASSERT_NE(picker, nullptr);
  t.ui.tap(center(picker), draw);
  t.frame();
  std::size_t offered = 0;
  for (const TestMark& m : test_marks())
    if (std::string_view(m.name) == "staff_site") {
      ++offered;
      const auto it = std::find_if(bookable.begin(), bookable.end(), [&](const Site* s) { return s->id.value == m.id; });
      EXPECT_NE(it, bookable.end()) << "only bookable sites: " << m.id;
    }
  EXPECT_GT(offered, 1u) << "the sites are offered";
  // Searching narrows the list to the site typed.
  const std::string wanted = bookable.back()->name;
  ImGui::GetIO().AddInputCharactersUTF8(wanted.c_str());
  t.frame();
  t.frame();
  const TestMark* row = t.find("staff_site", bookable.back()->id.value);
  ASSERT_NE(row, nullptr) << wanted;
  for (const TestMark& m : test_marks())
    if (std::string_view(m.name) == "staff_site") EXPECT_EQ(m.id, bookable.back()->id.value) << "the search hides the others";
  t.ui.tap(center(row), draw);
  ASSERT_TRUE(emitted<OpenStaffDesk>(t.intents));
  t.apply();
  EXPECT_EQ(t.app.staff_desk().site, bookable.back()->id);
}

// ---- Search and filters (issue 14.9, 14.10) ----

// A type hidden behind an open card made a search say only "没有符合条件的服务阵地". The empty list now names the
// filters that are on and offers to clear them.
TEST(Views, AnEmptyListNamesTheFiltersOnAndClearsThemInOneTap) {
  ShellUnderTest t(kDesktop);
  t.show(ShowScreen{Screen::map});
  t.app.apply(ToggleType{SiteType::water_point});  // only water points
  t.app.apply(SetOpenNow{true});
  t.show(SetQuery{"不存在的地方"});
  ASSERT_TRUE(t.app.sites().listed().empty());
  const std::string drawn = t.drawn_text();
  EXPECT_NE(drawn.find("没有符合条件的服务阵地"), std::string::npos);
  const std::string hidden = "隐藏了 " + std::to_string(SiteFinderState::kTypeCount - 1) + " 类阵地";
  EXPECT_NE(drawn.find("已开启的筛选：" + hidden + "、营业中、搜索“不存在的地方”"), std::string::npos) << drawn;
  const TestMark* clear = t.find("clear_filters");
  ASSERT_NE(clear, nullptr) << "a way out";
  t.ui.tap(ImVec2((clear->min.x + clear->max.x) / 2, (clear->min.y + clear->max.y) / 2), [&] {
    begin_test_marks();
    t.shell.draw(t.app, t.display, t.intents);
  });
  ASSERT_TRUE(emitted<ClearFilters>(t.intents));
  t.apply();
  EXPECT_EQ(t.app.sites().listed().size(), t.app.sites().site_count());
  t.frame();
  EXPECT_EQ(t.find("clear_filters"), nullptr);

  ShellUnderTest plain(kDesktop);  // nothing filtered, nothing to clear (an empty county, say)
  plain.show(ShowScreen{Screen::map});
  EXPECT_EQ(plain.find("clear_filters"), nullptr);
}

// The search boxes kept their own copy of the text: a link or "clear filters" emptied the search, the box still
// said "ldf". The box follows the state's text, even while the user is in it.
TEST(Views, ASearchBoxShowsTheTextTheAppSearchesFor) {
  HeadlessUi ui(kPhone);
  SearchField field;
  std::string query = "ldf";
  bool changed = false;
  const auto draw = in_test_window(ImVec2(0, 0), kPhone, [&] {
    changed = field.draw("##q", "hint", query);
    mark_last_item("q");
  });
  ui.frame(draw);
  EXPECT_STREQ(field.text(), "ldf");
  EXPECT_FALSE(changed) << "showing the state's text is not the user's change";
  const TestMark* box = nullptr;
  for (const TestMark& m : test_marks())
    if (std::string_view(m.name) == "q") box = &m;
  ASSERT_NE(box, nullptr);
  ui.tap(ImVec2((box->min.x + box->max.x) / 2, (box->min.y + box->max.y) / 2), draw);  // the user is in the box
  ASSERT_NE(ImGui::GetActiveID(), 0u);
  query = "";  // "clear filters", or a link
  ui.frame(draw);
  ui.frame(draw);
  EXPECT_STREQ(field.text(), "");
  query = std::string(200, 'x') + "螺城";  // longer than the box: cut at a character
  ui.frame(draw);
  EXPECT_EQ(std::strlen(field.text()), 127u);
  query = std::string(126, 'x') + "螺";  // 129 bytes: the 3-byte character does not fit whole
  ui.frame(draw);
  EXPECT_EQ(std::string(field.text()), std::string(126, 'x'));
}

// ---- Names from the data, in English ----

TEST(Views, EveryTownAndCourseCategoryOfTheDemoHasItsEnglishName) {
  set_language(Language::en);
  for (const demo::Town& town : demo::huian_towns())
    EXPECT_NE(local_name(town.official_name), town.official_name) << town.official_name;
  for (const demo::DemoCategory& category : demo::huian_course_categories())
    EXPECT_NE(local_name(category.name), category.name) << category.name;
  EXPECT_EQ(local_name("螺城镇"), "Luocheng");
  EXPECT_EQ(local_name("一个新镇"), "一个新镇") << "a name the catalog does not know stays as it is";
  set_language(Language::zh_CN);
  EXPECT_EQ(local_name("螺城镇"), "螺城镇");
}

// ---- What a refusal says ----

TEST(Views, ARefusedPassSaysWhyNotThatTheSlotIsTaken) {
  char buffer[240];
  for (const auto& [code, text] : {std::pair{"booking_cancelled", Text::fb_pass_cancelled},
                                   {"already_used", Text::fb_pass_used}, {"not_confirmed", Text::fb_pass_not_confirmed},
                                   {"pass_expired", Text::fb_pass_expired}}) {
    const Feedback f{Feedback::Kind::error, code, 0, "server words"};
    EXPECT_STREQ(feedback_text(f, buffer, sizeof buffer), tr(text)) << code;
    EXPECT_STRNE(feedback_text(f, buffer, sizeof buffer), tr(Text::fb_conflict)) << code;
  }
}

// ---- The union and its members (issue 15) ----

constexpr const char* kFullId = "11010519491231002X";

/// Turns the wheel over the screen's list until the control marked `name`/`id` is in view (down first, then up).
void scroll_to(ShellUnderTest& t, const char* name, std::int64_t id = 0) {
  t.frame();
  const ImVec2 over_list = t.display.x < AppShell::kPhoneBreakpoint ? ImVec2(t.display.x / 2, t.display.y - 140)
                                                                    : ImVec2(150, t.display.y - 160);
  for (int i = 0; i < 60 && !t.find(name, id); ++i) {
    ImGui::GetIO().AddMousePosEvent(over_list.x, over_list.y);
    ImGui::GetIO().AddMouseWheelEvent(0, i < 20 ? -1.0f : 1.0f);
    t.frame();
  }
  t.ui.pointer_away();
  t.frame();
}

/// Taps the field marked `name` and types `text` into it (committed text, as the page's hidden field sends an IME's).
void type_into(ShellUnderTest& t, const char* name, const char* text) {
  const auto draw = [&] {
    begin_test_marks();
    t.shell.draw(t.app, t.display, t.intents);
  };
  scroll_to(t, name);
  t.ui.tap(center_of_mark(name, 0), draw);
  ImGui::GetIO().AddInputCharactersUTF8(text);
  t.frame();
  t.frame();
}

/// Taps the control marked `name`/`id` once; the intents of that tap are in t.intents.
void tap_mark(ShellUnderTest& t, const char* name, std::int64_t id = 0) {
  scroll_to(t, name, id);
  t.intents.clear();
  const ImVec2 at = center_of_mark(name, id);
  std::vector<Intent> all;
  t.ui.tap(at, [&] {
    begin_test_marks();
    t.shell.draw(t.app, t.display, all);
  });
  t.intents = std::move(all);
}

template <class I>
const I* first_of(const std::vector<Intent>& intents) {
  for (const Intent& i : intents)
    if (const I* x = std::get_if<I>(&i)) return x;
  return nullptr;
}

TEST(Views, TheConsentTickGatesSaveAndOnlyMasksAreShownOnceSaved) {
  for (const ImVec2 display : {kPhone, kDesktop}) {
    ShellUnderTest t(display);
    t.sign_in(/*admin=*/false);
    t.show(ShowScreen{Screen::member_profile});
    ASSERT_EQ(t.app.screen(), Screen::member_profile);
    type_into(t, "mem_real_name", "李华");
    type_into(t, "mem_id_number", "11010519491231002x");
    type_into(t, "mem_phone", "13800005678");
    tap_mark(t, "mem_save");
    EXPECT_FALSE(emitted<SaveMemberProfile>(t.intents)) << "no consent: Save does nothing";
    tap_mark(t, "mem_consent");
    t.frame();
    tap_mark(t, "mem_save");
    const SaveMemberProfile* save = first_of<SaveMemberProfile>(t.intents);
    ASSERT_NE(save, nullptr) << "consent ticked: Save saves";
    EXPECT_EQ(save->form.real_name, "李华");
    EXPECT_EQ(save->form.id_number, "11010519491231002X") << "x typed, X kept (the field upper-cases)";
    EXPECT_TRUE(save->form.consent);

    json saved = {{"real_name", "李华"}, {"id_number_masked", "1101**********002X"}, {"phone_masked", "138****5678"},
                  {"verified", false}, {"union_id", nullptr}, {"consent_at", "2026-11-24T08:00:00+08:00"}};
    t.server.answer("PUT /api/v1/me/member-profile", 200, saved);
    t.server.answer("GET /api/v1/me/member-profile", 200, saved);
    t.apply();
    t.frame();
    const std::string drawn = t.drawn_text();
    EXPECT_NE(drawn.find("1101**********002X"), std::string::npos) << "the mask is shown";
    EXPECT_EQ(drawn.find(kFullId), std::string::npos) << "the full number is not";
    // Correcting: the same form, with the real name only.
    tap_mark(t, "mem_correct");
    t.frame();
    const std::string form = t.drawn_text();
    EXPECT_NE(form.find("李华"), std::string::npos);
    EXPECT_EQ(form.find(kFullId), std::string::npos) << "the number is typed again, never prefilled";
  }
}

TEST(Views, AWrongCheckDigitSaysSoAndSendsNothing) {
  ShellUnderTest t(kPhone);
  t.sign_in(/*admin=*/false);
  t.show(ShowScreen{Screen::member_profile});
  type_into(t, "mem_real_name", "李华");
  type_into(t, "mem_id_number", "110105194912310021");
  type_into(t, "mem_phone", "13800005678");
  tap_mark(t, "mem_consent");
  t.frame();
  tap_mark(t, "mem_save");
  EXPECT_FALSE(emitted<SaveMemberProfile>(t.intents));
  t.apply();
  EXPECT_EQ(t.server.last("PUT", "/api/v1/me/member-profile"), nullptr) << "nothing sent";
  t.frame();
  EXPECT_NE(t.drawn_text().find(tr(Text::mem_err_id_check)), std::string::npos) << "the check digit is named";
}

TEST(Views, TheStaffQueueListsOverdueFirstInRedAndOneTapVerifies) {
  for (const ImVec2 display : {kPhone, kDesktop}) {
    ShellUnderTest t(display);
    t.sign_in(/*admin=*/true);
    t.show(ShowScreen{Screen::staff_members});
    ASSERT_EQ(t.app.membership().queue.size(), 2u);
    const TestMark* overdue = t.find("mem_queue_row", 6);
    const TestMark* later = t.find("mem_queue_row", 5);
    ASSERT_NE(overdue, nullptr);
    ASSERT_NE(later, nullptr);
    EXPECT_LT(overdue->min.y, later->min.y) << "the overdue application comes first (the answer had it second)";
    constexpr ImU32 kRed = IM_COL32(201, 42, 42, 255);
    EXPECT_TRUE(drawn_in(*overdue, kRed)) << "overdue is red";
    EXPECT_FALSE(drawn_in(*later, kRed));
    const std::string drawn = t.drawn_text();
    EXPECT_NE(drawn.find("91.68%"), std::string::npos) << "the verification rate";
    EXPECT_NE(drawn.find("3505**********1234"), std::string::npos);

    tap_mark(t, "mem_verify", 31);
    const VerifyMember* verify = first_of<VerifyMember>(t.intents);
    ASSERT_NE(verify, nullptr) << "one tap on 已核验";
    EXPECT_EQ(verify->user, UserId{31});
    tap_mark(t, "mem_approve", 6);
    const DecideApplication* approve = first_of<DecideApplication>(t.intents);
    ASSERT_NE(approve, nullptr) << "one tap approves";
    EXPECT_TRUE(approve->approve);
    EXPECT_EQ(approve->application, ApplicationId{6});
    // A rejection needs its reason: 确认拒绝 does nothing until one is typed.
    tap_mark(t, "mem_reject", 5);
    t.frame();
    tap_mark(t, "mem_reject_confirm", 5);
    EXPECT_FALSE(emitted<DecideApplication>(t.intents));
    const auto draw = [&] {
      begin_test_marks();
      t.shell.draw(t.app, t.display, t.intents);
    };
    scroll_to(t, "mem_reject_reason", 5);
    t.ui.tap(center_of_mark("mem_reject_reason", 5), draw);
    ImGui::GetIO().AddInputCharactersUTF8("不是本单位职工");
    t.frame();
    t.frame();
    tap_mark(t, "mem_reject_confirm", 5);
    const DecideApplication* reject = first_of<DecideApplication>(t.intents);
    ASSERT_NE(reject, nullptr);
    EXPECT_FALSE(reject->approve);
    EXPECT_EQ(reject->reason, "不是本单位职工");
  }
}

TEST(Views, UnionStaffHaveTheMembersDeskButNotTheSitesDesk) {
  ShellUnderTest t(kPhone);
  t.server.answer("GET /api/v1/me", 200,
                  {{"id", 7}, {"username", "lihua"}, {"role", "worker"},
                   {"staff", json::array({{{"union_id", 3}, {"role", "union_staff"}}})}, {"member", nullptr}});
  t.sign_in(/*admin=*/false);
  ASSERT_TRUE(t.app.membership().union_staff());
  t.show(ShowScreen{Screen::home});
  EXPECT_NE(t.find("tile_members"), nullptr);
  EXPECT_EQ(t.find("tile_staff"), nullptr) << "sites and rosters stay admin-only";
  t.show(ShowScreen{Screen::me});
  t.frame();
  bool members = false, sites = false;
  for (const TestMark& m : test_marks()) {
    members |= std::string_view(m.name) == "me_members";
    sites |= std::string_view(m.name) == "me_staff" || std::string_view(m.name) == "me_coverage";
  }
  EXPECT_TRUE(members);
  EXPECT_FALSE(sites);
  t.show(ShowScreen{Screen::staff_members});
  EXPECT_EQ(t.app.membership().staff_union, UnionId{3}) << "their own union";
  scroll_to(t, "mem_verify", 31);
  EXPECT_NE(t.find("mem_verify", 31), nullptr);
}

TEST(Views, AGrassrootsUnionTakesAnApplicationAfterAConfirm) {
  ShellUnderTest t(kPhone);
  t.sign_in(/*admin=*/false);
  t.server.answer("GET /api/v1/me/member-profile", 200,
                  {{"real_name", "李华"}, {"id_number_masked", "1101**********002X"}, {"verified", true}});
  t.server.answer("GET /api/v1/me/membership/applications", 200, {{"items", json::array()}});
  t.show(ShowScreen{Screen::unions});
  EXPECT_EQ(t.find("mem_apply", 3), nullptr) << "a town union takes no members";
  EXPECT_NE(t.find("mem_browse", 3), nullptr) << "its children are a tap away";
  tap_mark(t, "mem_apply", 42);
  EXPECT_FALSE(emitted<ApplyToUnion>(t.intents)) << "the first tap asks to confirm";
  t.frame();
  tap_mark(t, "mem_send_application", 42);
  const ApplyToUnion* apply = first_of<ApplyToUnion>(t.intents);
  ASSERT_NE(apply, nullptr);
  EXPECT_EQ(apply->union_id, UnionId{42});
  EXPECT_EQ(apply->kind, MembershipKind::join);
}

TEST(Views, MyUnionShowsTheDeadlineAndTheReasonOfARejection) {
  ShellUnderTest t(kDesktop);
  t.sign_in(/*admin=*/false);
  t.show(ShowScreen{Screen::my_union});
  const std::string drawn = t.drawn_text();
  EXPECT_NE(drawn.find("不是本单位职工"), std::string::npos) << "the decision's reason";
  char due[160];
  std::snprintf(due, sizeof due, tr(Text::mem_due_fmt), format_day({2026, 11, 27}).c_str(), 2);
  EXPECT_NE(drawn.find(due), std::string::npos) << "due by and working days left";
  EXPECT_EQ(drawn.find(kFullId), std::string::npos);
}

// ---- An idle frame allocates nothing ----

/// Allocations made by the next `frames` frames of `t`, after the given warm-up.
long idle_allocations(ShellUnderTest& t, int warm_up = 6) {
  for (int i = 0; i < warm_up; ++i) t.frame();
  ImGui::SetAllocatorFunctions(counted_alloc, counted_free, nullptr);
  const long before = g_allocations.load();
  t.frame();
  t.frame();
  const long made = g_allocations.load() - before;
  ImGui::SetAllocatorFunctions([](std::size_t s, void*) { return std::malloc(s); }, [](void* p, void*) { std::free(p); },
                               nullptr);
  return made;
}

TEST(Views, TheAllocationCounterSeesAFrameThatAllocates) {
  ShellUnderTest t(kPhone);
  for (int i = 0; i < 4; ++i) t.frame();
  const long before = g_allocations.load();
  t.ui.frame([&] {
    t.shell.draw(t.app, t.display, t.intents);
    std::vector<int> scratch(64);  // what a careless view would do every frame
    ImGui::Text("%zu", scratch.size());
  });
  EXPECT_GT(g_allocations.load() - before, 0) << "the counter would miss what the idle-frame test looks for";
}

TEST(Views, AnIdleFrameAllocatesNothingOnAnyScreen) {
  for (const ImVec2 display : {kPhone, kDesktop}) {
    ShellUnderTest t(display);
    t.sign_in(/*admin=*/true);
    EXPECT_EQ(idle_allocations(t), 0) << "home";
    t.show(ShowScreen{Screen::map});
    EXPECT_EQ(idle_allocations(t), 0) << "the map's list";
    const Site* home = nullptr;
    for (const ListedSite& row : t.app.sites().listed())
      if (row.site->bookable) home = row.site;
    ASSERT_NE(home, nullptr);
    t.show(SelectSite{home->id});
    EXPECT_EQ(idle_allocations(t), 0) << "a site's card";

    json slots = json::array();
    for (int h = 9; h < 21; ++h) {
      char start[32], end[32];
      std::snprintf(start, sizeof start, "2026-11-25T%02d:00:00+08:00", h);
      std::snprintf(end, sizeof end, "2026-11-25T%02d:00:00+08:00", h + 1);
      slots.push_back({{"id", 100 + h}, {"site_id", home->id.value}, {"start", start}, {"end", end}, {"capacity", 12},
                       {"booked", h % 4}, {"remaining", 12 - h % 4}});
    }
    t.server.answer("GET /api/v1/sites/" + std::to_string(home->id.value) + "/slots", 200, {{"items", slots}});
    t.show(OpenSiteSlots{home->id});
    ASSERT_EQ(t.app.screen(), Screen::slots);
    ASSERT_FALSE(t.app.bookings().slots.empty());
    EXPECT_EQ(idle_allocations(t), 0) << "the slot grid";

    json bookings = json::array();
    for (int i = 0; i < 5; ++i)
      bookings.push_back({{"id", 50 + i}, {"slot_id", 110 + i}, {"site_id", home->id.value}, {"site_name", home->name},
                          {"start", "2026-11-25T10:00:00+08:00"}, {"end", "2026-11-25T11:00:00+08:00"},
                          {"status", i % 2 ? "confirmed" : "waitlisted"}});
    t.server.answer("GET /api/v1/me/bookings", 200, {{"items", bookings}});
    t.show(ShowScreen{Screen::me});
    ASSERT_EQ(t.app.bookings().my_bookings.size(), 5u);
    EXPECT_EQ(idle_allocations(t), 0) << "我的";
    t.show(OpenStaffDesk{home->id});
    EXPECT_EQ(idle_allocations(t), 0) << "the staff desk";
    t.show(ShowCourses{CourseView::catalog});
    EXPECT_EQ(idle_allocations(t), 0) << "the classroom";
    t.show(ShowScreen{Screen::my_union});
    ASSERT_FALSE(t.app.membership().my_applications.empty());
    EXPECT_EQ(idle_allocations(t), 0) << "my union";
    t.show(ShowScreen{Screen::unions});
    ASSERT_FALSE(t.app.membership().unions.empty());
    EXPECT_EQ(idle_allocations(t), 0) << "the union finder";
    t.show(ShowScreen{Screen::member_profile});
    EXPECT_EQ(idle_allocations(t), 0) << "the real-name form";
    t.show(ShowScreen{Screen::staff_members});
    ASSERT_FALSE(t.app.membership().queue.empty());
    EXPECT_EQ(idle_allocations(t), 0) << "the members desk";
  }
}

// ---- Micro-wishes and hotlines (issue 17.4–5) ----

/// Scripts the answers the wish screens ask for: a wall of two open wishes (one story with markup characters), the
/// towns, one wish, mine and my claims, the staff desk with both contacts, and the hotlines.
void script_wishes(FakePlatform& server) {
  const auto wish = [](std::int64_t id, const char* status, const char* title) {
    return json{{"id", id}, {"title", title}, {"story", "孩子今年上一年级，<b>%s%n</b> 旧书包已经破了。"},
                {"category", "study"}, {"estimated_yuan", 120}, {"status", status},
                {"town", {{"id", 5}, {"name", "螺城镇"}}}, {"display_name", "张师傅"},
                {"created_at", "2026-11-24T08:00:00+08:00"}, {"thanks", nullptr}};
  };
  const json figures = {{"workers_helped", 1500}, {"wishes_fulfilled", 1800}, {"open", 2}};
  server.answer("GET /api/v1/wishes", 200,
                {{"items", json::array({wish(1, "open", "给孩子一个新书包"), wish(2, "open", "一台洗衣机，妻子腰伤后不能久站手洗衣服")})},
                 {"next_cursor", nullptr}, {"figures", figures}});
  server.answer("GET /api/v1/wishes/figures", 200,
                {{"towns", json::array({{{"id", 5}, {"name", "螺城镇"}}, {{"id", 6}, {"name", "东岭镇"}}})}});
  server.answer("GET /api/v1/wishes/1", 200, wish(1, "open", "给孩子一个新书包"));
  json rejected = wish(3, "rejected", "一台电视机");
  rejected["mine"] = true;
  rejected["reason"] = "单位已解决";
  server.answer("GET /api/v1/me/wishes", 200, {{"items", json::array({rejected})}, {"next_cursor", nullptr}});
  server.answer("GET /api/v1/me/wish-claims", 200, {{"items", json::array({wish(4, "claimed", "冬天的棉被两床")})}, {"next_cursor", nullptr}});
  json vet = wish(5, "pending", "一辆二手电动车");
  vet["wisher"] = {{"user_id", 40}, {"phone", "13900001111"}};
  vet["union"] = {{"id", 96}, {"name", "福建惠安某石材有限公司工会"}};
  json arrange = wish(6, "claimed", "父亲用的轮椅");
  arrange["wisher"] = {{"user_id", 41}, {"phone", "13900002222"}};
  arrange["claimant"] = {{"user_id", 50}, {"display_name", "爱心人士"}, {"phone", "13900003333"}, {"note", ""}};
  server.answer("GET /api/v1/admin/wishes", 200, {{"items", json::array({vet})}, {"next_cursor", nullptr}});
  server.answer("GET /api/v1/admin/wishes", 200, {{"items", json::array({arrange})}, {"next_cursor", nullptr}});
  server.answer("GET /api/v1/hotlines", 200,
                {{"items", json::array({{{"key", "legal"}, {"name", "职工法律援助热线"}, {"summary", "劳动合同、欠薪、工伤"},
                                         {"number", "0595-87381148"}, {"tel", "tel:059587381148"},
                                         {"hours_text", "工作日 8:30-12:00、14:30-17:30"}, {"open_now", true}},
                                        {{"key", "counselling"}, {"name", "心世界职工心理咨询"}, {"summary", "一对一心理咨询"},
                                         {"number", "0595-87381919"}, {"tel", "tel:059587381919"},
                                         {"hours_text", "工作日 9:00-21:00"}, {"open_now", false}, {"counselling", true}}})}});
}

TEST(Views, TheWishAndHotlineScreensFitClaimOnASecondTapCallByTelAndAllocateNothingIdle) {
  for (const ImVec2 display : {kPhone, kDesktop}) {
    for (const Language lang : {Language::zh_CN, Language::en}) {
      set_language(lang);
      ShellUnderTest t(display);
      t.sign_in(/*admin=*/true);
      script_wishes(t.server);
      t.show(ShowWishWall{});
      ASSERT_EQ(t.app.screen(), Screen::wishes);
      ASSERT_EQ(t.app.wishes().wall.size(), 2u);
      check_screen(t, display, lang, "the wall");
      if (lang == Language::zh_CN) EXPECT_NE(t.drawn_text().find("已帮助 1500 名职工"), std::string::npos);
      t.show(OpenWish{WishId{1}});
      check_screen(t, display, lang, "a wish");
      EXPECT_NE(t.drawn_text().find("<b>%s%n</b>"), std::string::npos) << "a story is drawn as written";
      const TestMark* claim = t.find("wish_claim", 1);
      ASSERT_NE(claim, nullptr);
      bool claimed = false;
      for (const Intent& i : t.tap(*claim)) claimed |= std::holds_alternative<ClaimWish>(i);
      EXPECT_FALSE(claimed) << "the first tap only asks to confirm";
      t.frame();
      claim = t.find("wish_claim", 1);
      ASSERT_NE(claim, nullptr);
      for (const Intent& i : t.tap(*claim))
        if (const auto* c = std::get_if<ClaimWish>(&i)) claimed = c->wish == WishId{1};
      EXPECT_TRUE(claimed) << "the second tap claims";
      t.show(ShowWishForm{});
      check_screen(t, display, lang, "the form");
      script_wishes(t.server);
      t.show(ShowMyWishes{});
      check_screen(t, display, lang, "my wishes");
      if (lang == Language::zh_CN) EXPECT_NE(t.drawn_text().find("未通过原因：单位已解决"), std::string::npos);
      script_wishes(t.server);
      t.show(ShowWishDesk{});
      ASSERT_EQ(t.app.wishes().claimed.size(), 1u);
      check_screen(t, display, lang, "the desk");
      EXPECT_NE(t.drawn_text().find("13900003333"), std::string::npos) << "staff see the claimant's phone";
      t.show(ShowHotlines{});
      check_screen(t, display, lang, "the hotlines");
      ASSERT_NE(t.find("hotline_open"), nullptr);
      const TestMark* call = t.find("hotline_call");
      ASSERT_NE(call, nullptr);
      bool dialled = false;
      for (const Intent& i : t.tap(*call))
        if (const auto* link = std::get_if<OpenLink>(&i)) dialled = link->url == "tel:059587381148";
      EXPECT_TRUE(dialled) << "the call button opens the tel: link";
    }
  }
  set_language(Language::zh_CN);
}

}  // namespace
}  // namespace gongyou::ui
