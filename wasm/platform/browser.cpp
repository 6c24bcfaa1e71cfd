// wasm/platform/browser.cpp — see browser.h. Every EM_JS of the page (except the map's) lives here.
//
// [SECTION] JS side: canvas, pointer router, keyboard and text field, fetch, geolocation
// [SECTION] Exported entry points (JS -> C++), each turned into an ImGui IO event or a PlatformEvent
// [SECTION] C++ side of the API in browser.h
#include "wasm/platform/browser.h"

#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <map>

#include "imgui.h"
#include "ui/input_feed.h"

//-------------------------------------------------------------------------------------------------
// [SECTION] JS side
//-------------------------------------------------------------------------------------------------

// Installs the listeners. Pointer routing: the canvas never takes pointer events itself
// (CSS pointer-events:none); listeners on window in the capture phase see every event first.
// A press inside a UI rectangle starts a "UI gesture": ImGui gets it and the map never sees it.
// Outside, the map gets it and ImGui only learns where the pointer is (for hover).
EM_JS(void, gy_js_install_input, (), {
  const canvas = document.getElementById('gy-canvas');
  const state = { rects: [], uiGesture: false };
  Module.gyInput = state;
  const inUi = (x, y) => {
    const r = state.rects;
    for (let i = 0; i + 3 < r.length; i += 4)
      if (x >= r[i] && y >= r[i + 1] && x < r[i] + r[i + 2] && y < r[i + 1] + r[i + 3]) return true;
    return false;
  };
  const mods = (e) => (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
  const kind = (e) => (e.pointerType === 'touch' || e.pointerType === 'pen') ? 1 : 0;
  const stop = (e) => { e.stopPropagation(); if (e.cancelable) e.preventDefault(); };
  const onPointer = (e) => {
    const x = e.clientX, y = e.clientY;
    if (e.type === 'pointerdown') {
      if (!e.isPrimary) return;
      if (inUi(x, y)) {
        state.uiGesture = true;
        stop(e);
        _gy_pointer(0, x, y, e.button, kind(e));
      } else {
        _gy_pointer(3, x, y, -1, kind(e));  // position only: the map has this press
      }
    } else if (e.type === 'pointermove') {
      if (!e.isPrimary) return;
      if (state.uiGesture) stop(e);
      _gy_pointer(1, x, y, -1, kind(e));
    } else {  // pointerup, pointercancel
      if (!e.isPrimary) return;
      if (state.uiGesture) {
        stop(e);
        state.uiGesture = false;
        _gy_pointer(2, x, y, e.button < 0 ? 0 : e.button, kind(e));
        if (e.pointerType !== 'mouse') _gy_pointer(4, x, y, -1, kind(e));  // finger lifted: no hover left
      }
    }
  };
  for (const t of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel'])
    window.addEventListener(t, onPointer, { capture: true, passive: false });
  // Legacy mouse/touch events that Leaflet listens to: swallow them during a UI gesture or over the UI.
  const guard = (e) => {
    const p = e.touches && e.touches.length ? e.touches[0] : (e.changedTouches && e.changedTouches[0]) || e;
    if (state.uiGesture || inUi(p.clientX, p.clientY)) stop(e);
  };
  for (const t of ['mousedown', 'mouseup', 'click', 'dblclick', 'contextmenu', 'touchstart', 'touchmove', 'touchend'])
    window.addEventListener(t, guard, { capture: true, passive: false });
  window.addEventListener('wheel', (e) => {
    if (!inUi(e.clientX, e.clientY)) return;
    stop(e);
    const scale = e.deltaMode === 1 ? 1 : (e.deltaMode === 2 ? 10 : 1 / 100);  // lines per notch
    _gy_wheel(-e.deltaX * scale, -e.deltaY * scale);
  }, { capture: true, passive: false });

  // Keyboard: a hidden text field holds the focus while ImGui edits text; it receives IME
  // compositions and phone-keyboard input, whose Enter/Backspace do not arrive as key events.
  const field = document.getElementById('gy-text');
  Module.gyText = field;
  const sendText = (t) => {
    if (!t) return;
    const n = lengthBytesUTF8(t) + 1, p = _malloc(n);
    stringToUTF8(t, p, n);
    _gy_text(p);
    _free(p);
  };
  field.addEventListener('compositionend', (e) => { sendText(e.data); field.value = ""; });
  field.addEventListener('input', (e) => {
    if (e.isComposing || e.inputType === 'insertCompositionText') return;
    if (e.inputType === 'deleteContentBackward') { _gy_key(8, 1, 0); _gy_key(8, 0, 0); }
    else if (e.inputType === 'insertLineBreak') { _gy_key(13, 1, 0); _gy_key(13, 0, 0); }
    else sendText(e.data !== null && e.data !== undefined ? e.data : field.value);
    field.value = "";
  });
  field.addEventListener('paste', (e) => {
    stop(e);
    sendText((e.clipboardData || window.clipboardData).getData('text'));
  });
  const onKey = (e) => {
    if (e.isComposing || e.keyCode === 229) return;  // the IME owns this key
    const down = e.type === 'keydown' ? 1 : 0;
    const pasteKey = (e.ctrlKey || e.metaKey) && e.keyCode === 86;  // let the browser paste into the field
    if (pasteKey) return;
    if (_gy_key(e.keyCode, down, mods(e))) {
      // A printable key without modifiers becomes text through the field's input event.
      const printable = e.key && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
      if (!(printable && document.activeElement === field)) e.preventDefault();
    }
  };
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('keyup', onKey, true);
  window.addEventListener('blur', () => _gy_focus(0));
  window.addEventListener('focus', () => _gy_focus(1));
  window.addEventListener('resize', () => _gy_wake());
  // devicePixelRatio changes (zoom, moving to another screen) do not fire 'resize' everywhere.
  const watchDpr = () => {
    matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)')
      .addEventListener('change', () => { _gy_wake(); watchDpr(); }, { once: true });
  };
  watchDpr();
  canvas.addEventListener('webglcontextlost', (e) => e.preventDefault());
});

EM_JS(void, gy_js_set_ui_rects, (const float* xywh, int count), {
  Module.gyInput.rects = Array.from(HEAPF32.subarray(xywh >> 2, (xywh >> 2) + count));
});

EM_JS(void, gy_js_set_text_input, (int active, float x, float y, float h), {
  const field = Module.gyText;
  if (active) {
    field.style.left = x + 'px';
    field.style.top = y + 'px';
    field.style.height = h + 'px';
    if (document.activeElement !== field) field.focus({ preventScroll: true });
  } else if (document.activeElement === field) {
    field.blur();
  }
});

EM_JS(double, gy_js_window_css_width, (), { return document.documentElement.clientWidth; });
EM_JS(double, gy_js_window_css_height, (), { return document.documentElement.clientHeight; });

// Puts the UI canvas over a rectangle of the window (CSS px, possibly fractional: whole device pixels).
EM_JS(void, gy_js_place_canvas, (double left, double top, double width, double height), {
  const style = document.getElementById('gy-canvas').style;
  style.transform = 'translate(' + left + 'px,' + top + 'px)';
  style.width = width + 'px';
  style.height = height + 'px';
});

// Sends a request to our server; the answer comes back through gy_fetch_done. Download mode saves the
// answer as a file instead (calendar, CSV): a Blob and a temporary link, never HTML from the answer; the answer
// that comes back then is the status alone.
EM_JS(void, gy_js_fetch, (double request, const char* method, const char* url, const char* body, const char* token,
                          const char* idempotency_key, const char* download_name), {
  const headers = { 'Accept': 'application/json' };
  const b = UTF8ToString(body), t = UTF8ToString(token), k = UTF8ToString(idempotency_key);
  if (b) headers['Content-Type'] = 'application/json';
  if (t) headers['Authorization'] = 'Bearer ' + t;
  if (k) headers['Idempotency-Key'] = k;
  const name = UTF8ToString(download_name);
  const options = { method: UTF8ToString(method), headers: headers, body: b ? b : undefined };
  if (name) {
    fetch(UTF8ToString(url), options).then((r) => r.ok ? r.blob().then((blob) => {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.appendChild(a);
      a.click();
      setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      return r.status;
    }) : r.status).catch(() => 0).then((status) => _gy_fetch_done(request, status, 0, status ? 0 : 1));
    return;
  }
  // An answer the boot script asked for while the wasm downloaded (shell/boot.js) is taken once, for the same GET.
  const path = UTF8ToString(url), early = window.gyEarlyAnswers;
  const asked = early && options.method === 'GET' && !t && early.get(path);
  if (asked) early.delete(path);
  // An answer the offline shell (shell/sw.js) kept from earlier says so in X-Gongyou-Offline.
  (asked || fetch(path, options)
    .then((r) => r.text().then((t) => [r.status, t, r.headers.get("X-Gongyou-Offline") ? 1 : 0]))
    .catch(() => [0, "", 1]))
    .then(([status, text, offline]) => {
      const n = lengthBytesUTF8(text) + 1, p = _malloc(n);
      stringToUTF8(text, p, n);
      _gy_fetch_done(request, status, p, offline);
      _free(p);
    });
});

// Follows a link of a site's card: a map provider in a new tab that cannot reach back into this page
// (noopener), or tel: to the phone's dialer. Other schemes are refused (the links are built in C++, this is
// the last guard). Our server's documents and images (an article's downloads and pictures) open by their path: a
// document downloads (Content-Disposition: attachment), an image opens in a new tab.
EM_JS(void, gy_js_open_link, (const char* url), {
  const u = UTF8ToString(url);
  // [/] rather than an escaped slash: EM_JS drops backslashes.
  if (!/^(https:|tel:|[/]api[/]v1[/](documents[/][0-9]+[/]download|images[/][0-9]+)$)/.test(u)) return;
  const a = document.createElement("a");
  a.href = u;
  if (u.startsWith("https:") || u.startsWith("/api/v1/images/")) { a.target = "_blank"; a.rel = "noopener noreferrer"; }
  document.body.appendChild(a);
  a.click();
  a.remove();
});

// Shares the page's own link to `hash`: the system share sheet where there is one (phones), else the clipboard.
EM_JS(void, gy_js_share, (const char* title, const char* hash), {
  const url = location.origin + location.pathname + UTF8ToString(hash);
  if (navigator.share) navigator.share({ title: UTF8ToString(title), url: url }).catch(() => {});
  else if (navigator.clipboard) navigator.clipboard.writeText(url).catch(() => {});
});

EM_JS(char*, gy_js_load_setting, (const char* key), {
  let v = "";
  try { v = localStorage.getItem(UTF8ToString(key)) || ""; } catch (e) {}
  const n = lengthBytesUTF8(v) + 1, p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});

EM_JS(void, gy_js_save_setting, (const char* key, const char* value), {
  try {
    const v = UTF8ToString(value);
    if (v) localStorage.setItem(UTF8ToString(key), v); else localStorage.removeItem(UTF8ToString(key));
  } catch (e) {}
});

EM_JS(char*, gy_js_new_key, (), {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const v = Array.from(bytes, (x) => x.toString(16).padStart(2, "0")).join("");
  const p = _malloc(33);
  stringToUTF8(v, p, 33);
  return p;
});

// A refresh tick every minute (bookings promoted from the waitlist, reminders); not a frame loop.
EM_JS(void, gy_js_start_refresh_timer, (), { setInterval(() => _gy_refresh_tick(), 60000); });

// One TimerFired{token} after `milliseconds`.
EM_JS(void, gy_js_start_timer, (double token, int milliseconds), {
  setTimeout(() => _gy_timer_fired(token), milliseconds);
});

// History: the app's views are URL hashes (app/navigation.h); back, forward and edited hashes come back as
// routes. pushState fires neither event, so the app never hears its own changes.
EM_JS(void, gy_js_watch_route, (), {
  const send = () => {
    const h = location.hash, n = lengthBytesUTF8(h) + 1, p = _malloc(n);
    stringToUTF8(h, p, n);
    _gy_route(p);
    _free(p);
  };
  window.addEventListener("popstate", send);
  window.addEventListener("hashchange", send);
});

EM_JS(char*, gy_js_current_route, (), {
  const h = location.hash, n = lengthBytesUTF8(h) + 1, p = _malloc(n);
  stringToUTF8(h, p, n);
  return p;
});

// The offscreen live region (index.html #gy-live): text only, never markup.
EM_JS(void, gy_js_announce, (const char* text), {
  const live = document.getElementById("gy-live");
  if (live) live.textContent = UTF8ToString(text);
});

EM_JS(void, gy_js_show_route, (const char* hash, int replace), {
  const h = UTF8ToString(hash);
  if (location.hash === h || (h === "#/" && location.hash === "")) return;
  if (replace) history.replaceState(null, "", h);
  else history.pushState(null, "", h);
});

EM_JS(void, gy_js_geolocate, (), {
  if (!navigator.geolocation) { setTimeout(() => _gy_geo_failed(4), 0); return; }
  navigator.geolocation.getCurrentPosition(
    (p) => _gy_geo_found(p.coords.latitude, p.coords.longitude, p.coords.accuracy),
    (e) => _gy_geo_failed(e.code || 2),
    { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
});

// Seconds between the page's time origin and the Unix epoch: performance.now() + this = Date.now().
EM_JS(double, gy_js_epoch_offset, (), { return performance.timeOrigin / 1000; });

EM_JS(int, gy_js_test_hook_requested, (), { return /[?&]test=1(&|$)/.test(location.search) ? 1 : 0; });

// When main() began: the wasm was fetched, compiled and instantiated (the load benchmark's breakdown).
EM_JS(void, gy_js_mark_main_start, (), {
  window.gongyouTest = window.gongyouTest || {};
  window.gongyouTest.mainMs = performance.now();
});

EM_JS(void, gy_js_mark_first_frame, (), {
  const t = performance.now();
  window.gongyouTest = window.gongyouTest || {};
  window.gongyouTest.firstFrameMs = t;
  document.documentElement.classList.add('gy-ready');
  const loader = document.getElementById('gy-loading');
  if (loader) loader.remove();
});

EM_JS(void, gy_js_mark_first_listed, (), {
  window.gongyouTest = window.gongyouTest || {};
  window.gongyouTest.firstListedMs = performance.now();
});

EM_JS(void, gy_js_publish_test_state, (const char* json), {
  window.gongyouTest = window.gongyouTest || {};
  window.gongyouTest.state = UTF8ToString(json);
});

//-------------------------------------------------------------------------------------------------
// [SECTION] Exported entry points
//-------------------------------------------------------------------------------------------------

namespace {
gongyou::platform::BrowserCallbacks g_callbacks;
gongyou::ui::InputFeed g_input;  // pointer, keys and text in the order they came, until a frame takes them

void wake() {
  if (g_callbacks.wake) g_callbacks.wake();
}

void emit(const gongyou::PlatformEvent& event) {
  if (g_callbacks.on_event) g_callbacks.on_event(event);
  wake();
}

/// Browser keyCode -> ImGuiKey, for the keys ImGui widgets use.
ImGuiKey key_from_keycode(int code) {
  if (code >= 65 && code <= 90) return static_cast<ImGuiKey>(ImGuiKey_A + (code - 65));
  if (code >= 48 && code <= 57) return static_cast<ImGuiKey>(ImGuiKey_0 + (code - 48));
  switch (code) {
    case 8: return ImGuiKey_Backspace;
    case 9: return ImGuiKey_Tab;
    case 13: return ImGuiKey_Enter;
    case 27: return ImGuiKey_Escape;
    case 32: return ImGuiKey_Space;
    case 33: return ImGuiKey_PageUp;
    case 34: return ImGuiKey_PageDown;
    case 35: return ImGuiKey_End;
    case 36: return ImGuiKey_Home;
    case 37: return ImGuiKey_LeftArrow;
    case 38: return ImGuiKey_UpArrow;
    case 39: return ImGuiKey_RightArrow;
    case 40: return ImGuiKey_DownArrow;
    case 45: return ImGuiKey_Insert;
    case 46: return ImGuiKey_Delete;
    default: return ImGuiKey_None;
  }
}
}  // namespace

extern "C" {

/// Pointer: kind 0 press, 1 move, 2 release, 3 position only, 4 left (touch lifted); source 1 = touch/pen.
EMSCRIPTEN_KEEPALIVE void gy_pointer(int kind, float x, float y, int button, int source) {
  g_input.pointer_moved(source == 1 ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse, x, y, kind == 4);
  if ((kind == 0 || kind == 2) && button >= 0 && button < 3) {
    // Browser buttons: 0 left, 1 middle, 2 right; ImGui: 0 left, 1 right, 2 middle.
    g_input.pointer_button(button == 1 ? 2 : button == 2 ? 1 : 0, kind == 0);
  }
  wake();
}

/// Wheel over the UI, in lines (positive = up/left).
EMSCRIPTEN_KEEPALIVE void gy_wheel(float dx, float dy) {
  g_input.wheel(dx, dy);
  wake();
}

/// Key press or release; returns 1 when ImGui wants the keyboard (the page then keeps the key). Modifiers: Ctrl 1,
/// Shift 2, Alt 4, Super 8 (ui::InputFeed::Modifier).
EMSCRIPTEN_KEEPALIVE int gy_key(int keycode, int down, int modifiers) {
  const ImGuiKey key = key_from_keycode(keycode);
  g_input.key(key, down != 0, modifiers);
  wake();
  return ImGui::GetIO().WantCaptureKeyboard && key != ImGuiKey_None ? 1 : 0;
}

/// Committed text (typed, pasted, or ended IME composition), UTF-8.
EMSCRIPTEN_KEEPALIVE void gy_text(const char* utf8) {
  g_input.text(utf8);
  wake();
}

/// The page gained (1) or lost (0) focus.
EMSCRIPTEN_KEEPALIVE void gy_focus(int focused) {
  g_input.focus(focused != 0);
  wake();
}

/// Something outside ImGui changed (resize, pixel ratio).
EMSCRIPTEN_KEEPALIVE void gy_wake() { wake(); }

/// A fetch() finished; status 0 when the network failed; `offline`: a kept answer or no answer at all.
EMSCRIPTEN_KEEPALIVE void gy_fetch_done(double request, int status, const char* body, int offline) {
  emit(gongyou::HttpAnswered{gongyou::RequestId{static_cast<std::uint64_t>(request)},
                             gongyou::HttpResponse{status, body ? body : "", offline != 0}});  // no body: a saved file
}

/// Geolocation answered with a position.
EMSCRIPTEN_KEEPALIVE void gy_geo_found(double lat, double lon, double accuracy_m) {
  emit(gongyou::GeolocationFound{{lat, lon}, gongyou::Metres{accuracy_m}});
}

/// Geolocation failed with a W3C error code (1 denied, 2 unavailable, 3 timeout; 4 = no API).
EMSCRIPTEN_KEEPALIVE void gy_geo_failed(int code) {
  const auto reason = code >= 1 && code <= 4 ? static_cast<gongyou::GeolocationError>(code)
                                             : gongyou::GeolocationError::position_unavailable;
  emit(gongyou::GeolocationFailed{reason});
}

/// Once a minute.
EMSCRIPTEN_KEEPALIVE void gy_refresh_tick() { emit(gongyou::RefreshTick{}); }

/// A timer of start_timer ran out.
EMSCRIPTEN_KEEPALIVE void gy_timer_fired(double token) { emit(gongyou::TimerFired{static_cast<std::uint64_t>(token)}); }

/// Back, forward, or an edited URL hash.
EMSCRIPTEN_KEEPALIVE void gy_route(const char* hash) { emit(gongyou::RouteChanged{hash}); }

/// Called by the map bridge (leaflet_map_view.cpp) for marker clicks.
EMSCRIPTEN_KEEPALIVE void gy_marker_clicked(double site_id) {
  emit(gongyou::MarkerClicked{gongyou::SiteId{static_cast<std::int64_t>(site_id)}});
}

/// Called by the map bridge for clicks on a cluster marker (national scale).
EMSCRIPTEN_KEEPALIVE void gy_cluster_clicked(double cluster, double lat, double lon) {
  emit(gongyou::ClusterClicked{static_cast<std::uint32_t>(cluster), {lat, lon}});
}

/// Called by the map bridge after a pan or zoom ended, with the visible bounds.
EMSCRIPTEN_KEEPALIVE void gy_map_moved(double lat, double lon, double zoom, double west, double south, double east,
                                       double north) {
  emit(gongyou::MapMoved{{lat, lon}, zoom, gongyou::BoundingBox{west, south, east, north}});
}

}  // extern "C"

//-------------------------------------------------------------------------------------------------
// [SECTION] C++ side
//-------------------------------------------------------------------------------------------------

namespace gongyou::platform {

bool init_browser(BrowserCallbacks callbacks) {
  gy_js_mark_main_start();
  g_callbacks = std::move(callbacks);
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = true;               // the map shows through where there is no UI
  attrs.premultipliedAlpha = true;
  attrs.antialias = false;
  attrs.depth = false;
  attrs.stencil = false;
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context("#gy-canvas", &attrs);
  if (context <= 0) return false;
  emscripten_webgl_make_context_current(context);
  gy_js_install_input();
  return true;
}

CanvasMetrics window_metrics() {
  CanvasMetrics m;
  m.css_width = static_cast<float>(gy_js_window_css_width());
  m.css_height = static_cast<float>(gy_js_window_css_height());
  m.pixel_ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
  return m;
}

void place_canvas(const PixelRect& area, float pixel_ratio) {
  static PixelRect placed{-1, -1, -1, -1};
  static float placed_ratio = 0;
  if (area == placed && pixel_ratio == placed_ratio) return;
  int cw = 0, ch = 0;
  emscripten_get_canvas_element_size("#gy-canvas", &cw, &ch);
  if (cw != area.width || ch != area.height) emscripten_set_canvas_element_size("#gy-canvas", area.width, area.height);
  gy_js_place_canvas(area.x / pixel_ratio, area.y / pixel_ratio, area.width / pixel_ratio, area.height / pixel_ratio);
  placed = area;
  placed_ratio = pixel_ratio;
}

void request_animation_frame(void (*frame)()) {
  static bool pending = false;
  static void (*callback)() = nullptr;
  callback = frame;
  if (pending) return;
  pending = true;
  emscripten_request_animation_frame(
      [](double, void*) -> EM_BOOL {
        pending = false;
        callback();
        return EM_FALSE;
      },
      nullptr);
}

void set_ui_rects(std::span<const float> xywh) { gy_js_set_ui_rects(xywh.data(), static_cast<int>(xywh.size())); }

void set_text_input(bool active, float caret_x, float caret_y, float line_height) {
  gy_js_set_text_input(active ? 1 : 0, caret_x, caret_y, line_height);
}

PlatformServices platform_services() {
  PlatformServices services;
  services.send = [](RequestId id, const HttpRequest& r) {
    gy_js_fetch(static_cast<double>(id.value), r.method.c_str(), r.url.c_str(), r.body.c_str(), r.token.c_str(),
                r.idempotency_key.c_str(), r.save_as.c_str());
  };
  services.start_timer = [](std::uint64_t token, int milliseconds) {
    gy_js_start_timer(static_cast<double>(token), milliseconds);
  };
  services.request_geolocation = [] { gy_js_geolocate(); };
  services.load_setting = [](const std::string& key) {
    char* value = gy_js_load_setting(key.c_str());
    std::string out(value);
    std::free(value);
    return out;
  };
  services.open_link = [](const std::string& url) { gy_js_open_link(url.c_str()); };
  services.share = [](const std::string& title, const std::string& hash) { gy_js_share(title.c_str(), hash.c_str()); };
  services.save_setting = [](const std::string& key, const std::string& value) {
    gy_js_save_setting(key.c_str(), value.c_str());
  };
  services.now = now_utc;
  services.new_key = [] {
    char* key = gy_js_new_key();
    std::string out(key);
    std::free(key);
    return out;
  };
  services.initial_route = [] {
    char* hash = gy_js_current_route();
    std::string out(hash);
    std::free(hash);
    return out;
  };
  services.show_route = [](const std::string& hash, bool replace) { gy_js_show_route(hash.c_str(), replace ? 1 : 0); };
  services.announce = [](const std::string& text) { gy_js_announce(text.c_str()); };
  gy_js_start_refresh_timer();
  gy_js_watch_route();
  return services;
}


bool feed_input() { return g_input.feed(); }

bool test_hook_requested() { return gy_js_test_hook_requested() != 0; }

void mark_first_frame() { gy_js_mark_first_frame(); }

void mark_first_listed() { gy_js_mark_first_listed(); }

void publish_test_state(const std::string& json) { gy_js_publish_test_state(json.c_str()); }

double now_seconds() { return emscripten_get_now() / 1000.0; }

UtcSeconds now_utc() { return UtcSeconds{static_cast<std::int64_t>(emscripten_get_now() / 1000.0 + gy_js_epoch_offset())}; }

}  // namespace gongyou::platform
