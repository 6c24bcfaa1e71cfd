// tests/fuzz/fuzz_route.cpp — the client's route parser (#/site/12, #/home/7/book, …): any hash parses to a route
// or to nothing, and a parsed route formats to a hash that parses to the same route.
#include "app/navigation.h"
#include "tests/fuzz/fuzz_support.h"

using namespace gongyou;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto route = parse_route(fuzz::text_of(data, size));
  if (route && parse_route(format_route(*route)) != route) __builtin_trap();
  return 0;
}
