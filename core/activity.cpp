// core/activity.cpp — see activity.h.
#include "core/activity.h"

#include <algorithm>
#include <array>

#include "core/id_number.h"

namespace gongyou {
namespace {

struct KindNames {
  ActivityKind kind;
  std::string_view wire, label;
};

constexpr std::array<KindNames, 6> kKindNames = {{
    {ActivityKind::sports, "sports", "文体活动"},
    {ActivityKind::culture, "culture", "读书文化"},
    {ActivityKind::lecture, "lecture", "法律讲座"},
    {ActivityKind::family, "family", "亲子活动"},
    {ActivityKind::volunteer, "volunteer", "志愿服务"},
    {ActivityKind::matchmaking, "matchmaking", "惠工鹊桥"},
}};

constexpr std::array<std::string_view, 4> kStatusNames = {"confirmed", "waitlisted", "cancelled", "checked_in"};

}  // namespace

// [SECTION] Kinds

std::string_view activity_kind_name(ActivityKind kind) { return kKindNames[static_cast<std::size_t>(kind)].wire; }

std::optional<ActivityKind> parse_activity_kind(std::string_view text) {
  for (const KindNames& k : kKindNames)
    if (k.wire == text) return k.kind;
  return std::nullopt;
}

std::string_view activity_kind_label(ActivityKind kind) { return kKindNames[static_cast<std::size_t>(kind)].label; }

// [SECTION] Sign-ups

std::string_view signup_status_name(SignupStatus status) { return kStatusNames[static_cast<std::size_t>(status)]; }

std::optional<SignupStatus> parse_signup_status(std::string_view text) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i)
    if (kStatusNames[i] == text) return static_cast<SignupStatus>(i);
  return std::nullopt;
}

bool signup_is_active(SignupStatus status) { return status != SignupStatus::cancelled; }

// [SECTION] Window

std::string_view signup_window_name(SignupWindow window) {
  switch (window) {
    case SignupWindow::not_yet_open: return "not_yet_open";
    case SignupWindow::open: return "open";
    case SignupWindow::closed: break;
  }
  return "closed";
}

SignupWindow signup_window(const ActivityTimes& times, UtcSeconds now) {
  if (now.value < times.signup_opens_at.value) return SignupWindow::not_yet_open;
  const std::int64_t closes = std::min(times.signup_closes_at.value, times.starts_at.value);
  return now.value < closes ? SignupWindow::open : SignupWindow::closed;
}

std::optional<std::string> activity_times_problem(const ActivityTimes& times) {
  if (times.ends_at.value <= times.starts_at.value) return "结束时间须晚于开始时间 / ends_at must be after starts_at";
  if (times.signup_closes_at.value <= times.signup_opens_at.value)
    return "报名截止须晚于报名开始 / signup_closes_at must be after signup_opens_at";
  if (times.signup_closes_at.value > times.starts_at.value)
    return "报名须在活动开始前截止 / signup_closes_at must not be after starts_at";
  return std::nullopt;
}

// [SECTION] Declaration

std::optional<DeclarationProblem> declaration_problem(const MatchmakingDeclaration& declaration, int min_age,
                                                      int max_age, std::string& canonical_phone) {
  if (declaration.age < min_age || declaration.age > max_age)
    return DeclarationProblem{"age_out_of_range", "本场活动面向" + std::to_string(min_age) + "至" +
                                                      std::to_string(max_age) + "岁的单身职工 / age must be " +
                                                      std::to_string(min_age) + "–" + std::to_string(max_age)};
  if (!declaration.single)
    return DeclarationProblem{"not_single", "惠工鹊桥活动仅限单身职工报名 / only single workers may sign up"};
  canonical_phone = normalize_phone(declaration.phone);
  if (!is_mobile_phone(canonical_phone))
    return DeclarationProblem{"invalid_phone", "请填写11位手机号码 / the contact phone must be an 11-digit mobile number"};
  return std::nullopt;
}

}  // namespace gongyou
