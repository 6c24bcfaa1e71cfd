// core/ics.cpp — writes one booking as an RFC 5545 iCalendar file: VCALENDAR, VTIMEZONE Asia/Shanghai,
// one VEVENT with a VALARM. See ics.h.
#include "core/ics.h"

#include <cstdint>
#include <string_view>

namespace gongyou {
namespace {

/// RFC 5545 §3.1: content lines should not be longer than 75 octets, excluding the line break.
constexpr std::size_t kMaxLineOctets = 75;
constexpr std::string_view kCrlf = "\r\n";
/// The reminder: 60 minutes before the start, which is also the last moment a worker may cancel.
constexpr std::string_view kAlarmTrigger = "-PT60M";

void append_two_digits(std::string& out, int value) {
  out.push_back(static_cast<char>('0' + value / 10 % 10));
  out.push_back(static_cast<char>('0' + value % 10));
}

/// "YYYYMMDDTHHMMSS" of a date and a second of that day (RFC 5545 §3.3.5, form 1 or, with 'Z', form 2).
std::string basic_date_time(LocalDate date, int second_of_day) {
  std::string out;
  out.reserve(16);
  append_two_digits(out, date.year / 100);
  append_two_digits(out, date.year % 100);
  append_two_digits(out, date.month);
  append_two_digits(out, date.day);
  out.push_back('T');
  append_two_digits(out, second_of_day / 3600);
  append_two_digits(out, second_of_day / 60 % 60);
  append_two_digits(out, second_of_day % 60);
  return out;
}

/// Seconds since midnight of the Asia/Shanghai day of t, whatever the sign of t.
int shanghai_second_of_day(UtcSeconds t) {
  const std::int64_t local = t.value + kShanghaiOffsetSeconds;
  return static_cast<int>(((local % 86'400) + 86'400) % 86'400);
}

/// Local Asia/Shanghai time, for DTSTART/DTEND with TZID.
std::string shanghai_date_time(UtcSeconds t) { return basic_date_time(shanghai_date(t), shanghai_second_of_day(t)); }

/// UTC time with the 'Z' suffix, for DTSTAMP (§3.8.7.2 requires UTC).
std::string utc_date_time(UtcSeconds t) {
  const UtcSeconds as_if_shanghai{t.value - kShanghaiOffsetSeconds};  // shift so that Shanghai fields read UTC
  return basic_date_time(shanghai_date(as_if_shanghai), shanghai_second_of_day(as_if_shanghai)) + "Z";
}

/// Appends `line` folded into lines of at most 75 octets, each ended by CRLF. A continuation line starts with
/// one space, which counts toward its 75. Breaks fall before a UTF-8 lead byte, never inside a character.
void append_folded(std::string& out, std::string_view line) {
  std::size_t limit = kMaxLineOctets;
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // continuation byte
    if (cut == 0) cut = limit;  // not UTF-8 at all: cut anyway rather than never finish
    out.append(line.substr(0, cut));
    out.append(kCrlf);
    out.push_back(' ');
    line.remove_prefix(cut);
    limit = kMaxLineOctets - 1;
  }
  out.append(line);
  out.append(kCrlf);
}

/// RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped; any line break becomes "\n"; other control
/// characters, which TEXT does not allow, are dropped (HTAB is kept).
std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r':
        out += "\\n";
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;  // CRLF is one line break
        break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) break;
        out.push_back(c);
    }
  }
  return out;
}

void append_property(std::string& out, std::string_view name, std::string_view value) {
  std::string line;
  line.reserve(name.size() + 1 + value.size());
  line.append(name);
  line.push_back(':');
  line.append(value);
  append_folded(out, line);
}

void append_text_property(std::string& out, std::string_view name, std::string_view text) {
  append_property(out, name, escape_text(text));
}

}  // namespace

std::string to_ics(const CalendarEvent& event) {
  std::string out;
  out.reserve(1024);
  append_property(out, "BEGIN", "VCALENDAR");
  append_property(out, "VERSION", "2.0");
  append_property(out, "PRODID", "-//Gongyou//Workers Home Booking//ZH");
  append_property(out, "CALSCALE", "GREGORIAN");
  append_property(out, "METHOD", "PUBLISH");

  // Asia/Shanghai: UTC+08:00 without daylight saving since 1991 (IANA tzdata), one STANDARD observance.
  append_property(out, "BEGIN", "VTIMEZONE");
  append_property(out, "TZID", "Asia/Shanghai");
  append_property(out, "BEGIN", "STANDARD");
  append_property(out, "DTSTART", "19700101T000000");
  append_property(out, "TZOFFSETFROM", "+0800");
  append_property(out, "TZOFFSETTO", "+0800");
  append_property(out, "TZNAME", "CST");
  append_property(out, "END", "STANDARD");
  append_property(out, "END", "VTIMEZONE");

  append_property(out, "BEGIN", "VEVENT");
  append_text_property(out, "UID", event.uid);
  append_property(out, "DTSTAMP", utc_date_time(event.stamp));
  append_property(out, "DTSTART;TZID=Asia/Shanghai", shanghai_date_time(event.start));
  append_property(out, "DTEND;TZID=Asia/Shanghai", shanghai_date_time(event.end));
  append_text_property(out, "SUMMARY", event.summary);
  append_text_property(out, "LOCATION", event.location);
  append_text_property(out, "DESCRIPTION", event.description);

  append_property(out, "BEGIN", "VALARM");
  append_property(out, "ACTION", "DISPLAY");
  append_property(out, "TRIGGER", kAlarmTrigger);
  append_text_property(out, "DESCRIPTION", event.summary);  // DISPLAY alarms require a DESCRIPTION
  append_property(out, "END", "VALARM");
  append_property(out, "END", "VEVENT");

  append_property(out, "END", "VCALENDAR");
  return out;
}

}  // namespace gongyou
