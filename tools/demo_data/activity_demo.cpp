// tools/demo_data/activity_demo.cpp — see activity_demo.h. Each theme below is held several times over the weeks
// around loading (a series: 第一期, 第二期 …), which gives the 70+ activities of seed 004 from a readable list.
#include "tools/demo_data/activity_demo.h"

#include <array>

namespace gongyou::demo {
namespace {

/// One recurring theme of the demo programme.
struct Theme {
  const char* title;
  const char* description;
  ActivityKind kind;
  bool online;
  int places;  ///< 0: unlimited
  int hours;
  bool members_only;
};

constexpr std::array<Theme, 14> kThemes = {{
    {"职工运动会", "县总工会主办的职工趣味运动会：拔河、跳绳、趣味接力。请穿运动鞋，提前15分钟到场签到。",
     ActivityKind::sports, false, 40, 4, true},
    {"职工气排球友谊赛", "以工会为单位组队或个人报名，现场分组。提供饮用水和护具。", ActivityKind::sports, false, 24, 3,
     false},
    {"线上健步走", "一个月内每天步数达到8000步即完成打卡，累计达标可获工会积分。手机计步即可参加。",
     ActivityKind::sports, true, 0, 720, false},
    {"职工书屋读书分享会", "本期共读一本好书，欢迎带上读书笔记与大家交流。现场提供茶水。", ActivityKind::culture,
     false, 20, 2, false},
    {"线上读书打卡", "每天阅读30分钟并在群内分享一句话感悟，坚持21天。", ActivityKind::culture, true, 0, 504, false},
    {"工会法律讲座：劳动合同那些事", "工会律师讲解签订、续签和解除劳动合同时的常见问题，现场答疑。",
     ActivityKind::lecture, false, 60, 2, false},
    {"线上法律讲堂：工伤认定与赔偿", "直播讲解工伤认定的流程、时限和材料，可在评论区提问。", ActivityKind::lecture,
     true, 0, 2, false},
    {"新就业形态劳动者权益讲座", "面向快递员、外卖骑手、网约车司机，讲解劳动保障权益和维权渠道。",
     ActivityKind::lecture, false, 50, 2, false},
    {"亲子手工坊", "职工带孩子一起做惠安石雕小摆件，材料由工会提供。每位职工限带一名儿童。", ActivityKind::family,
     false, 16, 2, true},
    {"暑期亲子观影", "职工及子女免费观看一部适合全家的影片。", ActivityKind::family, false, 30, 2, false},
    {"职工志愿服务日", "到社区开展义务理发、家电维修、健康咨询等志愿服务。", ActivityKind::volunteer, false, 30, 4,
     false},
    {"线上安全生产知识直播", "安全生产月专题直播，讲解身边的隐患排查。", ActivityKind::lecture, true, 0, 1, false},
    {"职工摄影作品线上征集", "以“劳动最美”为题投稿，优秀作品在工会公众号展示。", ActivityKind::culture, true, 0, 336,
     false},
    {"职工书法培训班", "零基础书法入门，共四次课，自带毛笔。", ActivityKind::culture, false, 12, 2, true},
}};

constexpr std::array<const char*, 6> kIssues = {"（第一期）", "（第二期）", "（第三期）", "（第四期）", "（第五期）",
                                                "（第六期）"};

}  // namespace

std::vector<DemoActivity> demo_activities() {
  std::vector<DemoActivity> out;
  int site = 0;
  for (std::size_t round = 0; round < 5; ++round) {
    for (std::size_t t = 0; t < kThemes.size(); ++t) {
      const Theme& theme = kThemes[t];
      DemoActivity a;
      a.title = std::string(theme.title) + kIssues[round];
      a.description = theme.description;
      a.kind = theme.kind;
      a.site_index = theme.online ? -1 : site++ * 7;
      a.places = theme.places;
      a.hours = theme.hours;
      a.members_only = theme.members_only;
      // Rounds spread over the weeks: round 0 is past, round 1 this week, the rest ahead; 9:00 or 14:30-ish starts.
      a.starts_in_hours = (static_cast<int>(round) - 1) * 7 * 24 + static_cast<int>(t % 7) * 24 + 26;
      a.signup_opens_in_hours = a.starts_in_hours - 14 * 24;
      a.signup_closes_in_hours = a.starts_in_hours - 2;
      a.union_key = 1;
      // Popular themes get more sign-ups than places: the rest wait.
      if (theme.places > 0) {
        const bool popular = t == 8 || t == 13;  // the family workshop and the calligraphy class fill up
        a.demo_signups = popular ? theme.places + 2 + static_cast<int>(round % 3) : theme.places / 4;
      } else {
        a.demo_signups = 5 + static_cast<int>(t % 5 + round);
      }
      out.push_back(std::move(a));
    }
  }
  // 惠工鹊桥: joint matchmaking evenings for single workers (seed 004: 10+ joint events).
  constexpr std::array<const char*, 4> kMatchmaking = {"惠工鹊桥·冬日联谊会", "惠工鹊桥·青年职工户外交友",
                                                      "惠工鹊桥·读书交友沙龙", "惠工鹊桥·新春联谊会"};
  for (std::size_t i = 0; i < kMatchmaking.size(); ++i) {
    DemoActivity a;
    a.title = kMatchmaking[i];
    a.description =
        "县总工会联合各乡镇工会为单身职工搭建交友平台。报名须本人声明单身，并留下联系电话，电话仅主办工会工作人员可见。";
    a.kind = ActivityKind::matchmaking;
    a.site_index = site++ * 7;
    a.places = 30;
    a.hours = 3;
    a.min_age = 22;
    a.max_age = i == 2 ? 45 : 35;
    a.starts_in_hours = 50 + static_cast<int>(i) * 7 * 24;
    a.signup_opens_in_hours = a.starts_in_hours - 21 * 24;
    a.signup_closes_in_hours = a.starts_in_hours - 24;
    a.demo_signups = i == 0 ? 33 : 10;  // the first one is full with a waitlist
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace gongyou::demo
