// server/api/door_api.h — POST /doors/{site_id}/open {"token"}: the smart lock of a Workers' Home asks
// whether a door pass opens it (docs/api-bookings.md, Door). No user token: the signed pass is the proof.
#pragma once
#include "server/api/api_services.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// Adds the endpoint to `router`.
void add_door_routes(http::Router& router, const ApiServices& services);

}  // namespace gongyou::server::api
