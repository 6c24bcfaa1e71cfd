// app/navigation.h — the app's place as a URL hash, so that a shared link opens the same view and the
// browser's back and forward buttons move between views. Platform-free.
//   #/                      the map
//   #/site/ID               a site, selected on the map
//   #/home/ID/book          the slot grid of a bookable site (Workers' Home, studio)
//   #/courses               the course catalog
//   #/courses/CATEGORY      the catalog of one category
//   #/course/ID             one course
//   #/my-bookings           my bookings
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongyou {

/// A view the app can be opened on.
struct Route {
  enum class Kind : std::uint8_t { map, site, book, courses, course, my_bookings };
  Kind kind = Kind::map;
  std::int64_t id = 0;  ///< site, course or category (0: all categories)
  friend bool operator==(const Route&, const Route&) = default;
};

/// The route of a URL hash ("#/site/12"); nullopt for anything else (ids must be positive decimals).
std::optional<Route> parse_route(std::string_view hash);
/// The URL hash of a route ("#/site/12").
std::string format_route(const Route& route);

}  // namespace gongyou
