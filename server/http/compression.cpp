// server/http/compression.cpp — see compression.h.
#include "server/http/compression.h"

#include <brotli/encode.h>
#include <zlib.h>

#include <stdexcept>

#include "server/http/static_files.h"

namespace gongyou::server::http {

std::string brotli_compress(std::string_view text, int quality) {
  std::string out(BrotliEncoderMaxCompressedSize(text.size()), '\0');
  std::size_t size = out.size();
  if (out.empty() ||
      !BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, text.size(),
                             reinterpret_cast<const std::uint8_t*>(text.data()), &size,
                             reinterpret_cast<std::uint8_t*>(out.data())))
    throw std::runtime_error("brotli compression failed");
  out.resize(size);
  return out;
}

std::string gzip_compress(std::string_view text, int level) {
  z_stream stream{};
  constexpr int kGzipWindow = 15 + 16;  // 32 KB window, gzip header and trailer
  if (deflateInit2(&stream, level, Z_DEFLATED, kGzipWindow, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("gzip compression failed to start");
  std::string out(deflateBound(&stream, static_cast<uLong>(text.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  const std::size_t size = stream.total_out;
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw std::runtime_error("gzip compression failed");
  out.resize(size);
  return out;
}

void compress_json_answer(const httplib::Request& req, httplib::Response& res) {
  constexpr std::size_t kMinBytes = 4096;
  const std::string type = res.get_header_value("Content-Type");
  if (res.body.size() < kMinBytes || res.has_header("Content-Encoding") ||
      (type.rfind("application/json", 0) != 0 && type.rfind("application/geo+json", 0) != 0))
    return;
  const std::string accept = req.get_header_value("Accept-Encoding");
  if (accepts_encoding(accept, "br")) {
    res.body = brotli_compress(res.body, 4);
    res.set_header("Content-Encoding", "br");
  } else if (accepts_encoding(accept, "gzip")) {
    res.body = gzip_compress(res.body, 5);
    res.set_header("Content-Encoding", "gzip");
  }
  res.set_header("Vary", "Accept-Encoding");
}

}  // namespace gongyou::server::http
