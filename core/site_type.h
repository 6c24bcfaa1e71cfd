// core/site_type.h — the kinds of union service site (服务阵地) and how each is shown.
// Names follow ../shared/design/product.md; colors and icons are shared by the ImGui panel and the map markers.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace gongyou {

/// A kind of service site. The order is the display order of the type filters.
enum class SiteType : std::uint8_t {
  service_center,       // 服务中心 / 服务站
  workers_home,         // 职工之家 (bookable)
  model_worker_studio,  // 劳模创新工作室 (visits booked)
  bookstore,            // 职工书屋
  love_station,         // 爱心驿站 / 户外劳动者驿站
  water_point,          // 饮水点
  mommy_hut,            // 妈咪小屋
  canteen,              // 爱心食堂
  fitness,              // 健身广场
  childcare,            // 爱心托管园
  lecture_hall,         // 职工讲堂
  tool_room,            // 共享工具间
  health_hut,           // 健康小屋
  council,              // 职工议事站
};

/// How a site type is named and drawn.
struct SiteTypeInfo {
  SiteType type;
  std::string_view id;       ///< stable API id, e.g. "bookstore"
  std::string_view name_zh;  ///< Chinese name shown by default
  std::string_view name_en;  ///< English name
  std::string_view icon;     ///< one CJK character drawn in the marker and the filter chip (UTF-8)
  std::uint32_t color_rgb;   ///< marker and chip color, 0xRRGGBB
};

/// All site types in display order.
std::span<const SiteTypeInfo> all_site_types();

/// The description of a type.
const SiteTypeInfo& info(SiteType type);

/// The type with the given API id, or nothing.
std::optional<SiteType> site_type_from_id(std::string_view id);

}  // namespace gongyou
