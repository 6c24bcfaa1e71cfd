// core/time_window.cpp — see time_window.h.
#include "core/time_window.h"

namespace gongyou {

std::string_view window_status_name(WindowStatus status) {
  switch (status) {
    case WindowStatus::upcoming: return "upcoming";
    case WindowStatus::open: return "open";
    case WindowStatus::closed: return "closed";
  }
  return "closed";
}

WindowStatus window_status(UtcSeconds starts_at, UtcSeconds ends_at, UtcSeconds now) {
  if (now < starts_at) return WindowStatus::upcoming;
  return now < ends_at ? WindowStatus::open : WindowStatus::closed;
}

}  // namespace gongyou
