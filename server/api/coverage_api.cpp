// server/api/coverage_api.cpp — see coverage_api.h. Every answer is computed from the cached CoverageModel of the
// current site snapshot and the asked types; nothing is written.
#include "server/api/coverage_api.h"

#include <algorithm>
#include <cmath>

#include "core/coverage_analysis.h"
#include "core/geo.h"
#include "server/api/auth.h"
#include "server/api/site_params.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using nlohmann::json;
using Request = httplib::Request;
using Response = httplib::Response;

/// Suggestions asked for when no k is given, and the most accepted.
constexpr std::int64_t kDefaultSuggestions = 5;
/// The largest export, in features; larger ones must name a town or a box.
constexpr std::size_t kMaxExportFeatures = 20'000;
/// Vertices of a ring's polygon in the export.
constexpr int kRingSides = 48;

double share_of(std::uint64_t covered, std::uint64_t members) {
  return members == 0 ? 0.0 : static_cast<double>(covered) / static_cast<double>(members);
}

/// The type ids of a request's type= (all types when empty), as the answers echo them.
json type_ids(std::span<const SiteType> types) {
  json ids = json::array();
  if (types.empty())
    for (const SiteTypeInfo& each : all_site_types()) ids.push_back(each.id);
  else
    for (SiteType type : types) ids.push_back(info(type).id);
  return ids;
}

/// town= : nothing when absent; 404 when no workplace is in that town.
std::optional<std::uint32_t> parse_town(const WorkplaceSet& workplaces, const Request& req) {
  const auto name = http::QueryParams(req).text("town");
  if (!name) return std::nullopt;
  const auto town = workplaces.town_index(*name);
  if (!town) throw http::not_found("no workplaces in a town called '" + *name + "' (see /api/v1/coverage/towns)");
  return town;
}

/// The workplaces of a town and/or inside a box; nothing (meaning all) when neither is given.
std::optional<std::vector<std::uint32_t>> scope_of(const WorkplaceSet& workplaces, std::optional<std::uint32_t> town,
                                                   const std::optional<BoundingBox>& bbox) {
  if (!town && !bbox) return std::nullopt;
  std::vector<std::uint32_t> scope;
  const auto& demand = workplaces.demand();
  for (std::uint32_t i = 0; i < demand.size(); ++i)
    if ((!town || demand[i].group == *town) && (!bbox || bbox->contains(demand[i].position))) scope.push_back(i);
  return scope;
}

/// k= of the suggestions: 1..20, 5 when absent.
std::size_t parse_k(const Request& req) {
  const http::QueryParams query(req);
  const auto text = query.text("k");
  if (!text) return kDefaultSuggestions;
  const auto k = http::parse_integer(*text);
  if (!k || *k < 1 || *k > static_cast<std::int64_t>(kMaxSuggestions)) throw http::bad_request("k must be a whole number from 1 to 20");
  return static_cast<std::size_t>(*k);
}

json suggestions_json(std::span<const CoverageSuggestion> suggestions, const WorkplaceSet& workplaces) {
  json items = json::array();
  for (const CoverageSuggestion& s : suggestions)
    items.push_back({{"lat", s.position.lat},
                     {"lon", s.position.lon},
                     {"members_added", s.members_added},
                     {"town", workplaces.towns()[s.town]},
                     {"share_after", s.share_after}});
  return items;
}

/// GET /coverage/towns?type=
void towns(const ApiServices& services, CoverageCache& cache, const Request& req, Response& res) {
  require_admin(services, req);
  const PositionsRequest request = parse_positions(req);
  if (request.bbox) throw http::bad_request("bbox is not a parameter of /coverage/towns");
  const auto model = cache.model(request.types);
  const WorkplaceSet& workplaces = cache.workplaces();
  std::vector<std::uint32_t> order(workplaces.towns().size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<std::uint32_t> counts(order.size(), 0);
  for (const DemandPoint& d : workplaces.demand()) ++counts[d.group];
  const auto& figures = model->towns();
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const double sa = figures[a].share(), sb = figures[b].share();
    return sa != sb ? sa < sb : workplaces.towns()[a] < workplaces.towns()[b];
  });
  json items = json::array();
  std::uint64_t members = 0, covered = 0;
  for (std::uint32_t t : order) {
    members += figures[t].members;
    covered += figures[t].covered;
    items.push_back({{"town", workplaces.towns()[t]},
                     {"members", figures[t].members},
                     {"covered", figures[t].covered},
                     {"share", figures[t].share()},
                     {"workplaces", counts[t]},
                     {"sites", model->sites_per_town()[t]}});
  }
  http::send_json(res, {{"types", type_ids(request.types)},
                        {"radius_m", walk_ring_radius().value},
                        {"sites", model->sites().size()},
                        {"members", members},
                        {"covered", covered},
                        {"share", share_of(covered, members)},
                        {"towns", items}});
}

/// GET /coverage/suggestions?k=&town=&type=
void suggestions(const ApiServices& services, CoverageCache& cache, const Request& req, Response& res) {
  require_admin(services, req);
  const PositionsRequest request = parse_positions(req);
  if (request.bbox) throw http::bad_request("bbox is not a parameter of /coverage/suggestions; use town");
  const std::size_t k = parse_k(req);
  const WorkplaceSet& workplaces = cache.workplaces();
  const auto town = parse_town(workplaces, req);
  const auto model = cache.model(request.types);
  // The greedy order does not depend on k: the first k of the remembered run of kMaxSuggestions.
  const auto run = model->where_next(workplaces, town);
  const std::span<const CoverageSuggestion> chosen(run->items.data(), std::min(k, run->items.size()));
  http::send_json(res, {{"types", type_ids(request.types)},
                        {"town", town ? json(workplaces.towns()[*town]) : json(nullptr)},
                        {"k", k},
                        {"radius_m", walk_ring_radius().value},
                        {"members", run->members},
                        {"covered", run->covered},
                        {"share", share_of(run->covered, run->members)},
                        {"items", suggestions_json(chosen, workplaces)}});
}

json point(LatLon p) { return {{"type", "Point"}, {"coordinates", {p.lon, p.lat}}}; }

/// A coordinate of a ring's vertex rounded to 1e-7 degree (~1 cm): keeps big exports small.
double vertex_coordinate(double degrees) { return std::round(degrees * 1e7) / 1e7; }

json ring_json(LatLon centre) {
  json ring = json::array();
  for (LatLon p : ring_polygon(centre, walk_ring_radius(), kRingSides))
    ring.push_back({vertex_coordinate(p.lon), vertex_coordinate(p.lat)});
  return {{"type", "Polygon"}, {"coordinates", json::array({ring})}};
}

/// GET /coverage/export.geojson?town=&bbox=&type=&k=
void export_geojson(const ApiServices& services, CoverageCache& cache, const Request& req, Response& res) {
  require_admin(services, req);
  const PositionsRequest request = parse_positions(req);
  const std::size_t k = parse_k(req);
  const WorkplaceSet& workplaces = cache.workplaces();
  const auto town = parse_town(workplaces, req);
  const auto model = cache.model(request.types);
  std::vector<const Site*> sites;
  for (const Site* site : model->sites())
    if ((!town || site->town == workplaces.towns()[*town]) && (!request.bbox || request.bbox->contains(site->position)))
      sites.push_back(site);
  const auto scope = scope_of(workplaces, town, request.bbox);
  const std::size_t workplace_count = scope ? scope->size() : workplaces.demand().size();
  const std::size_t features = 2 * sites.size() + workplace_count + k;
  if (features > kMaxExportFeatures)
    throw http::bad_request("the export would hold about " + std::to_string(features) + " features, more than " +
                            std::to_string(kMaxExportFeatures) + ": choose a town (town=) or an area (bbox=)");
  std::uint64_t members = 0, covered = 0;
  std::vector<CoverageSuggestion> chosen;
  if (!request.bbox) {  // a town or all: the remembered run
    const auto run = model->where_next(workplaces, town);
    members = run->members;
    covered = run->covered;
    chosen.assign(run->items.begin(), run->items.begin() + static_cast<std::ptrdiff_t>(std::min(k, run->items.size())));
  } else {
    chosen = suggest(*model, workplaces, scope, k, members, covered);
  }

  json items = json::array();
  for (const Site* site : sites)
    items.push_back({{"type", "Feature"},
                     {"geometry", point(site->position)},
                     {"properties",
                      {{"kind", "site"},
                       {"id", site->id.value},
                       {"name", site->name},
                       {"type", info(site->type).id},
                       {"town", site->town},
                       {"ring_radius_m", walk_ring_radius().value}}}});
  for (const Site* site : sites)
    items.push_back({{"type", "Feature"},
                     {"geometry", ring_json(site->position)},
                     {"properties", {{"kind", "ring"}, {"site_id", site->id.value}, {"minutes", kDefaultRingMinutes.value}}}});
  const auto add_workplace = [&](std::uint32_t i) {
    const Workplace& w = workplaces.workplaces()[i];
    items.push_back({{"type", "Feature"},
                     {"geometry", point(w.position)},
                     {"properties",
                      {{"kind", "workplace"}, {"members", w.members}, {"town", w.town}, {"covered", model->covered()[i] != 0}}}});
  };
  if (scope)
    for (std::uint32_t i : *scope) add_workplace(i);
  else
    for (std::uint32_t i = 0; i < workplaces.demand().size(); ++i) add_workplace(i);
  int rank = 0;
  for (const CoverageSuggestion& s : chosen)
    items.push_back({{"type", "Feature"},
                     {"geometry", point(s.position)},
                     {"properties",
                      {{"kind", "suggestion"},
                       {"rank", ++rank},
                       {"members_added", s.members_added},
                       {"town", workplaces.towns()[s.town]},
                       {"share_after", s.share_after}}}});
  const json collection = {{"type", "FeatureCollection"},
                           {"properties", {{"members", members}, {"covered", covered}, {"share", share_of(covered, members)}}},
                           {"features", items}};
  http::send_text(res, collection.dump(-1, ' ', false, json::error_handler_t::replace), "application/geo+json");
  const std::string file = town ? "gongyou-coverage-town.geojson" : "gongyou-coverage.geojson";
  res.set_header("Content-Disposition", "attachment; filename=\"" + file + "\"");
}

}  // namespace

void add_coverage_routes(http::Router& router, const ApiServices& services, CoverageCache& coverage) {
  router.get("/api/v1/coverage/towns", [&services, &coverage](const Request& req, Response& res, const http::PathParams&) {
    towns(services, coverage, req, res);
  });
  router.get("/api/v1/coverage/suggestions",
             [&services, &coverage](const Request& req, Response& res, const http::PathParams&) {
               suggestions(services, coverage, req, res);
             });
  router.get("/api/v1/coverage/export.geojson",
             [&services, &coverage](const Request& req, Response& res, const http::PathParams&) {
               export_geojson(services, coverage, req, res);
             });
}

}  // namespace gongyou::server::api
