// wasm/intent.h — what a view asks for and what the browser reports, as plain typed values.
// Views emit Intents; wasm/platform turns every JS callback into a PlatformEvent at once.
#pragma once
#include <string>
#include <variant>

#include "core/site_type.h"
#include "core/units.h"
#include "wasm/app_state.h"

namespace gongyou {

// ---- Intents (from views) ----
struct ToggleType { SiteType type; };        ///< show/hide one site type
struct ShowAllTypes {};                      ///< show every site type
struct SetQuery { std::string text; };       ///< filter by search text
struct SelectSite { SiteId site; };          ///< choose a site in the panel
struct LocateMe {};                          ///< sort by distance from the user ("near me")
struct UseMapCenter {};                      ///< sort by distance from the map center
struct RetryLoad {};                         ///< load the sites again after a failure
using Intent = std::variant<ToggleType, ShowAllTypes, SetQuery, SelectSite, LocateMe, UseMapCenter, RetryLoad>;

// ---- Platform events (from the browser) ----
struct MarkerClicked { SiteId site; };                  ///< a map marker was clicked or tapped
struct MapMoved { LatLon center; double zoom; };         ///< the map finished a pan or zoom
struct GeolocationFound { LatLon position; Metres accuracy; };  ///< the browser found the user
struct GeolocationFailed { GeolocationError reason; };   ///< the browser could not, or was not allowed to
using PlatformEvent = std::variant<MarkerClicked, MapMoved, GeolocationFound, GeolocationFailed>;

}  // namespace gongyou
