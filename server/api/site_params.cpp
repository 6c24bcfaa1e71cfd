// server/api/site_params.cpp — see site_params.h.
#include "server/api/site_params.h"

#include "server/api/cursor.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using http::bad_request;
using http::QueryParams;

constexpr std::size_t kMaxSearchTextBytes = 200;
constexpr double kMaxWalkMinutes = 24 * 60;

/// type=a,b -> the types, each a known id.
std::vector<SiteType> parse_types(const QueryParams& query) {
  std::vector<SiteType> types;
  const auto list = query.text("type");
  if (!list) return types;
  for (auto id : http::split_commas(*list)) {
    const auto type = site_type_from_id(id);
    if (!type) throw bad_request("type must be a comma-separated list of site type ids (see /api/v1/site-types)");
    types.push_back(*type);
  }
  return types;
}

/// bbox=minLon,minLat,maxLon,maxLat
std::optional<BoundingBox> parse_bbox(const QueryParams& query) {
  const auto text = query.text("bbox");
  if (!text) return std::nullopt;
  const auto parts = http::split_commas(*text);
  double v[4] = {};
  bool ok = parts.size() == 4;
  for (std::size_t i = 0; ok && i < 4; ++i) {
    const auto number = http::parse_finite_number(parts[i]);
    ok = number.has_value();
    if (ok) v[i] = *number;
  }
  if (!ok) throw bad_request("bbox must be four numbers: minLon,minLat,maxLon,maxLat");
  const BoundingBox box{v[0], v[1], v[2], v[3]};
  if (!is_valid(LatLon{box.min_lat, box.min_lon}) || !is_valid(LatLon{box.max_lat, box.max_lon}))
    throw bad_request("bbox is out of range (longitudes -180..180, latitudes -90..90)");
  if (box.min_lon > box.max_lon || box.min_lat > box.max_lat)
    throw bad_request("bbox must have minLon <= maxLon and minLat <= maxLat");
  return box;
}

}  // namespace

SitePageRequest parse_site_listing(const httplib::Request& req) {
  const QueryParams query(req);
  SitePageRequest request;
  request.filter.bbox = parse_bbox(query);
  request.filter.types = parse_types(query);
  request.filter.text = query.text("q").value_or("");
  if (request.filter.text.size() > kMaxSearchTextBytes)
    throw bad_request("q must be at most " + std::to_string(kMaxSearchTextBytes) + " bytes");
  request.limit = static_cast<std::size_t>(query.integer("limit", 1, kMaxPageSize).value_or(kDefaultPageSize));
  if (const auto cursor = query.text("cursor")) {
    const auto after = decode_cursor(*cursor);
    if (!after) throw bad_request("cursor is not valid: pass back a next_cursor from a previous page");
    request.after = *after;
  }
  return request;
}

bool parse_open_now(const httplib::Request& req) {
  const auto text = QueryParams(req).text("open_now");
  if (!text) return false;
  if (*text == "1" || *text == "true") return true;
  if (*text == "0" || *text == "false") return false;
  throw bad_request("open_now must be 1, true, 0 or false");
}

NearestRequest parse_nearest(const httplib::Request& req) {
  const QueryParams query(req);
  NearestRequest request;
  request.from.lat = query.required_number("lat", -90, 90);
  request.from.lon = query.required_number("lon", -180, 180);
  request.k = static_cast<std::size_t>(query.integer("k", 1, kMaxNearestCount).value_or(kDefaultNearestCount));
  if (const auto minutes = query.number("max_minutes", 0, kMaxWalkMinutes)) request.max_walk = Minutes{*minutes};
  request.types = parse_types(query);
  request.text = query.text("q").value_or("");
  if (request.text.size() > kMaxSearchTextBytes)
    throw bad_request("q must be at most " + std::to_string(kMaxSearchTextBytes) + " bytes");
  return request;
}

PositionsRequest parse_positions(const httplib::Request& req) {
  const QueryParams query(req);
  return {parse_bbox(query), parse_types(query)};
}

}  // namespace gongyou::server::api
