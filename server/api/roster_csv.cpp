// server/api/roster_csv.cpp — see roster_csv.h.
#include "server/api/roster_csv.h"

namespace gongyou::server::api {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// "2026-11-24 09:00" in Asia/Shanghai: what a spreadsheet shows as a date and time.
std::string local_minute(UtcSeconds t) { return format_date(shanghai_date(t)) + " " + format_time(shanghai_time(t)); }

void append_row(std::string& out, std::initializer_list<std::string_view> cells) {
  bool first = true;
  for (std::string_view cell : cells) {
    if (!first) out += ',';
    out += csv_cell(cell);
    first = false;
  }
  out += "\r\n";
}

}  // namespace

std::string_view status_label_zh(BookingStatus status) {
  switch (status) {
    case BookingStatus::confirmed:
      return "已确认";
    case BookingStatus::waitlisted:
      return "候补中";
    case BookingStatus::cancelled:
      return "已取消";
    case BookingStatus::checked_in:
      return "已签到";
    case BookingStatus::no_show:
      return "未到场";
    case BookingStatus::pending:
      return "待审核";
    case BookingStatus::denied:
      return "未通过";
  }
  return "";
}

std::string csv_cell(std::string_view text) {
  std::string cell;
  // OWASP "CSV injection": a leading = + - @ (or tab / CR) makes spreadsheets evaluate the cell.
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) cell += '\'';
  cell += text;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted += '"';
}

std::string roster_csv(const std::vector<RosterSlot>& slots) {
  std::string out(kBom);
  append_row(out, {"时段开始", "时段结束", "姓名", "用户名", "状态", "预约时间", "签到时间"});
  for (const RosterSlot& roster_slot : slots) {
    const std::string start = local_minute(roster_slot.slot.start), end = local_minute(roster_slot.slot.end);
    for (const Booking& booking : roster_slot.bookings) {
      const std::string created = local_minute(booking.created_at);
      const std::string checked_in = booking.checked_in_at ? local_minute(*booking.checked_in_at) : "";
      append_row(out, {start, end, booking.user_display_name, booking.username, status_label_zh(booking.status),
                       created, checked_in});
    }
  }
  return out;
}

}  // namespace gongyou::server::api
