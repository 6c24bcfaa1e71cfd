// server/crypto/password_hasher.cpp — see password_hasher.h.
#include "server/crypto/password_hasher.h"

#include <sodium.h>

#include <algorithm>
#include <stdexcept>
#include <thread>

namespace gongyou::server::crypto {
namespace {

/// Holds one of the semaphore's places for a scope.
class SlotHold {
 public:
  explicit SlotHold(std::counting_semaphore<>& slots) : slots_(slots) { slots_.acquire(); }
  SlotHold(const SlotHold&) = delete;
  ~SlotHold() { slots_.release(); }

 private:
  std::counting_semaphore<>& slots_;
};

}  // namespace

PasswordHasher::PasswordHasher(bool fast)
    : ops_limit_(fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE),
      mem_limit_(fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE),
      slots_(std::make_unique<std::counting_semaphore<>>(
          static_cast<std::ptrdiff_t>(std::max(2u, std::thread::hardware_concurrency())))),
      dummy_hash_(hash("gongyou: no such user")) {}

std::string PasswordHasher::hash(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  const SlotHold hold(*slots_);
  if (crypto_pwhash_str(out, password.data(), password.size(), ops_limit_, mem_limit_) != 0)
    throw std::runtime_error("password hashing ran out of memory");
  return out;
}

bool PasswordHasher::verify(std::string_view stored, std::string_view password) {
  const std::string terminated(stored);  // crypto_pwhash_str_verify reads a NUL-terminated string
  if (terminated.size() >= crypto_pwhash_STRBYTES) return false;
  const SlotHold hold(*slots_);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::verify_nobody(std::string_view password) {
  verify(dummy_hash_, password);
  return false;
}

}  // namespace gongyou::server::crypto
