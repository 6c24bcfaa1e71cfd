// server/api/test_clock_api.h — POST /api/v1/test/clock {"now": ISO-8601}: sets the server's clock
// (only registered with --test-clock; otherwise the path is 404). The slot keeper and the no-show
// release run at once for the new time.
#pragma once
#include "server/api/api_services.h"
#include "server/clock.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// Adds the endpoint to `router`; `clock` is the one in `services`, writable.
void add_test_clock_routes(http::Router& router, const ApiServices& services, Clock& clock);

}  // namespace gongyou::server::api
