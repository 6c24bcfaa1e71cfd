// server/crypto/password_hasher.h — argon2id password hashes (libsodium crypto_pwhash_str).
//
// One hash with the interactive limits takes ~50–100 ms of CPU and 64 MiB of memory, so at most a few run
// at once (a semaphore; others wait) and callers never hold the database writer while hashing.
// The fast mode (--fast-password-hash, tests only) uses libsodium's minimum limits.
#pragma once
#include <memory>
#include <semaphore>
#include <string>
#include <string_view>

namespace gongyou::server::crypto {

/// Hashes and verifies passwords.
class PasswordHasher {
 public:
  /// `fast`: minimum limits instead of the interactive ones (tests only: much weaker).
  explicit PasswordHasher(bool fast);

  /// The crypto_pwhash_str text of a password (algorithm, limits, salt and hash). Throws when out of memory.
  std::string hash(std::string_view password);

  /// True when `password` matches `stored` (any limits, as written in `stored`).
  bool verify(std::string_view stored, std::string_view password);

  /// Spends the time of one verification and returns false: used for unknown usernames, so that a
  /// login does not tell by its speed whether the name exists.
  bool verify_nobody(std::string_view password);

 private:
  unsigned long long ops_limit_;
  std::size_t mem_limit_;
  std::unique_ptr<std::counting_semaphore<>> slots_;  // hashes allowed at once
  std::string dummy_hash_;
};

}  // namespace gongyou::server::crypto
