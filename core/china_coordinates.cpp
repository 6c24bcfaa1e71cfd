// core/china_coordinates.cpp — see china_coordinates.h.
#include "core/china_coordinates.h"

#include <cmath>
#include <numbers>

namespace gongyou {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kKrasovskyA = 6378245.0;                // semi-major axis, metres
constexpr double kKrasovskyE2 = 0.00669342162296594323;  // first eccentricity squared

double offset_lat(double x, double y) {
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  return r;
}

double offset_lon(double x, double y) {
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  return r;
}

}  // namespace

bool inside_china_datum_box(LatLon p) {
  return p.lon >= 72.004 && p.lon <= 137.8347 && p.lat >= 0.8293 && p.lat <= 55.8271;
}

LatLon wgs84_to_gcj02(LatLon wgs) {
  if (!inside_china_datum_box(wgs)) return wgs;
  const double x = wgs.lon - 105.0, y = wgs.lat - 35.0;
  const double rad_lat = wgs.lat / 180.0 * kPi;
  double magic = std::sin(rad_lat);
  magic = 1 - kKrasovskyE2 * magic * magic;
  const double sqrt_magic = std::sqrt(magic);
  const double dlat = (offset_lat(x, y) * 180.0) / ((kKrasovskyA * (1 - kKrasovskyE2)) / (magic * sqrt_magic) * kPi);
  const double dlon = (offset_lon(x, y) * 180.0) / (kKrasovskyA / sqrt_magic * std::cos(rad_lat) * kPi);
  return LatLon{wgs.lat + dlat, wgs.lon + dlon};
}

LatLon gcj02_to_wgs84(LatLon gcj) {
  if (!inside_china_datum_box(gcj)) return gcj;
  // Fixed point of wgs = gcj - (f(wgs) - wgs): the offset changes by < 1e-5 of itself per metre, so each step
  // gains about five digits; 1e-9° is 0.1 mm.
  LatLon wgs = gcj;
  for (int i = 0; i < 10; ++i) {
    const LatLon shifted = wgs84_to_gcj02(wgs);
    const double dlat = shifted.lat - gcj.lat, dlon = shifted.lon - gcj.lon;
    wgs = LatLon{wgs.lat - dlat, wgs.lon - dlon};
    if (std::abs(dlat) < 1e-10 && std::abs(dlon) < 1e-10) break;
  }
  return wgs;
}

}  // namespace gongyou
