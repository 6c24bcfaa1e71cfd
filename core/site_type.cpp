// core/site_type.cpp — see site_type.h.
#include "core/site_type.h"

#include <array>

namespace gongyou {
namespace detail {
// Colors: distinct hues readable on a light map, union red for the service center.
constexpr std::array kTypes{
    SiteTypeInfo{SiteType::service_center, "service_center", "服务中心", "Service center", "工", 0xC8102E},
    SiteTypeInfo{SiteType::workers_home, "workers_home", "职工之家", "Workers' Home", "家", 0xE4572E},
    SiteTypeInfo{SiteType::model_worker_studio, "model_worker_studio", "劳模工作室", "Model worker studio", "劳",
                 0xB8860B},
    SiteTypeInfo{SiteType::bookstore, "bookstore", "职工书屋", "Worker bookstore", "书", 0x2E6FD8},
    SiteTypeInfo{SiteType::love_station, "love_station", "爱心驿站", "Love station", "驿", 0xD6336C},
    SiteTypeInfo{SiteType::water_point, "water_point", "饮水点", "Drinking water", "水", 0x1098AD},
    SiteTypeInfo{SiteType::mommy_hut, "mommy_hut", "妈咪小屋", "Nursing room", "母", 0xAE3EC9},
    SiteTypeInfo{SiteType::canteen, "canteen", "爱心食堂", "Love canteen", "食", 0xE8590C},
    SiteTypeInfo{SiteType::fitness, "fitness", "健身广场", "Fitness square", "健", 0x2F9E44},
    SiteTypeInfo{SiteType::childcare, "childcare", "爱心托管园", "Childcare", "童", 0xF08C00},
    SiteTypeInfo{SiteType::lecture_hall, "lecture_hall", "职工讲堂", "Lecture hall", "讲", 0x5F3DC4},
    SiteTypeInfo{SiteType::tool_room, "tool_room", "共享工具间", "Shared tool room", "具", 0x495057},
    SiteTypeInfo{SiteType::health_hut, "health_hut", "健康小屋", "Health hut", "医", 0x0CA678},
    SiteTypeInfo{SiteType::council, "council", "职工议事站", "Workers' council", "议", 0x364FC7},
};
}  // namespace detail
using detail::kTypes;

std::span<const SiteTypeInfo> all_site_types() { return kTypes; }

const SiteTypeInfo& info(SiteType type) { return kTypes[static_cast<std::size_t>(type)]; }

std::optional<SiteType> site_type_from_id(std::string_view id) {
  for (const auto& t : kTypes)
    if (t.id == id) return t.type;
  return std::nullopt;
}

}  // namespace gongyou

// info() indexes the table by enum value: the table must stay in enum order.
static_assert([] {
  for (std::size_t i = 0; i < gongyou::detail::kTypes.size(); ++i)
    if (static_cast<std::size_t>(gongyou::detail::kTypes[i].type) != i) return false;
  return true;
}());
