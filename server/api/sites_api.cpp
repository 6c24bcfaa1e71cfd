// server/api/sites_api.cpp — see sites_api.h.
#include "server/api/sites_api.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "core/opening_hours.h"
#include "core/pinyin.h"
#include "core/site_positions.h"
#include "server/api/cursor.h"
#include "server/api/site_params.h"
#include "server/http/compression.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"
#include "server/http/static_files.h"

namespace gongyou::server::api {
namespace {

using http::PathParams;
using nlohmann::json;
using Request = httplib::Request;
using Response = httplib::Response;

std::string css_color(std::uint32_t rgb) {
  char text[8];
  std::snprintf(text, sizeof text, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFF));
  return text;
}

json site_types_json() {
  json types = json::array();
  for (const SiteTypeInfo& type : all_site_types())
    types.push_back({{"id", type.id},
                     {"name_zh", type.name_zh},
                     {"name_en", type.name_en},
                     {"color", css_color(type.color_rgb)},
                     {"icon", type.icon}});
  return types;
}

/// True when the site's hours (core/opening_hours.h) say it is open at `now` in Asia/Shanghai, China's public
/// holidays counting for "PH". Hours that are empty or cannot be read are not "open now": unknown is not open.
bool open_at(const Site& site, UtcSeconds now) {
  const auto schedule = parse_opening_hours(site.hours);
  const auto* parsed = std::get_if<OpeningSchedule>(&schedule);
  return parsed && is_open_at(*parsed, now, china_public_holidays());
}

/// The page of `request` keeping only the sites open at `now`: reads the store in chunks, in id order, until the
/// page (and one more, which tells whether a next page exists) is full or the sites run out.
SitePage list_open_sites(Store& store, SitePageRequest request, UtcSeconds now) {
  const std::size_t limit = request.limit;
  request.limit = std::max<std::size_t>(limit, 500);
  SitePage page;
  while (true) {
    const SitePage chunk = store.list_sites(request);
    for (const Site& site : chunk.items) {
      if (!open_at(site, now)) continue;
      if (page.items.size() == limit) {
        page.has_more = true;
        return page;
      }
      page.items.push_back(site);
    }
    if (!chunk.has_more) return page;
    request.after = chunk.items.back().id;
  }
}

void list_sites(Store& store, const SiteDirectory& directory, const Clock& clock, const Request& req, Response& res) {
  SitePageRequest request = parse_site_listing(req);
  const bool open_now = parse_open_now(req);
  // "ldf" finds 劳动法 too: the initials of every name and address are kept by the directory's snapshot.
  if (is_pinyin_query(request.filter.text))
    request.filter.text_initials_matches = directory.current()->matching_pinyin(request.filter.text);
  const SitePage page = open_now ? list_open_sites(store, request, clock.now()) : store.list_sites(request);
  json items = json::array();
  for (const Site& site : page.items) items.push_back(to_json(site));
  const json next = page.has_more ? json(encode_cursor(page.items.back().id)) : json(nullptr);
  http::send_json(res, {{"items", std::move(items)}, {"next_cursor", next}});
}

void nearest_sites(const SiteDirectory& directory, const Request& req, Response& res) {
  const NearestRequest request = parse_nearest(req);
  const auto snapshot = directory.current();
  json items = json::array();
  for (const NearbySite& nearby : snapshot->nearest(request.from, request.k, request.max_walk, request.types,
                                                               request.text)) {
    json item = to_json(*nearby.site);
    item["distance_m"] = nearby.distance.value;
    item["walk_minutes"] = nearby.walk_time.value;
    items.push_back(std::move(item));
  }
  http::send_json(res, {{"items", std::move(items)}});
}

/// GET /sites/positions: id, type and position of every site (of the asked types, in the box), compactly, from the
/// directory's snapshot (no database read): what the map clusters at national scale.
/// Every site's positions, encoded and compressed once per snapshot of the directory (they change only when the
/// sites do): 150,000 sites are 3.2 MB of JSON, 1.15 MB in brotli.
struct EncodedPositions {
  std::shared_ptr<const SiteSnapshot> snapshot;
  std::string json, brotli, gzip;
};

std::shared_ptr<const EncodedPositions> encoded_positions(std::shared_ptr<const SiteSnapshot> snapshot) {
  static std::mutex mutex;
  static std::shared_ptr<const EncodedPositions> cached;
  const std::lock_guard lock(mutex);  // the first request after a change encodes; the others wait for it
  if (!cached || cached->snapshot != snapshot) {
    auto fresh = std::make_shared<EncodedPositions>();
    fresh->json = encode_site_positions(snapshot->sites());
    fresh->brotli = http::brotli_compress(fresh->json);
    fresh->gzip = http::gzip_compress(fresh->json);
    fresh->snapshot = std::move(snapshot);
    cached = std::move(fresh);
  }
  return cached;
}

void site_positions(const SiteDirectory& directory, const Request& req, Response& res) {
  const PositionsRequest request = parse_positions(req);
  const auto snapshot = directory.current();
  const std::vector<Site>& all = snapshot->sites();
  if (!request.bbox && request.types.empty()) {
    const auto encoded = encoded_positions(snapshot);
    res.set_header("Vary", "Accept-Encoding");
    const std::string accept = req.get_header_value("Accept-Encoding");
    if (http::accepts_encoding(accept, "br")) {
      res.set_header("Content-Encoding", "br");
      http::send_text(res, encoded->brotli, "application/json; charset=utf-8");
    } else if (http::accepts_encoding(accept, "gzip")) {
      res.set_header("Content-Encoding", "gzip");
      http::send_text(res, encoded->gzip, "application/json; charset=utf-8");
    } else {
      http::send_text(res, encoded->json, "application/json; charset=utf-8");
    }
    return;
  }
  std::vector<Site> chosen;  // positions only: the text fields are left empty
  for (const Site& site : all) {
    if (request.bbox && !request.bbox->contains(site.position)) continue;
    if (!request.types.empty() && std::find(request.types.begin(), request.types.end(), site.type) == request.types.end())
      continue;
    Site& row = chosen.emplace_back();
    row.id = site.id;
    row.type = site.type;
    row.position = site.position;
  }
  http::send_text(res, encode_site_positions(chosen), "application/json; charset=utf-8");
}

void one_site(Store& store, const PathParams& params, Response& res) {
  const auto id = http::parse_integer(params.at(0));
  if (!id || *id < 1) throw http::not_found("site ids are positive integers");
  const auto site = store.find_site(SiteId{*id});
  if (!site) throw http::not_found("no site with id " + std::to_string(*id));
  http::send_json(res, to_json(*site));
}

}  // namespace

void add_site_routes(http::Router& router, Store& store, const SiteDirectory& directory, const Clock& clock) {
  router.get("/api/v1/health", [](const Request&, Response& res, const PathParams&) {
    http::send_json(res, {{"status", "ok"}});
  });
  router.get("/api/v1/site-types", [types = site_types_json()](const Request&, Response& res, const PathParams&) {
    http::send_json(res, types);
  });
  router.get("/api/v1/sites", [&store, &directory, &clock](const Request& req, Response& res, const PathParams&) {
    list_sites(store, directory, clock, req, res);
  });
  router.get("/api/v1/sites/nearest", [&directory](const Request& req, Response& res, const PathParams&) {
    nearest_sites(directory, req, res);
  });
  router.get("/api/v1/sites/positions", [&directory](const Request& req, Response& res, const PathParams&) {
    site_positions(directory, req, res);
  });
  router.get("/api/v1/sites/{id}",
             [&store](const Request&, Response& res, const PathParams& params) { one_site(store, params, res); });
}

}  // namespace gongyou::server::api
