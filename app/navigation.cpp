// app/navigation.cpp — see navigation.h.
#include "app/navigation.h"

#include <array>
#include <charconv>
#include <utility>

#include "core/article.h"

namespace gongyou {
namespace {

/// A positive decimal id that fills the whole text.
std::optional<std::int64_t> parse_id(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

using Kind = Route::Kind;

/// The routes without an id, by their whole path after "#/".
constexpr std::array<std::pair<std::string_view, Kind>, 23> kFixedPaths{{
    {"map", Kind::map},
    {"coverage", Kind::coverage},
    {"courses", Kind::courses},
    {"my-courses", Kind::my_courses},
    {"lectures", Kind::lectures},
    {"lectures/new", Kind::lecture_form},
    {"lectures/review", Kind::lecture_review},
    {"me", Kind::me},
    {"my-bookings", Kind::me},  // an older link: my bookings are on 我的
    {"me/union", Kind::my_union},
    {"me/profile", Kind::member_profile},
    {"unions", Kind::unions},
    {"staff/members", Kind::staff_members},
    {"quizzes", Kind::quizzes},
    {"campaigns", Kind::campaigns},
    {"activities", Kind::activities},
    {"news", Kind::news},
    {"documents", Kind::documents},
    {"wishes", Kind::wishes}, {"wishes/new", Kind::wish_form}, {"wishes/mine", Kind::my_wishes},
    {"wishes/desk", Kind::wish_desk}, {"hotlines", Kind::hotlines},
}};

/// The routes with an id: "PREFIX/ID" followed by the suffix.
struct IdPath {
  std::string_view prefix, suffix;
  Kind kind;
};
constexpr std::array<IdPath, 14> kIdPaths{{
    {"site/", "", Kind::site},
    {"home/", "/book", Kind::book},
    {"staff/", "", Kind::staff},
    {"courses/", "", Kind::courses},
    {"course/", "", Kind::course},
    {"unions/", "", Kind::union_page},
    {"quizzes/", "", Kind::quiz},
    {"quizzes/", "/draw", Kind::quiz_draw},
    {"quiz-attempts/", "", Kind::quiz_attempt},
    {"campaigns/", "", Kind::campaign},
    {"campaigns/", "/review", Kind::campaign_review},
    {"activities/", "", Kind::activity},
    {"articles/", "", Kind::article},
    {"wishes/", "", Kind::wish},
}};

/// The channel routes: "news/" and a channel's wire name.
constexpr std::string_view kChannelPrefix = "news/";

}  // namespace

Screen section_of(Screen screen) {
  switch (screen) {
    case Screen::home:
    case Screen::quizzes:
    case Screen::campaigns:
    case Screen::activities:
    case Screen::articles:
    case Screen::wishes: return Screen::home;  // tiles of 首页
    case Screen::map:
    case Screen::slots: return Screen::map;
    case Screen::courses: return Screen::courses;
    case Screen::me:
    case Screen::staff:
    case Screen::coverage:
    case Screen::my_union:
    case Screen::unions:
    case Screen::member_profile:
    case Screen::staff_members: return Screen::me;
  }
  return Screen::home;
}

std::optional<Route> parse_route(std::string_view hash) {
  if (hash.empty() || hash == "#" || hash == "#/") return Route{};
  if (hash.substr(0, 2) != "#/") return std::nullopt;
  const std::string_view path = hash.substr(2);
  for (const auto& [fixed, kind] : kFixedPaths)
    if (path == fixed) return Route{kind, 0};
  if (path.starts_with(kChannelPrefix))
    for (std::size_t c = 0; c < std::size(kArticleChannels); ++c)
      if (path.substr(kChannelPrefix.size()) == wire_name(kArticleChannels[c]))
        return Route{Kind::news, static_cast<std::int64_t>(c) + 1};
  for (const IdPath& p : kIdPaths) {
    if (!path.starts_with(p.prefix) || !path.ends_with(p.suffix) || path.size() <= p.prefix.size() + p.suffix.size())
      continue;
    const auto id = parse_id(path.substr(p.prefix.size(), path.size() - p.prefix.size() - p.suffix.size()));
    if (id) return Route{p.kind, *id};
  }
  return std::nullopt;
}

std::string format_route(const Route& route) {
  if (route.kind == Kind::home) return "#/";
  if (route.kind == Kind::news && route.id >= 1 && route.id <= static_cast<std::int64_t>(std::size(kArticleChannels)))
    return "#/" + std::string(kChannelPrefix) + std::string(wire_name(kArticleChannels[route.id - 1]));
  if (route.id != 0)
    for (const IdPath& p : kIdPaths)
      if (p.kind == route.kind) return "#/" + std::string(p.prefix) + std::to_string(route.id) + std::string(p.suffix);
  for (const auto& [fixed, kind] : kFixedPaths)
    if (kind == route.kind) return "#/" + std::string(fixed);
  return "#/";
}

}  // namespace gongyou
