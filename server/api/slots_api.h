// server/api/slots_api.h — GET /sites/{id}/slots?from=&to= (docs/api-bookings.md, Slots).
#pragma once
#include "server/api/api_services.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// Days a slot listing covers when no `to` is given, and the most it may cover.
inline constexpr int kDefaultListingDays = 7, kMaxListingDays = 14;

/// Adds the endpoint to `router`.
void add_slot_routes(http::Router& router, const ApiServices& services);

}  // namespace gongyou::server::api
