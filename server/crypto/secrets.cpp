// server/crypto/secrets.cpp — see secrets.h.
#include "server/crypto/secrets.h"

#include <sodium.h>

#include <stdexcept>

#include "server/crypto/base64url.h"

namespace gongyou::server::crypto {

void initialize() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialized");
}

std::string random_bytes(std::size_t size) {
  std::string bytes(size, '\0');
  randombytes_buf(bytes.data(), bytes.size());
  return bytes;
}

std::uint32_t random_below(std::uint32_t n) { return n == 0 ? 0 : randombytes_uniform(n); }

std::string random_code(std::string_view alphabet, std::size_t length) {
  std::string code;
  for (std::size_t i = 0; i < length; ++i) code += alphabet[random_below(static_cast<std::uint32_t>(alphabet.size()))];
  return code;
}

std::string new_token() { return base64url_encode(random_bytes(32)); }

std::string hash_hex(std::string_view bytes) {
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), nullptr,
                     0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, sizeof digest * 2);
}

}  // namespace gongyou::server::crypto
