// server/crypto/member_key.cpp — see member_key.h.
#include "server/crypto/member_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace gongyou::server::crypto {
namespace {

constexpr std::size_t kMasterBytes = crypto_kdf_KEYBYTES;  // 32
constexpr char kContext[crypto_kdf_CONTEXTBYTES + 1] = "gymember";
constexpr std::uint64_t kSealSubkey = 1;
constexpr std::uint64_t kHashSubkey = 2;

std::runtime_error key_error(const std::string& path, const std::string& what) {
  return std::runtime_error("member key file " + path + ": " + what);
}

std::string to_hex(std::string_view bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  hex.pop_back();
  return hex;
}

/// Writes a new key to `path` unless one appears there first; false when another process made it meanwhile (the
/// instances of a cluster may start together). The key is written whole to a private temporary file (0600 from the
/// first byte) and linked into place, which fails rather than overwrites: nobody ever reads half a key.
bool create_key_file(const std::string& path, std::string& master) {
  master.assign(kMasterBytes, '\0');
  randombytes_buf(master.data(), master.size());
  const std::string text = to_hex(master) + "\n";
  std::string suffix(8, '\0');
  randombytes_buf(suffix.data(), suffix.size());
  const std::string temporary = path + ".new." + to_hex(suffix);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw key_error(path, std::string("cannot be created: ") + std::strerror(errno));
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  const int linked = written ? ::link(temporary.c_str(), path.c_str()) : -1;
  const int link_error = errno;
  ::unlink(temporary.c_str());
  if (!written) throw key_error(path, "cannot be written");
  if (linked == 0) return true;
  if (link_error == EEXIST) return false;
  throw key_error(path, std::string("cannot be created: ") + std::strerror(link_error));
}

std::string read_key_file(const std::string& path, const struct stat& info) {
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    throw key_error(path, "can be read by others (chmod 600 it; it unlocks every stored ID number)");
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw key_error(path, std::string("cannot be read: ") + std::strerror(errno));
  char text[kMasterBytes * 2 + 8];
  const ssize_t n = ::read(fd, text, sizeof text);
  ::close(fd);
  std::string master(kMasterBytes, '\0');
  std::size_t length = 0;
  if (n < static_cast<ssize_t>(kMasterBytes * 2) ||
      sodium_hex2bin(reinterpret_cast<unsigned char*>(master.data()), master.size(), text, static_cast<std::size_t>(n),
                     "\n", &length, nullptr) != 0 ||
      length != kMasterBytes)
    throw key_error(path, "is not 64 hexadecimal digits");
  return master;
}

}  // namespace

MemberKey MemberKey::from_bytes(std::string_view master) {
  if (master.size() != kMasterBytes) throw std::invalid_argument("a member key is 32 bytes");
  MemberKey key;
  key.seal_key_.assign(crypto_secretbox_KEYBYTES, '\0');
  key.hash_key_.assign(crypto_generichash_KEYBYTES, '\0');
  const auto* m = reinterpret_cast<const unsigned char*>(master.data());
  crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(key.seal_key_.data()), key.seal_key_.size(),
                             kSealSubkey, kContext, m);
  crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(key.hash_key_.data()), key.hash_key_.size(),
                             kHashSubkey, kContext, m);
  return key;
}

MemberKey MemberKey::load_or_create(const std::string& path) {
  struct stat info{};
  if (::stat(path.c_str(), &info) == 0) return from_bytes(read_key_file(path, info));
  if (errno != ENOENT) throw key_error(path, std::string("cannot be read: ") + std::strerror(errno));
  std::string master;
  if (create_key_file(path, master)) return from_bytes(master);
  if (::stat(path.c_str(), &info) != 0) throw key_error(path, std::string("cannot be read: ") + std::strerror(errno));
  return from_bytes(read_key_file(path, info));
}

std::string MemberKey::seal(std::string_view plain) const {
  std::string sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  randombytes_buf(out, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), out, reinterpret_cast<const unsigned char*>(seal_key_.data()));
  return sealed;
}

std::optional<std::string> MemberKey::open(std::string_view sealed) const {
  if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
  const auto* in = reinterpret_cast<const unsigned char*>(sealed.data());
  std::string plain(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), in + crypto_secretbox_NONCEBYTES,
                                 sealed.size() - crypto_secretbox_NONCEBYTES, in,
                                 reinterpret_cast<const unsigned char*>(seal_key_.data())) != 0)
    return std::nullopt;
  return plain;
}

std::string MemberKey::id_hash(std::string_view canonical_id) const {
  std::string digest(crypto_generichash_BYTES, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(digest.data()), digest.size(),
                     reinterpret_cast<const unsigned char*>(canonical_id.data()), canonical_id.size(),
                     reinterpret_cast<const unsigned char*>(hash_key_.data()), hash_key_.size());
  return digest;
}

std::string default_member_key_path(std::string_view db) {
  if (db.starts_with("postgres://") || db.starts_with("postgresql://")) return "gongyou.member-key";
  return std::string(db) + ".member-key";
}

}  // namespace gongyou::server::crypto
