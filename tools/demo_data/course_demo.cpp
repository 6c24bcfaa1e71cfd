// tools/demo_data/course_demo.cpp — see course_demo.h. Name pools and the generator (integer arithmetic only).
#include "tools/demo_data/course_demo.h"

#include <array>
#include <cstdint>
#include <set>
#include <string_view>
#include <tuple>

#include "tools/demo_data/huian_demo.h"

namespace gongyou::demo {
namespace {

using namespace std::string_view_literals;

/// A top category with its six subcategories; each subcategory has two title stems.
struct TopSpec {
  std::string_view name;
  std::array<std::string_view, 6> subs;
  std::array<std::array<std::string_view, 2>, 6> stems;
};

constexpr std::array kTops{
    TopSpec{"职业技能",
            {"电工技术", "焊接技术", "数控加工", "汽车维修", "家政服务", "烹饪技艺"},
            {{{"低压电工", "电气线路安装"},
              {"手工电弧焊", "气体保护焊"},
              {"数控车床编程", "数控铣削"},
              {"汽车保养", "新能源汽车检修"},
              {"母婴护理", "养老护理"},
              {"闽南小吃制作", "中式面点"}}}},
    TopSpec{"安全生产",
            {"消防安全", "危化品管理", "用电安全", "高处作业", "应急救护", "交通安全"},
            {{{"火灾预防与扑救", "消防设施使用"},
              {"危险化学品储存", "危化品泄漏处置"},
              {"车间安全用电", "家庭用电隐患排查"},
              {"高处作业防坠落", "脚手架安全"},
              {"心肺复苏", "创伤止血包扎"},
              {"电动自行车安全骑行", "货车安全驾驶"}}}},
    TopSpec{"劳动法律",
            {"劳动合同", "工资权益", "社会保险", "工伤维权", "女职工权益", "劳动争议调解"},
            {{{"劳动法", "劳动合同签订与解除"},
              {"工资支付与加班费", "最低工资标准"},
              {"养老保险", "医疗保险"},
              {"工伤认定", "职业病防治法"},
              {"女职工特殊保护", "孕产期权益"},
              {"劳动仲裁", "集体协商"}}}},
    TopSpec{"心理健康",
            {"压力管理", "情绪调节", "人际沟通", "婚恋心理", "睡眠与放松", "心理危机干预"},
            {{{"职场压力", "倒班职工减压"},
              {"情绪管理", "正念练习"},
              {"班组沟通", "有效倾听"},
              {"青年职工婚恋", "夫妻相处"},
              {"科学睡眠", "身心放松训练"},
              {"心理危机识别", "同伴心理支持"}}}},
    TopSpec{"家庭教育",
            {"亲子沟通", "学业辅导", "青春期教育", "隔代教养", "儿童安全", "家庭理财"},
            {{{"亲子沟通技巧", "陪伴式教育"},
              {"小学作业辅导", "阅读习惯培养"},
              {"青春期心理", "青春期性教育"},
              {"隔代教养", "留守儿童关爱"},
              {"防溺水", "儿童居家安全"},
              {"家庭记账", "防范金融诈骗"}}}},
    TopSpec{"数字技能",
            {"智能手机应用", "办公软件", "短视频制作", "电商运营", "网络安全", "人工智能入门"},
            {{{"智能手机", "移动支付"},
              {"表格处理", "文字排版"},
              {"短视频拍摄", "视频剪辑"},
              {"网店开设", "直播带货"},
              {"个人信息保护", "防范网络诈骗"},
              {"人工智能", "大模型办公"}}}},
    TopSpec{"健康生活",
            {"职业病防护", "慢病管理", "健身运动", "营养膳食", "中医养生", "口腔健康"},
            {{{"粉尘防护", "噪声防护"},
              {"高血压管理", "糖尿病管理"},
              {"工间操", "太极拳"},
              {"职工膳食搭配", "减盐减油"},
              {"四季养生", "艾灸推拿"},
              {"口腔保健", "儿童护齿"}}}},
    TopSpec{"文化艺术",
            {"手机摄影", "书法绘画", "闽南文化", "音乐舞蹈", "惠安石雕", "读书分享"},
            {{{"手机摄影", "人像摄影"},
              {"硬笔书法", "国画入门"},
              {"南音欣赏", "惠安女服饰"},
              {"合唱", "广场舞"},
              {"石雕技艺", "木雕技艺"},
              {"职工读书会", "经典诵读"}}}},
    TopSpec{"创新创业",
            {"工匠精神", "技术创新方法", "创业指导", "质量管理", "班组管理", "职业规划"},
            {{{"劳模工匠精神", "技能大师经验"},
              {"合理化建议", "技术革新"},
              {"返乡创业", "小微企业经营"},
              {"全面质量管理", "品管圈"},
              {"班组长管理", "安全班组建设"},
              {"职业规划", "技能等级提升"}}}},
};

constexpr std::array kPatterns{"{}基础"sv, "{}实务"sv, "{}案例解析"sv};
constexpr std::array kSurnames{"陈"sv, "林"sv, "黄"sv, "张"sv, "王"sv, "李"sv, "吴"sv,
                               "刘"sv, "蔡"sv, "郑"sv, "庄"sv, "曾"sv, "骆"sv, "何"sv};
constexpr std::array kGiven{"志强"sv, "丽华"sv, "建国"sv, "秀英"sv, "晓东"sv, "美玲"sv, "国平"sv,
                            "文斌"sv, "雅琴"sv, "海峰"sv, "淑贞"sv, "明辉"sv, "少华"sv};
constexpr std::array kAspects{"概述与基本概念"sv, "政策与规范"sv, "常见问题"sv, "案例分析"sv,
                              "实操演练"sv,       "注意事项"sv,   "经验分享"sv, "复习与测验"sv};
constexpr std::array kCapacities{10, 15, 20, 30, 40};
constexpr std::array kStartMinutes{19 * 60, 14 * 60 + 30, 9 * 60 + 30};

std::string fill(std::string_view pattern, std::string_view stem) {
  const auto at = pattern.find("{}");
  return std::string(pattern.substr(0, at)) + std::string(stem) + std::string(pattern.substr(at + 2));
}

/// The bookable Workers' Homes, where in-person classes meet.
std::vector<SiteId> class_sites() {
  std::vector<SiteId> sites;
  for (const Site& site : huian_sites())
    if (site.type == SiteType::workers_home && site.bookable) sites.push_back(site.id);
  return sites;
}

std::vector<DemoLesson> online_lessons(const std::string& stem, int count, int course) {
  std::vector<DemoLesson> lessons;
  for (int i = 0; i < count; ++i) {
    const std::string title = "第" + std::to_string(i + 1) + "讲 " + stem + std::string(kAspects[i % kAspects.size()]);
    if (i % 3 == 2)
      lessons.push_back({title, false,
                         "本讲要点：" + stem + "的" + std::string(kAspects[i % kAspects.size()]) +
                             "。请结合本单位实际，记下三条可以马上做到的改进。"});
    else
      lessons.push_back(
          {title, true,
           "https://media.gongyou.example/courses/" + std::to_string(course) + "/" + std::to_string(i + 1) + ".mp4"});
  }
  return lessons;
}

}  // namespace

std::vector<DemoCategory> huian_course_categories() {
  std::vector<DemoCategory> categories;
  int id = 0;
  for (const TopSpec& top : kTops) {
    const int top_id = ++id;
    categories.push_back({top_id, 0, std::string(top.name)});
    for (std::string_view sub : top.subs) categories.push_back({++id, top_id, std::string(sub)});
  }
  return categories;
}

std::vector<DemoCourse> huian_courses() {
  const std::vector<SiteId> sites = class_sites();
  std::vector<DemoCourse> courses;
  std::set<std::tuple<std::int64_t, int, int, int>> used;
  std::uint32_t n = 0;
  int category = 0;
  for (const TopSpec& top : kTops) {
    ++category;  // the top category's id; its subcategories follow
    for (std::size_t s = 0; s < top.subs.size(); ++s) {
      const int sub = category + 1 + static_cast<int>(s);
      for (std::string_view stem : top.stems[s]) {
        for (std::string_view pattern : kPatterns) {
          DemoCourse course;
          course.category = sub;
          course.title = fill(pattern, stem);
          course.teacher =
              std::string(kSurnames[(n * 7) % kSurnames.size()]) + std::string(kGiven[(n * 5 + 3) % kGiven.size()]);
          course.summary = "面向一线职工的" + std::string(top.subs[s]) + "课程：" + course.title + "，由" +
                           course.teacher + "老师主讲，理论结合实际。";
          course.published_days_ago = static_cast<int>((n * 37) % 365);
          course.in_person = n % 4 == 3 && !sites.empty();
          if (course.in_person) {
            course.site = sites[(n * 13) % sites.size()];
            course.capacity = kCapacities[n % kCapacities.size()];
            course.first_day = 3 + static_cast<int>(n % 18);
            course.sessions = 2 + static_cast<int>(n % 3);
            course.start_minute = kStartMinutes[n % kStartMinutes.size()];
            course.session_minutes = 120;
            course.hours = 2.0 * course.sessions;
            // Two classes of one site never share their first and last meeting (one slot per site and time).
            for (std::size_t k = 1;
                 !used.insert({course.site.value, course.first_day, course.start_minute, course.sessions}).second; ++k)
              course.site = sites[(n * 13 + k) % sites.size()];
          } else {
            course.lessons = online_lessons(std::string(stem), 4 + static_cast<int>(n % 5), static_cast<int>(n + 1));
            course.hours = 0.5 * static_cast<double>(course.lessons.size());
          }
          courses.push_back(std::move(course));
          ++n;
        }
      }
    }
    category += static_cast<int>(top.subs.size());
  }
  return courses;
}

std::vector<DemoLectureRequest> huian_lecture_requests() {
  constexpr std::array kTopics{"手机摄影技巧"sv,     "劳动法与劳动合同"sv, "职场压力与情绪管理"sv, "消防安全知识"sv,
                               "防范电信网络诈骗"sv, "女职工权益保护"sv,   "心肺复苏急救"sv,       "亲子沟通技巧"sv};
  constexpr std::array kUnits{"鞋业有限公司"sv, "石材有限公司"sv, "服饰有限公司"sv, "食品有限公司"sv,
                              "建筑工程有限公司"sv};
  using Stage = DemoLectureRequest::Stage;
  constexpr std::array kStages{Stage::delivered, Stage::delivered, Stage::scheduled, Stage::accepted,
                               Stage::pending,   Stage::delivered, Stage::declined};
  const auto towns = huian_towns();
  std::vector<DemoLectureRequest> requests;
  for (std::uint32_t i = 0; i < 48; ++i) {
    DemoLectureRequest request;
    request.town = (i * 5) % towns.size();
    const Town& town = towns[request.town];
    // A few hundred metres from the town center, spread by the index (1e-3 degree ≈ 100 m).
    request.position = LatLon{town.center.lat + 0.001 * static_cast<double>(static_cast<int>(i % 5) - 2),
                              town.center.lon + 0.001 * static_cast<double>(static_cast<int>(i % 7) - 3)};
    request.address = std::string(town.official_name) + std::string(town.name) +
                      std::string(kUnits[i % kUnits.size()]) + "职工活动室";
    request.topic = std::string(kTopics[i % kTopics.size()]);
    request.note = "希望安排在下班后，约一个半小时。";
    request.audience_size = 20 + static_cast<int>((i * 17) % 180);
    request.stage = kStages[i % kStages.size()];
    request.created_days_ago = 10 + static_cast<int>((i * 11) % 300);
    request.preferred_day = 7 + static_cast<int>(i % 30);
    requests.push_back(std::move(request));
  }
  return requests;
}

}  // namespace gongyou::demo
