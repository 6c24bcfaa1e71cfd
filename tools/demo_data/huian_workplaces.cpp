// tools/demo_data/huian_workplaces.cpp — see huian_workplaces.h.
#include "tools/demo_data/huian_workplaces.h"

#include <cmath>
#include <cstdint>

#include "core/geo.h"
#include "tools/demo_data/huian_demo.h"
#include "tools/demo_data/splitmix.h"

namespace gongyou::demo {
namespace {

constexpr double kMetresPerDegreeLat = 111195.08;
constexpr double kMetresPerDegreeLon = 100752.6;  // at 25° N
constexpr std::uint64_t kSeed = 0x5EED'0F'F1CE'2026ull;
/// Ordinary workplaces per town, and their spread around the town centre.
constexpr int kPerTown = 18;
constexpr double kSpreadMetres = 4500;
/// Industrial parks per town, their spread, their workplaces, and how far a park stays from every site.
constexpr int kParksPerTown = 2;
constexpr double kParkSpreadMetres = 7000;
constexpr int kPerPark = 4;
constexpr double kParkClearanceMetres = 1400;


double round_coordinate(double degrees) { return std::round(degrees * 1e6) / 1e6; }

/// A point on the county's land within `spread` of `center`, denser toward it; nothing after 200 tries.
bool point_near(Random& rng, LatLon center, double spread, LatLon& out) {
  for (int attempt = 0; attempt < 200; ++attempt) {
    const double u = rng.symmetric_unit(), v = rng.symmetric_unit();
    const double rho_squared = u * u + v * v;
    if (rho_squared > 1.0) continue;
    const double rho = std::sqrt(rho_squared);
    const LatLon p{round_coordinate(center.lat + u * rho * spread / kMetresPerDegreeLat),
                   round_coordinate(center.lon + v * rho * spread / kMetresPerDegreeLon)};
    if (inside_huian(p)) {
      out = p;
      return true;
    }
  }
  return false;
}

/// True when no site is within `metres` of p.
bool far_from_sites(const std::vector<Site>& sites, LatLon p, double metres) {
  for (const Site& site : sites)
    if (great_circle_distance(site.position, p).value < metres) return false;
  return true;
}

/// Members of an ordinary workplace: mostly small (5–64), one in eight a large factory (120–519).
std::uint32_t ordinary_members(Random& rng) {
  return static_cast<std::uint32_t>(rng.below(8) == 0 ? 120 + rng.below(400) : 5 + rng.below(60));
}

}  // namespace

std::vector<Workplace> huian_workplaces() {
  Random rng(kSeed);
  const std::vector<Site> sites = huian_sites();
  std::vector<Workplace> out;
  for (const Town& town : huian_towns()) {
    const std::string name(town.official_name);
    for (int i = 0; i < kPerTown; ++i) {
      LatLon p;
      if (point_near(rng, town.center, kSpreadMetres, p)) out.push_back({p, ordinary_members(rng), name});
    }
    for (int park = 0; park < kParksPerTown; ++park) {
      LatLon centre;
      bool found = false;
      for (int attempt = 0; attempt < 50 && !found; ++attempt)
        found = point_near(rng, town.center, kParkSpreadMetres, centre) &&
                far_from_sites(sites, centre, kParkClearanceMetres);
      if (!found) continue;
      for (int i = 0; i < kPerPark; ++i) {
        LatLon p;
        if (point_near(rng, centre, 300, p)) out.push_back({p, static_cast<std::uint32_t>(40 + rng.below(260)), name});
      }
    }
  }
  return out;
}

}  // namespace gongyou::demo
