// app/navigation.h — the app's screens and their places as URL hashes, so that a shared link opens the same view
// and the browser's back and forward buttons move between views. Platform-free.
//   #/                      首页 (home): the service tiles, the nearest site, the next booking
//   #/map                   the map and its site list
//   #/site/ID               a site, selected on the map
//   #/home/ID/book          the slot grid of a bookable site (Workers' Home, studio)
//   #/staff/ID              the staff screen of a bookable site (template, roster)
//   #/coverage              the staff coverage analysis
//   #/courses               the course catalog
//   #/courses/CATEGORY      the catalog of one category
//   #/course/ID             one course
//   #/my-courses            my courses
//   #/lectures              my lecture requests (送课上门)
//   #/lectures/new          a new lecture request
//   #/lectures/review       the staff review of lecture requests
//   #/me                    我的: account, bookings and passes, courses, notifications
//   #/me/union              my union, real-name status and my applications (入会 / 转会)
//   #/me/profile            the real-name profile form (实名信息)
//   #/unions                the union finder (search, or the tree's roots)
//   #/unions/ID             the finder at one union: its page and the unions below it
//   #/staff/members         the staff membership desk (applications, verification, figures, CSV)
//   #/quizzes               有奖答题: the prize quizzes
//   #/quizzes/ID            one quiz: its rules, my attempts, the leaderboard
//   #/quiz-attempts/ID      an attempt: the questions while it runs, its result after
//   #/quizzes/ID/draw       a quiz's draw and its proof (抽奖公示)
//   #/campaigns             留言征集: the message campaigns
//   #/wishes, #/wishes/ID, #/wishes/new, #/wishes/mine, #/wishes/desk, #/hotlines  微心愿 and 服务热线
//   #/campaigns/ID          one campaign: its theme, my messages, the shown messages
//   #/campaigns/ID/review   staff: the campaign's review queue
//   #/activities            活动报名: upcoming union activities
//   #/activities/ID         one activity: places, the waitlist, my sign-up
//   #/news                  信息中心: the articles of every channel
//   #/news/CHANNEL          the articles of one channel (news, notice, hot, guide, policy, legal)
//   #/articles/ID           one article
//   #/documents             the documents and forms to download
//   #/my-bookings           the same (an older link)
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongyou {

/// Which screen the app shows. The four sections of the tab bar are home, map (with slots), courses and me.
enum class Screen : std::uint8_t { home, map, slots, me, staff, coverage, courses, my_union, unions, member_profile, staff_members,
                                   quizzes, campaigns, activities, articles, wishes };

/// The tab bar section a screen belongs to (home, map, courses or me; staff screens count as me).
Screen section_of(Screen screen);

/// A view the app can be opened on.
struct Route {
  enum class Kind : std::uint8_t {
    home, map, site, book, staff, coverage, courses, course, my_courses, lectures, lecture_form, lecture_review, me,
    my_union, unions, union_page, member_profile, staff_members, quizzes, quiz, quiz_attempt, quiz_draw,
    campaigns, campaign, campaign_review,
    activities, activity,
    news, article, documents,
    wishes, wish, wish_form, my_wishes, wish_desk, hotlines,
  };
  Kind kind = Kind::home;
  std::int64_t id = 0;  ///< site, course, category (0: all categories), union, quiz, quiz attempt, campaign, activity or
                        ///< article; news: the channel (its index in kArticleChannels + 1, 0: every channel)
  friend bool operator==(const Route&, const Route&) = default;
};

/// The route of a URL hash ("#/site/12"); nullopt for anything else (ids must be positive decimals).
std::optional<Route> parse_route(std::string_view hash);
/// The URL hash of a route ("#/site/12").
std::string format_route(const Route& route);

}  // namespace gongyou
