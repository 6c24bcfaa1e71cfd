// ui/i18n.h — every user-visible string of the UI, in Chinese (default) and English.
#pragma once
#include <string_view>

#include "core/site_type.h"

namespace gongyou::ui {

/// The UI language.
enum class Language : std::uint8_t { zh_CN, en };

/// A user-visible text of the UI.
enum class Text : std::uint8_t {
  app_title,          // 工友
  region_title,       // 惠安县服务阵地
  sites_count,        // "%d 处"
  search_hint,        // 搜索名称、地址或镇
  all_types,          // 全部
  sort_from_center,   // 按距地图中心排序
  sort_from_me,       // 按距我的位置排序
  near_me,            // 我的位置
  use_map_center,     // 改用地图中心
  locating,           // 正在定位…
  geo_denied,         // 定位被拒绝…
  geo_unavailable,
  geo_timeout,
  geo_unsupported,
  loading_sites,      // 正在加载服务阵地…
  load_failed_network,
  load_failed_server,
  retry,
  no_match,           // 没有符合条件的服务阵地
  address,
  hours,
  phone,
  facilities,
  walk_about,         // "步行约 %d 分钟 · %s"
  bookable,           // 可预约
  metres_fmt,         // "%d 米"
  kilometres_fmt,     // "%.1f 公里"
  walk_short_fmt,     // "步行 %d 分钟"
  ring_note,          // 圆圈：步行15分钟可达范围
  close,
};

/// The current language (zh-CN unless switched).
Language language();
/// Switches the language.
void set_language(Language language);
/// The text in the current language (a NUL-terminated literal).
const char* tr(Text text);
/// The site type's name in the current language.
std::string_view type_name(SiteType type);
/// A facility id ("water", "toilet", ...) in words, or the id itself when unknown.
std::string_view facility_name(std::string_view id);

}  // namespace gongyou::ui
