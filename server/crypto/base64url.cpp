// server/crypto/base64url.cpp — see base64url.h; libsodium's constant-time codec.
#include "server/crypto/base64url.h"

#include <sodium.h>

namespace gongyou::server::crypto {

constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

std::string base64url_encode(std::string_view bytes) {
  std::string text(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    kVariant);
  text.resize(text.size() - 1);  // the terminating NUL
  return text;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  if (text.empty()) return std::string();  // libsodium's input must not be null, which an empty view's may be
  std::string bytes(text.size() * 3 / 4 + 1, '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(), nullptr,
                        &length, &end, kVariant) != 0 ||
      end != text.data() + text.size())
    return std::nullopt;
  bytes.resize(length);
  return bytes;
}

}  // namespace gongyou::server::crypto
