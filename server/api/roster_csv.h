// server/api/roster_csv.h — a day's roster as CSV for staff (opened in Excel/WPS): UTF-8 with BOM, RFC 4180
// quoting, and cells that a spreadsheet would run as a formula (= + - @, tab, CR first) prefixed with '.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "server/store/booking_records.h"

namespace gongyou::server::api {

/// One slot of a roster with every booking of it.
struct RosterSlot {
  Slot slot;
  std::vector<Booking> bookings;
};

/// One CSV cell: formula-guarded, then quoted when it holds a comma, quote, CR or LF.
std::string csv_cell(std::string_view text);

/// The roster: BOM, header 时段开始,时段结束,姓名,用户名,状态,预约时间,签到时间, one row per booking; CRLF line ends.
std::string roster_csv(const std::vector<RosterSlot>& slots);

/// The Chinese word for a booking status (已确认, 候补中, 已取消, 已签到, 未到场).
std::string_view status_label_zh(BookingStatus status);

}  // namespace gongyou::server::api
