// tests/fuzz/fuzz_positions.cpp — the national positions answer as the client decodes it: any JSON gives the
// positions or an error, every column checked.
#include <nlohmann/json.hpp>

#include "core/site_positions.h"
#include "tests/fuzz/fuzz_support.h"

using namespace gongyou;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto document = nlohmann::json::parse(fuzz::text_of(data, size), nullptr, false);
  if (document.is_discarded()) return 0;
  (void)decode_site_positions(document);
  return 0;
}
