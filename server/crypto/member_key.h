// server/crypto/member_key.h — the key that seals members' ID numbers and phones (docs/api-membership.md
// "Personal data at rest"): a 32-byte master key in a file outside the database, created on first start with mode
// 0600; from it libsodium derives one subkey for crypto_secretbox (XSalsa20-Poly1305) and one for the keyed
// BLAKE2b hash that makes the ID number unique without storing it in clear.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace gongyou::server::crypto {

/// Seals and opens personal numbers, and hashes ID numbers for the uniqueness check.
class MemberKey {
 public:
  /// Reads the key file, or creates it (mode 0600, 32 random bytes, hex) when it does not exist. Throws
  /// std::runtime_error with a message for the operator when it cannot be read or created, is malformed, or can be
  /// read by the group or others.
  static MemberKey load_or_create(const std::string& path);
  /// A key from 32 bytes (tests).
  static MemberKey from_bytes(std::string_view master);

  /// nonce ‖ secretbox(plain): a fresh random nonce every time.
  std::string seal(std::string_view plain) const;
  /// The plain text of seal()'s output; nothing when it was not sealed with this key or was altered.
  std::optional<std::string> open(std::string_view sealed) const;
  /// The keyed hash (32 bytes) of a canonical ID number.
  std::string id_hash(std::string_view canonical_id) const;

 private:
  MemberKey() = default;
  std::string seal_key_;  ///< crypto_secretbox_KEYBYTES
  std::string hash_key_;  ///< crypto_generichash_KEYBYTES
};

/// Where the key file lives by default for a database path or URL: beside an SQLite file ("PATH.member-key"),
/// "gongyou.member-key" in the working directory for PostgreSQL.
std::string default_member_key_path(std::string_view db);

}  // namespace gongyou::server::crypto
