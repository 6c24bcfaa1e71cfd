// tests/fuzz/fuzz_site_import_geojson.cpp — a staff GeoJSON upload into sites and issues.
#include "core/site_import.h"
#include "tests/fuzz/fuzz_support.h"

using namespace gongyou;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ImportOptions gcj;
  gcj.datum = Datum::gcj02;
  (void)import_sites_geojson(fuzz::text_of(data, size), {});
  (void)import_sites_geojson(fuzz::text_of(data, size), gcj);
  return 0;
}
