// server/api/test_clock_api.h — POST /api/v1/test/clock {"now": ISO-8601}: moves the server's test clock
// (only registered with --test-clock START; otherwise the path is 404), then runs one housekeeping round at
// the new time at once (no-show release, purges, the slot refresh when the date changed), as the periodic
// job would within a minute.
#pragma once
#include "server/bookings/housekeeper.h"
#include "server/clock.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// Adds the endpoint to `router`; `clock` is the server's one clock, writable.
void add_test_clock_routes(http::Router& router, Clock& clock, Housekeeper& housekeeper);

}  // namespace gongyou::server::api
