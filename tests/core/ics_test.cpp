// tests/core/ics_test.cpp — the iCalendar file of a booking: required lines, CRLF line ends, lines of at most
// 75 octets, folding that keeps UTF-8 characters whole, and TEXT escaping (RFC 5545 §3.1, §3.3.11).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/ics.h"

namespace gongyou {
namespace {

CalendarEvent sample_event() {
  CalendarEvent e;
  e.uid = "booking-42@gongyou";
  e.stamp = *parse_iso8601("2026-11-20T10:15:30+08:00");
  e.start = *parse_iso8601("2026-11-24T09:00:00+08:00");
  e.end = *parse_iso8601("2026-11-24T10:00:00+08:00");
  e.summary = "惠安县职工之家";
  e.location = "螺城镇建设南街 1 号";
  e.description = "请提前 15 分钟到达";
  return e;
}

/// The physical lines of a file: splits on CRLF; a lone CR or LF anywhere fails the test.
std::vector<std::string> physical_lines(const std::string& ics) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < ics.size()) {
    const std::size_t end = ics.find("\r\n", pos);
    if (end == std::string::npos) {
      ADD_FAILURE() << "text after the last CRLF: " << ics.substr(pos);
      break;
    }
    lines.push_back(ics.substr(pos, end - pos));
    pos = end + 2;
  }
  for (const auto& line : lines) {
    EXPECT_EQ(line.find('\r'), std::string::npos) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos) << line;
  }
  return lines;
}

/// RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed.
std::vector<std::string> content_lines(const std::string& ics) {
  std::vector<std::string> out;
  for (const std::string& line : physical_lines(ics)) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !out.empty()) {
      out.back() += line.substr(1);
    } else {
      out.push_back(line);
    }
  }
  return out;
}

bool has_line(const std::vector<std::string>& lines, std::string_view wanted) {
  for (const auto& l : lines) {
    if (l == wanted) return true;
  }
  return false;
}

/// True when `s` is well-formed UTF-8 (no truncated or stray sequences).
bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

TEST(Ics, ContainsTheRequiredLinesInOrder) {
  const std::string ics = to_ics(sample_event());
  const auto lines = content_lines(ics);
  const std::vector<std::string> expected = {
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Gongyou//Workers Home Booking//ZH",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VTIMEZONE",
      "TZID:Asia/Shanghai",
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      "TZOFFSETFROM:+0800",
      "TZOFFSETTO:+0800",
      "TZNAME:CST",
      "END:STANDARD",
      "END:VTIMEZONE",
      "BEGIN:VEVENT",
      "UID:booking-42@gongyou",
      "DTSTAMP:20261120T021530Z",
      "DTSTART;TZID=Asia/Shanghai:20261124T090000",
      "DTEND;TZID=Asia/Shanghai:20261124T100000",
      "SUMMARY:惠安县职工之家",
      "LOCATION:螺城镇建设南街 1 号",
      "DESCRIPTION:请提前 15 分钟到达",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "TRIGGER:-PT60M",
      "DESCRIPTION:惠安县职工之家",
      "END:VALARM",
      "END:VEVENT",
      "END:VCALENDAR",
  };
  EXPECT_EQ(lines, expected);
  EXPECT_TRUE(ics.ends_with("END:VCALENDAR\r\n"));
}

TEST(Ics, ShanghaiLocalTimesAcrossTheUtcDayBoundary) {
  CalendarEvent e = sample_event();
  e.start = *parse_iso8601("2026-11-23T16:30:00Z");  // 00:30 on the 24th in Shanghai
  e.end = *parse_iso8601("2026-11-23T17:30:00Z");
  e.stamp = *parse_iso8601("2026-11-24T07:59:59+08:00");  // still the 23rd in UTC
  const auto lines = content_lines(to_ics(e));
  EXPECT_TRUE(has_line(lines, "DTSTART;TZID=Asia/Shanghai:20261124T003000"));
  EXPECT_TRUE(has_line(lines, "DTEND;TZID=Asia/Shanghai:20261124T013000"));
  EXPECT_TRUE(has_line(lines, "DTSTAMP:20261123T235959Z"));
}

TEST(Ics, CrlfEverywhereAndNoLineLongerThan75Octets) {
  CalendarEvent e = sample_event();
  e.description = std::string(300, 'x') + "\n" + std::string(100, ',');
  const std::string ics = to_ics(e);
  ASSERT_TRUE(ics.ends_with("\r\n"));
  std::size_t lf = 0;
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\n') {
      ++lf;
      ASSERT_GT(i, 0u);
      EXPECT_EQ(ics[i - 1], '\r') << "bare LF at octet " << i;
    }
  }
  const auto lines = physical_lines(ics);
  EXPECT_EQ(lines.size(), lf);
  for (const auto& line : lines) EXPECT_LE(line.size(), 75u) << line;
  std::string unfolded_description;
  for (const auto& l : content_lines(ics)) {
    if (l.starts_with("DESCRIPTION:x")) unfolded_description = l;
  }
  std::string expected_commas;
  for (int i = 0; i < 100; ++i) expected_commas += "\\,";
  EXPECT_EQ(unfolded_description, "DESCRIPTION:" + std::string(300, 'x') + "\\n" + expected_commas);
}

TEST(Ics, FoldingALongChineseSummaryKeepsUtf8Whole) {
  // Offsets 0..3 shift where the 75-octet boundary falls inside the 3-octet characters.
  for (int shift = 0; shift < 4; ++shift) {
    CalendarEvent e = sample_event();
    e.summary = std::string(static_cast<std::size_t>(shift), 'a');
    for (int i = 0; i < 60; ++i) e.summary += "工会职工之家预约😀";  // 3-octet CJK and a 4-octet emoji
    const std::string ics = to_ics(e);
    const auto lines = physical_lines(ics);
    int folded = 0;
    for (const auto& line : lines) {
      EXPECT_LE(line.size(), 75u);
      const std::string_view body = line.starts_with(' ') ? std::string_view(line).substr(1) : std::string_view(line);
      EXPECT_TRUE(is_valid_utf8(body)) << "shift " << shift << ": " << line;
      if (line.starts_with(' ')) ++folded;
    }
    EXPECT_GT(folded, 20);
    const auto unfolded = content_lines(ics);
    EXPECT_TRUE(has_line(unfolded, "SUMMARY:" + e.summary)) << "shift " << shift;
  }
}

TEST(Ics, EscapesTextValues) {
  CalendarEvent e = sample_event();
  e.summary = "a,b;c\\d\n";
  e.location = "一楼\r\n二楼\r三楼";
  e.description = std::string("tab\tbell\a") + "del\x7f" + "end";
  const auto lines = content_lines(to_ics(e));
  EXPECT_TRUE(has_line(lines, "SUMMARY:a\\,b\\;c\\\\d\\n"));
  EXPECT_TRUE(has_line(lines, "LOCATION:一楼\\n二楼\\n三楼"));
  EXPECT_TRUE(has_line(lines, "DESCRIPTION:tab\tbelldelend"));
  EXPECT_TRUE(has_line(lines, "DESCRIPTION:a\\,b\\;c\\\\d\\n"));  // the alarm's text
}

TEST(Ics, EmptyTextValuesStillGiveWellFormedLines) {
  CalendarEvent e = sample_event();
  e.summary.clear();
  e.location.clear();
  e.description.clear();
  const auto lines = content_lines(to_ics(e));
  EXPECT_TRUE(has_line(lines, "SUMMARY:"));
  EXPECT_TRUE(has_line(lines, "LOCATION:"));
}

}  // namespace
}  // namespace gongyou
