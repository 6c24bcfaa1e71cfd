// app/intent.h — what a view asks for, as plain typed values. Each feature declares its own intents next to its
// controller (SiteIntents in app/sites/sites.h, BookingIntents in app/bookings/bookings.h, ...); the shell's are
// here. Intent is all of them in one variant, and App::apply hands each to the feature whose list holds its type.
// A new feature adds its list to AllIntents and one line to App::apply (docs/architecture.md).
#pragma once
#include <string>
#include <variant>

#include "app/account/notifications.h"
#include "app/articles/articles.h"
#include "app/bookings/bookings.h"
#include "app/bookings/staff_desk.h"
#include "app/campaigns/campaigns.h"
#include "app/wishes/wishes.h"
#include "app/courses/courses.h"
#include "app/coverage/coverage_analysis.h"
#include "app/membership/membership.h"
#include "app/navigation.h"
#include "app/quizzes/quizzes.h"
#include "app/activities/activities.h"
#include "app/sites/sites.h"
#include "app/type_list.h"

namespace gongyou {

// ---- The shell's intents (ui/app_shell, and buttons that lead from one feature to another) ----
struct ShowScreen { Screen screen; };          ///< a section of the tab bar, or a screen a button leads to
struct OpenSiteSlots { SiteId site; };         ///< the slot grid of a bookable site
struct OpenStaffDesk { SiteId site; };         ///< the staff screen of a bookable site
struct ShowCourses { CourseView view; };       ///< the classroom, on one of its views
struct OpenAuth { bool register_form; };       ///< show the sign-in (or register) dialog
struct CloseAuth {};
struct SubmitLogin { std::string username, password; };
struct SubmitRegister { std::string username, password, display_name; };
struct Logout {};
struct DismissFeedback {};
struct SaveLanguage { std::string code; };     ///< remember the chosen UI language ("zh-CN", "en")
struct Announce { std::string text; };         ///< tell screen readers what changed (a live region)
/// The shell's intents.
using ShellIntents = TypeList<ShowScreen, OpenSiteSlots, OpenStaffDesk, ShowCourses, OpenAuth, CloseAuth, SubmitLogin,
                              SubmitRegister, Logout, DismissFeedback, SaveLanguage, Announce>;

/// Every intent of every feature.
using AllIntents = JoinLists<ShellIntents, SiteIntents, BookingIntents, StaffDeskIntents, NotificationIntents,
                             CourseIntents, CoverageIntents, MembershipIntents, QuizIntents,
                             CampaignIntents, ActivityIntents, ArticleIntents, WishIntents>::type;
/// Any intent.
using Intent = VariantOf<AllIntents>::type;

}  // namespace gongyou
