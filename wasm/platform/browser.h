// wasm/platform/browser.h — the page around the app: canvas, WebGL2, input, fetch, geolocation, timing.
// The only place besides leaflet_map_view.cpp that touches JS; every JS callback — fetch answers included — becomes
// a typed PlatformEvent (app/events.h) or an ImGui IO event at once, and the main loop drains the events.
#pragma once
#include <functional>
#include <span>
#include <string>

#include "app/events.h"
#include "app/services.h"
#include "ui/canvas_area.h"

namespace gongyou::platform {

/// The window's size in CSS pixels (the UI's display) and the device pixel ratio (window.devicePixelRatio).
struct CanvasMetrics {
  float css_width = 0, css_height = 0, pixel_ratio = 1;
};

/// Callbacks from the page to the app.
struct BrowserCallbacks {
  std::function<void()> wake;                          ///< something changed: draw a few frames
  std::function<void(const PlatformEvent&)> on_event;  ///< a typed event for the App
};

/// Creates the WebGL2 context on the page's canvas and installs every input listener. False if WebGL2 is missing.
bool init_browser(BrowserCallbacks callbacks);

/// The window's size and pixel ratio, read each frame.
CanvasMetrics window_metrics();

/// Places the UI canvas over `area` of the window (device px; see ui/canvas_area.h) with a backing store of
/// that size. Resizing clears the canvas: render after calling it. Does nothing when the area is unchanged.
void place_canvas(const PixelRect& area, float pixel_ratio);

/// Schedules `frame` on the next animation frame (once, however often this is called before it runs).
void request_animation_frame(void (*frame)());

/// Tells the pointer router which screen rectangles (x, y, w, h in CSS px) belong to the UI:
/// pointer and touch there go to ImGui and never reach the map.
void set_ui_rects(std::span<const float> xywh);

/// Shows or hides the hidden text field that receives keyboard, IME and phone-keyboard text,
/// placed at the text caret (CSS px) so that the IME candidate window appears beside it.
void set_text_input(bool active, float caret_x, float caret_y, float line_height);

/// The app's platform services (app/services.h): fetch(), downloads, geolocation, settings, routes, the clock.
PlatformServices platform_services();

/// Hands the page's input that came since the last frame to ImGui, in order (ui/input_feed.h); call before
/// ImGui::NewFrame. True while some waits for a later frame.
bool feed_input();

/// True when the page was opened with ?test=1 (the browser test hook).
bool test_hook_requested();

/// Publishes the time of the first drawn frame (performance.now()) and marks the page ready for tests.
void mark_first_frame();

/// Publishes the time the first frame with a listed site was drawn (performance.now()), for the load benchmark.
void mark_first_listed();

/// Publishes a JSON snapshot for the browser test hook (window.gongyouTest).
void publish_test_state(const std::string& json);

/// The current time (Date.now()).
UtcSeconds now_utc();

/// Wall-clock seconds since page load (performance.now() / 1000).
double now_seconds();

}  // namespace gongyou::platform
