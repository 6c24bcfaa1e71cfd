// server/store/notification_text.cpp — see notification_text.h.
#include "server/store/notification_text.h"

namespace gongyou::server {

std::string describe_booking(const Booking& booking) {
  return booking.site_name + " " + format_date(shanghai_date(booking.start)) + " " +
         format_time(shanghai_time(booking.start)) + "–" + format_time(shanghai_time(booking.end));
}

std::string notification_message(NotificationKind kind, const Booking& booking) {
  switch (kind) {
    case NotificationKind::promoted:
      return "候补成功：您已获得 " + describe_booking(booking) + " 的名额，请准时到场。";
    case NotificationKind::released:
      return "未签到释放：" + describe_booking(booking) + " 的预约开始 15 分钟后仍未签到，名额已释放给其他职工。";
    case NotificationKind::cancelled_by_staff:
      return "预约已取消：工作人员取消了您在 " + describe_booking(booking) + " 的预约。";
    case NotificationKind::approved:
      return "预约已通过：您在 " + describe_booking(booking) + " 的参观预约已获工作人员批准。";
    case NotificationKind::denied:
      return "预约未通过：您在 " + describe_booking(booking) + " 的参观预约未获批准。原因：" +
             booking.reason.value_or("");
    case NotificationKind::lecture_update:
    case NotificationKind::membership_update:
    case NotificationKind::quiz_prize:
    case NotificationKind::activity_promoted:  // not about a booking: their texts are written where they happen
      break;
  }
  return describe_booking(booking);
}

}  // namespace gongyou::server
