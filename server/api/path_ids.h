// server/api/path_ids.h — ids and dates taken from URL path segments. An id that is not a positive
// integer names nothing, so it gets 404 not_found like an unknown one.
#pragma once
#include <cstdint>
#include <string_view>

#include "core/civil_time.h"
#include "core/ids.h"

namespace gongyou::server::api {

/// The positive integer of a path segment; 404 not_found (naming `what`) otherwise.
std::int64_t path_id(std::string_view segment, const char* what);

/// path_id() as a typed id: path_id<CourseId>(params.at(0), "course").
template <class IdType>
IdType path_id(std::string_view segment, const char* what) {
  return IdType{path_id(segment, what)};
}

/// The YYYY-MM-DD date of a path segment or query value; 400 bad_request (naming `what`) otherwise.
LocalDate date_value(std::string_view text, const char* what);

}  // namespace gongyou::server::api
