// server/unions/demo_unions.h — loads the demo union tree, members and staff accounts of
// tools/demo_data/union_demo.h into an empty store (--demo).
#pragma once
#include <cstddef>

#include "core/civil_time.h"
#include "server/crypto/member_key.h"
#include "server/crypto/password_hasher.h"
#include "server/store/store.h"

namespace gongyou::server {

/// What the demo loading added.
struct DemoUnionCounts {
  std::size_t unions = 0;
  std::size_t members = 0;
  std::size_t staff = 0;
};

/// Seeds the unions when the store has none, then `member_count` members (accounts that cannot sign in, with
/// sealed fictitious ID numbers) and the demo staff accounts; nothing when the store already had unions.
DemoUnionCounts seed_demo_unions(Store& store, crypto::PasswordHasher& passwords, const crypto::MemberKey& key,
                                 UtcSeconds now, std::size_t member_count);

}  // namespace gongyou::server
