// server/bookings/demo_schedule.h — what --demo adds for booking: weekly templates for every Workers' Home
// (Tu–Su 09:00–21:00, 60-minute slots, 12 places) and model-worker studio (Mo–Fr 09:00–17:00, 120-minute
// slots, 20 places; visit rules: groups of 1–10, staff approval) that has none, and the user demo /
// Gongyou-2026 (演示职工) when missing.
#pragma once
#include "server/clock.h"
#include "server/crypto/password_hasher.h"
#include "server/store/store.h"

namespace gongyou::server {

/// The demo account's username and password.
inline constexpr const char* kDemoUsername = "demo";
inline constexpr const char* kDemoPassword = "Gongyou-2026";

/// Adds the demo templates and user where missing; returns how many templates were added.
int seed_demo_schedules(Store& store, crypto::PasswordHasher& passwords, UtcSeconds now);

}  // namespace gongyou::server
