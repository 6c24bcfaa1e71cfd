// ui/i18n.cpp — see i18n.h. Chinese first: it is the product's language (product.md).
#include "ui/i18n.h"

#include <array>
#include <utility>

namespace gongyou::ui {
namespace {

Language g_language = Language::zh_CN;

struct Entry {
  const char* zh;
  const char* en;
};

// Indexed by Text; the static_assert below keeps the table and the enum the same length.
constexpr Entry kTexts[] = {
    {"工友", "Gongyou"},
    {"惠安县服务阵地", "Hui'an union service sites"},
    {"%d 处", "%d sites"},
    {"搜索名称、地址或镇", "Search name, address or town"},
    {"全部", "All"},
    {"按距地图中心排序", "Sorted by distance from the map center"},
    {"按距我的位置排序", "Sorted by distance from you"},
    {"我的位置", "Near me"},
    {"改用地图中心", "Use map center"},
    {"正在定位…", "Locating…"},
    {"无法定位：您拒绝了位置权限。可在浏览器设置中允许，现按地图中心排序。",
     "Location refused: allow it in the browser settings. Sorting by the map center."},
    {"无法定位：暂时获取不到位置信号，现按地图中心排序。", "Position unavailable. Sorting by the map center."},
    {"定位超时，请稍后再试，现按地图中心排序。", "Locating timed out. Sorting by the map center."},
    {"此浏览器不支持定位，现按地图中心排序。", "This browser cannot locate you. Sorting by the map center."},
    {"正在加载服务阵地…", "Loading service sites…"},
    {"网络连接失败，无法加载服务阵地。", "No connection: could not load the service sites."},
    {"服务器暂时出错，无法加载服务阵地。", "The server failed to send the service sites."},
    {"重试", "Retry"},
    {"没有符合条件的服务阵地", "No site matches"},
    {"地址", "Address"},
    {"开放", "Hours"},
    {"电话", "Phone"},
    {"设施", "Facilities"},
    {"步行约 %d 分钟 · %s", "About %d min on foot · %s"},
    {"可预约", "Bookable"},
    {"%d 米", "%d m"},
    {"%.1f 公里", "%.1f km"},
    {"步行 %d 分钟", "%d min walk"},
    {"圆圈为步行 15 分钟可达范围", "Circles: 15 minutes on foot"},
    {"关闭", "Close"},
    {"地图", "Map"}, {"我的预约", "My bookings"}, {"管理", "Staff"},
    {"登录", "Sign in"}, {"退出", "Sign out"}, {"注册", "Register"}, {"用户名", "Username"}, {"密码", "Password"},
    {"姓名（显示名）", "Display name"}, {"已有账号？去登录", "Have an account? Sign in"},
    {"没有账号？注册一个", "No account? Register"},
    {"密码至少 8 位，并包含字母、数字或符号中的两种", "At least 8 characters, of two kinds (letters, digits, symbols)"},
    {"预约时段", "Book a time"}, {"返回", "Back"}, {"剩余 %d 位", "%d places left"}, {"满", "Full"},
    {"确认预约", "Book it"}, {"加入候补（前面 %d 人）", "Join the waitlist (%d ahead)"}, {"再想想", "Not now"},
    {"绿：充足　橙：紧张　灰：已满", "Green: free · Orange: few · Grey: full"},
    {"这几天没有可预约的时段", "No bookable times on these days"}, {"已约", "Mine"},
    {"‹ 前几天", "‹ Earlier"}, {"后几天 ›", "Later ›"},
    {"还没有预约。在地图上选一个职工之家，点“预约时段”。", "No bookings yet. Choose a Workers' Home and tap “Book a time”."},
    {"已确认", "Confirmed"}, {"候补第 %d 位", "Waitlist #%d"}, {"已取消", "Cancelled"}, {"已签到", "Checked in"},
    {"未到场", "No-show"},
    {"门禁码", "Door pass"}, {"加入日历", "Add to calendar"}, {"取消预约", "Cancel booking"}, {"退出候补", "Leave waitlist"},
    {"e家开门 · 门禁码", "Door pass"}, {"有效时间：%s 至 %s", "Valid %s to %s"},
    {"到门口时把此码对准门禁扫码处", "Hold this code to the door reader"},
    {"提醒：%s 将于 %s 开始", "Reminder: %s starts at %s"},
    {"消息", "Messages"}, {"全部已读", "Mark all read"},
    {"在“服务阵地”里选一个职工之家或劳模工作室，再点“管理”。", "Choose a Workers' Home or studio under Sites, then Staff."},
    {"每周开放模板", "Weekly template"}, {"开放日", "Open days"}, {"开门", "Opens"}, {"关门", "Closes"},
    {"时段长度（分钟）", "Slot length (min)"}, {"每时段名额", "Places per slot"}, {"保存模板", "Save template"},
    {"当日名单", "Roster"}, {"签到", "Check in"}, {"导出 CSV", "Export CSV"}, {"代为取消", "Cancel"},
    {"这一天没有预约", "No bookings this day"},
    {"预约成功！可在“我的预约”查看门禁码。", "Booked! Your door pass is under My bookings."},
    {"已加入候补，第 %d 位。有人取消时会自动为您预约。", "On the waitlist, #%d. You get the place when someone cancels."},
    {"已取消预约。", "Booking cancelled."}, {"登录成功。", "Signed in."}, {"已退出登录。", "Signed out."},
    {"模板已保存，未来 14 天的时段已更新。", "Template saved; the next 14 days are updated."},
    {"已签到。", "Checked in."},
    {"该时段已约满。可以加入候补。", "This time is full. You can join the waitlist."},
    {"开始前 1 小时内不能取消。", "Less than an hour before the start: it can no longer be cancelled."},
    {"您已有 3 个待参加的预约，请先参加或取消一个。", "You already hold the maximum of upcoming bookings."},
    {"您已预约（或候补）了这个时段。", "You already hold or wait for this time."},
    {"该时段已开始，不能再预约。", "This time has started; it can no longer be booked."},
    {"用户名或密码不对。", "Wrong username or password."}, {"这个用户名已被使用。", "This username is taken."},
    {"密码太简单：至少 8 位，并包含字母、数字或符号中的两种。", "Password too weak: 8+ characters of two kinds."},
    {"尝试次数太多，请 15 分钟后再试。", "Too many attempts. Try again in 15 minutes."},
    {"登录已过期，请重新登录。", "Your session expired. Please sign in again."},
    {"网络连接失败，请稍后重试。", "No connection. Please try again."},
    {"只有工作人员可以这样做。", "Only staff can do this."}, {"没有找到。", "Not found."},
    {"操作没有完成，请重试。", "That did not work. Please try again."},
    {"学堂", "Classes"},
    {"课程", "Courses"},
    {"我的课程", "My courses"},
    {"送课上门", "Lectures"},
    {"送课审批", "Review"},
    {"搜索课程，可用拼音首字母（如 ldf）", "Search courses (pinyin initials work: ldf)"},
    {"全部分类", "All categories"},
    {"按名称", "By name"},
    {"最新", "Newest"},
    {"最热", "Popular"},
    {"线上", "Online"},
    {"线下", "In person"},
    {"%g 课时", "%g hours"},
    {"讲师", "Teacher"},
    {"课程大纲", "Outline"},
    {"剩余 %d / %d 位", "%d of %d places left"},
    {"已满 · 候补 %d 人", "Full · %d waiting"},
    {"上课", "Class"},
    {"地点", "Place"},
    {"在地图上查看", "Show on the map"},
    {"报名", "Enrol"},
    {"加入候补", "Join the waitlist"},
    {"已报名", "Enrolled"},
    {"候补第 %d 位", "Waitlist #%d"},
    {"退出课程", "Leave"},
    {"已学 %d / %d 课", "%d of %d lessons done"},
    {"视频", "Video"},
    {"图文", "Reading"},
    {"面授", "Class meeting"},
    {"没有找到课程", "No course found"},
    {"正在加载…", "Loading…"},
    {"还没有报名课程，去“课程”看看吧", "No courses yet: browse the catalog"},
    {"申请送课上门", "Ask for a lecture"},
    {"主题", "Topic"},
    {"希望日期（年-月-日）", "Preferred dates (YYYY-MM-DD)"},
    {"听课人数", "Audience"},
    {"详细地址", "Address"},
    {"备注", "Note"},
    {"地点", "Place"},
    {"用地图中心定位", "Use the map center"},
    {"已定位：%.5f，%.5f", "Picked: %.5f, %.5f"},
    {"先移动地图，让送课地点位于地图中央，再点“用地图中心定位”。", "Move the map so the place is at its center, then tap “Use the map center”."},
    {"提交申请", "Send the request"},
    {"还没有送课申请", "No requests yet"},
    {"待受理", "Pending"},
    {"已受理", "Accepted"},
    {"已安排", "Scheduled"},
    {"已送课", "Delivered"},
    {"已谢绝", "Declined"},
    {"安排在 %s", "Scheduled for %s"},
    {"理由：%s", "Reason: %s"},
    {"%d 人", "%d people"},
    {"受理", "Accept"},
    {"安排", "Schedule"},
    {"谢绝", "Decline"},
    {"时间（年-月-日 时:分）", "Time (YYYY-MM-DD HH:MM)"},
    {"谢绝理由", "Reason"},
    {"各镇送课统计", "Lectures per town"},
    {"镇", "Town"},
    {"申请", "Requests"},
    {"待办", "Open"},
    {"已送课", "Delivered"},
    {"报名成功！可在“我的课程”查看。", "Enrolled: see My courses."},
    {"课程已满，您已加入候补，排第 %d 位；有人退出时自动补上。", "The class is full: you are #%d on the waitlist and move up automatically."},
    {"已退出课程。", "You left the course."},
    {"申请已提交，工会会尽快受理。", "Request sent: the union will answer soon."},
    {"已保存，申请人会收到通知。", "Saved: the requester is notified."},
    {"请先在地图上定位送课地点。", "Pick the place on the map first."},
    {"课程名额已满，可以加入候补。", "The class is full: you can join the waitlist."},
    {"填写的内容有误，请检查后再提交。", "Something in the form is not right: please check it."},
    {"参观人数", "Visitors"},
    {"每批 %d–%d 人 · 需工作人员审核", "%d–%d visitors · staff approve each visit"},
    {"提交参观申请", "Ask for the visit"},
    {"待审核", "Awaiting approval"},
    {"未通过：%s", "Declined: %s"},
    {"%d 人", "%d people"},
    {"通过", "Approve"},
    {"拒绝", "Decline"},
    {"该时段无法接待，请改约其他时间。", "We cannot receive you then: please choose another time."},
    {"已提交参观申请，工作人员审核后会通知您。", "Visit requested: you will be told when staff decide."},
    {"已通过，预约人会收到通知。", "Approved: the visitor is notified."},
    {"已拒绝，预约人会收到通知。", "Declined: the visitor is notified."},
    {"离线模式：显示的是上次加载的服务阵地。预约、报名和登录需要网络连接。", "Offline: these are the sites last loaded. Booking, enrolling and signing in need a connection."},
};

constexpr Entry kWeekdays[] = {{"周一", "Mon"}, {"周二", "Tue"}, {"周三", "Wed"}, {"周四", "Thu"},
                               {"周五", "Fri"}, {"周六", "Sat"}, {"周日", "Sun"}};
static_assert(std::size(kTexts) == static_cast<std::size_t>(Text::offline_banner) + 1);

constexpr std::pair<std::string_view, Entry> kFacilities[] = {
    {"water", {"饮用水", "Drinking water"}},   {"hot_water", {"热水", "Hot water"}},
    {"charging", {"充电", "Charging"}},         {"microwave", {"微波炉", "Microwave"}},
    {"toilet", {"卫生间", "Toilet"}},           {"wifi", {"无线网络", "Wi-Fi"}},
    {"aed", {"AED 除颤仪", "AED"}},             {"rest_area", {"休息区", "Rest area"}},
    {"books", {"图书", "Books"}},               {"first_aid", {"急救包", "First aid"}},
    {"nursing", {"哺乳室", "Nursing room"}},    {"parking", {"停车", "Parking"}},
};

}  // namespace

Language language() { return g_language; }

void set_language(Language language) { g_language = language; }

const char* tr(Text text) {
  const Entry& e = kTexts[static_cast<std::size_t>(text)];
  return g_language == Language::zh_CN ? e.zh : e.en;
}

const char* weekday_name(int iso_weekday) {
  const Entry& e = kWeekdays[(iso_weekday - 1 + 7) % 7];
  return g_language == Language::zh_CN ? e.zh : e.en;
}

std::string_view type_name(SiteType type) {
  return g_language == Language::zh_CN ? info(type).name_zh : info(type).name_en;
}

std::string_view facility_name(std::string_view id) {
  for (const auto& [key, entry] : kFacilities)
    if (key == id) return g_language == Language::zh_CN ? entry.zh : entry.en;
  return id;
}

}  // namespace gongyou::ui
