// tests/fuzz/fuzz_json_bodies.cpp — JSON request bodies into each typed reading: JsonBody's fields (ids, texts,
// flags, optional ones), the checked free texts, a lecture request and a staff decision on one.
#include "server/api/json_body.h"
#include "server/api/lecture_input.h"
#include "server/api/text_fields.h"
#include "tests/fuzz/fuzz_support.h"

using namespace gongyou;
using namespace gongyou::server::api;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  httplib::Request req;
  req.body = std::string(fuzz::text_of(data, size));
  fuzz::expect_ok_or_refusal([&] {
    const JsonBody body(req);
    fuzz::expect_ok_or_refusal([&] { body.integer("slot_id", 1, kMaxJsonId); });
    fuzz::expect_ok_or_refusal([&] { body.optional_integer("capacity", 1, 1000); });
    fuzz::expect_ok_or_refusal([&] { body.text("username", 64); });
    fuzz::expect_ok_or_refusal([&] { body.optional_text("note", 500); });
    fuzz::expect_ok_or_refusal([&] { body.flag("waitlist", false); });
    fuzz::expect_ok_or_refusal([&] { checked_text(body, "display_name", 1, 32); });
    fuzz::expect_ok_or_refusal([&] { optional_checked_text(body, "message", 0, 500, true); });
    fuzz::expect_ok_or_refusal([&] { parse_lecture_request(body, UtcSeconds{1796083200}); });
    fuzz::expect_ok_or_refusal([&] { parse_lecture_decision(body, LectureRequestId{7}, UtcSeconds{1796083200}); });
    (void)body.canonical();
  });
  return 0;
}
