// tests/fuzz/fuzz_site_import_csv.cpp — a staff CSV upload, as the server reads it: the bytes to UTF-8 (valid UTF-8
// as is, else GB18030 through iconv), then the CSV rows into sites and issues, with and without GCJ-02 conversion.
#include "core/site_import.h"
#include "server/api/upload_text.h"
#include "tests/fuzz/fuzz_support.h"

using namespace gongyou;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(fuzz::text_of(data, size));
  (void)import_sites_csv(bytes, {});
  fuzz::expect_ok_or_refusal([&] {
    const std::string text = server::api::to_utf8(bytes, "auto");
    ImportOptions gcj;
    gcj.datum = Datum::gcj02;
    (void)import_sites_csv(text, gcj);
  });
  return 0;
}
