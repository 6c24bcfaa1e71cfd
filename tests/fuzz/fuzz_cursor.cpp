// tests/fuzz/fuzz_cursor.cpp — the site listing's cursors: any text decodes to a site id or to nothing, and a
// decoded id encodes to a cursor that decodes to the same id.
#include "server/api/cursor.h"
#include "tests/fuzz/fuzz_support.h"

using namespace gongyou;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto decoded = server::api::decode_cursor(fuzz::text_of(data, size));
  if (decoded && server::api::decode_cursor(server::api::encode_cursor(*decoded)) != decoded) __builtin_trap();
  return 0;
}
