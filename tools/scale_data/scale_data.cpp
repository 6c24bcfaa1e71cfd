// tools/scale_data/scale_data.cpp — see scale_data.h.
//
// [SECTION] Cities and word pools
// [SECTION] Random numbers   splitmix64; approximately normal offsets as sums of uniforms (Irwin–Hall, n = 4)
// [SECTION] Placement        a city by population, then an offset that decays with distance from its centre
// [SECTION] Sites, demand
#include "tools/scale_data/scale_data.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "tools/demo_data/splitmix.h"

namespace gongyou::scale {
namespace {

using namespace std::string_view_literals;

// [SECTION] Cities and word pools

constexpr City kCities[] = {
#include "tools/scale_data/cities.inc"
};

constexpr std::array kRoads{"人民路"sv, "中山路"sv, "解放路"sv,   "建设路"sv, "和平路"sv,   "新华路"sv,   "文化路"sv,
                            "胜利路"sv, "长江路"sv, "黄河路"sv,   "朝阳路"sv, "东风路"sv,   "光明路"sv,   "友谊路"sv,
                            "青年路"sv, "振兴路"sv, "工业大道"sv, "滨江路"sv, "迎宾大道"sv, "幸福路"sv,   "学府路"sv,
                            "环城路"sv, "站前路"sv, "北京路"sv,   "南京路"sv, "世纪大道"sv, "开发大道"sv, "健康路"sv};
constexpr std::array kDistricts{"城关"sv,   "城东"sv, "城西"sv, "城南"sv, "城北"sv,   "高新区"sv,
                                "经开区"sv, "新区"sv, "老城"sv, "港区"sv, "工业园"sv, "临空区"sv};
constexpr std::array kHosts{"中国石化加油站"sv, "中国石油加油站"sv, "邮政网点"sv,     "农商银行"sv,   "工商银行"sv,
                            "建设银行"sv,       "社区服务中心"sv,   "党群服务中心"sv, "环卫所"sv,     "公园管理处"sv,
                            "便利店"sv,         "快递网点"sv,       "物业服务中心"sv, "商场"sv,       "地铁站"sv,
                            "汽车站"sv,         "医院"sv,           "图书馆"sv,       "供电营业厅"sv, "交警岗亭"sv};

/// The type of a station with its share in thousandths and the word ending its name.
struct Kind {
  SiteType type;
  std::uint32_t per_mille;
  std::string_view suffix;
};
constexpr std::array kKinds{
    Kind{SiteType::love_station, 520, "爱心驿站"sv}, Kind{SiteType::love_station, 180, "户外劳动者服务站"sv},
    Kind{SiteType::water_point, 170, "饮水点"sv},    Kind{SiteType::workers_home, 50, "职工之家"sv},
    Kind{SiteType::mommy_hut, 40, "妈咪小屋"sv},     Kind{SiteType::service_center, 40, "工会服务站"sv},
};

// Facility ids as in the Hui'an demo data (tools/demo_data), so that filters work the same on both data sets.
constexpr std::array kFacilities{"water"sv, "hot_water"sv, "charging"sv,  "microwave"sv, "toilet"sv,
                                 "wifi"sv,  "aed"sv,       "rest_area"sv, "first_aid"sv, "parking"sv};

// Hours as staff write them: OSM syntax, its Chinese spelling, overnight stations for night-shift workers.
constexpr std::array kHours{
    "24/7"sv,
    "24/7"sv,
    "Mo-Su 07:00-21:00"sv,
    "Mo-Su 06:30-22:00"sv,
    "Mo-Fr 07:00-19:00; Sa,Su 08:00-18:00"sv,
    "Mo-Su 06:00-22:00; PH 08:00-18:00"sv,
    "每天 07:00-21:00"sv,
    "周一至周五 08:00-12:00,14:00-18:00；周六、周日 09:00-17:00"sv,
    "Mo-Su 18:00-08:00"sv,
    "每天 22:00-次日06:00"sv,
    "Mo-Sa 08:00-20:00; Su off"sv,
};

// [SECTION] Random numbers

/// The demo data's splitmix64 generator (tools/demo_data/splitmix.h): identical on every platform.
using Rng = demo::Random;

/// Approximately standard normal: the sum of four uniforms, centred and scaled to variance 1 (|x| < 3.47).
double normal(Rng& rng) {
  const double a = rng.unit(), b = rng.unit(), c = rng.unit(), d = rng.unit();  // drawn in this order
  return (a + b + c + d - 2.0) * 1.7320508075688772;
}

// [SECTION] Placement

/// cos of a latitude in degrees for |lat| ≤ 60 by its Taylor series to x⁸ (error < 1e-5): + - * only.
double cos_degrees(double lat) {
  const double x = lat * (3.141592653589793 / 180.0), x2 = x * x;
  return 1 - x2 / 2 * (1 - x2 / 12 * (1 - x2 / 30 * (1 - x2 / 56)));
}

/// Picks cities in proportion to their population.
class CityPicker {
 public:
  CityPicker() {
    std::uint64_t total = 0;
    for (const City& c : kCities) cumulative_.push_back(total += c.population);
  }
  std::size_t pick(Rng& rng) const {
    const std::uint64_t r = rng.next() % cumulative_.back();
    return static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), r) - cumulative_.begin());
  }

 private:
  std::vector<std::uint64_t> cumulative_;
};

/// A position near a city: most in its built-up core, a quarter in its counties, density falling with distance.
/// The core's spread grows with the square root of the population (≈ 10 km for 300万, 27 km for 2000万).
LatLon place_near(const City& city, Rng& rng) {
  const double core_km = 6.0 * std::sqrt(city.population / 100.0);
  const double u = rng.unit();
  const double spread_km = u < 0.55 ? core_km * 0.35 : u < 0.8 ? core_km : core_km * 3.0;
  const double north_km = normal(rng) * spread_km, east_km = normal(rng) * spread_km;
  const double lat = city.center.lat + north_km / 111.195;
  const double lon = city.center.lon + east_km / (111.195 * cos_degrees(city.center.lat));
  return LatLon{std::clamp(lat, -85.0, 85.0), std::clamp(lon, -180.0, 180.0)};
}

/// Rounds to 6 decimals (≈ 0.1 m), as a survey would give them, and as JSON carries them compactly.
double round6(double degrees) {
  const double scaled = degrees * 1e6;
  const auto whole = static_cast<std::int64_t>(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
  return static_cast<double>(whole) / 1e6;
}

}  // namespace

std::span<const City> cities() { return kCities; }

// [SECTION] Sites, demand

std::vector<Site> scale_sites(std::size_t count, std::uint64_t seed) {
  Rng rng(seed);
  const CityPicker picker;
  std::vector<Site> sites;
  sites.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const City& city = kCities[picker.pick(rng)];
    const LatLon p = place_near(city, rng);
    std::uint32_t r = static_cast<std::uint32_t>(rng.below(1000));
    const Kind* kind = &kKinds.back();
    for (const Kind& k : kKinds) {
      if (r < k.per_mille) {
        kind = &k;
        break;
      }
      r -= k.per_mille;
    }
    Site site;
    site.id = SiteId{static_cast<std::int64_t>(i + 1)};
    site.type = kind->type;
    const std::string_view road = rng.pick(kRoads), district = rng.pick(kDistricts), host = rng.pick(kHosts);
    const std::size_t number = 1 + rng.below(899);
    site.name.reserve(96);
    ((((site.name += city.name) += road) += host) += kind->suffix);
    site.town = std::string(city.name) + "市";
    // A municipality (北京市, 上海市, 天津市, 重庆市) is its own province: its name is written once.
    site.address = std::string(city.province);
    if (city.province != site.town) site.address += site.town;
    (((site.address += district) += road) += std::to_string(number)) += "号";
    site.position = LatLon{round6(p.lat), round6(p.lon)};
    site.phone = rng.below(2) == 0 ? "12351" : "";  // 12351: the unions' national hotline
    site.hours = std::string(rng.pick(kHours));
    // Water everywhere; what outdoor workers ask for next (charging, microwave, toilet) at most; the rest sometimes.
    site.facilities.emplace_back("water");
    for (std::size_t f = 1; f < kFacilities.size(); ++f) {
      const std::uint64_t chance = f <= 4 ? 70 : f == 6 ? 15 : 40;  // percent; aed is rare
      if (rng.below(100) < chance) site.facilities.emplace_back(kFacilities[f]);
    }
    site.bookable = false;
    sites.push_back(std::move(site));
  }
  return sites;
}

std::vector<DemandPoint> scale_demand(std::size_t count, std::uint64_t seed) {
  Rng rng(seed);
  const CityPicker picker;
  std::vector<DemandPoint> demand;
  demand.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t c = picker.pick(rng);
    const LatLon p = place_near(kCities[c], rng);
    const double u = rng.unit();
    // Heavy-tailed workplace sizes: most shops have a few members, a factory hundreds (mean ≈ 60).
    const auto members = static_cast<std::uint32_t>(1 + u * u * u * u * 300);
    demand.push_back(DemandPoint{LatLon{round6(p.lat), round6(p.lon)}, members, static_cast<std::uint32_t>(c)});
  }
  return demand;
}

}  // namespace gongyou::scale
