// core/geo.h — distances on the sphere and walking time.
#pragma once
#include "core/units.h"

namespace gongyou {

/// Mean Earth radius used by every distance in the product (IUGG mean radius R1).
inline constexpr Metres kEarthRadius{6371008.8};

/// Average walking speed: 4.8 km/h, the usual planning figure for adult pedestrians.
inline constexpr MetresPerMinute kWalkingSpeed{80.0};

/// Street network distance divided by straight-line distance; 1.3 is typical of Chinese county towns.
/// Kept as a named parameter because a fixed circle overstates coverage (15-minute-city research).
inline constexpr double kWalkingDetourFactor = 1.3;

/// The 15-minute service circle (15分钟服务圈) of the articles.
inline constexpr Minutes kDefaultRingMinutes{15.0};

/// Great-circle distance between two points (haversine formula).
Metres great_circle_distance(LatLon a, LatLon b);

/// Minutes on foot for a straight-line distance, with the detour factor applied.
Minutes walk_minutes(Metres straight_line, MetresPerMinute speed = kWalkingSpeed,
                     double detour_factor = kWalkingDetourFactor);

/// Radius of the circle a walker covers in the given time: the inverse of walk_minutes.
Metres walk_ring_radius(Minutes minutes = kDefaultRingMinutes, MetresPerMinute speed = kWalkingSpeed,
                        double detour_factor = kWalkingDetourFactor);

}  // namespace gongyou
