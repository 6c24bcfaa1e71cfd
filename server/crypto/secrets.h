// server/crypto/secrets.h — random secrets and their one-way hashes (libsodium): bearer tokens are
// 32 random bytes in base64url, and only crypto_generichash of a token is ever stored.
#pragma once
#include <cstdint>
#include <cstddef>
#include <string>
#include <string_view>

namespace gongyou::server::crypto {

/// Calls sodium_init() once; throws when libsodium cannot start. Call before any other function here.
void initialize();

/// `size` random bytes (randombytes_buf).
std::string random_bytes(std::size_t size);

/// A uniformly random integer in [0, n) (randombytes_uniform: no modulo bias); 0 when n is 0.
std::uint32_t random_below(std::uint32_t n);

/// `length` characters drawn uniformly from an alphabet (of at most 256 characters): codes people read aloud.
std::string random_code(std::string_view alphabet, std::size_t length);

/// A new bearer token: 32 random bytes, base64url (43 characters).
std::string new_token();

/// The hex BLAKE2b (crypto_generichash, 32 bytes) of some bytes: what is stored of a token, and how
/// request bodies are compared for idempotency.
std::string hash_hex(std::string_view bytes);

}  // namespace gongyou::server::crypto
