// server/api/member_profile_api.h — the union tree (GET /unions), a person's real-name profile (PUT/GET/DELETE
// /me/member-profile) and their membership applications (POST /membership/applications, GET
// /me/membership/applications): api-services.md "Unions", "Member profile and membership".
#pragma once
#include "server/api/membership_services.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// Adds the endpoints to `router`.
void add_member_routes(http::Router& router, const MembershipServices& services);

}  // namespace gongyou::server::api
