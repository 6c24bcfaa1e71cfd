// server/api/coverage_api.h — the staff coverage analysis (docs/api-coverage.md): members within 15 minutes per
// town, "where next" suggestions and the GeoJSON export. Admins only: 401 without a session, 403 for a worker.
#pragma once
#include "server/api/api_services.h"
#include "server/coverage/coverage_model.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// Adds the endpoints to `router`; `coverage` must outlive it.
void add_coverage_routes(http::Router& router, const ApiServices& services, CoverageCache& coverage);

}  // namespace gongyou::server::api
