// server/store/lecture_records.h — lecture requests (送课上门, docs/api-courses.md) as the store keeps them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_time.h"
#include "core/statuses.h"
#include "core/units.h"
#include "server/store/account_records.h"

namespace gongyou::server {

/// A lecture request as the API shows it.
struct LectureRequest {
  LectureRequestId id;
  UserId requester;
  std::string requester_name;
  std::optional<CourseId> course;
  std::string topic;
  std::vector<LocalDate> preferred_dates;
  int audience_size = 0;
  LatLon position;
  std::string address, town, note;
  LectureStatus status = LectureStatus::pending;
  std::optional<UtcSeconds> scheduled_at;
  std::optional<std::string> reason;
  UtcSeconds created_at, updated_at;
};

/// A request to store (status pending).
struct NewLectureRequest {
  UserId requester;
  std::optional<CourseId> course;
  std::string topic;  ///< empty: the course's title
  std::vector<LocalDate> preferred_dates;
  int audience_size = 0;
  LatLon position;
  std::string address, town, note;
  UtcSeconds now;
};

/// What staff decide about a request.
enum class LectureAction : std::uint8_t { accept, schedule, decline };

/// A staff decision.
struct LectureDecision {
  LectureRequestId request;
  LectureAction action = LectureAction::accept;
  std::optional<UtcSeconds> scheduled_at;  ///< schedule
  std::string reason;                      ///< decline
  UtcSeconds now;
};

/// What a decision came to.
enum class DecisionResult : std::uint8_t { done, not_found, wrong_status };

/// The result and the request as it is afterwards.
struct DecisionOutcome {
  DecisionResult result = DecisionResult::done;
  std::optional<LectureRequest> request;
};

/// Which requests staff list: newest first, optionally one status and one town.
struct LectureQuery {
  std::optional<LectureStatus> status;
  std::optional<std::string> town;
  std::int64_t before_id = 0;  ///< only ids below this (0 = from the newest)
  std::size_t limit = 50;
};

/// Requests counted by status for one town ("" = outside every town).
struct TownLectureCounts {
  std::string town;
  int requests = 0, pending = 0, accepted = 0, scheduled = 0, delivered = 0, declined = 0;
};

}  // namespace gongyou::server
