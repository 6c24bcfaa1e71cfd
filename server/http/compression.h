// server/http/compression.h — compressing an answer once, to send it many times (libbrotlienc).
#pragma once
#include <httplib.h>

#include <string>
#include <string_view>

namespace gongyou::server::http {

/// `text` compressed with brotli (RFC 7932) at `quality` 0–11; 5 compresses megabytes in tens of milliseconds
/// to within about 10 % of 11, which is for files compressed at build time.
std::string brotli_compress(std::string_view text, int quality = 5);

/// `text` in the gzip format (RFC 1952) at zlib `level` 1–9: for clients that do not take brotli (plain HTTP).
std::string gzip_compress(std::string_view text, int level = 6);

/// Compresses a JSON (or GeoJSON) answer of at least 4 KB in place, with brotli (quality 4: about 1 ms per 100 KB) or gzip,
/// whichever the request accepts, and says so (Content-Encoding, Vary). Answers already encoded, small, or of
/// other types are left alone.
void compress_json_answer(const httplib::Request& req, httplib::Response& res);

}  // namespace gongyou::server::http
