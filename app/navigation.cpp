// app/navigation.cpp — see route.h.
#include "app/navigation.h"

#include <charconv>

namespace gongyou {
namespace {

/// A positive decimal id that fills the whole text.
std::optional<std::int64_t> parse_id(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

/// Splits off the text up to the next '/' (or the end).
std::string_view next_part(std::string_view& rest) {
  const std::size_t slash = rest.find('/');
  const std::string_view part = rest.substr(0, slash);
  rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  return part;
}

}  // namespace

std::optional<Route> parse_route(std::string_view hash) {
  if (hash.empty() || hash == "#" || hash == "#/") return Route{};
  if (hash.substr(0, 2) != "#/") return std::nullopt;
  std::string_view rest = hash.substr(2);
  const std::string_view head = next_part(rest);
  if (head == "my-bookings" && rest.empty()) return Route{Route::Kind::my_bookings, 0};
  if (head == "courses") {
    if (rest.empty()) return Route{Route::Kind::courses, 0};
    const auto id = parse_id(rest);
    if (!id) return std::nullopt;
    return Route{Route::Kind::courses, *id};
  }
  const std::string_view id_text = next_part(rest);
  const auto id = parse_id(id_text);
  if (!id) return std::nullopt;
  if (head == "site" && rest.empty()) return Route{Route::Kind::site, *id};
  if (head == "course" && rest.empty()) return Route{Route::Kind::course, *id};
  if (head == "home" && rest == "book") return Route{Route::Kind::book, *id};
  return std::nullopt;
}

std::string format_route(const Route& route) {
  const std::string id = std::to_string(route.id);
  switch (route.kind) {
    case Route::Kind::map: return "#/";
    case Route::Kind::site: return "#/site/" + id;
    case Route::Kind::book: return "#/home/" + id + "/book";
    case Route::Kind::courses: return route.id ? "#/courses/" + id : "#/courses";
    case Route::Kind::course: return "#/course/" + id;
    case Route::Kind::my_bookings: return "#/my-bookings";
  }
  return "#/";
}

}  // namespace gongyou
