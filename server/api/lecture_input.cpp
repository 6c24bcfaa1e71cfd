// server/api/lecture_input.cpp — see lecture_input.h.
#include "server/api/lecture_input.h"

#include <algorithm>
#include <cmath>

#include "server/api/text_fields.h"
#include "server/http/reply.h"

namespace gongyou::server::api {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxPreferredDates = 3;
constexpr int kMaxDaysAhead = 365;
constexpr std::int64_t kMaxAudience = 2000;

double coordinate(const JsonBody& body, const char* name, double limit) {
  const json* value = body.field(name);
  if (!value || !value->is_number() || !std::isfinite(value->get<double>()) || std::abs(value->get<double>()) > limit)
    throw http::bad_request(std::string(name) + " must be a number from " + std::to_string(-limit) + " to " +
                            std::to_string(limit));
  return value->get<double>();
}

std::vector<LocalDate> preferred_dates(const JsonBody& body, UtcSeconds now) {
  const json* value = body.field("preferred_dates");
  const std::string rule = "preferred_dates must be 1–3 distinct dates YYYY-MM-DD from tomorrow to one year ahead";
  if (!value || !value->is_array() || value->empty() || value->size() > kMaxPreferredDates)
    throw http::bad_request(rule);
  const LocalDate today = shanghai_date(now);
  std::vector<LocalDate> dates;
  for (const json& item : *value) {
    const auto date = item.is_string() ? parse_date(item.get<std::string>()) : std::nullopt;
    if (!date || *date <= today || *date > add_days(today, kMaxDaysAhead) ||
        std::find(dates.begin(), dates.end(), *date) != dates.end())
      throw http::bad_request(rule);
    dates.push_back(*date);
  }
  return dates;
}

}  // namespace

NewLectureRequest parse_lecture_request(const JsonBody& body, UtcSeconds now) {
  NewLectureRequest request;
  if (const auto course = body.optional_integer("course_id", 1, kMaxJsonId)) request.course = CourseId{*course};
  request.topic = optional_checked_text(body, "topic", 1, 100).value_or("");
  if (!request.course && request.topic.empty()) throw http::bad_request("course_id or topic is required");
  request.preferred_dates = preferred_dates(body, now);
  request.audience_size = static_cast<int>(body.integer("audience_size", 1, kMaxAudience));
  request.position = LatLon{coordinate(body, "lat", 90), coordinate(body, "lon", 180)};
  request.address = checked_text(body, "address", 1, 200);
  request.note = optional_checked_text(body, "note", 0, 1000, true).value_or("");
  request.now = now;
  return request;
}

LectureDecision parse_lecture_decision(const JsonBody& body, LectureRequestId id, UtcSeconds now) {
  LectureDecision decision;
  decision.request = id;
  decision.now = now;
  const std::string action = body.text("action", 20);
  if (action == "accept") {
    decision.action = LectureAction::accept;
  } else if (action == "schedule") {
    decision.action = LectureAction::schedule;
    const auto at = parse_iso8601(body.text("scheduled_at", 64));
    if (!at || *at <= now) throw http::bad_request("scheduled_at must be a future time with offset (ISO-8601)");
    decision.scheduled_at = at;
  } else if (action == "decline") {
    decision.action = LectureAction::decline;
    decision.reason = checked_text(body, "reason", 1, 500, true);
  } else {
    throw http::bad_request("action must be accept, schedule or decline");
  }
  return decision;
}

}  // namespace gongyou::server::api
