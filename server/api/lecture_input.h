// server/api/lecture_input.h — the validated body of POST /lecture-requests and of a staff decision
// (docs/api-courses.md); every refusal is a 400 bad_request naming the field.
#pragma once
#include "server/api/json_body.h"
#include "server/store/lecture_records.h"

namespace gongyou::server::api {

/// The request a body asks for (town and requester are left to the caller); `now` bounds preferred_dates.
NewLectureRequest parse_lecture_request(const JsonBody& body, UtcSeconds now);

/// The decision a body asks for about request `id`; a schedule time must be after `now`.
LectureDecision parse_lecture_decision(const JsonBody& body, LectureRequestId id, UtcSeconds now);

}  // namespace gongyou::server::api
