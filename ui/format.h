// ui/format.h — numbers and opening hours in words for the panel. Writes into caller buffers (no allocation).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/civil_time.h"
#include "core/time_window.h"
#include "core/units.h"

namespace gongyou::ui {

/// "850 米" below 1 km, "1.2 公里" above; returns `out`.
const char* format_distance(Metres distance, char* out, std::size_t size);

/// "步行 6 分钟" (at least 1 minute); returns `out`.
const char* format_walk(Minutes walk, char* out, std::size_t size);
/// Whether a walk is worth stating: up to two hours. Beyond that (a site 90 km away at national scale) only the
/// distance is shown; "步行 1480 分钟" helps nobody.
inline bool walk_worth_showing(Minutes walk) { return walk.value <= 120; }

/// A short line of text held in place (returned by value, no heap): a day or a time range.
struct ShortText {
  char text[96] = {};
  /// The text, for printf-style calls.
  const char* c_str() const { return text; }
};

/// "11月24日 周二" (zh) or "Tue 24 Nov" (en).
ShortText format_day(LocalDate day);

/// "11月24日 周二 09:00–10:00": a slot or booking's time in Asia/Shanghai.
ShortText format_interval(UtcSeconds start, UtcSeconds end);

/// "12月1日 周二 – 12月17日 周四": the days of a window (a quiz's, a campaign's), its end day the last it is open.
ShortText format_window(UtcSeconds starts_at, UtcSeconds ends_at);

/// "12月1日 周二 08:00": an instant in Asia/Shanghai.
ShortText format_day_time(UtcSeconds t);

/// 进行中 / 未开始 / 已结束 in the UI language.
const char* window_status_label(WindowStatus status);

/// The first `max_characters` characters (code points) of UTF-8 `text` into `out`, "…" after them when cut; a
/// broken sequence ends the text there. Returns `out`.
const char* utf8_prefix(std::string_view text, int max_characters, char* out, std::size_t size);

/// OpenStreetMap opening_hours ("Tu-Su 09:00-21:00; PH off", "24/7") in the UI language:
/// "周二至周日 09:00-21:00；节假日休息", "全天开放". Unknown tokens are kept as they are.
std::string format_opening_hours(std::string_view osm_hours);

}  // namespace gongyou::ui
