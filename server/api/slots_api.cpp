// server/api/slots_api.cpp — see slots_api.h.
#include "server/api/slots_api.h"

#include "server/api/auth.h"
#include "server/api/booking_json.h"
#include "server/api/path_ids.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using Request = httplib::Request;
using Response = httplib::Response;
using http::PathParams;

void list_slots(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const SiteId site{path_id(params.at(0), "site")};
  const http::QueryParams query(req);
  const auto from_text = query.text("from"), to_text = query.text("to");
  const UtcSeconds now = services.clock.now();
  const LocalDate from = from_text ? date_value(*from_text, "from") : shanghai_date(now);
  const LocalDate to = to_text ? date_value(*to_text, "to") : add_days(from, kDefaultListingDays - 1);
  const auto days = days_since_epoch(to) - days_since_epoch(from) + 1;
  if (days < 1 || days > kMaxListingDays)
    throw http::bad_request("from must not be after to, and the range at most " + std::to_string(kMaxListingDays) +
                            " days");
  const auto viewer = optional_user(services, req);
  const auto found = services.store.find_site(site);
  if (!found) throw http::not_found("no site with id " + std::to_string(site.value));
  nlohmann::json items = nlohmann::json::array();
  if (found->bookable) {
    services.store.release_no_shows(now);
    const auto slots =
        services.store.list_slots(site, to_utc(from, LocalTime{0}), to_utc(add_days(to, 1), LocalTime{0}),
                                  viewer ? std::optional(viewer->id) : std::nullopt);
    for (const SlotView& view : slots) items.push_back(viewer ? slot_view_json(view) : slot_json(view.slot));
  }
  http::send_json(res, {{"items", std::move(items)}});
}

}  // namespace

void add_slot_routes(http::Router& router, const ApiServices& services) {
  router.get("/api/v1/sites/{id}/slots", [&services](const Request& req, Response& res, const PathParams& params) {
    list_slots(services, req, res, params);
  });
}

}  // namespace gongyou::server::api
