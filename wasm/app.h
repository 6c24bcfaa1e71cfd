// wasm/app.h — the controller: applies intents and platform events to AppState, drives the map and the API.
// Platform-free: the browser services come in as AppServices, the map as a MapView, so tests run it natively.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "wasm/app_state.h"
#include "wasm/intent.h"
#include "wasm/map_view.h"

namespace gongyou {

/// An HTTP answer: status 0 means the request never got one (network down).
struct HttpResponse {
  int status = 0;
  std::string body;
};

/// What the app needs from the browser besides the map.
struct AppServices {
  /// GET `url` (same origin); `done` is called exactly once, later.
  std::function<void(const std::string& url, std::function<void(HttpResponse)> done)> http_get;
  /// Ask the browser for the user's position; the answer comes back as a PlatformEvent.
  std::function<void()> request_geolocation;
};

/// The browser app's controller.
class App {
 public:
  /// Zoom level used when showing one site: its 15-minute ring fills a phone screen.
  static constexpr double kSiteZoom = 15;

  App(MapView& map, AppServices services);

  /// Loads the sites and draws the region; call once.
  void start();
  /// Applies what a view asked for.
  void apply(const Intent& intent);
  /// Applies what the browser reported.
  void handle(const PlatformEvent& event);

  const AppState& state() const { return state_; }

 private:
  void load_sites_page(const std::string& cursor);
  void sites_changed();  // pushes markers to the map after a load or filter change
  void select(SiteId id, bool from_map);

  MapView& map_;
  AppServices services_;
  AppState state_;
  std::vector<Site> loading_;          // pages received so far
  std::uint64_t map_shown_revision_ = ~0ull;
};

}  // namespace gongyou
