// ui/format.cpp — see format.h.
#include "ui/format.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "ui/i18n.h"

namespace gongyou::ui {
namespace {

struct Word {
  std::string_view osm, zh, en;
};

// Day and keyword abbreviations of the OSM opening_hours specification (wiki "Key:opening_hours").
constexpr Word kWords[] = {
    {"Mo-Su", "每天", "Daily"}, {"24/7", "全天开放", "Open 24/7"}, {"Mo", "周一", "Mon"},
    {"Tu", "周二", "Tue"},      {"We", "周三", "Wed"},            {"Th", "周四", "Thu"},
    {"Fr", "周五", "Fri"},      {"Sa", "周六", "Sat"},            {"Su", "周日", "Sun"},
    {"PH", "节假日", "Holidays"}, {"off", "休息", "closed"},
};

}  // namespace

const char* format_distance(Metres distance, char* out, std::size_t size) {
  if (distance.value < 1000)
    std::snprintf(out, size, tr(Text::metres_fmt), static_cast<int>(std::lround(distance.value / 10) * 10));
  else
    std::snprintf(out, size, tr(Text::kilometres_fmt), distance.value / 1000.0);
  return out;
}

const char* format_walk(Minutes walk, char* out, std::size_t size) {
  std::snprintf(out, size, tr(Text::walk_short_fmt), std::max(1, static_cast<int>(std::ceil(walk.value))));
  return out;
}

namespace {

/// One space-separated token of a rule: "Tu-Su", "09:00-21:00", "PH", "off".
void append_token(std::string_view token, bool zh, std::string& out) {
  std::size_t i = 0;
  bool previous_was_day = false;
  while (i < token.size()) {
    const Word* word = nullptr;
    for (const Word& w : kWords)
      if (token.substr(i, w.osm.size()) == w.osm) {
        word = &w;
        break;
      }
    if (word) {
      out += zh ? word->zh : word->en;
      i += word->osm.size();
      previous_was_day = true;
      continue;
    }
    const char c = token[i++];
    if (c == '-' && previous_was_day && zh) out += "至";  // "Tu-Su": a range of days
    else if (c == ',' && zh) out += "、";
    else out += c;
    previous_was_day = false;
  }
}

}  // namespace

std::string format_opening_hours(std::string_view osm) {
  const bool zh = language() == Language::zh_CN;
  std::string out;
  std::size_t rule_start = 0;
  while (rule_start <= osm.size()) {
    std::size_t rule_end = osm.find(';', rule_start);
    if (rule_end == std::string_view::npos) rule_end = osm.size();
    const std::string_view rule = osm.substr(rule_start, rule_end - rule_start);
    bool first_token = true;
    for (std::size_t t = 0; t < rule.size();) {
      while (t < rule.size() && rule[t] == ' ') ++t;
      if (t >= rule.size()) break;
      std::size_t e = rule.find(' ', t);
      if (e == std::string_view::npos) e = rule.size();
      if (first_token && !out.empty()) out += zh ? "；" : "; ";
      else if (!first_token) out += ' ';
      append_token(rule.substr(t, e - t), zh, out);
      first_token = false;
      t = e;
    }
    rule_start = rule_end + 1;
  }
  return out;
}

ShortText format_day(LocalDate day) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  ShortText out;
  if (language() == Language::zh_CN)
    std::snprintf(out.text, sizeof out.text, "%d月%d日 %s", day.month, day.day, weekday_name(iso_weekday(day)));
  else
    std::snprintf(out.text, sizeof out.text, "%s %d %s", weekday_name(iso_weekday(day)), day.day,
                  kMonths[(day.month + 11) % 12]);
  return out;
}

ShortText format_interval(UtcSeconds start, UtcSeconds end) {
  const LocalTime from = shanghai_time(start), until = shanghai_time(end);
  ShortText out;
  std::snprintf(out.text, sizeof out.text, "%.40s %02d:%02d–%02d:%02d", format_day(shanghai_date(start)).c_str(),
                from.minutes / 60, from.minutes % 60, until.minutes / 60, until.minutes % 60);
  return out;
}

ShortText format_window(UtcSeconds starts_at, UtcSeconds ends_at) {
  const ShortText from = format_day(shanghai_date(starts_at));
  const ShortText to = format_day(shanghai_date(UtcSeconds{ends_at.value - 1}));
  ShortText out;
  std::snprintf(out.text, sizeof out.text, "%.40s – %.40s", from.c_str(), to.c_str());
  return out;
}

ShortText format_day_time(UtcSeconds t) {
  ShortText out;
  const int minutes = shanghai_time(t).minutes;
  std::snprintf(out.text, sizeof out.text, "%.60s %02d:%02d", format_day(shanghai_date(t)).c_str(), minutes / 60,
                minutes % 60);
  return out;
}

const char* window_status_label(WindowStatus status) {
  switch (status) {
    case WindowStatus::open: return tr(Text::window_open);
    case WindowStatus::upcoming: return tr(Text::window_upcoming);
    case WindowStatus::closed: return tr(Text::window_closed);
  }
  return "";
}

const char* utf8_prefix(std::string_view text, int max_characters, char* out, std::size_t size) {
  static constexpr char kEllipsis[] = "…";
  std::size_t end = 0;
  int characters = 0;
  while (end < text.size() && characters < max_characters) {
    const auto lead = static_cast<unsigned char>(text[end]);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || end + length > text.size()) break;
    bool whole = true;
    for (std::size_t k = 1; k < length; ++k) whole = whole && (static_cast<unsigned char>(text[end + k]) & 0xC0) == 0x80;
    if (!whole) break;
    end += length;
    ++characters;
  }
  const bool cut = end < text.size();
  std::snprintf(out, size, "%.*s%s", static_cast<int>(end), text.data(), cut ? kEllipsis : "");
  return out;
}

}  // namespace gongyou::ui
