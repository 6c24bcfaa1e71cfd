// server/http/compression.h — compressing an answer once, to send it many times (libbrotlienc).
#pragma once
#include <string>
#include <string_view>

namespace gongyou::server::http {

/// `text` compressed with brotli (RFC 7932) at `quality` 0–11; 5 compresses megabytes in tens of milliseconds
/// to within about 10 % of 11, which is for files compressed at build time.
std::string brotli_compress(std::string_view text, int quality = 5);

/// `text` in the gzip format (RFC 1952) at zlib `level` 1–9: for clients that do not take brotli (plain HTTP).
std::string gzip_compress(std::string_view text, int level = 6);

}  // namespace gongyou::server::http
