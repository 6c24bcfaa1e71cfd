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

std::string format_opening_hours(std::string_view osm) {
  const bool zh = language() == Language::zh_CN;
  std::string out;
  std::size_t i = 0;
  while (i < osm.size()) {
    bool matched = false;
    for (const Word& w : kWords) {
      if (osm.substr(i, w.osm.size()) == w.osm) {
        // "Tu-Su": the range dash between two days reads 至 in Chinese.
        out += zh ? w.zh : w.en;
        i += w.osm.size();
        if (zh && i + 1 < osm.size() && osm[i] == '-' && std::isupper(static_cast<unsigned char>(osm[i + 1]))) {
          out += "至";
          ++i;
        }
        if (zh && i < osm.size() && osm[i] == ' ' && w.osm != "24/7") ++i;  // "周二至周日09:00" reads better with one space
        if (zh) out += ' ';
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (osm[i] == ';') {
      out += zh ? "；" : ";";
      ++i;
      while (i < osm.size() && osm[i] == ' ') ++i;
    } else if (osm[i] == ',' && zh) {
      out += "、";
      ++i;
    } else {
      out += osm[i++];
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // Tidy "周六 、" → "周六、" and "休息 ；" → "休息；" after the spaces added above.
  for (std::string_view bad : {" 、", " ；"}) {
    for (std::size_t p; (p = out.find(bad)) != std::string::npos;) out.erase(p, 1);
  }
  return out;
}

}  // namespace gongyou::ui
