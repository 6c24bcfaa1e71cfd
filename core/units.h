// core/units.h — domain quantities as their own types (metres, minutes, coordinates; ids in core/ids.h).
// Bare doubles and ints do not cross module boundaries: a Metres cannot be passed where Minutes are meant.
#pragma once
#include <compare>
#include <cstdint>

#include "core/ids.h"  // the ids of stored objects (SiteId, ...), long declared here

namespace gongyou {

/// A length on the ground, in metres.
struct Metres {
  double value = 0;
  friend constexpr auto operator<=>(Metres, Metres) = default;
};

/// A duration, in minutes.
struct Minutes {
  double value = 0;
  friend constexpr auto operator<=>(Minutes, Minutes) = default;
};

/// A speed on foot, in metres per minute.
struct MetresPerMinute {
  double value = 0;
};

/// A WGS-84 position in decimal degrees (EPSG:4326), latitude first as spoken, not as in GeoJSON.
struct LatLon {
  double lat = 0;
  double lon = 0;
  friend constexpr bool operator==(LatLon, LatLon) = default;
};

/// True when lat is in [-90, 90] and lon in [-180, 180] and neither is NaN.
constexpr bool is_valid(LatLon p) {
  return p.lat >= -90.0 && p.lat <= 90.0 && p.lon >= -180.0 && p.lon <= 180.0;
}

/// An axis-aligned box in degrees: the GeoJSON/WMS order minLon,minLat,maxLon,maxLat.
struct BoundingBox {
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
  /// True when p lies inside or on the border.
  constexpr bool contains(LatLon p) const {
    return p.lon >= min_lon && p.lon <= max_lon && p.lat >= min_lat && p.lat <= max_lat;
  }
  /// The box of the one point p; extend() grows it to hold more.
  static constexpr BoundingBox around(LatLon p) { return {p.lon, p.lat, p.lon, p.lat}; }
  /// Grows the box just enough to hold p.
  constexpr void extend(LatLon p) {
    min_lon = p.lon < min_lon ? p.lon : min_lon;
    max_lon = p.lon > max_lon ? p.lon : max_lon;
    min_lat = p.lat < min_lat ? p.lat : min_lat;
    max_lat = p.lat > max_lat ? p.lat : max_lat;
  }
};

}  // namespace gongyou
