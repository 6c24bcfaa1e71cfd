// tools/demo_data/union_demo.cpp — see union_demo.h. The union trees of Hui'an and Dingxi, their name pools, and
// the member generator.
#include "tools/demo_data/union_demo.h"

#include <algorithm>
#include <array>
#include <span>
#include <string_view>
#include <unordered_set>

#include "core/id_number.h"
#include "tools/demo_data/huian_demo.h"
#include "tools/demo_data/splitmix.h"

namespace gongyou::demo {
namespace {

using namespace std::string_view_literals;

// ---- Hui'an: company-name pools -----------------------------------------------------------------
// Hui'an's industries (stone carving 石雕, footwear, garments and textiles, electronics, logistics, the 泉惠
// petrochemical zone, fishing on the east coast) as company-name endings. The brand words are made up; any
// match with a real company is a coincidence of common words.

constexpr std::array kCountySeatTrades{"服饰有限公司"sv,     "鞋业有限公司"sv,     "食品有限公司"sv,
                                       "物业管理有限公司"sv, "建筑工程有限公司"sv, "电子商务有限公司"sv};
constexpr std::array kShoeAndGarmentTrades{"鞋业有限公司"sv, "服饰有限公司"sv,     "箱包有限公司"sv,
                                           "纺织有限公司"sv, "电子科技有限公司"sv, "针织有限公司"sv};
constexpr std::array kInlandTrades{"建材有限公司"sv, "食品有限公司"sv, "石材有限公司"sv, "农业发展有限公司"sv,
                                   "纺织有限公司"sv};
constexpr std::array kWestTrades{"机械制造有限公司"sv, "电子科技有限公司"sv, "物流有限公司"sv, "纸业有限公司"sv,
                                 "包装材料有限公司"sv};
constexpr std::array kStoneTrades{"石雕工艺有限公司"sv, "石材有限公司"sv, "工艺品有限公司"sv, "建材有限公司"sv,
                                  "石业有限公司"sv};
constexpr std::array kStoneAndSeaTrades{"石雕工艺有限公司"sv, "石材有限公司"sv, "水产食品有限公司"sv,
                                        "工艺品有限公司"sv, "影雕艺术有限公司"sv};
constexpr std::array kPetrochemicalTrades{"石化有限公司"sv, "化工有限公司"sv, "新材料科技有限公司"sv, "物流有限公司"sv,
                                          "仓储有限公司"sv};
constexpr std::array kSeaTrades{"水产食品有限公司"sv, "船舶修造有限公司"sv, "风电运维有限公司"sv, "旅游发展有限公司"sv,
                                "海洋渔业有限公司"sv};
constexpr std::array kDevelopmentZoneTrades{"电子科技有限公司"sv, "鞋业有限公司"sv,       "服饰有限公司"sv,
                                            "机械制造有限公司"sv, "新材料科技有限公司"sv, "食品有限公司"sv};
constexpr std::array kHighTechTrades{"电子科技有限公司"sv, "智能装备有限公司"sv, "光电科技有限公司"sv,
                                     "生物科技有限公司"sv, "新材料科技有限公司"sv};
constexpr std::array kCourierTrades{"快递服务有限公司"sv, "速递有限公司"sv, "供应链管理有限公司"sv};
constexpr std::array kFoodDeliveryTrades{"同城配送有限公司"sv, "配送服务有限公司"sv};
constexpr std::array kTruckingTrades{"物流有限公司"sv, "运输有限公司"sv, "货运有限公司"sv};
constexpr std::array kSecurityTrades{"保安服务有限公司"sv, "安保服务有限公司"sv};
constexpr std::array kHomeCareTrades{"家政服务有限公司"sv, "养老服务有限公司"sv, "护理服务有限公司"sv};

constexpr std::array kBrands{"鸿达"sv, "华泰"sv, "永盛"sv, "金鹰"sv, "海丰"sv, "恒兴"sv, "闽峰"sv, "盛达"sv, "新峰"sv,
                             "瑞丰"sv, "宏源"sv, "锦绣"sv, "天工"sv, "惠兴"sv, "崇源"sv, "荣兴"sv, "嘉利"sv, "群英"sv,
                             "顺达"sv, "隆昌"sv, "协和"sv, "裕丰"sv, "东升"sv, "南星"sv, "明辉"sv, "晋源"sv, "双龙"sv,
                             "聚龙"sv, "三和"sv, "联丰"sv, "宝山"sv, "晨光"sv, "青峰"sv, "祥瑞"sv, "山海"sv, "泰宇"sv,
                             "润发"sv, "金石"sv, "玉成"sv, "昌隆"sv, "福源"sv, "德鑫"sv, "鑫磊"sv, "石韵"sv, "艺峰"sv,
                             "匠心"sv, "天磊"sv, "华岩"sv, "海晟"sv, "信诚"sv, "安泰"sv, "恒昌"sv, "瑞祥"sv, "永鑫"sv,
                             "广源"sv, "和盛"sv, "益民"sv, "闽惠"sv, "星海"sv, "凯达"sv};
/// How a company name starts when it does not name its town.
constexpr std::array kCompanyPrefixes{"惠安县"sv, "福建"sv, "泉州"sv, "福建惠安"sv, "惠安"sv};

// ---- Hui'an: the tree ---------------------------------------------------------------------------

/// Grassroots unions under each village or community union (small local employers).
constexpr int kGrassrootsPerVillage = 2;

/// What a town of Hui'an holds in the demo tree besides its own union (螺城镇总工会 …).
struct TownPlan {
  std::string_view town;                       ///< Town::name of huian_towns(), e.g. "螺城"
  std::span<const std::string_view> villages;  ///< village (村) and community (社区) unions, e.g. "城南社区"
  int direct_grassroots;                       ///< grassroots unions right under the town union
  std::span<const std::string_view> trades;    ///< the local industries' company-name endings
};

// Village and community names reuse the place names of huian_demo.cpp's roads (塘园, 玉坂, 许山头 …) or are
// plausible inventions; they are demo data, not a register.
constexpr std::array kLuochengVillages{"城南社区"sv, "霞光社区"sv, "科山社区"sv, "北山社区"sv};
constexpr std::array kLuoyangVillages{"锦山村"sv, "溪滨社区"sv, "螺阳村"sv};
constexpr std::array kHuangtangVillages{"塘园村"sv, "虎窟村"sv};
constexpr std::array kZishanVillages{"林口村"sv, "紫山村"sv};
constexpr std::array kLuoyangTownVillages{"万安村"sv, "桥南村"sv};
constexpr std::array kDongyuanVillages{"杏秀村"sv, "东埭村"sv};
constexpr std::array kZhangbanVillages{"玉坂村"sv, "后边村"sv, "浮山村"sv};
constexpr std::array kChongwuVillages{"大岞村"sv, "西华村"sv, "潮乐村"sv, "古城社区"sv};
constexpr std::array kShanxiaVillages{"东坑村"sv, "下坑村"sv};
constexpr std::array kTuzhaiVillages{"埔塘村"sv, "文笔村"sv};
constexpr std::array kDonglingVillages{"许山头村"sv, "前群村"sv};
constexpr std::array kDongqiaoVillages{"珠山村"sv, "东桥村"sv};
constexpr std::array kJingfengVillages{"净峰村"sv, "莲城村"sv};
constexpr std::array kXiaozuoVillages{"前海村"sv, "螺山村"sv};
constexpr std::array kWangchuanVillages{"峰前村"sv, "港口村"sv};
constexpr std::array kBaiqiVillages{"下埭村"sv, "湖前村"sv};

// The 16 towns of huian_towns(), county seat first; the county seat and the shoe, garment and stone towns get
// the most employers (the same weights, roughly, as huian_demo.cpp's sites).
constexpr std::array kTownPlans{
    TownPlan{"螺城", kLuochengVillages, 32, kCountySeatTrades},
    TownPlan{"螺阳", kLuoyangVillages, 18, kShoeAndGarmentTrades},
    TownPlan{"黄塘", kHuangtangVillages, 8, kInlandTrades},
    TownPlan{"紫山", kZishanVillages, 6, kInlandTrades},
    TownPlan{"洛阳", kLuoyangTownVillages, 8, kWestTrades},
    TownPlan{"东园", kDongyuanVillages, 6, kWestTrades},
    TownPlan{"张坂", kZhangbanVillages, 16, kShoeAndGarmentTrades},
    TownPlan{"崇武", kChongwuVillages, 16, kStoneAndSeaTrades},
    TownPlan{"山霞", kShanxiaVillages, 8, kStoneTrades},
    TownPlan{"涂寨", kTuzhaiVillages, 10, kStoneTrades},
    TownPlan{"东岭", kDonglingVillages, 8, kStoneTrades},
    TownPlan{"东桥", kDongqiaoVillages, 14, kPetrochemicalTrades},
    TownPlan{"净峰", kJingfengVillages, 6, kStoneAndSeaTrades},
    TownPlan{"小岞", kXiaozuoVillages, 4, kSeaTrades},
    TownPlan{"辋川", kWangchuanVillages, 8, kPetrochemicalTrades},
    TownPlan{"百崎", kBaiqiVillages, 6, kShoeAndGarmentTrades},
};

/// A union right under the federation that is not a town's: an industrial park or a regional industry union.
struct DirectPlan {
  std::string_view name;
  UnionLevel level;
  int grassroots;
  std::span<const std::string_view> trades;
  std::string_view company_prefix;  ///< empty: a random kCompanyPrefixes entry
};

// The seeds name no park of Hui'an: 惠安经济开发区 and 惠安县绿谷台商高新技术产业园区 come from the brief of this
// data set, 泉惠石化工业区 from huian_demo.cpp's "泉惠石化园区职工服务站". The industry unions are the new forms
// of employment of services.md "Who is who" (seed 003 lists them for 安定区; Hui'an's get the same five).
constexpr std::array kDirectPlans{
    DirectPlan{"惠安经济开发区工会联合会", UnionLevel::park, 24, kDevelopmentZoneTrades, ""},
    DirectPlan{"惠安县绿谷台商高新技术产业园区工会联合会", UnionLevel::park, 16, kHighTechTrades, ""},
    DirectPlan{"泉惠石化工业区工会联合会", UnionLevel::park, 14, kPetrochemicalTrades, ""},
    DirectPlan{"惠安县快递行业工会联合会", UnionLevel::industry, 6, kCourierTrades, "惠安县"},
    DirectPlan{"惠安县外卖配送行业工会联合会", UnionLevel::industry, 3, kFoodDeliveryTrades, "惠安县"},
    DirectPlan{"惠安县货车司机工会联合会", UnionLevel::industry, 4, kTruckingTrades, "惠安县"},
    DirectPlan{"惠安县保安行业工会联合会", UnionLevel::industry, 4, kSecurityTrades, "惠安县"},
    DirectPlan{"惠安县家政服务行业工会联合会", UnionLevel::industry, 3, kHomeCareTrades, "惠安县"},
};

/// Hui'an's grassroots unions registered on its platform (seed 004: 自主注册基层工会324家).
constexpr int kHuianGrassroots = 324;

consteval int planned_grassroots() {
  int total = 0;
  for (const TownPlan& plan : kTownPlans)
    total += plan.direct_grassroots + kGrassrootsPerVillage * static_cast<int>(plan.villages.size());
  for (const DirectPlan& plan : kDirectPlans) total += plan.grassroots;
  return total;
}
static_assert(planned_grassroots() == kHuianGrassroots, "the plans must add up to seed 004's 324 grassroots unions");

// ---- Dingxi -------------------------------------------------------------------------------------
// Seed 003: 定西市 has 1 district and 6 counties (1区6县). The tree has no county level, so the district's and the
// counties' federations (县区总工会) are `town`-level children of 定西市总工会: like a town union in Hui'an, each
// is the level right under the root and acts for everything below it. 安定区's 乡镇 and 街道 unions are `town`-level
// too, one step further down: a town union under a town-level union.

constexpr std::array kDingxiCounties{"通渭县"sv, "陇西县"sv, "渭源县"sv, "临洮县"sv, "漳县"sv, "岷县"sv};

// Seed 003: "安定区总工会在22个乡镇(街道)便民服务大厅…" — 安定区's 3 streets and 19 towns and townships (names as
// published in the division lists; 福台路街道 is the newest).
constexpr std::array kAndingTowns{"中华路街道"sv, "永定路街道"sv, "福台路街道"sv, "凤翔镇"sv, "内官营镇"sv, "巉口镇"sv,
                                  "称钩驿镇"sv,   "鲁家沟镇"sv,   "西巩驿镇"sv,   "宁远镇"sv, "李家堡镇"sv, "团结镇"sv,
                                  "香泉镇"sv,     "符家川镇"sv,   "葛家岔镇"sv,   "白碌乡"sv, "石峡湾乡"sv, "新集乡"sv,
                                  "青岚山乡"sv,   "高峰乡"sv,     "石泉乡"sv,     "杏园乡"sv};

/// Village and community unions (村/社区工会联合会) under some of 安定区's towns; illustrative names.
struct DingxiVillages {
  std::string_view town;
  std::array<std::string_view, 2> villages;
};
constexpr std::array kAndingVillages{
    DingxiVillages{"中华路街道", {"东关社区"sv, "新城社区"sv}},
    DingxiVillages{"永定路街道", {"永定社区"sv, "南川社区"sv}},
    DingxiVillages{"福台路街道", {"福台社区"sv, "西岩社区"sv}},
    DingxiVillages{"凤翔镇", {"中川村"sv, "景家店村"sv}},
    DingxiVillages{"内官营镇", {"内官村"sv, "锦花村"sv}},
    DingxiVillages{"巉口镇", {"东川村"sv, "巉口村"sv}},
};

// Seed 003: "推动当地保安、货车运输、快递、外卖配送、护工护理行业工会的5个'小三级'工会加快建立".
constexpr std::array kAndingIndustryUnions{"安定区保安行业工会联合会"sv, "安定区货车运输行业工会联合会"sv,
                                           "安定区快递行业工会联合会"sv, "安定区外卖配送行业工会联合会"sv,
                                           "安定区护工护理行业工会联合会"sv};

// ---- Building the list --------------------------------------------------------------------------

constexpr std::uint64_t kNameSeed = 0x5EED'0324'0004ull;  // "324 grassroots unions, seed 004"

/// Appends unions with keys 1, 2, … in order.
class UnionList {
 public:
  int add(int parent_key, std::string name, UnionLevel level, std::string_view region) {
    const int key = static_cast<int>(unions_.size()) + 1;
    unions_.push_back(DemoUnion{key, parent_key, std::move(name), level, std::string(region)});
    return key;
  }
  std::vector<DemoUnion> take() { return std::move(unions_); }

 private:
  std::vector<DemoUnion> unions_;
};

/// Unique made-up company union names: "惠安县崇武鸿达石雕工艺有限公司工会".
class CompanyNamer {
 public:
  std::string next(std::span<const std::string_view> trades, std::string_view town, std::string_view fixed_prefix) {
    for (;;) {
      // Half the town employers carry the town's name, after the county's ("惠安县崇武…"), as registered names do.
      std::string name;
      if (!town.empty() && rng_.percent(50))
        name = "惠安县" + std::string(town);
      else
        name = fixed_prefix.empty() ? rng_.pick(kCompanyPrefixes) : fixed_prefix;
      name += rng_.pick(kBrands);
      name += trades[rng_.below(trades.size())];
      name += "工会";
      if (used_.insert(name).second) return name;
    }
  }

 private:
  Random rng_{kNameSeed};
  std::unordered_set<std::string> used_;
};

/// The official name of a town of huian_towns() by its short name ("螺城" → "螺城镇"); the short name if absent.
std::string official_town_name(std::string_view short_name) {
  const std::span<const Town> towns = huian_towns();
  const auto town = std::find_if(towns.begin(), towns.end(), [&](const Town& t) { return t.name == short_name; });
  return std::string(town != towns.end() ? town->official_name : short_name);
}

void add_huian(UnionList& list) {
  constexpr auto kRegion = "huian"sv;
  const int federation = list.add(0, "惠安县总工会", UnionLevel::federation, kRegion);
  // One level after the other (towns, parks and industry unions, villages, grassroots): each block is contiguous.
  std::vector<int> town_keys;
  for (const TownPlan& plan : kTownPlans)
    town_keys.push_back(list.add(federation, official_town_name(plan.town) + "总工会", UnionLevel::town, kRegion));
  std::vector<int> direct_keys;
  for (const DirectPlan& plan : kDirectPlans)
    direct_keys.push_back(list.add(federation, std::string(plan.name), plan.level, kRegion));
  std::vector<std::vector<int>> village_keys(kTownPlans.size());
  for (std::size_t t = 0; t < kTownPlans.size(); ++t) {
    const std::string town = official_town_name(kTownPlans[t].town);
    for (const std::string_view village : kTownPlans[t].villages)
      village_keys[t].push_back(
          list.add(town_keys[t], town + std::string(village) + "工会联合会", UnionLevel::village, kRegion));
  }
  CompanyNamer namer;
  for (std::size_t t = 0; t < kTownPlans.size(); ++t) {
    const TownPlan& plan = kTownPlans[t];
    for (int i = 0; i < plan.direct_grassroots; ++i)
      list.add(town_keys[t], namer.next(plan.trades, plan.town, ""), UnionLevel::grassroots, kRegion);
    for (const int village : village_keys[t])
      for (int i = 0; i < kGrassrootsPerVillage; ++i)
        list.add(village, namer.next(plan.trades, plan.town, ""), UnionLevel::grassroots, kRegion);
  }
  for (std::size_t d = 0; d < kDirectPlans.size(); ++d) {
    const DirectPlan& plan = kDirectPlans[d];
    for (int i = 0; i < plan.grassroots; ++i)
      list.add(direct_keys[d], namer.next(plan.trades, "", plan.company_prefix), UnionLevel::grassroots, kRegion);
  }
}

void add_dingxi(UnionList& list) {
  constexpr auto kRegion = "dingxi"sv;
  const int federation = list.add(0, "定西市总工会", UnionLevel::federation, kRegion);
  const int anding = list.add(federation, "安定区总工会", UnionLevel::town, kRegion);
  std::vector<int> county_keys;
  for (const std::string_view county : kDingxiCounties)
    county_keys.push_back(list.add(federation, std::string(county) + "总工会", UnionLevel::town, kRegion));
  std::vector<int> industry_keys;
  for (const std::string_view industry : kAndingIndustryUnions)
    industry_keys.push_back(list.add(anding, std::string(industry), UnionLevel::industry, kRegion));
  std::vector<int> anding_town_keys;
  for (const std::string_view town : kAndingTowns)
    anding_town_keys.push_back(list.add(anding, "安定区" + std::string(town) + "总工会", UnionLevel::town, kRegion));
  for (const DingxiVillages& plan : kAndingVillages) {
    const auto town = std::find(kAndingTowns.begin(), kAndingTowns.end(), plan.town);
    const int town_key = anding_town_keys[static_cast<std::size_t>(town - kAndingTowns.begin())];
    for (const std::string_view village : plan.villages)
      list.add(town_key, "安定区" + std::string(plan.town) + std::string(village) + "工会联合会", UnionLevel::village,
               kRegion);
  }
  // Seed 003 opens at 通渭县东城社区's "工会帮就业" event; its community union hangs right under the county's.
  const int dongcheng = list.add(county_keys[0], "通渭县东城社区工会联合会", UnionLevel::village, kRegion);
  // Grassroots unions a Dingxi worker can join (fictitious employers): one per new industry union, in the order of
  // kAndingIndustryUnions, and two in 通渭县东城社区.
  constexpr std::array kIndustryEmployers{"定西安宁保安服务有限公司工会"sv, "定西陇通货运有限公司工会"sv,
                                          "定西市安定区顺捷快递服务有限公司工会"sv, "定西市安定区速达配送服务站工会"sv,
                                          "定西康宁护理服务有限公司工会"sv};
  for (std::size_t i = 0; i < industry_keys.size(); ++i)
    list.add(industry_keys[i], std::string(kIndustryEmployers[i]), UnionLevel::grassroots, kRegion);
  list.add(dongcheng, "通渭县东城社区便民超市有限公司工会", UnionLevel::grassroots, kRegion);
  list.add(dongcheng, "通渭县宏达建材有限公司工会", UnionLevel::grassroots, kRegion);
}

std::vector<DemoUnion> build_unions() {
  UnionList list;
  add_huian(list);
  add_dingxi(list);
  return list.take();
}

/// The key of the union with this name; 0 when there is none.
int key_of(std::string_view name) {
  for (const DemoUnion& u : demo_unions())
    if (u.name == name) return u.key;
  return 0;
}

// ---- Members ------------------------------------------------------------------------------------

constexpr std::array kSurnames{"陈"sv, "林"sv, "黄"sv, "张"sv, "王"sv, "李"sv, "吴"sv, "刘"sv,
                               "郑"sv, "曾"sv, "庄"sv, "骆"sv, "杨"sv, "何"sv, "连"sv, "许"sv,
                               "苏"sv, "蒋"sv, "洪"sv, "柯"sv, "詹"sv, "潘"sv, "蔡"sv, "谢"sv};
constexpr std::array kMaleGivenNames{"建华"sv, "志强"sv, "国平"sv, "海峰"sv, "明辉"sv, "文斌"sv, "春生"sv,
                                     "金龙"sv, "振东"sv, "永福"sv, "清泉"sv, "俊杰"sv, "锦明"sv, "德胜"sv,
                                     "伟"sv,   "强"sv,   "军"sv,   "斌"sv,   "鹏"sv,   "磊"sv,   "浩"sv,
                                     "志明"sv, "家豪"sv, "子轩"sv, "宇航"sv, "荣华"sv, "天佑"sv, "炳坤"sv};
constexpr std::array kFemaleGivenNames{"秀英"sv, "丽娟"sv, "雅琴"sv, "美玲"sv, "惠芳"sv, "少云"sv, "淑珍"sv,
                                       "秀兰"sv, "丽华"sv, "婷婷"sv, "雅婷"sv, "晓燕"sv, "春梅"sv, "玉凤"sv,
                                       "芳"sv,   "敏"sv,   "静"sv,   "燕"sv,   "娟"sv,   "霞"sv,   "佳慧"sv,
                                       "欣怡"sv, "梦琪"sv, "惠珍"sv, "阿娇"sv, "碧云"sv, "素琴"sv, "月娥"sv};

/// An address code (characters 1–6) of Quanzhou (3505xx) and how often members born there occur.
struct RegionCode {
  std::string_view code;
  std::size_t weight;
};
// Most members were born in 惠安县 (350521); some come from the neighbouring districts and counties.
constexpr std::array kRegionCodes{
    RegionCode{"350521"sv, 80}, RegionCode{"350505"sv, 5}, RegionCode{"350582"sv, 4}, RegionCode{"350583"sv, 4},
    RegionCode{"350504"sv, 3},  RegionCode{"350502"sv, 2}, RegionCode{"350503"sv, 2},
};

// Mobile prefixes of the three carriers; no meaning beyond looking real (services.md: no prefix list is checked).
constexpr std::array kPhonePrefixes{
    "130"sv, "131"sv, "132"sv, "133"sv, "134"sv, "135"sv, "136"sv, "137"sv, "138"sv, "139"sv, "150"sv, "151"sv, "152"sv,
    "153"sv, "155"sv, "156"sv, "157"sv, "158"sv, "159"sv, "166"sv, "173"sv, "175"sv, "176"sv, "177"sv, "180"sv, "181"sv,
    "182"sv, "183"sv, "185"sv, "186"sv, "187"sv, "188"sv, "189"sv, "191"sv, "193"sv, "198"sv, "199"sv};

// Seed 001: Laixi collected 80,060 real names and verified 73,399 (91.68 %).
constexpr std::size_t kRealNamesCollected = 80060;
constexpr std::size_t kRealNamesVerified = 73399;

/// Members' birth years: 1966–2006, people of working age in 2026.
constexpr int kFirstBirthYear = 1966;
constexpr int kLastBirthYear = 2006;

constexpr std::uint64_t kUnionSizeSeed = 0x5EED'2800'0004ull;  // "28,000 members, seed 004"

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

/// `n` random decimal digits.
std::string digits(Random& rng, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.push_back(static_cast<char>('0' + rng.below(10)));
  return out;
}

/// `value` in decimal with at least `width` digits.
std::string zero_padded(std::size_t value, std::size_t width) {
  std::string text = std::to_string(value);
  if (text.size() < width) text.insert(0, width - text.size(), '0');
  return text;
}

/// A random address code of kRegionCodes by weight.
std::string_view region_code(Random& rng) {
  std::size_t total = 0;
  for (const RegionCode& r : kRegionCodes) total += r.weight;
  std::size_t roll = rng.below(total);
  for (const RegionCode& r : kRegionCodes) {
    if (roll < r.weight) return r.code;
    roll -= r.weight;
  }
  return kRegionCodes[0].code;
}

/// A fictitious ID number: address code, a birth date of 1966–2006, a sequence number whose last digit is odd
/// for a man and even for a woman (GB 11643-1999 §7.3), and the check character.
std::string fictitious_id_number(Random& rng, bool male) {
  std::string number(region_code(rng));
  const int year = kFirstBirthYear + static_cast<int>(rng.below(kLastBirthYear - kFirstBirthYear + 1));
  const int month = 1 + static_cast<int>(rng.below(12));
  const int day = 1 + static_cast<int>(rng.below(static_cast<std::size_t>(days_in_month(year, month))));
  number += zero_padded(static_cast<std::size_t>(year), 4);
  number += zero_padded(static_cast<std::size_t>(month), 2);
  number += zero_padded(static_cast<std::size_t>(day), 2);
  number += digits(rng, 2);
  number.push_back(static_cast<char>('0' + 2 * rng.below(5) + (male ? 1 : 0)));
  number.push_back(id_check_character(number).value_or('0'));
  return number;
}

/// Each Hui'an grassroots union's key and the running total of the members it draws (a fixed size per union,
/// independent of how many members are asked for, so that longer lists extend shorter ones).
struct MemberDraw {
  std::vector<int> union_keys;
  std::vector<std::size_t> cumulative_weights;
};

const MemberDraw& member_draw() {
  static const MemberDraw draw = [] {
    MemberDraw d;
    Random rng(kUnionSizeSeed);
    std::size_t total = 0;
    for (const DemoUnion& u : demo_unions()) {
      if (u.region != "huian" || u.level != UnionLevel::grassroots) continue;
      // Mostly small and middling employers, one in ten a large one.
      std::size_t weight = 10 + rng.below(140);
      if (rng.percent(10)) weight *= 4;
      total += weight;
      d.union_keys.push_back(u.key);
      d.cumulative_weights.push_back(total);
    }
    return d;
  }();
  return draw;
}

}  // namespace

const std::vector<DemoUnion>& demo_unions() {
  static const std::vector<DemoUnion> unions = build_unions();
  return unions;
}

std::vector<DemoMember> demo_members(std::size_t count, std::uint64_t seed) {
  const MemberDraw& draw = member_draw();
  Random rng(seed);
  std::unordered_set<std::string> ids, phones;
  ids.reserve(count);
  phones.reserve(count);
  std::vector<DemoMember> members;
  members.reserve(count);
  // Every member is drawn from the same stream in order and retries only against earlier members, so the
  // first n members never depend on `count`.
  for (std::size_t i = 0; i < count; ++i) {
    DemoMember m;
    m.username = "member" + zero_padded(i + 1, 5);
    const bool male = rng.percent(55);
    m.real_name = std::string(rng.pick(kSurnames));
    m.real_name += male ? rng.pick(kMaleGivenNames) : rng.pick(kFemaleGivenNames);
    m.display_name = m.real_name;
    do m.id_number = fictitious_id_number(rng, male);
    while (!ids.insert(m.id_number).second);
    do m.phone = std::string(rng.pick(kPhonePrefixes)) + digits(rng, 8);
    while (!phones.insert(m.phone).second);
    const std::size_t roll = rng.below(draw.cumulative_weights.back());
    const auto slot = std::upper_bound(draw.cumulative_weights.begin(), draw.cumulative_weights.end(), roll);
    m.union_key = draw.union_keys[static_cast<std::size_t>(slot - draw.cumulative_weights.begin())];
    m.verified = rng.below(kRealNamesCollected) < kRealNamesVerified;
    members.push_back(std::move(m));
  }
  return members;
}

const std::vector<DemoStaff>& demo_staff() {
  static const std::vector<DemoStaff> staff = [] {
    const int luocheng = key_of("螺城镇总工会");
    // The first grassroots union right under 螺城镇总工会 (not under one of its community unions).
    const auto& unions = demo_unions();
    const auto company = std::find_if(unions.begin(), unions.end(), [&](const DemoUnion& u) {
      return u.parent_key == luocheng && u.level == UnionLevel::grassroots;
    });
    const std::string company_name = company != unions.end() ? company->name : std::string();
    return std::vector<DemoStaff>{
        {"luocheng_staff", "螺城镇总工会 林干事", luocheng},
        {"luocheng_company_staff", company_name + " 陈主席", company != unions.end() ? company->key : 0},
        {"chongwu_staff", "崇武镇总工会 黄干事", key_of("崇武镇总工会")},
        {"anding_staff", "安定区总工会 王干事", key_of("安定区总工会")},
    };
  }();
  return staff;
}

}  // namespace gongyou::demo
