// server/legal/demo_legal.h — the demo's legal aid (seed 001, Laixi: 15 union lawyers, 400+ consultations): 15 lawyer
// accounts (lawyer01 … lawyer15, password kDemoStaffPassword) with the lawyer role on the county federation, and
// consultations by demo members in every state over the last 60 days, some of them overdue; two are the demo
// user's. Deterministic but for the times, which follow `now`.
#pragma once
#include <cstddef>

#include "server/crypto/member_key.h"
#include "server/crypto/password_hasher.h"
#include "server/store/store.h"

namespace gongyou::server {

/// What seed_demo_legal() added.
struct DemoLegalCounts {
  std::size_t lawyers = 0;
  std::size_t consultations = 0;
  std::size_t messages = 0;
};

/// Loads the demo's lawyers and consultations into a store that has none; nothing when it has some.
DemoLegalCounts seed_demo_legal(Store& store, crypto::PasswordHasher& passwords, const crypto::MemberKey& key,
                                UtcSeconds now, std::size_t member_count);

}  // namespace gongyou::server
