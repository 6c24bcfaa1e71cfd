// core/hotlines.h — the union's service hotlines (服务热线, services.md): the four lines of seed 002 (legal aid,
// psychological care, hardship, culture and sports) and the 心世界 counselling line of seed 001, with their hours in
// the opening-hours syntax (core/opening_hours.h, statutory holidays included) and "open now". The numbers are
// fictitious but shaped like Hui'an's (area code 0595, eight digits). Shared by the server (GET /hotlines) and the
// client (the badge is recomputed by the app's clock). docs/api-hotlines.md.
//
// [SECTION] Lines     the table
// [SECTION] Numbers   the tel: link
// [SECTION] Open now  by the schedule and the holiday calendar
#pragma once
#include <span>
#include <string>
#include <string_view>

#include "core/civil_time.h"
#include "core/opening_hours.h"
#include "core/public_holidays.h"

namespace gongyou {

// [SECTION] Lines

/// One hotline.
struct Hotline {
  std::string_view key;       ///< stable wire id: "legal", "care", "hardship", "culture", "counselling"
  std::string_view name;      ///< 职工法律援助热线 …
  std::string_view summary;   ///< one line: what to call it for
  std::string_view number;    ///< as dialled and shown: "0595-87381148"
  std::string_view hours;     ///< opening-hours text ("Mo-Fr 08:30-12:00,14:30-17:30; PH off")
  std::string_view hours_zh;  ///< the same hours as staff write them for the screen
  bool counselling = false;   ///< appointments with a counsellor can be booked (心世界)
};

/// Every hotline, in the order the list shows them.
std::span<const Hotline> hotlines();

/// The hotline of a key; nullptr for any other.
const Hotline* find_hotline(std::string_view key);

// [SECTION] Numbers

/// The tel: URI of a number as shown: its digits only ("0595-87381148" → "tel:059587381148"); "+" kept in front.
std::string tel_uri(std::string_view number);

// [SECTION] Open now

/// True when `line` answers at `now` (Asia/Shanghai), public holidays by `holidays`. A line whose hours do not parse
/// is never shown open (tests/core check every line parses).
bool hotline_open_at(const Hotline& line, UtcSeconds now, const HolidayCalendar& holidays);

}  // namespace gongyou
