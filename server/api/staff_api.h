// server/api/staff_api.h — the admin endpoints of slot booking (docs/api-bookings.md, Staff): weekly
// template, day exceptions, the day's roster (JSON and CSV) and desk check-in. Workers get 403 forbidden.
#pragma once
#include "server/api/api_services.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// Adds the endpoints to `router`.
void add_staff_routes(http::Router& router, const ApiServices& services);

}  // namespace gongyou::server::api
