// tests/fuzz/fuzz_query_strings.cpp — query strings and path values: the site listing, nearest and positions
// parameters, open_now, and the number, integer, comma-list, path-id and date readers.
#include "server/api/path_ids.h"
#include "server/api/site_params.h"
#include "server/http/query_params.h"
#include "tests/fuzz/fuzz_support.h"

using namespace gongyou;
using namespace gongyou::server;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::text_of(data, size);
  httplib::Request req;
  fuzz::fill_params(req, text);
  fuzz::expect_ok_or_refusal([&] { api::parse_site_listing(req); });
  fuzz::expect_ok_or_refusal([&] { api::parse_open_now(req); });
  fuzz::expect_ok_or_refusal([&] { api::parse_nearest(req); });
  fuzz::expect_ok_or_refusal([&] { api::parse_positions(req); });
  fuzz::expect_ok_or_refusal([&] { api::path_id(text, "site"); });
  fuzz::expect_ok_or_refusal([&] { api::date_value(text, "date"); });
  (void)http::parse_integer(text);
  (void)http::parse_finite_number(text);
  (void)http::split_commas(text);
  return 0;
}
