// server/http/compression.cpp — see compression.h.
#include "server/http/compression.h"

#include <brotli/encode.h>

#include <stdexcept>

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

}  // namespace gongyou::server::http
