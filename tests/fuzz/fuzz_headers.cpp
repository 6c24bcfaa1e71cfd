// tests/fuzz/fuzz_headers.cpp — the Idempotency-Key and Authorization headers: any value is read or refused.
#include "server/api/auth.h"
#include "server/api/idempotent.h"
#include "tests/fuzz/fuzz_support.h"

using namespace gongyou;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string value(fuzz::text_of(data, size));
  httplib::Request req;
  req.set_header("Idempotency-Key", value);
  req.set_header("Authorization", value);
  fuzz::expect_ok_or_refusal([&] { (void)server::api::idempotency_key(req); });
  fuzz::expect_ok_or_refusal([&] { (void)server::api::bearer_token(req); });
  return 0;
}
