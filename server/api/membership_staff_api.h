// server/api/membership_staff_api.h — the union staff's endpoints (docs/api-membership.md): staff roles, the
// application queue and decisions, member reads and verification, a union's stats, the members' CSV export, and
// the audit log. Every one checks the caller's scope: 404 for an object outside it, 403 for a union outside it.
#pragma once
#include "server/api/membership_services.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// Adds the endpoints to `router`.
void add_membership_staff_routes(http::Router& router, const MembershipServices& services);

}  // namespace gongyou::server::api
