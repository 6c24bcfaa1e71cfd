// server/api/path_ids.cpp — see path_ids.h.
#include "server/api/path_ids.h"

#include <string>

#include "server/http/query_params.h"
#include "server/http/reply.h"

namespace gongyou::server::api {

std::int64_t path_id(std::string_view segment, const char* what) {
  const auto id = http::parse_integer(segment);
  if (!id || *id < 1)
    throw http::not_found(std::string("no ") + what + " with id " + std::string(segment.substr(0, 40)));
  return *id;
}

LocalDate date_value(std::string_view text, const char* what) {
  const auto date = parse_date(text);
  if (!date) throw http::bad_request(std::string(what) + " must be a date YYYY-MM-DD");
  return *date;
}

}  // namespace gongyou::server::api
