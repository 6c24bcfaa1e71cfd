// server/api/courses_api.h — the course classroom (docs/api-courses.md, Catalog and Enrollment): categories,
// the course list and detail, enrolling (Idempotency-Key as for bookings), my courses, lesson progress and
// leaving. Another user's enrollment answers 404, as if it did not exist.
#pragma once
#include "server/api/api_services.h"
#include "server/http/router.h"

namespace gongyou::server::api {

/// Adds the endpoints to `router`.
void add_course_routes(http::Router& router, const ApiServices& services);

}  // namespace gongyou::server::api
