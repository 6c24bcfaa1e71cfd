// server/api/lectures_api.h — lecture requests (送课上门, docs/api-courses.md): a union contact asks for a
// lecture; staff accept, schedule or decline it (the requester is notified); the per-town dashboard.
#pragma once
#include "server/api/api_services.h"
#include "server/http/router.h"
#include "server/sites/site_directory.h"

namespace gongyou::server::api {

/// Adds the endpoints to `router`; `directory` gives the town of a request's position (nearest site).
void add_lecture_routes(http::Router& router, const ApiServices& services, const SiteDirectory& directory);

}  // namespace gongyou::server::api
