// server/api/site_params.h — the query strings of the site endpoints, validated into store and
// directory requests. Every malformed value throws a 400 bad_request saying what was expected.
#pragma once
#include <httplib.h>

#include <cstddef>
#include <optional>
#include <vector>

#include "core/site_type.h"
#include "core/units.h"
#include "server/store/store.h"

namespace gongyou::server::api {

/// Page size of GET /sites when no limit is given, and the largest accepted.
inline constexpr std::size_t kDefaultPageSize = 100, kMaxPageSize = 1000;

/// Neighbours of GET /sites/nearest when no k is given, and the most accepted.
inline constexpr std::size_t kDefaultNearestCount = 10, kMaxNearestCount = 100;

/// GET /sites?bbox=&type=&q=&limit=&cursor= (open_now is read by parse_open_now)
SitePageRequest parse_site_listing(const httplib::Request& req);

/// open_now=1|true|0|false of GET /sites; false when absent.
bool parse_open_now(const httplib::Request& req);

/// What GET /sites/nearest asks for.
struct NearestRequest {
  LatLon from;
  std::size_t k = kDefaultNearestCount;
  std::optional<Minutes> max_walk;  ///< max_minutes
  std::vector<SiteType> types;      ///< empty means every type
  std::string text;                 ///< q: only sites whose name, address or town contain it (or its pinyin initials)
};

/// GET /sites/nearest?lat=&lon=&k=&type=&max_minutes=&q=
NearestRequest parse_nearest(const httplib::Request& req);

/// What GET /sites/positions asks for: the sites of `types` (all when empty) inside `bbox` (all when absent).
struct PositionsRequest {
  std::optional<BoundingBox> bbox;
  std::vector<SiteType> types;
};

/// GET /sites/positions?bbox=&type=
PositionsRequest parse_positions(const httplib::Request& req);

}  // namespace gongyou::server::api
