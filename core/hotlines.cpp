// core/hotlines.cpp — see hotlines.h.
#include "core/hotlines.h"

#include <array>
#include <variant>

namespace gongyou {

// [SECTION] Lines

namespace {

constexpr std::array<Hotline, 5> kHotlines = {{
    {"legal", "职工法律援助热线", "劳动合同、欠薪、工伤：律师在线解答", "0595-87381148",
     "Mo-Fr 08:30-12:00,14:30-17:30; PH off", "工作日 8:30-12:00、14:30-17:30（节假日休息）", false},
    {"care", "职工心理关怀热线", "压力、情绪、家庭烦恼：倾听与疏导", "0595-87381525", "Mo-Su 08:30-21:30",
     "每天 8:30-21:30", false},
    {"hardship", "职工困难帮扶热线", "大病、失业、子女上学：帮扶政策咨询", "0595-87381360",
     "Mo-Fr 08:30-12:00,14:30-17:30; PH off", "工作日 8:30-12:00、14:30-17:30（节假日休息）", false},
    {"culture", "职工文体服务热线", "文体活动、场馆预约、兴趣小组", "0595-87381277", "Mo-Sa 09:00-17:30; PH off",
     "周一至周六 9:00-17:30（节假日休息）", false},
    {"counselling", "心世界职工心理咨询", "一对一心理咨询，可预约面谈，谁预约只有咨询师知道", "0595-87381919",
     "Mo-Fr 09:00-12:00,14:00-21:00; Sa,Su 09:00-17:00", "工作日 9:00-12:00、14:00-21:00；周末 9:00-17:00", true},
}};

}  // namespace

std::span<const Hotline> hotlines() { return kHotlines; }

const Hotline* find_hotline(std::string_view key) {
  for (const Hotline& line : kHotlines)
    if (line.key == key) return &line;
  return nullptr;
}

// [SECTION] Numbers

std::string tel_uri(std::string_view number) {
  std::string uri = "tel:";
  for (std::size_t i = 0; i < number.size(); ++i) {
    const char c = number[i];
    if ((c >= '0' && c <= '9') || (c == '+' && i == 0)) uri += c;
  }
  return uri;
}

// [SECTION] Open now

bool hotline_open_at(const Hotline& line, UtcSeconds now, const HolidayCalendar& holidays) {
  const auto parsed = parse_opening_hours(line.hours);
  const auto* schedule = std::get_if<OpeningSchedule>(&parsed);
  return schedule && is_open_at(*schedule, now, holidays);
}

}  // namespace gongyou
