// server/store/sql/sql_lectures.cpp — SqlStore's lecture requests (送课上门): storing, listing,
// staff decisions with a notification to the requester, and the per-town dashboard (store/course_store.h).
#include <map>
#include <nlohmann/json.hpp>

#include "server/store/sql/sql_store.h"

namespace gongyou::server::sql {
namespace {

const char* const kLectureSelect = R"sql(
SELECT r.id, r.user_id, u.display_name, r.course_id, r.topic, r.preferred_dates, r.audience_size, r.lat, r.lon,
       r.address, r.town, r.note, r.status, r.scheduled_at, r.reason, r.created_at, r.updated_at
FROM lecture_requests r JOIN users u ON u.id = r.user_id
)sql";

/// The status the API shows: a scheduled lecture whose time has passed is delivered.
LectureStatus shown_status(const std::string& stored, std::optional<UtcSeconds> scheduled_at, UtcSeconds now) {
  const LectureStatus status = parse_lecture_status(stored).value_or(LectureStatus::pending);
  if (status == LectureStatus::scheduled && scheduled_at && *scheduled_at <= now) return LectureStatus::delivered;
  return status;
}

LectureRequest read_lecture_row(const Statement& row, UtcSeconds now) {
  LectureRequest request;
  request.id = row.column_id<LectureRequestId>(0);
  request.requester = UserId{row.column_int(1)};
  request.requester_name = row.column_text(2);
  if (!row.column_is_null(3)) request.course = row.column_id<CourseId>(3);
  request.topic = row.column_text(4);
  for (const auto& date : nlohmann::json::parse(row.column_text(5)))
    if (auto parsed = parse_date(date.get<std::string>())) request.preferred_dates.push_back(*parsed);
  request.audience_size = static_cast<int>(row.column_int(6));
  request.position = LatLon{row.column_double(7), row.column_double(8)};
  request.address = row.column_text(9);
  request.town = row.column_text(10);
  request.note = row.column_text(11);
  if (!row.column_is_null(13)) request.scheduled_at = UtcSeconds{row.column_int(13)};
  request.status = shown_status(row.column_text(12), request.scheduled_at, now);
  if (!row.column_is_null(14)) request.reason = row.column_text(14);
  request.created_at = UtcSeconds{row.column_int(15)};
  request.updated_at = UtcSeconds{row.column_int(16)};
  return request;
}

std::optional<LectureRequest> load_lecture(Connection& connection, LectureRequestId id, UtcSeconds now) {
  auto query = connection.cached(std::string(kLectureSelect) + "WHERE r.id = ?1");
  query->bind(1, id);
  if (!query->step()) return std::nullopt;
  return read_lecture_row(*query, now);
}

std::string lecture_message(const LectureRequest& request) {
  const std::string topic = "「" + request.topic + "」";
  switch (request.status) {
    case LectureStatus::accepted:
      return "送课申请已受理：" + topic + "，工作人员将与您确定时间。";
    case LectureStatus::scheduled:
      return "送课已排期：" + topic + " 定于 " + format_date(shanghai_date(*request.scheduled_at)) + " " +
             format_time(shanghai_time(*request.scheduled_at)) + "，地点：" + request.address + "。";
    case LectureStatus::declined:
      return "送课申请未通过：" + topic + "。原因：" + request.reason.value_or("");
    case LectureStatus::pending:
    case LectureStatus::delivered:
      break;
  }
  return "送课申请有更新：" + topic;
}

/// Whether `action` may move a request in `status` on (delivered and declined are final).
bool allowed(LectureAction action, LectureStatus status) {
  switch (action) {
    case LectureAction::accept:
      return status == LectureStatus::pending;
    case LectureAction::schedule:
    case LectureAction::decline:
      return status == LectureStatus::pending || status == LectureStatus::accepted ||
             status == LectureStatus::scheduled;
  }
  return false;
}

}  // namespace

LectureRequest SqlStore::create_lecture_request(const NewLectureRequest& request) {
  return write([&](Connection& writer) {
    nlohmann::json dates = nlohmann::json::array();
    for (const LocalDate& date : request.preferred_dates) dates.push_back(format_date(date));
    auto insert = writer.cached(R"sql(
INSERT INTO lecture_requests (user_id, course_id, topic, preferred_dates, audience_size, lat, lon, address, town,
                              note, status, created_at, updated_at)
VALUES (?1, ?2, coalesce(nullif(?3, ''), (SELECT title FROM courses WHERE id = ?2)), ?4, ?5, ?6, ?7, ?8, ?9, ?10,
        'pending', ?11, ?11)
RETURNING id
)sql");
    insert->bind(1, request.requester.value);
    if (request.course) insert->bind(2, *request.course);
    insert->bind(3, request.topic);
    insert->bind(4, dates.dump());
    insert->bind(5, request.audience_size);
    insert->bind(6, request.position.lat);
    insert->bind(7, request.position.lon);
    insert->bind(8, request.address);
    insert->bind(9, request.town);
    insert->bind(10, request.note);
    insert->bind(11, request.now.value);
    insert->step();
    return *load_lecture(writer, insert->column_id<LectureRequestId>(0), request.now);
  });
}

std::optional<LectureRequest> SqlStore::find_lecture_request(LectureRequestId id, UtcSeconds now) {
  auto connection = borrow();
  return load_lecture(*connection, id, now);
}

std::vector<LectureRequest> SqlStore::user_lecture_requests(UserId user, UtcSeconds now) {
  auto connection = borrow();
  auto query = (*connection).cached(std::string(kLectureSelect) + "WHERE r.user_id = ?1 ORDER BY r.id DESC");
  query->bind(1, user.value);
  std::vector<LectureRequest> items;
  while (query->step()) items.push_back(read_lecture_row(*query, now));
  return items;
}

std::vector<LectureRequest> SqlStore::list_lecture_requests(const LectureQuery& request, UtcSeconds now,
                                                            bool& has_more) {
  // delivered is stored as scheduled with a past time.
  auto connection = borrow();
  auto query = (*connection)
                   .cached(std::string(kLectureSelect) +
                           "WHERE (?1 = 0 OR r.id < ?1) AND (CAST(?2 AS text) IS NULL OR r.town = ?2) AND "
                           "(CAST(?3 AS text) IS NULL OR "
                           "(CASE WHEN r.status = 'scheduled' AND r.scheduled_at <= ?5 THEN 'delivered' "
                           "ELSE r.status END) = ?3) ORDER BY r.id DESC LIMIT ?4");
  query->bind(1, request.before_id);
  if (request.town) query->bind(2, *request.town);
  if (request.status) query->bind(3, wire_name(*request.status));
  query->bind(4, static_cast<std::int64_t>(request.limit + 1));
  query->bind(5, now.value);
  std::vector<LectureRequest> items;
  has_more = false;
  while (query->step()) {
    if (items.size() == request.limit) {
      has_more = true;
      break;
    }
    items.push_back(read_lecture_row(*query, now));
  }
  return items;
}

DecisionOutcome SqlStore::decide_lecture_request(const LectureDecision& decision) {
  return write([&](Connection& writer) -> DecisionOutcome {
    auto request = load_lecture(writer, decision.request, decision.now);
    if (!request) return {DecisionResult::not_found, std::nullopt};
    if (!allowed(decision.action, request->status)) return {DecisionResult::wrong_status, request};
    auto update = writer.cached(
        "UPDATE lecture_requests SET status = ?2, scheduled_at = ?3, reason = ?4, updated_at = ?5 WHERE id = ?1");
    update->bind(1, request->id);
    update->bind(5, decision.now.value);
    switch (decision.action) {
      case LectureAction::accept:
        update->bind(2, std::string_view("accepted"));
        break;
      case LectureAction::schedule:
        update->bind(2, std::string_view("scheduled"));
        update->bind(3, decision.scheduled_at->value);
        break;
      case LectureAction::decline:
        update->bind(2, std::string_view("declined"));
        update->bind(4, decision.reason);
        break;
    }
    update->step();
    request = load_lecture(writer, request->id, decision.now);
    auto notify = writer.cached(
        "INSERT INTO notifications (user_id, kind, lecture_request_id, message, created_at) "
        "VALUES (?1, 'lecture_update', ?2, ?3, ?4)");
    notify->bind(1, request->requester.value);
    notify->bind(2, request->id);
    notify->bind(3, lecture_message(*request));
    notify->bind(4, decision.now.value);
    notify->step();
    return {DecisionResult::done, request};
  });
}

std::vector<TownLectureCounts> SqlStore::lecture_dashboard(UtcSeconds now) {
  auto connection = borrow();
  auto query = (*connection)
                   .cached(std::string(R"sql(
SELECT t.town, count(r.id),
       count(*) FILTER (WHERE r.status = 'pending'),
       count(*) FILTER (WHERE r.status = 'accepted'),
       count(*) FILTER (WHERE r.status = 'scheduled' AND r.scheduled_at > ?1),
       count(*) FILTER (WHERE r.status = 'scheduled' AND r.scheduled_at <= ?1),
       count(*) FILTER (WHERE r.status = 'declined')
FROM (SELECT DISTINCT town FROM sites WHERE town <> '' UNION SELECT town FROM lecture_requests) t
LEFT JOIN lecture_requests r ON r.town = t.town
GROUP BY t.town ORDER BY t.town)sql") +
                           (*connection).dialect().byte_order());
  query->bind(1, now.value);
  std::vector<TownLectureCounts> rows;
  while (query->step()) {
    const auto count = [&](int column) { return static_cast<int>(query->column_int(column)); };
    rows.push_back(
        TownLectureCounts{query->column_text(0), count(1), count(2), count(3), count(4), count(5), count(6)});
  }
  return rows;
}

}  // namespace gongyou::server::sql
