// core/ics.h — a booking as an iCalendar file (RFC 5545) that common calendar apps import.
#pragma once
#include <string>

#include "core/civil_time.h"

namespace gongyou {

/// One event of a calendar file.
struct CalendarEvent {
  std::string uid;          ///< globally unique, e.g. "booking-42@gongyou"
  UtcSeconds stamp;         ///< DTSTAMP: when the file was made
  UtcSeconds start, end;    ///< written as Asia/Shanghai local times with TZID
  std::string summary;      ///< e.g. the site name
  std::string location;     ///< the address
  std::string description;  ///< free text
};

/// A VCALENDAR with a VTIMEZONE for Asia/Shanghai (RFC 5545 §3.6.5) and one VEVENT: CRLF line ends,
/// lines folded at 75 octets without splitting a UTF-8 character (§3.1), text escaped (§3.3.11).
std::string to_ics(const CalendarEvent& event);

}  // namespace gongyou
