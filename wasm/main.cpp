// wasm/main.cpp — the browser app's entry point and its on-demand frame loop.
//
// Rule: nothing is drawn while nothing changes. Input, fetch answers and map events wake the loop
// for a few frames (ImGui needs up to three to settle a click); then it sleeps until the next event.
// A frame that would look like the one on the canvas is not rendered (present()).
#include <GLES3/gl3.h>
#include <emscripten.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "app/app.h"
#include "app/event_queue.h"
#include "backends/imgui_impl_opengl3.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "tools/demo_data/huian_demo.h"
#include "ui/app_shell.h"
#include "ui/draw_fingerprint.h"
#include "ui/i18n.h"
#include "ui/test_marks.h"
#include "ui/test_state.h"
#include "ui/theme.h"
#include "ui/touch_scroll.h"
#include "wasm/platform/browser.h"
#include "wasm/platform/canvas_font.h"
#include "wasm/platform/leaflet_map_view.h"

namespace {

using namespace gongyou;

/// Frames drawn after each wake-up.
constexpr int kFramesPerWake = 3;
/// CSS px of canvas around the UI's windows (their borders and the focus ring are drawn just outside).
constexpr float kCanvasMargin = 4;
/// The map's first view: the county (product.md).
constexpr LatLon kInitialCenter{25.0, 118.82};
constexpr double kInitialZoom = 11.5;

struct Runtime {
  std::optional<platform::LeafletMapView> map;
  std::optional<App> app;
  ui::AppShell shell;
  std::vector<Intent> intents;
  EventQueue<PlatformEvent> events;  // handling one may raise another (Leaflet reports a fly_to at once)
  std::vector<float> ui_rects, published_rects;
  ImGuiPlatformImeData ime, published_ime;
  ImVec2 published_insets{-1, -1};
  int frames_left = kFramesPerWake;
  bool first_frame_drawn = false;
  bool first_listed_drawn = false;  // a frame with a listed site has been drawn
  std::uint64_t presented_fingerprint = 0;  // of the frame on the canvas
  int frames_presented = 0;  // drawn frames rendered to the canvas (the others looked like the one shown)
  bool test_hook = false;
  double last_time = 0;
};
Runtime* g_rt = nullptr;

void frame();

void wake() {
  g_rt->frames_left = kFramesPerWake;
  platform::request_animation_frame(frame);
}

void set_ime_data(ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* data) { g_rt->ime = *data; }

/// Screen rectangles of the ImGui windows of this frame or the last (a closing window is still on the canvas),
/// for the pointer router and the canvas area. While a modal is open, the whole display: it dims everything.
void collect_ui_rects(std::vector<float>& out) {
  out.clear();
  if (ImGui::GetTopMostAndVisiblePopupModal()) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    out.insert(out.end(), {0.0f, 0.0f, display.x, display.y});
    return;
  }
  for (ImGuiWindow* w : GImGui->Windows) {
    if (!(w->Active || w->WasActive) || w->Hidden || (w->Flags & ImGuiWindowFlags_ChildWindow)) continue;
    out.insert(out.end(), {w->Pos.x, w->Pos.y, w->Size.x, w->Size.y});
  }
}

/// Renders the frame to the canvas, unless it would look exactly like the one shown (see ui/draw_fingerprint.h):
/// the canvas then keeps its pixels and the browser has nothing to composite again.
/// The canvas covers only the UI's windows (ui/canvas_area.h): the draw data is re-based onto that area, which
/// ImGui's renderer turns into its projection and clip offset.
void present(ImDrawData& draw_data, const PixelRect& area, float pixel_ratio) {
  Runtime& rt = *g_rt;
  draw_data.DisplayPos = ImVec2(static_cast<float>(area.x) / pixel_ratio, static_cast<float>(area.y) / pixel_ratio);
  draw_data.DisplaySize = ImVec2(static_cast<float>(area.width) / pixel_ratio,
                                 static_cast<float>(area.height) / pixel_ratio);
  const bool textures = ui::textures_pending(draw_data);
  const std::uint64_t fingerprint = ui::draw_fingerprint(draw_data);
  if (!textures && rt.first_frame_drawn && fingerprint == rt.presented_fingerprint) return;
  platform::place_canvas(area, pixel_ratio);
  glViewport(0, 0, area.width, area.height);
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(&draw_data);
  // New textures get their ids while rendering: the fingerprint of what is now shown is taken again then.
  rt.presented_fingerprint = textures ? ui::draw_fingerprint(draw_data) : fingerprint;
  ++rt.frames_presented;
}

void frame() {
  Runtime& rt = *g_rt;
  rt.events.drain([&](const PlatformEvent& e) { rt.app->handle(e); });

  const platform::CanvasMetrics m = platform::window_metrics();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(m.css_width, m.css_height);
  io.DisplayFramebufferScale = ImVec2(m.pixel_ratio, m.pixel_ratio);
  const double now = platform::now_seconds();
  io.DeltaTime = rt.last_time > 0 ? static_cast<float>(std::max(now - rt.last_time, 1e-4)) : 1.0f / 60;
  rt.last_time = now;

  const bool input_waits = platform::feed_input();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  ui::begin_test_marks();
  ui::begin_touch_frame();
  rt.shell.draw(*rt.app, io.DisplaySize, rt.intents);
  ImGui::Render();
  collect_ui_rects(rt.ui_rects);
  present(*ImGui::GetDrawData(), canvas_area(rt.ui_rects, m.css_width, m.css_height, m.pixel_ratio, kCanvasMargin),
          m.pixel_ratio);

  for (const Intent& i : rt.intents) rt.app->apply(i);
  if (!rt.intents.empty()) rt.frames_left = kFramesPerWake;  // show the result of what was asked
  if (ui::touch_gliding()) rt.frames_left = std::max(rt.frames_left, 2);  // a flicked list still moves
  rt.intents.clear();

  if (const ImVec2 insets = rt.shell.map_insets(); insets.x != rt.published_insets.x || insets.y != rt.published_insets.y) {
    rt.map->set_ui_insets(insets.x, insets.y);
    rt.published_insets = insets;
  }
  if (rt.ui_rects != rt.published_rects) {
    platform::set_ui_rects(rt.ui_rects);
    rt.published_rects = rt.ui_rects;
  }
  if (rt.ime.WantTextInput != rt.published_ime.WantTextInput || rt.ime.InputPos.x != rt.published_ime.InputPos.x ||
      rt.ime.InputPos.y != rt.published_ime.InputPos.y) {
    platform::set_text_input(rt.ime.WantTextInput, rt.ime.InputPos.x, rt.ime.InputPos.y, rt.ime.InputLineHeight);
    rt.published_ime = rt.ime;
  }
  if (!rt.first_frame_drawn) {
    rt.first_frame_drawn = true;
    platform::mark_first_frame();
  }
  if (!rt.first_listed_drawn && !rt.app->sites().listed().empty()) {
    rt.first_listed_drawn = true;
    platform::mark_first_listed();
  }
  if (rt.test_hook) platform::publish_test_state(ui::test_state_json(*rt.app, rt.shell, {rt.frames_presented}));

  // Keep going while input waits (ImGui trickles one press per frame; the feed holds what follows Tab) or frames
  // are owed.
  if (--rt.frames_left > 0 || input_waits || !GImGui->InputEventsQueue.empty()) platform::request_animation_frame(frame);
}

}  // namespace


int main() {
  g_rt = new Runtime();
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep drawing frames while idle
  io.BackendPlatformName = "gongyou_browser";
  ImGui::GetPlatformIO().Platform_SetImeDataFn = set_ime_data;
  ui::apply_theme();

  if (!platform::init_browser({wake, [](const PlatformEvent& e) { g_rt->events.push(e); }})) {
    std::puts("WebGL2 is not available");
    return 1;
  }
  ImGui_ImplOpenGL3_Init("#version 300 es");
  g_rt->map.emplace(kInitialCenter, kInitialZoom);
  PlatformServices services = platform::platform_services();
  if (services.load_setting(kLanguageSetting) == "en") ui::set_language(ui::Language::en);
  g_rt->app.emplace(*g_rt->map, std::move(services), demo::huian_region());  // the demo deployment's county
  g_rt->test_hook = platform::test_hook_requested();
  // Dear ImGui's programmer-error popup for duplicate ids is for tests, never for workers.
  io.ConfigDebugHighlightIdConflicts = g_rt->test_hook;
  g_rt->app->start();
  platform::add_canvas_font(io.Fonts, ui::kBaseFontSize);
  // The first frame now, not at the next animation frame: by then the site list's answer may have
  // arrived and its markers would be built first.
  frame();
  return 0;  // the page keeps running: frames come from requestAnimationFrame
}
