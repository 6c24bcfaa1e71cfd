// ui/i18n.cpp — see i18n.h. Chinese first: it is the product's language (product.md).
#include "ui/i18n.h"

#include <array>
#include <utility>

namespace gongyou::ui {
namespace {

Language g_language = Language::zh_CN;

struct Entry {
  const char* zh;
  const char* en;
};

// Indexed by Text; the static_assert below keeps the table and the enum the same length.
constexpr Entry kTexts[] = {
    {"工友", "Gongyou"},
    {"惠安县服务阵地", "Hui'an union service sites"},
    {"%d 处", "%d sites"},
    {"搜索名称、地址或镇", "Search name, address or town"},
    {"全部", "All"},
    {"按距地图中心排序", "Sorted by distance from the map center"},
    {"按距我的位置排序", "Sorted by distance from you"},
    {"我的位置", "Near me"},
    {"改用地图中心", "Use map center"},
    {"正在定位…", "Locating…"},
    {"无法定位：您拒绝了位置权限。可在浏览器设置中允许，现按地图中心排序。",
     "Location refused: allow it in the browser settings. Sorting by the map center."},
    {"无法定位：暂时获取不到位置信号，现按地图中心排序。", "Position unavailable. Sorting by the map center."},
    {"定位超时，请稍后再试，现按地图中心排序。", "Locating timed out. Sorting by the map center."},
    {"此浏览器不支持定位，现按地图中心排序。", "This browser cannot locate you. Sorting by the map center."},
    {"正在加载服务阵地…", "Loading service sites…"},
    {"网络连接失败，无法加载服务阵地。", "No connection: could not load the service sites."},
    {"服务器暂时出错，无法加载服务阵地。", "The server failed to send the service sites."},
    {"重试", "Retry"},
    {"没有符合条件的服务阵地", "No site matches"},
    {"地址", "Address"},
    {"开放", "Hours"},
    {"电话", "Phone"},
    {"设施", "Facilities"},
    {"步行约 %d 分钟 · %s", "About %d min on foot · %s"},
    {"可预约", "Bookable"},
    {"%d 米", "%d m"},
    {"%.1f 公里", "%.1f km"},
    {"步行 %d 分钟", "%d min walk"},
    {"圆圈为步行 15 分钟可达范围", "Circles: 15 minutes on foot"},
    {"关闭", "Close"},
};
static_assert(std::size(kTexts) == static_cast<std::size_t>(Text::close) + 1);

constexpr std::pair<std::string_view, Entry> kFacilities[] = {
    {"water", {"饮用水", "Drinking water"}},   {"hot_water", {"热水", "Hot water"}},
    {"charging", {"充电", "Charging"}},         {"microwave", {"微波炉", "Microwave"}},
    {"toilet", {"卫生间", "Toilet"}},           {"wifi", {"无线网络", "Wi-Fi"}},
    {"aed", {"AED 除颤仪", "AED"}},             {"rest_area", {"休息区", "Rest area"}},
    {"books", {"图书", "Books"}},               {"first_aid", {"急救包", "First aid"}},
    {"nursing", {"哺乳室", "Nursing room"}},    {"parking", {"停车", "Parking"}},
};

}  // namespace

Language language() { return g_language; }

void set_language(Language language) { g_language = language; }

const char* tr(Text text) {
  const Entry& e = kTexts[static_cast<std::size_t>(text)];
  return g_language == Language::zh_CN ? e.zh : e.en;
}

std::string_view type_name(SiteType type) {
  return g_language == Language::zh_CN ? info(type).name_zh : info(type).name_en;
}

std::string_view facility_name(std::string_view id) {
  for (const auto& [key, entry] : kFacilities)
    if (key == id) return g_language == Language::zh_CN ? entry.zh : entry.en;
  return id;
}

}  // namespace gongyou::ui
