// server/api/visits_api.h — studio visits on the booking engine (docs/api-courses.md, Staff and Studio
// visits): a site's visit rules (group size, approval) and staff approval or denial of pending bookings.
#pragma once
#include "server/api/api_services.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// Adds the endpoints to `router`.
void add_visit_routes(http::Router& router, const ApiServices& services);

}  // namespace gongyou::server::api
