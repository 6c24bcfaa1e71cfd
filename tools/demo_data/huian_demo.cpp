// tools/demo_data/huian_demo.cpp — see huian_demo.h. Town centers, outline, name pools and the generator.
#include "tools/demo_data/huian_demo.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "tools/demo_data/splitmix.h"

namespace gongyou::demo {
namespace {

using namespace std::string_view_literals;

// ---- Geography ----------------------------------------------------------------------------------

/// A town with what the generator needs besides its Town entry.
struct TownProfile {
  double spread_metres;                             ///< sites fall within this distance of the center
  std::uint32_t weight;                             ///< relative share of the county's sites
  std::span<const std::string_view> roads;          ///< street names used in addresses and site names
  std::span<const std::string_view> company_kinds;  ///< local industries, as company-name endings
};

constexpr std::array kTowns{
    Town{"螺城", {25.030, 118.797}, "螺城镇"}, Town{"螺阳", {25.060, 118.770}, "螺阳镇"},
    Town{"黄塘", {25.115, 118.735}, "黄塘镇"}, Town{"紫山", {25.075, 118.705}, "紫山镇"},
    Town{"洛阳", {24.965, 118.690}, "洛阳镇"}, Town{"东园", {24.985, 118.735}, "东园镇"},
    Town{"张坂", {24.975, 118.805}, "张坂镇"}, Town{"崇武", {24.885, 118.915}, "崇武镇"},
    Town{"山霞", {24.930, 118.865}, "山霞镇"}, Town{"涂寨", {25.030, 118.865}, "涂寨镇"},
    Town{"东岭", {25.045, 118.930}, "东岭镇"}, Town{"东桥", {25.095, 118.830}, "东桥镇"},
    Town{"净峰", {25.085, 118.965}, "净峰镇"}, Town{"小岞", {25.050, 119.020}, "小岞镇"},
    Town{"辋川", {25.130, 118.880}, "辋川镇"}, Town{"百崎", {24.930, 118.730}, "百崎回族乡"},
};

// The county's land, counter-clockwise: Quanzhou Bay shore from the Luoyang bridge east to Chongwu,
// the east coast north to Xiaozuo and Jingfeng, the Meizhou Bay shore and the Quangang border west,
// then the Luojiang border south. Hand-traced to ~1 km; good enough for a background and for tests.
constexpr std::array kOutline{
    LatLon{24.950, 118.672}, LatLon{24.935, 118.690}, LatLon{24.915, 118.712}, LatLon{24.905, 118.730},
    LatLon{24.915, 118.750}, LatLon{24.935, 118.765}, LatLon{24.945, 118.790}, LatLon{24.935, 118.815},
    LatLon{24.915, 118.835}, LatLon{24.900, 118.855}, LatLon{24.880, 118.880}, LatLon{24.862, 118.905},
    LatLon{24.865, 118.930}, LatLon{24.890, 118.945}, LatLon{24.925, 118.940}, LatLon{24.960, 118.935},
    LatLon{24.995, 118.950}, LatLon{25.020, 118.975}, LatLon{25.030, 119.010}, LatLon{25.035, 119.035},
    LatLon{25.060, 119.045}, LatLon{25.075, 119.025}, LatLon{25.095, 119.000}, LatLon{25.110, 118.985},
    LatLon{25.125, 118.950}, LatLon{25.145, 118.915}, LatLon{25.160, 118.880}, LatLon{25.170, 118.845},
    LatLon{25.165, 118.810}, LatLon{25.170, 118.775}, LatLon{25.175, 118.740}, LatLon{25.165, 118.705},
    LatLon{25.140, 118.680}, LatLon{25.105, 118.665}, LatLon{25.070, 118.665}, LatLon{25.035, 118.660},
    LatLon{25.000, 118.662}, LatLon{24.970, 118.665},
};

// Metres per degree near 25.03 N, on the sphere of core/geo.h (R·π/180 and R·π/180·cos 25.03°).
// Literal constants on purpose: std::cos may differ in the last bit between glibc and the wasm libc.
constexpr double kMetresPerDegreeLat = 111195.08;
constexpr double kMetresPerDegreeLon = 100752.6;

constexpr std::array kRoadsLuocheng{"八二三中路"sv, "八二三东路"sv, "八二三西路"sv, "建设路"sv, "中山路"sv, "世纪大道"sv,
                                    "南山路"sv,     "北山路"sv,     "科山路"sv,     "霞光路"sv, "城南路"sv, "惠兴街"sv};
constexpr std::array kRoadsLuoyang{"螺阳大道"sv, "工业路"sv, "惠泉路"sv, "北二环路"sv, "溪滨路"sv, "锦山路"sv};
constexpr std::array kRoadsHuangtang{"黄塘大道"sv, "塘园路"sv, "虎窟路"sv, "工业路"sv, "兴黄路"sv};
constexpr std::array kRoadsZishan{"紫山大道"sv, "林口路"sv, "紫林路"sv, "工业路"sv};
constexpr std::array kRoadsLuoyangTown{"洛阳古街"sv, "万安路"sv, "洛阳大道"sv, "桥南路"sv, "江滨路"sv};
constexpr std::array kRoadsDongyuan{"东园大道"sv, "杏秀路"sv, "东埭路"sv, "惠南大道"sv};
constexpr std::array kRoadsZhangban{"张坂大道"sv, "玉坂路"sv, "后边路"sv, "惠南大道"sv, "浮山路"sv};
constexpr std::array kRoadsChongwu{"崇武大道"sv, "古城路"sv, "海滨路"sv, "西华路"sv, "莲西路"sv, "半月湾路"sv};
constexpr std::array kRoadsShanxia{"山霞大道"sv, "东坑路"sv, "下坑路"sv, "惠崇路"sv};
constexpr std::array kRoadsTuzhai{"涂寨大道"sv, "埔塘路"sv, "文笔路"sv, "惠东路"sv};
constexpr std::array kRoadsDongling{"东岭大道"sv, "许山头路"sv, "前群路"sv, "石材路"sv};
constexpr std::array kRoadsDongqiao{"东桥大道"sv, "石化大道"sv, "泉惠路"sv, "珠山路"sv};
constexpr std::array kRoadsJingfeng{"净峰大道"sv, "净峰寺路"sv, "莲城路"sv, "滨海路"sv};
constexpr std::array kRoadsXiaozuo{"小岞大道"sv, "前海路"sv, "螺山路"sv, "风车路"sv};
constexpr std::array kRoadsWangchuan{"辋川大道"sv, "湄洲湾大道"sv, "峰前路"sv, "港口路"sv};
constexpr std::array kRoadsBaiqi{"百崎大道"sv, "回族路"sv, "下埭路"sv, "湖前路"sv};

constexpr std::array kGarmentAndShoes{"服饰有限公司"sv, "鞋业有限公司"sv, "箱包有限公司"sv, "电子科技有限公司"sv};
constexpr std::array kCountySeatTrades{"服饰有限公司"sv, "鞋业有限公司"sv, "食品有限公司"sv, "物业管理有限公司"sv,
                                       "建筑工程有限公司"sv};
constexpr std::array kInlandTrades{"建材有限公司"sv, "食品有限公司"sv, "石材有限公司"sv, "农业发展有限公司"sv};
constexpr std::array kWestTrades{"机械制造有限公司"sv, "电子科技有限公司"sv, "物流有限公司"sv, "纸业有限公司"sv};
constexpr std::array kStoneTrades{"石材有限公司"sv, "石雕艺术有限公司"sv, "工艺品有限公司"sv, "建材有限公司"sv};
constexpr std::array kStoneAndSeaTrades{"石雕艺术有限公司"sv, "石材有限公司"sv, "水产食品有限公司"sv, "工艺品有限公司"sv};
constexpr std::array kPetrochemicalTrades{"石化有限公司"sv, "化工有限公司"sv, "新材料科技有限公司"sv, "物流有限公司"sv};
constexpr std::array kSeaTrades{"水产食品有限公司"sv, "船舶修造有限公司"sv, "风电运维有限公司"sv, "旅游发展有限公司"sv};

// Same order as kTowns.
const std::array<TownProfile, kTowns.size()> kProfiles{{
    {2500, 60, kRoadsLuocheng, kCountySeatTrades},
    {3500, 30, kRoadsLuoyang, kGarmentAndShoes},
    {4000, 15, kRoadsHuangtang, kInlandTrades},
    {4000, 12, kRoadsZishan, kInlandTrades},
    {3000, 15, kRoadsLuoyangTown, kWestTrades},
    {3500, 12, kRoadsDongyuan, kWestTrades},
    {3500, 25, kRoadsZhangban, kGarmentAndShoes},
    {2500, 25, kRoadsChongwu, kStoneAndSeaTrades},
    {3500, 12, kRoadsShanxia, kStoneTrades},
    {3500, 15, kRoadsTuzhai, kStoneTrades},
    {3500, 12, kRoadsDongling, kStoneTrades},
    {4000, 20, kRoadsDongqiao, kPetrochemicalTrades},
    {3000, 10, kRoadsJingfeng, kStoneAndSeaTrades},
    {2000, 8, kRoadsXiaozuo, kSeaTrades},
    {3500, 12, kRoadsWangchuan, kPetrochemicalTrades},
    {2000, 8, kRoadsBaiqi, kGarmentAndShoes},
}};

constexpr std::size_t kLuocheng = 0;

/// Not constexpr: reaching it during constant evaluation turns a typo in a table below into a compile error.
void name_missing_from_table() {}

/// Index of a town in kTowns by short name; a typo in the tables below fails to compile.
consteval std::size_t town_index(std::string_view name) {
  for (std::size_t i = 0; i < kTowns.size(); ++i)
    if (kTowns[i].name == name) return i;
  name_missing_from_table();
  return 0;
}

// ---- Names --------------------------------------------------------------------------------------

constexpr std::array kCompanyPrefixes{"福建"sv, "惠安县"sv, "泉州"sv, "惠安"sv};
constexpr std::array kBrands{"鸿达"sv, "华泰"sv, "永盛"sv, "金鹰"sv, "海丰"sv, "恒兴"sv, "闽峰"sv, "盛达"sv, "新峰"sv,
                             "瑞丰"sv, "宏源"sv, "锦绣"sv, "天工"sv, "惠兴"sv, "崇源"sv, "荣兴"sv, "嘉利"sv, "群英"sv,
                             "建发"sv, "顺达"sv, "隆昌"sv, "协和"sv, "裕丰"sv, "东升"sv, "南星"sv, "明辉"sv, "晋源"sv,
                             "双龙"sv, "聚龙"sv, "三和"sv, "联丰"sv, "宝山"sv, "晨光"sv, "青峰"sv, "祥瑞"sv, "山海"sv};
constexpr std::array kInstitutions{"惠安县医院"sv,       "惠安县中医院"sv,     "惠安县实验小学"sv, "惠安第一中学"sv,
                                   "惠安县公安局交警大队"sv, "国网惠安县供电公司"sv, "惠安县环卫所"sv,   "惠安县邮政分公司"sv,
                                   "惠安县税务局"sv,     "惠安县人民法院"sv};
constexpr std::array kLandmarks{"客运站"sv, "农贸市场"sv, "卫生院"sv,   "文化广场"sv, "中心小学"sv,   "工业园"sv,
                                "加油站"sv, "环卫站"sv,   "供电所"sv,   "党群服务中心"sv, "快递分拨中心"sv, "便民服务中心"sv};
constexpr std::array kBankBranchPrefixes{"惠安农商银行"sv, "中国邮政储蓄银行惠安"sv, "中国建设银行惠安"sv, "中国农业银行惠安"sv};
constexpr std::array kSurnames{"陈"sv, "张"sv, "王"sv, "林"sv, "黄"sv, "李"sv, "曾"sv, "郑"sv, "蒋"sv,
                               "刘"sv, "庄"sv, "骆"sv, "杨"sv, "吴"sv, "何"sv, "连"sv, "许"sv, "苏"sv};
constexpr std::array kGivenNames{"建华"sv, "志强"sv, "秀英"sv, "丽娟"sv, "国平"sv, "海峰"sv, "明辉"sv,
                                 "文斌"sv, "春生"sv, "金龙"sv, "雅琴"sv, "美玲"sv, "振东"sv, "永福"sv,
                                 "清泉"sv, "俊杰"sv, "惠芳"sv, "少云"sv, "锦明"sv, "德胜"sv};
constexpr std::array kSpecialties{"石雕技艺"sv, "影雕"sv,     "石材加工"sv, "惠女服饰"sv, "制鞋工艺"sv,
                                  "石化装置"sv, "电气安全"sv, "数控机械"sv, "护理服务"sv, "课堂教学"sv,
                                  "渔业技术"sv, "电力运维"sv, "建筑施工"sv, "食品工艺"sv};

// ---- Per-type rules -----------------------------------------------------------------------------

constexpr std::array kFacilityIds{"water"sv,   "hot_water"sv, "charging"sv,  "microwave"sv, "toilet"sv,  "wifi"sv,
                                  "aed"sv,     "rest_area"sv, "books"sv,     "first_aid"sv, "nursing"sv, "parking"sv};

/// Bit of a facility in a FacilitySet, by its id; a typo fails to compile.
consteval std::uint32_t facility(std::string_view id) {
  for (std::size_t i = 0; i < kFacilityIds.size(); ++i)
    if (kFacilityIds[i] == id) return 1u << i;
  name_missing_from_table();
  return 0;
}

/// How sites of one type are generated.
struct TypeRule {
  SiteType type;
  std::size_t count;                         ///< number of sites, special ones included
  std::uint32_t always;                      ///< facilities every site of the type has
  std::uint32_t sometimes;                   ///< facilities each site has with probability 1/2
  std::span<const std::string_view> hours;   ///< opening_hours values, picked at random
  std::uint32_t phone_percent;               ///< share of sites with a phone number
};

constexpr std::array kHoursService{"Mo-Fr 08:00-12:00,14:30-17:30"sv, "Mo-Sa 08:30-12:00,14:30-17:30"sv};
// Bookable sites: their hours hold the demo's weekly templates (server/bookings/demo_schedule.cpp: Workers' Homes
// Tu-Su 09:00-21:00, studios Mo-Fr 09:00-17:00), so that no slot is offered while a site says it is closed.
constexpr std::array kHoursHome{"Tu-Su 08:00-22:00"sv, "Tu-Su 09:00-21:00"sv, "Tu-Su 08:30-21:30"sv};
constexpr std::array kHoursStudio{"Mo-Fr 08:30-17:30"sv, "Mo-Fr 09:00-17:00"sv};
constexpr std::array kHoursBookstore{"Tu-Su 09:00-21:00"sv, "Mo-Su 08:30-20:30"sv,
                                     "Mo-Fr 12:00-13:30,17:30-21:00; Sa,Su 09:00-21:00"sv};
constexpr std::array kHoursOutdoor{"24/7"sv, "Mo-Su 07:00-21:00"sv, "Mo-Su 06:30-22:00"sv};
constexpr std::array kHoursWater{"24/7"sv, "24/7"sv, "Mo-Su 07:00-22:00"sv};
constexpr std::array kHoursMommy{"Mo-Fr 08:00-18:00"sv, "Mo-Su 08:00-20:00"sv};
constexpr std::array kHoursCanteen{"Mo-Su 06:30-09:00,11:00-13:30,17:00-19:30"sv, "Mo-Sa 11:00-13:30,17:00-19:00"sv};
constexpr std::array kHoursFitness{"Mo-Su 05:30-22:00"sv, "Mo-Su 06:00-21:30"sv};
constexpr std::array kHoursChildcare{"Mo-Fr 16:00-19:00"sv, "Mo-Fr 07:30-08:30,16:30-19:00"sv};
constexpr std::array kHoursLecture{"Sa,Su 09:00-11:30,14:30-17:00"sv, "Mo-Fr 19:00-21:00; Sa 09:00-11:30"sv};
constexpr std::array kHoursToolRoom{"Mo-Su 08:00-20:00"sv, "Mo-Sa 08:00-18:00"sv};
constexpr std::array kHoursHealth{"Mo-Fr 08:30-17:30"sv, "Mo-Sa 08:00-12:00,14:30-17:30"sv};
constexpr std::array kHoursCouncil{"We 14:30-17:30"sv, "Mo-Fr 08:30-17:30"sv};

/// The set of the named facilities.
consteval std::uint32_t facilities(std::initializer_list<std::string_view> ids) {
  std::uint32_t set = 0;
  for (auto id : ids) set |= facility(id);
  return set;
}

// In SiteType order; the proportions follow the articles (558 homes, 132 bookstores, 25 studios,
// 1 center + 7 stations), scaled so that the county map stays readable.
const std::array kRules{
    TypeRule{SiteType::service_center, 8,
             facilities({"water", "hot_water", "toilet", "wifi", "rest_area", "charging", "aed", "first_aid"}),
             facilities({"books", "parking"}), kHoursService, 100},
    TypeRule{SiteType::workers_home, 90, facilities({"water", "hot_water", "wifi", "rest_area", "books"}),
             facilities({"charging", "microwave", "toilet", "aed", "parking", "first_aid"}), kHoursHome, 100},
    TypeRule{SiteType::model_worker_studio, 25, facilities({"water", "wifi"}), facilities({"parking", "rest_area"}),
             kHoursStudio, 100},
    TypeRule{SiteType::bookstore, 45, facilities({"books", "wifi", "water"}),
             facilities({"hot_water", "charging", "toilet", "rest_area"}), kHoursBookstore, 80},
    TypeRule{SiteType::love_station, 35,
             facilities({"water", "hot_water", "charging", "microwave", "toilet", "rest_area"}),
             facilities({"first_aid", "wifi", "aed"}), kHoursOutdoor, 80},
    TypeRule{SiteType::water_point, 35, facilities({"water"}), facilities({"hot_water", "charging"}), kHoursWater, 40},
    TypeRule{SiteType::mommy_hut, 20, facilities({"nursing", "hot_water", "rest_area"}),
             facilities({"toilet", "water", "wifi"}), kHoursMommy, 60},
    TypeRule{SiteType::canteen, 10, facilities({"water", "hot_water", "microwave", "rest_area", "toilet"}),
             facilities({"wifi"}), kHoursCanteen, 100},
    TypeRule{SiteType::fitness, 10, facilities({"water", "toilet"}), facilities({"aed", "first_aid", "parking"}),
             kHoursFitness, 30},
    TypeRule{SiteType::childcare, 6,
             facilities({"water", "hot_water", "books", "toilet", "first_aid", "rest_area"}), 0, kHoursChildcare, 100},
    TypeRule{SiteType::lecture_hall, 8, facilities({"wifi", "water", "toilet"}), facilities({"parking", "books"}),
             kHoursLecture, 100},
    TypeRule{SiteType::tool_room, 6, facilities({"charging"}), facilities({"water", "first_aid", "parking"}),
             kHoursToolRoom, 60},
    TypeRule{SiteType::health_hut, 10, facilities({"first_aid", "aed", "water", "rest_area"}),
             facilities({"toilet", "wifi"}), kHoursHealth, 100},
    TypeRule{SiteType::council, 8, facilities({"wifi", "water"}), facilities({"books", "rest_area"}), kHoursCouncil,
             100},
};

/// A site whose name is fixed (real landmarks of the articles or of Hui'an), placed in the given town.
struct NamedSite {
  SiteType type;
  std::size_t town;
  std::string_view name;
  std::string_view road = {};  ///< the road of its address when the name implies one
};

constexpr std::array kNamedSites{
    NamedSite{SiteType::service_center, kLuocheng, "惠安县总工会职工服务中心"},
    NamedSite{SiteType::service_center, town_index("崇武"), "惠安县总工会崇武职工服务站"},
    NamedSite{SiteType::service_center, town_index("张坂"), "惠安县总工会张坂职工服务站"},
    NamedSite{SiteType::service_center, town_index("东桥"), "惠安县总工会泉惠石化园区职工服务站"},
    NamedSite{SiteType::service_center, town_index("黄塘"), "惠安县总工会黄塘职工服务站"},
    NamedSite{SiteType::service_center, town_index("洛阳"), "惠安县总工会洛阳职工服务站"},
    NamedSite{SiteType::service_center, town_index("涂寨"), "惠安县总工会涂寨职工服务站"},
    NamedSite{SiteType::service_center, town_index("净峰"), "惠安县总工会净峰职工服务站"},
    NamedSite{SiteType::workers_home, kLuocheng, "螺城共享职工之家"},
    NamedSite{SiteType::workers_home, town_index("螺阳"), "螺阳共享职工之家"},
    NamedSite{SiteType::workers_home, town_index("崇武"), "崇武共享职工之家"},
    NamedSite{SiteType::workers_home, town_index("张坂"), "张坂共享职工之家"},
    NamedSite{SiteType::workers_home, town_index("东桥"), "东桥共享职工之家"},
    NamedSite{SiteType::bookstore, town_index("崇武"), "崇武古城职工书屋", "古城路"},
    NamedSite{SiteType::bookstore, kLuocheng, "惠安县图书馆职工书屋"},
    NamedSite{SiteType::love_station, kLuocheng, "螺城镇八二三路爱心驿站", "八二三中路"},
    NamedSite{SiteType::mommy_hut, kLuocheng, "惠安县妇幼保健院妈咪小屋"},
    NamedSite{SiteType::lecture_hall, kLuocheng, "惠安县职工业余讲堂"},
};

// ---- Generator ----------------------------------------------------------------------------------


constexpr std::uint64_t kSeed = 0x5EED'4E1A'2021'0558ull;  // "558 Workers' Homes"

/// `n` random decimal digits.
std::string digits(Random& rng, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.push_back(static_cast<char>('0' + rng.below(10)));
  return out;
}

/// Rounds a coordinate to 1e-6 degree (~0.1 m), which keeps the JSON short; exact on every platform.
double round_coordinate(double degrees) { return std::round(degrees * 1e6) / 1e6; }

/// A point on the county's land within the town's spread, denser toward the center.
LatLon position_in_town(Random& rng, std::size_t town) {
  const LatLon center = kTowns[town].center;
  const double spread = kProfiles[town].spread_metres;
  for (;;) {
    const double u = rng.symmetric_unit(), v = rng.symmetric_unit();
    const double rho_squared = u * u + v * v;
    if (rho_squared > 1.0) continue;  // uniform in the unit disc first
    // Scaling by ρ maps radius ρ to ρ²: the density grows toward the center.
    const double rho = std::sqrt(rho_squared);
    const LatLon p{round_coordinate(center.lat + u * rho * spread / kMetresPerDegreeLat),
                   round_coordinate(center.lon + v * rho * spread / kMetresPerDegreeLon)};
    if (inside_huian(p)) return p;
  }
}

/// Draws towns in proportion to their weights; with `spread_out`, each town once before any twice.
class TownPicker {
 public:
  explicit TownPicker(bool spread_out) : spread_out_(spread_out) { used_.fill(false); }

  std::size_t pick(Random& rng) {
    std::uint32_t total = 0;
    for (std::size_t t = 0; t < kTowns.size(); ++t) total += available(t) ? kProfiles[t].weight : 0;
    if (total == 0) {
      used_.fill(false);
      return pick(rng);
    }
    auto ticket = static_cast<std::uint32_t>(rng.below(total));
    for (std::size_t t = 0; t < kTowns.size(); ++t) {
      if (!available(t)) continue;
      if (ticket < kProfiles[t].weight) {
        used_[t] = true;
        return t;
      }
      ticket -= kProfiles[t].weight;
    }
    return kLuocheng;  // unreachable: the tickets add up to total
  }

  /// Marks a town as already served (a named site was placed there).
  void mark_used(std::size_t town) { used_[town] = true; }

 private:
  bool available(std::size_t t) const { return !spread_out_ || !used_[t]; }
  bool spread_out_;
  std::array<bool, kTowns.size()> used_;
};

/// Concatenates one random element of each list, drawn left to right. (Draws inside a single `a + b`
/// expression would be evaluated in an unspecified order: GCC and Clang differ, and so would the data.)
template <class... Lists>
std::string pick_each(Random& rng, const Lists&... lists) {
  std::string out;
  (out.append(rng.pick(lists)), ...);
  return out;
}

/// "福建鸿达石材有限公司": a company of the town's trades.
std::string company_name(Random& rng, std::size_t town) {
  return pick_each(rng, kCompanyPrefixes, kBrands, kProfiles[town].company_kinds);
}

/// Where a site is: its town and the road of its address (names that mention a road use this one).
struct Place {
  std::size_t town;
  std::string_view road;
};

/// A place on a random road of the town.
Place place_in(Random& rng, std::size_t town) { return {town, rng.pick(kProfiles[town].roads)}; }

/// A candidate name for a generated site of the type at the place; the caller retries on duplicates.
std::string candidate_name(Random& rng, SiteType type, Place place, int attempt) {
  const std::size_t town = place.town;
  const std::string official(kTowns[town].official_name);
  const std::string road(place.road);
  const std::string landmark(rng.pick(kLandmarks));
  // Types with a few sites are named after their town first, then after a road when the town has one.
  auto town_or_road = [&](std::string_view suffix) {
    return (attempt == 0 ? official : official + road) + std::string(suffix);
  };
  switch (type) {
    case SiteType::service_center:
      return "惠安县总工会" + std::string(kTowns[town].name) + road + "职工服务站";
    case SiteType::workers_home:
      switch (rng.below(10)) {
        case 0: return std::string(rng.pick(kInstitutions)) + "职工之家";
        case 1: return official + landmark + "职工之家";
        default: return company_name(rng, town) + "职工之家";
      }
    case SiteType::model_worker_studio:
      return pick_each(rng, kSurnames, kGivenNames, kSpecialties) + "劳模创新工作室";
    case SiteType::bookstore:
      switch (rng.below(2)) {
        case 0: return company_name(rng, town) + "职工书屋";
        default: return official + landmark + "职工书屋";
      }
    case SiteType::love_station:
      return rng.percent(60) ? official + road + "爱心驿站" : official + landmark + "户外劳动者驿站";
    case SiteType::water_point:
      return rng.percent(50)
                 ? std::string(rng.pick(kBankBranchPrefixes)) + std::string(kTowns[town].name) + "支行饮水点"
                 : official + road + "饮水点";
    case SiteType::mommy_hut:
      return rng.percent(60) ? company_name(rng, town) + "妈咪小屋" : official + landmark + "妈咪小屋";
    case SiteType::canteen: return town_or_road("爱心食堂");
    case SiteType::fitness: return town_or_road("职工健身广场");
    case SiteType::childcare: return town_or_road("爱心托管园");
    case SiteType::lecture_hall: return town_or_road("职工讲堂");
    case SiteType::tool_room: return town_or_road("共享工具间");
    case SiteType::health_hut: return town_or_road("职工健康小屋");
    case SiteType::council: return town_or_road("职工议事站");
  }
  return official + std::string(info(type).name_zh);
}

/// The ids of the facilities in the set, in kFacilityIds order.
std::vector<std::string> facility_list(std::uint32_t set) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < kFacilityIds.size(); ++i)
    if (set & (1u << i)) out.emplace_back(kFacilityIds[i]);
  return out;
}

/// A site of the rule's type with the given name at the place; its id is set by the caller.
Site make_site(Random& rng, const TypeRule& rule, Place place, std::string name) {
  Site site;
  site.type = rule.type;
  site.name = std::move(name);
  site.town = std::string(kTowns[place.town].official_name);
  site.address = "惠安县" + site.town + std::string(place.road) + std::to_string(1 + rng.below(300)) + "号";
  site.position = position_in_town(rng, place.town);
  if (rng.percent(rule.phone_percent)) site.phone = "0595-87" + digits(rng, 6);
  site.hours = std::string(rng.pick(rule.hours));
  std::uint32_t set = rule.always;
  for (std::size_t i = 0; i < kFacilityIds.size(); ++i)
    if ((rule.sometimes & (1u << i)) && rng.percent(50)) set |= 1u << i;
  site.facilities = facility_list(set);
  site.bookable = rule.type == SiteType::workers_home || rule.type == SiteType::model_worker_studio;
  return site;
}

std::vector<Site> generate() {
  Random rng(kSeed);
  std::vector<Site> sites;
  std::set<std::string> taken_names;
  for (const TypeRule& rule : kRules) {
    TownPicker towns(/*spread_out=*/rule.count <= kTowns.size());
    std::size_t made = 0;
    for (const NamedSite& named : kNamedSites) {
      if (named.type != rule.type) continue;
      towns.mark_used(named.town);
      taken_names.emplace(named.name);
      const Place place = named.road.empty() ? place_in(rng, named.town) : Place{named.town, named.road};
      sites.push_back(make_site(rng, rule, place, std::string(named.name)));
      ++made;
    }
    for (; made < rule.count; ++made) {
      const std::size_t town = towns.pick(rng);
      Place place = place_in(rng, town);
      std::string name = candidate_name(rng, rule.type, place, 0);
      for (int attempt = 1; taken_names.contains(name); ++attempt) {
        place = place_in(rng, town);
        name = candidate_name(rng, rule.type, place, attempt);
      }
      taken_names.insert(name);
      sites.push_back(make_site(rng, rule, place, std::move(name)));
    }
  }
  for (std::size_t i = 0; i < sites.size(); ++i) sites[i].id = SiteId{static_cast<std::int64_t>(i + 1)};
  return sites;
}

}  // namespace

std::span<const Town> huian_towns() { return kTowns; }

std::span<const LatLon> huian_outline() { return kOutline; }

Region huian_region() {
  // Hui'an county center (product.md): where distances are measured from before the map reports its own center.
  Region region{kOutline, {}, LatLon{25.03, 118.80}};
  for (const Town& town : huian_towns()) region.labels.push_back({town.name, town.center});
  return region;
}

BoundingBox huian_bounds() {
  BoundingBox box = BoundingBox::around(kOutline[0]);
  for (LatLon p : kOutline) box.extend(p);
  return box;
}

bool inside_huian(LatLon p) {
  bool inside = false;
  for (std::size_t i = 0, j = kOutline.size() - 1; i < kOutline.size(); j = i++) {
    const LatLon a = kOutline[i], b = kOutline[j];
    if ((a.lat > p.lat) != (b.lat > p.lat) && p.lon < a.lon + (p.lat - a.lat) * (b.lon - a.lon) / (b.lat - a.lat))
      inside = !inside;
  }
  return inside;
}

std::span<const std::string_view> facility_ids() { return kFacilityIds; }

std::vector<Site> huian_sites() { return generate(); }

nlohmann::json huian_demo_json() {
  nlohmann::json towns = nlohmann::json::array();
  for (const Town& t : kTowns)
    towns.push_back({{"name", t.name}, {"official_name", t.official_name}, {"lat", t.center.lat}, {"lon", t.center.lon}});
  nlohmann::json outline = nlohmann::json::array();
  for (LatLon p : kOutline) outline.push_back({p.lat, p.lon});
  nlohmann::json sites = nlohmann::json::array();
  for (const Site& s : huian_sites()) sites.push_back(to_json(s));
  return {{"towns", std::move(towns)}, {"outline", std::move(outline)}, {"sites", std::move(sites)}};
}

}  // namespace gongyou::demo
