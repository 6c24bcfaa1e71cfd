// server/api/door_api.cpp — see door_api.h. A refusal is 403 {"open": false, "error": {"code", "message"}};
// the checks run in this order: signature and format, site, time window, booking state.
#include "server/api/door_api.h"

#include "server/api/booking_json.h"
#include "server/api/json_body.h"
#include "server/api/path_ids.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using Request = httplib::Request;
using Response = httplib::Response;
using http::PathParams;

constexpr std::size_t kMaxPassBytes = 1024;

void refuse(Response& res, const char* code, const char* message) {
  http::send_json(res, {{"open", false}, {"error", {{"code", code}, {"message", message}}}}, 403);
}

/// Refuses for a booking that is no longer confirmed; false when it is.
bool refused_for_status(Response& res, BookingStatus status) {
  switch (status) {
    case BookingStatus::confirmed:
      return false;
    case BookingStatus::checked_in:
      refuse(res, "already_used", "此开门码已使用过 / this pass has been used");
      return true;
    case BookingStatus::cancelled:
    case BookingStatus::no_show:
    case BookingStatus::denied:
      refuse(res, "booking_cancelled", "预约已取消或已释放 / the booking was cancelled or released");
      return true;
    case BookingStatus::waitlisted:
    case BookingStatus::pending:
      break;
  }
  refuse(res, "invalid_pass", "开门码无效 / invalid pass");
  return true;
}

void open_door(const ApiServices& services, const Request& req, Response& res, const PathParams& params) {
  const SiteId site{path_id(params.at(0), "site")};
  if (!services.store.find_site(site)) throw http::not_found("no site with id " + std::to_string(site.value));
  const std::string token = JsonBody(req).text("token", kMaxPassBytes);
  const auto claims = services.door_passes.verify(token);
  if (!claims) return refuse(res, "invalid_pass", "开门码无效 / invalid pass");
  if (claims->site != site) return refuse(res, "wrong_site", "此开门码不属于这个站点 / this pass is for another site");
  const UtcSeconds now = services.clock.now();
  if (now < claims->valid_from)
    return refuse(res, "pass_not_yet_valid", "开门码尚未生效（开始前 15 分钟起有效）/ the pass is not valid yet");
  if (now > claims->valid_until) return refuse(res, "pass_expired", "开门码已过期 / the pass has expired");
  services.store.release_no_shows(now);
  const auto booking = services.store.find_booking(claims->booking);
  if (!booking) return refuse(res, "invalid_pass", "开门码无效 / invalid pass");
  if (refused_for_status(res, booking->status)) return;
  const ChangeOutcome outcome = services.store.check_in(booking->id, now);
  if (outcome.result != ChangeResult::done) {  // checked in or cancelled by another request just now
    if (!outcome.booking || !refused_for_status(res, outcome.booking->status))
      refuse(res, "invalid_pass", "开门码无效 / invalid pass");
    return;
  }
  http::send_json(res, {{"open", true},
                        {"booking_id", booking->id.value},
                        {"display_name", booking->user_display_name},
                        {"start", format_iso8601(booking->start)},
                        {"end", format_iso8601(booking->end)}});
}

}  // namespace

void add_door_routes(http::Router& router, const ApiServices& services) {
  router.add("POST", "/api/v1/doors/{site_id}/open",
             [&services](const Request& req, Response& res, const PathParams& params) {
               open_door(services, req, res, params);
             });
}

}  // namespace gongyou::server::api
