// server/wishes/demo_wishes.cpp — see demo_wishes.h. Deterministic: the same members wish the same things on every
// load. The fulfilled wishes lie in the past year; the open, claimed and pending ones in the past weeks.
#include "server/wishes/demo_wishes.h"

#include <array>
#include <map>

#include "core/id_number.h"
#include "core/wish.h"
#include "tools/demo_data/union_demo.h"

namespace gongyou::server {
namespace {

struct DemoWishText {
  WishCategory category;
  const char* title;
  const char* story;
  std::int64_t yuan;
};

constexpr std::array<DemoWishText, 16> kWishes = {{
    {WishCategory::study, "给孩子一个新书包", "孩子今年上一年级，家里旧书包已经破了，想给他一个结实的新书包。", 120},
    {WishCategory::study, "一套初中课外读物", "女儿爱看书，镇上书店远，想要一套适合初中生的名著读本。", 180},
    {WishCategory::household, "一台洗衣机", "妻子腰伤后不能久站，家里一直手洗衣服，希望有一台洗衣机。", 1600},
    {WishCategory::household, "一台电视机", "父母和我们住在出租屋，晚上没有电视看，想给老人添台电视。", 1800},
    {WishCategory::daily, "冬天的棉被两床", "宿舍靠近海边，冬天风大潮湿，想要两床厚一点的棉被。", 300},
    {WishCategory::health, "给母亲配一副老花镜", "母亲在家做手工活，眼睛看不清针线，想给她配副合适的眼镜。", 260},
    {WishCategory::study, "一台学习用的台灯", "孩子晚上在出租屋写作业，灯光太暗，想要一盏护眼台灯。", 150},
    {WishCategory::daily, "一辆二手电动车", "每天骑自行车上下班要一个小时，想要一辆电动车节省时间。", 1500},
    {WishCategory::health, "一张体检套餐", "在石材厂干了十几年，一直没做过体检，想做一次全面检查。", 600},
    {WishCategory::household, "一台电饭煲", "刚搬进新宿舍，做饭只有一个小锅，想要一台电饭煲。", 200},
    {WishCategory::study, "一本《电工基础》和考证辅导书", "想考电工证换个岗位，需要教材和辅导书。", 90},
    {WishCategory::daily, "孩子的校服和运动鞋", "孩子长得快，去年的校服穿不下了。", 220},
    {WishCategory::health, "父亲用的轮椅", "父亲中风后行动不便，想推他出门晒晒太阳。", 800},
    {WishCategory::other, "一张回老家的火车票", "三年没回四川老家，想春节回去看看孩子。", 450},
    {WishCategory::household, "一台电风扇", "夏天宿舍闷热，没有空调，想要一台落地扇。", 160},
    {WishCategory::study, "一套小学英语点读笔", "孩子英语跟不上，我们不会教，想要一支点读笔。", 280},
}};

constexpr std::array<const char*, 6> kThanks = {
    "谢谢好心人，孩子背上新书包高兴得睡不着。", "收到了，非常感谢工会和爱心人士！",
    "东西很实用，一家人都很感动，我们也会把爱心传下去。", "谢谢您，素不相识却这么用心。",
    "已经用上了，真的帮了大忙。", "感谢工会牵线，感谢捐赠的师傅！"};

/// The town-level union above each union (itself for a town; the root for a federation).
std::map<std::int64_t, UnionId> towns_of(const std::vector<UnionRecord>& unions) {
  std::map<std::int64_t, const UnionRecord*> by_id;
  for (const UnionRecord& u : unions) by_id[u.id.value] = &u;
  std::map<std::int64_t, UnionId> towns;
  for (const UnionRecord& u : unions) {
    const UnionRecord* at = &u;
    while (at->level != UnionLevel::town && at->parent && by_id.count(at->parent->value)) at = by_id[at->parent->value];
    towns[u.id.value] = at->id;
  }
  return towns;
}

}  // namespace

std::size_t seed_demo_wishes(Store& store, const crypto::MemberKey& member_key, UtcSeconds now) {
  WishQuery any;
  any.limit = 1;
  if (!store.list_wishes(any).empty()) return 0;
  const auto unions = store.all_unions();
  if (unions.empty()) return 0;
  const auto towns = towns_of(unions);
  const auto staff = store.find_credentials(demo::demo_staff().front().username);
  if (!staff) return 0;
  const auto members = demo::demo_members(demo::kDemoMemberCount);

  struct Wisher {
    UserId user;
    const demo::DemoMember* member;
  };
  // Verified members of Hui'an, in list order: the first 1,500 are the workers helped; the next ones wish now.
  std::vector<Wisher> wishers;
  for (const demo::DemoMember& m : members) {
    if (!m.verified) continue;
    const auto found = store.find_credentials(m.username);
    if (found) wishers.push_back({found->user.id, &m});
    if (wishers.size() >= kDemoHelpedWorkers + 120) break;
  }
  if (wishers.size() < kDemoHelpedWorkers + 120) return 0;

  std::vector<SeedWish> seeded;
  const auto add = [&](const Wisher& w, std::size_t n, WishStatus status, std::int64_t days_ago, const Wisher* claimant) {
    const DemoWishText& text = kWishes[n % kWishes.size()];
    SeedWish s;
    const UnionId union_id{w.member->union_key};
    const auto town = towns.find(union_id.value);
    s.wish = {union_id, town == towns.end() ? union_id : town->second, w.user, wisher_display_name(w.member->real_name),
              text.category, text.title, text.story, text.yuan, UtcSeconds{now.value - days_ago * 86400 - 3600 * (n % 9)}};
    s.status = status;
    s.reviewer = staff->user.id;
    s.wisher_phone_sealed = member_key.seal(normalize_phone(w.member->phone));
    if (claimant) {
      s.claimant = claimant->user;
      s.claimant_phone_sealed = member_key.seal(normalize_phone(claimant->member->phone));
    }
    if (status == WishStatus::rejected) s.reason = "经核实，该需求已由单位解决 / already met by the employer";
    if (status == WishStatus::fulfilled && n % 3 == 0) s.thanks = kThanks[n % kThanks.size()];
    seeded.push_back(std::move(s));
  };
  // Seed 002: 1,800 fulfilled wishes of 1,500 workers (300 of them wished twice), donors among the other members.
  for (std::size_t i = 0; i < kDemoFulfilledWishes; ++i) {
    const std::size_t who = i % kDemoHelpedWorkers;
    const Wisher& donor = wishers[(who + 700) % kDemoHelpedWorkers];
    add(wishers[who], i, WishStatus::fulfilled, 20 + static_cast<std::int64_t>((kDemoFulfilledWishes - i) % 340), &donor);
  }
  // Now, across the towns: open wishes on the wall, some claimed and waiting for the hand-over, some to vet.
  for (std::size_t k = 0; k < 120; ++k) {
    const Wisher& w = wishers[kDemoHelpedWorkers + k];
    const WishStatus status = k < 72 ? WishStatus::open : k < 90 ? WishStatus::claimed
                              : k < 112 ? WishStatus::pending : WishStatus::rejected;
    add(w, k * 7 + 3, status, 1 + static_cast<std::int64_t>(k % 19), status == WishStatus::claimed ? &wishers[k] : nullptr);
  }
  return store.seed_wishes(seeded);
}

}  // namespace gongyou::server
