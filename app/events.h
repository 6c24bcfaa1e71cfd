// app/events.h — what the platform reports, as plain typed values. wasm/platform turns every JS callback into one
// of these at once and queues it (app/event_queue.h); the main loop hands them to App::handle between frames.
#pragma once
#include <cstdint>
#include <string>
#include <variant>

#include "app/services.h"
#include "core/units.h"

namespace gongyou {

/// Why the app could not find the user (browser geolocation error codes, W3C Geolocation API §7).
enum class GeolocationError : std::uint8_t { permission_denied = 1, position_unavailable = 2, timeout = 3, unsupported = 4 };

struct MarkerClicked { SiteId site; };                                   ///< a map marker was clicked or tapped
struct ClusterClicked { std::uint32_t cluster; LatLon position; };      ///< a cluster marker was clicked
struct MapMoved { LatLon center; double zoom; BoundingBox bounds{}; };  ///< the map finished a pan or zoom
struct GeolocationFound { LatLon position; Metres accuracy; };          ///< the browser found the user
struct GeolocationFailed { GeolocationError reason; };                  ///< the browser could not, or was not allowed to
struct RefreshTick {};                                                  ///< once a minute: reload what may have changed
struct RouteChanged { std::string hash; };                              ///< back, forward, or an edited URL hash
struct HttpAnswered { RequestId request; HttpResponse response; };      ///< a request sent through PlatformServices::send
struct TimerFired { std::uint64_t token; };                             ///< a timer of PlatformServices::start_timer

/// Any platform event.
using PlatformEvent = std::variant<MarkerClicked, ClusterClicked, MapMoved, GeolocationFound, GeolocationFailed,
                                   RefreshTick, RouteChanged, HttpAnswered, TimerFired>;

}  // namespace gongyou
