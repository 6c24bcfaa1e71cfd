// server/api/test_clock_api.cpp — see test_clock_api.h.
#include "server/api/test_clock_api.h"

#include "server/api/json_body.h"
#include "server/http/reply.h"

namespace gongyou::server::api {

void add_test_clock_routes(http::Router& router, Clock& clock, Housekeeper& housekeeper) {
  router.add("POST", "/api/v1/test/clock",
             [&clock, &housekeeper](const httplib::Request& req, httplib::Response& res, const http::PathParams&) {
               const auto now = parse_iso8601(JsonBody(req).text("now", 64));
               if (!now) throw http::bad_request("now must be ISO-8601 with an offset, e.g. 2026-11-24T09:10:00+08:00");
               clock.set(*now);
               housekeeper.run_round();
               http::send_json(res, {{"now", format_iso8601(clock.now())}});
             });
}

}  // namespace gongyou::server::api
