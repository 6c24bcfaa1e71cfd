// server/api/bookings_api.h — the caller's bookings (docs/api-bookings.md, Bookings): POST /bookings (with
// Idempotency-Key), GET /me/bookings, GET and DELETE /bookings/{id}, the door pass, the calendar file, and
// the notifications. Another user's booking answers 404, as if it did not exist.
#pragma once
#include "server/api/api_services.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// Adds the endpoints to `router`.
void add_booking_routes(http::Router& router, const ApiServices& services);

}  // namespace gongyou::server::api
