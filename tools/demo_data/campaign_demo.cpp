// tools/demo_data/campaign_demo.cpp — see campaign_demo.h. The messages are put together from short sentences of
// the kind workers write in such campaigns (who they are, what they say, a wish), chosen by a fixed generator, so
// that 85 of them read differently without being 85 hand-written strings.
#include "tools/demo_data/campaign_demo.h"

#include <iterator>

#include "tools/demo_data/splitmix.h"
#include "tools/demo_data/union_demo.h"

namespace gongyou::demo {
namespace {

constexpr const char* kWomenWho[] = {
    "作为一名外卖骑手，", "我是一名护士，", "在纺织厂干了十二年，", "作为快递网点的分拣员，", "我是一名小学老师，",
    "在石材厂做质检，", "作为家政服务员，", "我是车间里的班组长，", "作为网约车司机，", "我在社区做网格员，",
    "在鞋厂流水线上，", "作为超市收银员，", "我是医院的护工，", "在茶叶合作社做了八年，", "作为食品厂的包装工，",
    "我是物业保洁员，", "作为电商客服，", "在服装厂当缝纫工，"};
constexpr const char* kWomenSay[] = {
    "感谢工会在女职工休息室里添了冰箱和沙发，哺乳期的姐妹们方便多了。",
    "今年参加了工会组织的两癌免费筛查，心里踏实了。",
    "希望更多企业落实女职工特殊劳动保护，经期、孕期都能被体谅。",
    "工会送来的节日慰问让我们一线女职工感到温暖。",
    "在工会的法律讲座上学会了看劳动合同，再也不怕稀里糊涂签字。",
    "感谢工会帮我们协调了夜班接送，回家路上安心了。",
    "工会的爱心托管班解决了我们双职工暑假带娃的大难题。",
    "技能竞赛让我拿到了证书，工资也涨了，感谢工会搭台子。",
    "姐妹们在职工之家一起学插花、练瑜伽，下班后也有了自己的时间。",
    "工会帮我们争取到了带薪年休假，终于能陪父母出去走走。",
    "感谢工会的心理咨询热线，压力大的时候有人听我说说。",
    "希望母婴室能在更多园区、更多写字楼里建起来。",
    "工会组织的读书会让我重新捡起了书本，也认识了很多朋友。",
    "入会以后才知道有这么多服务，网上申请几分钟就办好了。"};
constexpr const char* kWomenWish[] = {
    "祝全体女职工节日快乐！", "愿每一位姐妹都被温柔以待。", "巾帼不让须眉，我们一起加油！", "愿工作顺利，家庭幸福。",
    "希望明年的活动更多更精彩。", "感谢有你们，一路同行。", "致敬每一位平凡而伟大的她。", ""};

constexpr const char* kMayWho[] = {
    "跑了三年外卖，", "我是一名货车司机，", "在工地上开塔吊，", "作为一名快递小哥，", "在电子厂当技术员，",
    "我是环卫工人，", "作为一名电工，", "在港口开叉车，", "我是一名厨师，", "作为一名焊工，",
    "在物流园区做调度，", "我是公交车驾驶员，", "作为一名保安，", "在石雕厂做了二十年，"};
constexpr const char* kMaySay[] = {
    "工会驿站的热水和休息室帮了大忙，夏天干活累了有地方歇脚。",
    "感谢工会送来的防暑降温用品，清凉一夏。",
    "参加了工会的职业技能培训，考下了高级工证书。",
    "新就业形态劳动者也能入会了，心里有了依靠。",
    "工会帮我讨回了被拖欠的工资，真心感谢。",
    "希望职工之家能多建几个，下了班有个去处。",
    "劳动最光荣，我为自己是一名劳动者感到骄傲。",
    "工会的有奖答题很有意思，学到了不少劳动法知识。",
    "感谢工会组织的免费体检，及早发现了问题。",
    "希望工会多组织技能培训，让我们多学一门手艺。",
    "在职工之家健身房锻炼了一年，身体越来越好。",
    "工会帮我们和企业开了恳谈会，加班费的问题解决了。"};
constexpr const char* kMayWish[] = {"致敬每一位劳动者！", "劳动节快乐！", "愿大家平平安安出门，高高兴兴回家。",
                                    "撸起袖子加油干！", "幸福都是奋斗出来的。", ""};

/// `count` messages of who + what + wish, each pair used once, from members starting at `first_member`.
template <std::size_t W, std::size_t S, std::size_t H>
std::vector<DemoMessage> messages(const char* const (&who)[W], const char* const (&say)[S],
                                  const char* const (&wish)[H], int count, std::size_t first_member,
                                  std::uint64_t seed, int window_hours) {
  Random rng(seed);
  std::vector<DemoMessage> out;
  std::vector<bool> used(W * S, false);
  while (static_cast<int>(out.size()) < count && out.size() < W * S) {
    const std::size_t w = rng.below(W), s = rng.below(S);
    if (used[w * S + s]) continue;
    used[w * S + s] = true;
    DemoMessage m;
    m.member = first_member + out.size();
    m.text = std::string(who[w]) + say[s] + wish[rng.below(H)];
    m.likes = static_cast<int>(rng.below(12)) + (rng.percent(15) ? 15 : 0);
    m.hours_after_start = static_cast<int>(rng.below(static_cast<std::size_t>(window_hours)));
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

std::vector<DemoCampaign> demo_campaigns() {
  std::vector<DemoCampaign> out;

  DemoCampaign women{"巾帼心声·三八节留言征集",
                     "三八国际妇女节到了，说说你身边的“她力量”：工作中的坚守、生活里的温暖，或者对工会女职工工作的建议。"
                     "留言经审核后展示，精选留言将获赠节日礼包。",
                     -24 * 300, 24 * 10, false, 2316,
                     messages(kWomenWho, kWomenSay, kWomenWish, 85, 0, 38, 24 * 10)};
  for (std::size_t i = 0; i < women.messages.size(); i += 9) women.messages[i].featured = true;
  out.push_back(std::move(women));

  DemoCampaign may{"劳动者之歌·五一留言征集",
                   "五一国际劳动节，写下你的劳动故事：第一份工作、最难忘的一次加班、最想感谢的工友，"
                   "或者你希望工会为劳动者做的一件事。每人最多留言三条，审核后展示。",
                   -24 * 5, 24 * 20, false, 1100,
                   messages(kMayWho, kMaySay, kMayWish, 46, 200, 51, 24 * 5)};
  for (std::size_t i = 0; i < may.messages.size(); i += 7) may.messages[i].featured = true;
  // The newest few still wait for review; one was declined (what a moderator sees every day).
  for (std::size_t i = may.messages.size() - 4; i < may.messages.size(); ++i) {
    may.messages[i].status = MessageStatus::pending;
    may.messages[i].featured = false;
    may.messages[i].likes = 0;
    may.messages[i].hours_after_start = 24 * 5 - 2;
  }
  DemoMessage& declined = may.messages[may.messages.size() - 5];
  declined.status = MessageStatus::rejected;
  declined.featured = false;
  declined.likes = 0;
  declined.text = "加我微信领取五一红包，名额有限先到先得！";
  declined.reason = "含有广告信息";
  out.push_back(std::move(may));

  out.push_back({"职工之家建设金点子", "你心目中的职工之家是什么样？缺什么设施、什么服务，开放时间怎样更方便？"
                                       "欢迎会员留下金点子，被采纳的建议将在工会公众号公布。",
                 24 * 3, 24 * 30, true, 0, {}});
  return out;
}

}  // namespace gongyou::demo
