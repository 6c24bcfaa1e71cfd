// core/time_window.h — where something with a window (a quiz, a message campaign) stands at a moment: upcoming,
// open or closed. The server decides it by its own clock; the client shows it.
#pragma once
#include <cstdint>
#include <string_view>

#include "core/civil_time.h"

namespace gongyou {

/// Where a window is at a moment.
enum class WindowStatus : std::uint8_t { upcoming, open, closed };

/// The wire name: "upcoming", "open" or "closed".
std::string_view window_status_name(WindowStatus status);

/// Upcoming before starts_at, open from starts_at until before ends_at, closed from ends_at.
WindowStatus window_status(UtcSeconds starts_at, UtcSeconds ends_at, UtcSeconds now);

}  // namespace gongyou
