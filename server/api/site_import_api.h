// server/api/site_import_api.h — POST /api/v1/admin/sites/import: staff upload sites as CSV (UTF-8 or GB18030) or
// GeoJSON, in WGS-84 or GCJ-02; every row is checked (core/site_import.h) and the sites are stored in one
// transaction only when every row is good, so nothing is ever half-imported.
#pragma once
#include "server/api/api_services.h"
#include "server/http/router.h"
#include "server/sites/site_directory.h"

namespace gongyou::server::api {

/// Adds the import endpoint; `directory` is refreshed after an import (nearest-site queries see the new sites).
void add_site_import_routes(http::Router& router, const ApiServices& services, SiteDirectory& directory);

}  // namespace gongyou::server::api
