// tests/core/activity_test.cpp — the activity rules of core/activity.h: wire names both ways, the sign-up window's
// edges (the close and the start, whichever comes first), the checks of an activity's instants, the matchmaking
// declaration (age bounds inclusive, single required, the phone normalized), and the demo activities' shape.
#include <gtest/gtest.h>

#include <set>

#include "core/activity.h"
#include "tools/demo_data/activity_demo.h"

namespace gongyou {
namespace {

TEST(ActivityKinds, WireNamesGoBothWays) {
  for (ActivityKind kind : kActivityKinds) {
    EXPECT_EQ(parse_activity_kind(activity_kind_name(kind)), kind);
    EXPECT_FALSE(activity_kind_label(kind).empty());
  }
  EXPECT_EQ(activity_kind_name(ActivityKind::matchmaking), "matchmaking");
  EXPECT_EQ(activity_kind_label(ActivityKind::matchmaking), "惠工鹊桥");
  EXPECT_FALSE(parse_activity_kind("Sports"));
  EXPECT_FALSE(parse_activity_kind(""));
}

TEST(SignupStatuses, WireNamesAndWhichCount) {
  for (auto s : {SignupStatus::confirmed, SignupStatus::waitlisted, SignupStatus::cancelled, SignupStatus::checked_in})
    EXPECT_EQ(parse_signup_status(signup_status_name(s)), s);
  EXPECT_EQ(signup_status_name(SignupStatus::checked_in), "checked_in");
  EXPECT_FALSE(parse_signup_status("pending"));
  EXPECT_TRUE(signup_is_active(SignupStatus::waitlisted));
  EXPECT_TRUE(signup_is_active(SignupStatus::checked_in));
  EXPECT_FALSE(signup_is_active(SignupStatus::cancelled));
}

ActivityTimes times(std::int64_t opens, std::int64_t closes, std::int64_t starts, std::int64_t ends) {
  return {UtcSeconds{starts}, UtcSeconds{ends}, UtcSeconds{opens}, UtcSeconds{closes}};
}

TEST(SignupWindow, OpensAtItsStartAndClosesAtItsEndExclusive) {
  const ActivityTimes t = times(100, 200, 300, 400);
  EXPECT_EQ(signup_window(t, UtcSeconds{99}), SignupWindow::not_yet_open);
  EXPECT_EQ(signup_window(t, UtcSeconds{100}), SignupWindow::open);
  EXPECT_EQ(signup_window(t, UtcSeconds{199}), SignupWindow::open);
  EXPECT_EQ(signup_window(t, UtcSeconds{200}), SignupWindow::closed);
  EXPECT_EQ(signup_window_name(SignupWindow::not_yet_open), "not_yet_open");
}

TEST(SignupWindow, TheStartClosesItEvenWhenTheStoredCloseIsLater) {
  const ActivityTimes t = times(100, 500, 300, 400);  // a bad row: the start still wins
  EXPECT_EQ(signup_window(t, UtcSeconds{299}), SignupWindow::open);
  EXPECT_EQ(signup_window(t, UtcSeconds{300}), SignupWindow::closed);
}

TEST(ActivityTimes, ProblemsNameWhatIsWrong) {
  EXPECT_FALSE(activity_times_problem(times(100, 300, 300, 400)));  // closing at the start is fine
  EXPECT_TRUE(activity_times_problem(times(100, 200, 300, 300)));   // ends at its start
  EXPECT_TRUE(activity_times_problem(times(200, 200, 300, 400)));   // an empty window
  EXPECT_TRUE(activity_times_problem(times(100, 301, 300, 400)));   // closes after the start
}

TEST(Declaration, AgeBoundsAreInclusiveSingleIsRequiredThePhoneIsNormalized) {
  std::string phone;
  EXPECT_FALSE(declaration_problem({25, true, "138 0013 8000"}, 25, 35, phone));
  EXPECT_EQ(phone, "13800138000");
  EXPECT_FALSE(declaration_problem({35, true, "+86 13800138000"}, 25, 35, phone));
  EXPECT_EQ(declaration_problem({24, true, "13800138000"}, 25, 35, phone)->code, "age_out_of_range");
  EXPECT_EQ(declaration_problem({36, true, "13800138000"}, 25, 35, phone)->code, "age_out_of_range");
  EXPECT_EQ(declaration_problem({30, false, "13800138000"}, 25, 35, phone)->code, "not_single");
  EXPECT_EQ(declaration_problem({30, true, "1380013800"}, 25, 35, phone)->code, "invalid_phone");
  EXPECT_EQ(declaration_problem({30, true, "23800138000"}, 25, 35, phone)->code, "invalid_phone");
  EXPECT_EQ(declaration_problem({30, true, "<b>138</b>"}, 25, 35, phone)->code, "invalid_phone");
}

TEST(DemoActivities, SeventyPlusPlausibleOnesWithFullMatchmakingAndSiteEvents) {
  const auto activities = demo::demo_activities();
  EXPECT_GE(activities.size(), 70u);
  std::set<std::string> titles;
  int matchmaking = 0, at_site = 0, online = 0, full = 0;
  for (const demo::DemoActivity& a : activities) {
    EXPECT_TRUE(titles.insert(a.title).second) << "a title twice: " << a.title;
    EXPECT_FALSE(a.description.empty());
    const ActivityTimes t{UtcSeconds{a.starts_in_hours * 3600LL}, UtcSeconds{(a.starts_in_hours + a.hours) * 3600LL},
                          UtcSeconds{a.signup_opens_in_hours * 3600LL},
                          UtcSeconds{a.signup_closes_in_hours * 3600LL}};
    EXPECT_FALSE(activity_times_problem(t)) << a.title;
    if (a.kind == ActivityKind::matchmaking) {
      ++matchmaking;
      EXPECT_LT(a.min_age, a.max_age);
      EXPECT_GT(a.places, 0) << "a matchmaking event has places";
    }
    if (a.site_index >= 0) ++at_site; else ++online;
    if (a.places > 0 && a.demo_signups > a.places) ++full;
  }
  EXPECT_GE(matchmaking, 3);
  EXPECT_GE(at_site, 10);
  EXPECT_GE(online, 10);
  EXPECT_GE(full, 3) << "some are full with a waitlist";
}

}  // namespace
}  // namespace gongyou
