// server/api/site_import_api.cpp — see site_import_api.h.
//
//   POST /api/v1/admin/sites/import?format=csv|geojson&encoding=auto|utf-8|gb18030&datum=wgs84|gcj02&dry_run=1
//   body: the file itself (at most 1 MiB, as every request body)
//   200 {"imported":N,"ids":[...],"rows":N}                      every row good, all stored in one transaction
//   200 {"imported":0,"ids":[],"rows":N,"dry_run":true}         dry_run=1: checked, nothing stored
//   422 {"error":{"code":"import_rejected","message":..., "rows":[{"row":R,"message":...}]}}   nothing stored
//   400 bad_request for unknown parameters or a file that is neither UTF-8 nor GB18030
#include "server/api/site_import_api.h"


#include <cerrno>
#include <mutex>
#include <nlohmann/json.hpp>

#include "core/site_import.h"
#include "server/api/upload_text.h"
#include "server/api/auth.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using nlohmann::json;

void import_sites(const ApiServices& services, SiteDirectory& directory, const httplib::Request& req,
                  httplib::Response& res) {
  require_admin(services, req);
  const http::QueryParams query(req);
  const std::string format = query.text("format").value_or("csv");
  if (format != "csv" && format != "geojson") throw http::bad_request("format must be csv or geojson");
  const std::string datum = query.text("datum").value_or("wgs84");
  if (datum != "wgs84" && datum != "gcj02") throw http::bad_request("datum must be wgs84 or gcj02");
  const std::string dry = query.text("dry_run").value_or("0");
  if (dry != "0" && dry != "1") throw http::bad_request("dry_run must be 0 or 1");
  const std::string text = to_utf8(req.body, query.text("encoding").value_or("auto"));

  ImportOptions options;
  options.datum = datum == "gcj02" ? Datum::gcj02 : Datum::wgs84;
  // Imports are rare: one at a time, so that two uploads of the same file cannot both pass the duplicate check.
  static std::mutex one_import_at_a_time;
  const std::lock_guard lock(one_import_at_a_time);
  const auto snapshot = directory.current();
  const ImportReport report = format == "csv" ? import_sites_csv(text, options, snapshot->sites())
                                              : import_sites_geojson(text, options, snapshot->sites());
  if (!report.ok()) {
    send_import_rejected(res, report.errors, report.rows);
    return;
  }
  if (dry == "1") {
    http::send_json(res, {{"imported", 0}, {"ids", json::array()}, {"rows", report.rows}, {"dry_run", true}});
    return;
  }
  const std::vector<SiteId> ids = services.store.insert_sites(report.sites);
  directory.replace(services.store.all_sites());
  json id_list = json::array();
  for (SiteId id : ids) id_list.push_back(id.value);
  http::send_json(res, {{"imported", ids.size()}, {"ids", std::move(id_list)}, {"rows", report.rows}});
}

}  // namespace

void add_site_import_routes(http::Router& router, const ApiServices& services, SiteDirectory& directory) {
  router.add("POST", "/api/v1/admin/sites/import",
             [&services, &directory](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               import_sites(services, directory, req, res);
             });
}

}  // namespace gongyou::server::api
