// core/geo.cpp — see geo.h.
#include "core/geo.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace gongyou {
namespace {
constexpr double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }
}  // namespace

Metres great_circle_distance(LatLon a, LatLon b) {
  // Haversine: numerically stable for the short distances that matter here.
  const double dlat = radians(b.lat - a.lat);
  const double dlon = radians(b.lon - a.lon);
  const double s = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(radians(a.lat)) * std::cos(radians(b.lat)) * std::sin(dlon / 2) * std::sin(dlon / 2);
  const double central_angle = 2 * std::asin(std::min(1.0, std::sqrt(s)));
  return Metres{kEarthRadius.value * central_angle};
}

Minutes walk_minutes(Metres straight_line, MetresPerMinute speed, double detour_factor) {
  return Minutes{straight_line.value * detour_factor / speed.value};
}

Metres walk_ring_radius(Minutes minutes, MetresPerMinute speed, double detour_factor) {
  return Metres{minutes.value * speed.value / detour_factor};
}

}  // namespace gongyou
