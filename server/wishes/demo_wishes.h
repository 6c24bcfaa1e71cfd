// server/wishes/demo_wishes.h — loads the demo micro-wishes: seed 002's figures as data (1,800 fulfilled wishes of
// 1,500 workers, "from a school bag to a washing machine") and, across Hui'an's towns, wishes in every other state
// (pending, open, rejected, claimed), written by demo members and vetted by the federation's demo staff.
#pragma once
#include <cstddef>

#include "core/civil_time.h"
#include "server/crypto/member_key.h"
#include "server/store/store.h"

namespace gongyou::server {

/// How many fulfilled demo wishes and distinct wishers seed 002 gives (Haimen: 1,800 wishes of 1,500 workers).
inline constexpr std::size_t kDemoFulfilledWishes = 1800;
inline constexpr std::size_t kDemoHelpedWorkers = 1500;

/// Seeds when the store has no wish yet (needs the demo unions, members and staff); how many wishes were stored.
std::size_t seed_demo_wishes(Store& store, const crypto::MemberKey& member_key, UtcSeconds now);

}  // namespace gongyou::server
