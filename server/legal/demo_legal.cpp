// server/legal/demo_legal.cpp — see demo_legal.h.
#include "server/legal/demo_legal.h"

#include <array>
#include <string>

#include "core/id_number.h"
#include "core/legal.h"
#include "server/bookings/demo_schedule.h"
#include "tools/demo_data/splitmix.h"
#include "tools/demo_data/union_demo.h"

namespace gongyou::server {
namespace {

constexpr std::size_t kDemoConsultations = 420;
constexpr std::size_t kDemoLawyers = 15;

constexpr std::array<const char*, kDemoLawyers> kLawyerNames = {
    "律师 林志强", "律师 陈美玲", "律师 黄建华", "律师 张丽娟", "律师 王海峰", "律师 刘雅琴", "律师 郑文斌", "律师 吴晓燕",
    "律师 蔡明辉", "律师 许碧霞", "律师 曾国栋", "律师 杨秀兰", "律师 洪俊杰", "律师 庄淑贞", "律师 骆振宇"};

struct DemoCase {
  LegalCategory category;
  const char* question;
  const char* answer;
};

constexpr std::array<DemoCase, 12> kCases = {{
    {LegalCategory::wages_owed, "我在工地干了三个月，老板一直拖欠工资，说年底一起结，现在人联系不上了，我该怎么办？",
     "您好。用人单位拖欠工资，您可以先收集考勤、工资条、聊天记录等证据，向当地劳动保障监察大队投诉，也可以申请劳动仲裁。建筑工地实行工资保证金制度，总包单位对分包拖欠负有清偿责任。"},
    {LegalCategory::wages_owed, "工厂说效益不好，这两个月工资只发了一半，剩下的说以后补，这样合法吗？",
     "您好。用人单位应当按月足额支付工资，不能单方面降低或延期。请保留工资发放记录，可与单位协商，协商不成可向劳动仲裁委员会申请仲裁，要求补发并支付赔偿金。"},
    {LegalCategory::contract, "入职半年了公司一直不和我签劳动合同，我能要求什么赔偿？",
     "您好。根据《劳动合同法》第八十二条，用人单位自用工之日起超过一个月不满一年未订立书面劳动合同的，应当向劳动者每月支付二倍的工资。建议保留工牌、考勤、工资转账记录作为劳动关系的证据。"},
    {LegalCategory::contract, "公司让我签一份合同，里面写着离职要赔偿培训费两万元，我没参加过什么培训，要签吗？",
     "您好。只有用人单位为劳动者提供专项培训费用、进行专业技术培训的，才可以约定服务期和违约金，且违约金不得超过培训费用。没有实际培训的条款无效，建议签字前要求单位说明或删除。"},
    {LegalCategory::work_injury, "上班时手被机器压伤了，公司只给了两千块钱就不管了，我能申请工伤吗？",
     "您好。在工作时间和工作场所内因工作原因受到伤害的，应当认定为工伤。单位应在30日内提出工伤认定申请，单位不申请的，您本人可在1年内向社会保险行政部门申请。请保存好病历和诊断证明。"},
    {LegalCategory::work_injury, "下班骑电动车回家路上被车撞了，对方全责，这算工伤吗？",
     "您好。在上下班途中，受到非本人主要责任的交通事故伤害的，属于工伤。请保留交警出具的事故责任认定书，可同时向肇事方索赔并申请工伤待遇。"},
    {LegalCategory::social_insurance, "公司一直没给我交社保，说工资里已经包含了，这样可以吗？",
     "您好。缴纳社会保险是用人单位和劳动者的法定义务，不能以工资包含社保等方式约定免除。您可以向社会保险费征收机构投诉，要求单位补缴；单位未缴导致您损失的，应当承担赔偿责任。"},
    {LegalCategory::social_insurance, "我怀孕了，公司没交生育保险，生育津贴谁来出？",
     "您好。用人单位未依法缴纳生育保险的，由用人单位按照当地生育津贴标准支付。建议先与人事沟通，并保留劳动关系与缴费记录的证据。"},
    {LegalCategory::dismissal, "公司突然通知我明天不用来了，没有任何补偿，合法吗？",
     "您好。用人单位单方解除劳动合同须有法定理由并履行程序，违法解除的应按经济补偿标准的二倍支付赔偿金。请要求单位出具书面解除通知，并在一年内申请劳动仲裁。"},
    {LegalCategory::dismissal, "试用期最后一天被辞退，理由是不符合录用条件，但从没告诉过我录用条件是什么。",
     "您好。以不符合录用条件解除的，单位需事先明确告知录用条件并有证据证明您不符合。未告知录用条件的，解除可能构成违法解除，您可以申请仲裁。"},
    {LegalCategory::new_employment, "我是外卖骑手，送餐途中摔伤了，平台说我不是他们员工，不管赔偿，怎么办？",
     "您好。新就业形态劳动者可以参加职业伤害保障试点。请先查看您在平台注册时是否购买了相关保险；另外可根据实际管理情况主张与合作站点存在劳动关系。工会可以为您提供进一步的法律援助。"},
    {LegalCategory::new_employment, "跑网约车被平台扣了很多钱，申诉也没人处理，有什么办法维权？",
     "您好。平台制定的规则应公开透明，扣款应有依据。您可以保存订单截图和扣款记录，向平台申诉并向交通运输主管部门投诉；必要时工会可协助与平台协商。"},
}};

constexpr std::array<const char*, 4> kFollowUps = {
    "谢谢律师，我再去准备一下材料。", "请问申请仲裁需要带哪些材料？", "明白了，如果单位还是不配合我再来问。",
    "好的，非常感谢您的耐心解答！"};

constexpr std::array<const char*, 3> kFollowUpAnswers = {
    "需要身份证、劳动关系证明（合同、工牌、工资记录）和仲裁申请书，申请书可以在仲裁委窗口领取。",
    "不客气。有新的情况可以随时在这里留言。", "建议您先书面提出要求并保留寄送凭证，这样仲裁时更有利。"};

std::string demo_case_number(demo::Random& random) {
  std::string out(kCaseNumberPrefix);
  for (std::size_t i = 0; i < kCaseNumberRandomChars; ++i) out.push_back(kCaseNumberAlphabet[random.below(32)]);
  return out;
}

}  // namespace

DemoLegalCounts seed_demo_legal(Store& store, crypto::PasswordHasher& passwords, const crypto::MemberKey& key,
                                UtcSeconds now, std::size_t member_count) {
  DemoLegalCounts counts;
  if (!store.legal_queue({std::nullopt, std::nullopt, true, now, 1}).empty()) return counts;
  const auto& unions = demo::demo_unions();
  if (unions.empty()) return counts;
  const std::string staff_hash = passwords.hash(demo::kDemoStaffPassword);
  std::vector<UserId> lawyers;
  for (std::size_t i = 0; i < kDemoLawyers; ++i) {
    char username[16];
    std::snprintf(username, sizeof username, "lawyer%02zu", i + 1);
    auto user = store.create_user(NewUser{username, kLawyerNames[i], staff_hash, Role::worker, now});
    if (!user) continue;
    store.grant_staff(user->id, UnionId{unions.front().key}, "lawyer", now);
    lawyers.push_back(user->id);
  }
  counts.lawyers = lawyers.size();
  if (lawyers.empty()) return counts;
  const UserId admin_like = lawyers.front();  // who "assigned" the demo cases: no admin exists in a fresh demo

  struct Asker {
    UserId id;
    std::string phone;
  };
  std::vector<Asker> askers;
  if (const auto demo_user = store.find_credentials("demo"))
    askers.push_back({demo_user->user.id, "13905951234"});
  const auto members = demo::demo_members(std::min<std::size_t>(member_count, 3000));
  for (std::size_t i = 0; i < members.size() && askers.size() < 200; i += 7)
    if (const auto cred = store.find_credentials(members[i].username)) askers.push_back({cred->user.id, members[i].phone});
  if (askers.empty()) return counts;

  demo::Random random(2026'0001);
  std::vector<SeedConsultation> seeds;
  std::vector<std::int64_t> load(lawyers.size(), 0);
  for (std::size_t i = 0; i < kDemoConsultations; ++i) {
    const Asker& asker = i < 2 ? askers.front() : askers[random.below(askers.size())];
    const DemoCase& c = kCases[random.below(kCases.size())];
    SeedConsultation s;
    // The newest first in time order: i = 0 is the most recent; spread over 60 days.
    const std::int64_t age = static_cast<std::int64_t>(i) * 60 * 86400 / kDemoConsultations + random.below(3600);
    s.asked = NewConsultation{asker.id, c.category, c.question, key.seal(asker.phone),
                              key.id_hash("legal-phone:" + asker.phone), mask_phone(asker.phone),
                              UtcSeconds{now.value - age - 600}};
    s.case_number = demo_case_number(random);
    const UtcSeconds asked = s.asked.now;
    // Recent ones are still open or waiting; older ones answered or closed; a few waiting past the 24 h target.
    const std::size_t roll = random.below(100);
    if (i < 6) s.status = ConsultationStatus::open;
    else if (i < 14) s.status = ConsultationStatus::assigned;
    else if (age < 3 * 86400 && roll < 30) s.status = roll < 10 ? ConsultationStatus::open : ConsultationStatus::assigned;
    else if (roll < 4) s.status = ConsultationStatus::assigned;  // overdue: a lawyer has not answered in time
    else if (age < 10 * 86400 || roll < 30) s.status = ConsultationStatus::answered;
    else s.status = ConsultationStatus::closed;
    if (s.status != ConsultationStatus::open) {
      const std::size_t l = i % lawyers.size();
      s.lawyer = lawyers[l];
      s.assigned_by = admin_like;
      s.assigned_at = UtcSeconds{asked.value + 600 + static_cast<std::int64_t>(random.below(3 * 3600))};
    }
    if (s.status == ConsultationStatus::answered || s.status == ConsultationStatus::closed) {
      const std::int64_t delay = 1800 + static_cast<std::int64_t>(random.below(20 * 3600));
      s.first_answered_at = UtcSeconds{std::min(s.assigned_at->value + delay, now.value - 60)};
      s.messages.push_back({0, *s.lawyer, "", true, c.answer, *s.first_answered_at});
      if (random.percent(60)) {
        const UtcSeconds t1{std::min(s.first_answered_at->value + 3600, now.value - 30)};
        s.messages.push_back({0, asker.id, "", false, kFollowUps[random.below(kFollowUps.size())], t1});
        const UtcSeconds t2{std::min(t1.value + 1800, now.value - 10)};
        if (random.percent(70)) s.messages.push_back({0, *s.lawyer, "", true, kFollowUpAnswers[random.below(3)], t2});
      }
    }
    if (s.status == ConsultationStatus::closed) {
      const auto last = s.messages.back().at;
      s.closed_at = UtcSeconds{std::min(last.value + 86400, now.value - 5)};
    }
    counts.messages += s.messages.size();
    seeds.push_back(std::move(s));
  }
  if (!store.seed_consultations(seeds)) return counts;
  counts.consultations = seeds.size();
  return counts;
}

}  // namespace gongyou::server
