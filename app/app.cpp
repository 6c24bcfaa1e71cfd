// app/app.cpp — see app.h.
//
// [SECTION] Start, intents and events
// [SECTION] The shell's intents
// [SECTION] Screens, sessions and refreshes
// [SECTION] Routes
#include "app/app.h"

#include <type_traits>

namespace gongyou {

//-------------------------------------------------------------------------------------------------
// [SECTION] Start, intents and events
//-------------------------------------------------------------------------------------------------

App::App(MapView& map, PlatformServices platform, Region region)
    : map_(map),
      platform_(std::move(platform)),
      sites_(map, api_, platform_, std::move(region)),
      bookings_(session_, [this] { return now(); }),
      staff_(session_, [this] { return now(); }) {
  session_.on_change([this] { session_changed(); });
  notifications_.on_news = [this] {
    bookings_.load_my_bookings();      // a waiter promoted: my bookings changed
    membership_.messages_arrived();    // an application decided: my union changed
  };
  analysis_.on_suggestions = [this] { sync_suggestion_pins(); };
  sites_.on_loaded = [this] {
    sites_loaded_ = true;
    apply_pending_route();
  };
  sites_.on_fetched = [this](SiteId site, bool found) {
    if (found) return;
    if (published_route_ == Route{Route::Kind::site, site.value}) {  // the link named a site that is not there
      published_route_ = current_route();
      if (platform_.show_route) platform_.show_route(format_route(published_route_), true);
    }
  };
}

void App::start() {
  session_.restore();
  if (platform_.initial_route) {
    const std::string hash = platform_.initial_route();
    pending_route_ = parse_route(hash);
    if (!pending_route_ && platform_.show_route) platform_.show_route("#/", true);
  }
  sites_.start();
}

void App::apply(const Intent& intent) {
  // A site chosen anywhere (a list, a course's place, the home screen's nearest site) is shown on the map.
  if (std::holds_alternative<SelectSite>(intent) && screen_ != Screen::map) show(Screen::map);
  std::visit(
      [this](const auto& i) {
        using I = std::decay_t<decltype(i)>;
        if constexpr (ShellIntents::contains<I>) apply_shell(i);
        else if constexpr (SiteIntents::contains<I>) sites_.apply(i);
        else if constexpr (BookingIntents::contains<I>) bookings_.apply(i);
        else if constexpr (StaffDeskIntents::contains<I>) staff_.apply(i);
        else if constexpr (NotificationIntents::contains<I>) notifications_.apply(i);
        else if constexpr (CourseIntents::contains<I>) courses_.apply(i);
        else if constexpr (CoverageIntents::contains<I>) analysis_.apply(i);
        else if constexpr (MembershipIntents::contains<I>) membership_.apply(i);
        else if constexpr (QuizIntents::contains<I>) {
          if (screen_ != Screen::quizzes) enter(Screen::quizzes);  // a tile or a link from another screen
          quizzes_.apply(i);
        }
        else if constexpr (WishIntents::contains<I>) {
          if (screen_ != Screen::wishes) enter(Screen::wishes);
          wishes_.apply(i);
        }
        else if constexpr (CampaignIntents::contains<I>) {
          if (screen_ != Screen::campaigns) enter(Screen::campaigns);
          campaigns_.apply(i);
        }
        else if constexpr (ActivityIntents::contains<I>) {
          // A tile or a link opens the activity screen; a cancel tapped in 我的活动 stays on 我的.
          if (screen_ != Screen::activities && !(screen_ == Screen::me && std::is_same_v<I, CancelActivitySignup>))
            enter(Screen::activities);
          activities_.apply(i);
        }
        else if constexpr (ArticleIntents::contains<I>) {
          if (screen_ != Screen::articles) enter(Screen::articles);  // the tile, or a link from another screen
          articles_.apply(i);
        }
        else static_assert(!sizeof(I), "an intent no feature takes");
      },
      intent);
  if (std::holds_alternative<ShowSuggestionsOnMap>(intent)) sync_suggestion_pins();  // the map fits them itself
  sites_.sites_changed();
  publish_route();
}

void App::handle(const PlatformEvent& event) {
  std::visit(
      [this](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, HttpAnswered>) {
          api_.deliver(e.request, e.response);
        } else if constexpr (std::is_same_v<E, RouteChanged>) {
          const auto route = parse_route(e.hash);
          if (!route) {
            if (platform_.show_route) platform_.show_route(format_route(current_route()), true);
          } else if (!sites_loaded_) {
            pending_route_ = route;
          } else if (*route != current_route()) {
            apply_route(*route);
          }
        } else if constexpr (std::is_same_v<E, TimerFired>) {
          switch (timer_owner(e.token)) {
            case TimerOwner::feedback: session_.timer_fired(e.token); break;
            case TimerOwner::site_search: sites_.timer_fired(e.token); break;
            case TimerOwner::quiz_clock: quizzes_.timer_fired(e.token); break;
          }
        } else if constexpr (std::is_same_v<E, RefreshTick>) {
          sites_.handle(e);
          refresh();
        } else {
          if constexpr (std::is_same_v<E, MarkerClicked>) {
            if (screen_ != Screen::map) show(Screen::map);  // a marker tapped on any screen opens its card
          }
          sites_.handle(e);  // the map's and the position's events
        }
      },
      event);
  sites_.sites_changed();
  publish_route();
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The shell's intents
//-------------------------------------------------------------------------------------------------

void App::apply_shell(const ShowScreen& i) { show(i.screen); }

void App::apply_shell(const OpenSiteSlots& i) {
  sites_.select(i.site, /*from_map=*/false);
  const Site* site = sites_.state().selected();
  if (!site || !site->bookable) return;
  bookings_.open_site(site->id, site->name);
  enter(Screen::slots);
}

void App::apply_shell(const OpenStaffDesk& i) {
  sites_.select(i.site, /*from_map=*/false);
  const Site* site = sites_.state().selected();
  if (!site || !site->bookable) return;
  staff_.open_site(site->id, site->name);  // loads for staff only
  enter(Screen::staff);
  session_.require_account();
}

void App::apply_shell(const ShowCourses& i) {
  screen_ = Screen::courses;
  courses_.show(i.view);
  sync_suggestion_pins();
}

void App::apply_shell(const OpenAuth& i) { session_.open_auth(i.register_form); }
void App::apply_shell(const CloseAuth&) { session_.close_auth(); }
void App::apply_shell(const SubmitLogin& i) { session_.login(i.username, i.password); }
void App::apply_shell(const SubmitRegister& i) { session_.register_user(i.username, i.password, i.display_name); }
void App::apply_shell(const Logout&) { session_.logout(); }
void App::apply_shell(const DismissFeedback&) { session_.dismiss_feedback(); }

void App::apply_shell(const SaveLanguage& i) {
  if (platform_.save_setting) platform_.save_setting(kLanguageSetting, i.code);
}

void App::apply_shell(const Announce& i) {
  if (platform_.announce) platform_.announce(i.text);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Screens, sessions and refreshes
//-------------------------------------------------------------------------------------------------

void App::enter(Screen screen) {
  screen_ = screen;
  bookings_.apply(HidePass{});
  sync_suggestion_pins();  // the pins belong to the coverage screen
}

void App::show(Screen screen) {
  enter(screen);
  const bool needs_account = screen == Screen::staff || screen == Screen::coverage || screen == Screen::my_union ||
                             screen == Screen::member_profile || screen == Screen::staff_members;
  if (needs_account && !session_.require_account()) return;
  refresh();
  if (screen == Screen::coverage) analysis_.load();
}

void App::refresh() {
  notifications_.load();
  switch (screen_) {
    case Screen::home:
    case Screen::map:
    case Screen::me: bookings_.load_my_bookings(); break;  // the next booking, the reminder banner, my bookings
    case Screen::slots: bookings_.load_slots(); break;
    case Screen::staff: staff_.load(); break;
    case Screen::courses: courses_.refresh(); break;
    case Screen::coverage: break;  // loaded when opened: a large answer, not worth a minute's refresh
    case Screen::my_union:
    case Screen::unions:
    case Screen::member_profile:
    case Screen::staff_members: break;  // load_membership()
    case Screen::quizzes: quizzes_.refresh(); break;
    case Screen::campaigns: campaigns_.refresh(); break;
    case Screen::activities: activities_.refresh(); break;
    case Screen::articles: articles_.refresh(); break;
    case Screen::wishes: wishes_.refresh(); break;
  }
  if (screen_ == Screen::me) courses_.load_mine();
  if (screen_ == Screen::me) activities_.load_mine();
  load_membership();
}

void App::load_membership() {
  switch (screen_) {
    case Screen::me: membership_.load_summary(); break;
    case Screen::my_union: membership_.load_my_union(); break;
    case Screen::unions: membership_.load_finder(); break;
    case Screen::member_profile: membership_.load_profile(); break;
    case Screen::staff_members: membership_.load_staff(); break;
    default: break;
  }
}

void App::session_changed() {
  bookings_.session_changed();
  staff_.session_changed();
  notifications_.session_changed();
  courses_.session_changed(screen_ == Screen::courses);
  analysis_.reset();
  membership_.session_changed();
  quizzes_.session_changed();
  campaigns_.session_changed();
  activities_.session_changed();
  articles_.session_changed();
  wishes_.session_changed();
  if (!session_.signed_in() && (screen_ == Screen::staff || screen_ == Screen::coverage || screen_ == Screen::my_union ||
                                screen_ == Screen::member_profile || screen_ == Screen::staff_members))
    screen_ = Screen::me;
  if (session_.signed_in() && screen_ == Screen::me) courses_.load_mine();
  if (session_.signed_in() && screen_ == Screen::staff) staff_.load();
  if (session_.signed_in() && screen_ == Screen::coverage) analysis_.load();
  if (session_.signed_in()) load_membership();
  sync_suggestion_pins();
}

void App::sync_suggestion_pins() {
  const CoverageAnalysisState& a = analysis_.state();
  std::vector<LatLon> wanted;
  if (a.on_map && screen_ == Screen::coverage)
    for (const SuggestionRow& s : a.suggestions) wanted.push_back(s.position);
  if (wanted == pins_) return;
  pins_ = std::move(wanted);
  map_.show_suggestions(pins_, walk_ring_radius());
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Routes
//-------------------------------------------------------------------------------------------------

Route App::current_route() const {
  using Kind = Route::Kind;
  switch (screen_) {
    case Screen::home: return Route{};
    case Screen::map: break;
    case Screen::slots:
      if (const auto& site = bookings_.state().site) return Route{Kind::book, site->value};
      break;
    case Screen::staff:
      if (const auto& site = staff_.state().site) return Route{Kind::staff, site->value};
      return Route{Kind::me, 0};
    case Screen::coverage: return Route{Kind::coverage, 0};
    case Screen::me: return Route{Kind::me, 0};
    case Screen::my_union: return Route{Kind::my_union, 0};
    case Screen::member_profile: return Route{Kind::member_profile, 0};
    case Screen::staff_members: return Route{Kind::staff_members, 0};
    case Screen::quizzes: {
      const QuizState& q = quizzes_.state();
      switch (q.view) {
        case QuizView::list: return Route{Kind::quizzes, 0};
        case QuizView::detail: return q.opened ? Route{Kind::quiz, q.opened.value} : Route{Kind::quizzes, 0};
        case QuizView::attempt:
          if (q.attempt) return Route{Kind::quiz_attempt, q.attempt->id.value};
          return q.opened ? Route{Kind::quiz, q.opened.value} : Route{Kind::quizzes, 0};
        case QuizView::draw: return q.opened ? Route{Kind::quiz_draw, q.opened.value} : Route{Kind::quizzes, 0};
      }
      return Route{Kind::quizzes, 0};
    }
    case Screen::wishes: {
      const WishState& w = wishes_.state();
      switch (w.view) {
        case WishView::wall: return Route{Kind::wishes, 0};
        case WishView::detail: return w.opened ? Route{Kind::wish, w.opened.value} : Route{Kind::wishes, 0};
        case WishView::form: return Route{Kind::wish_form, 0};
        case WishView::mine: return Route{Kind::my_wishes, 0};
        case WishView::desk: return Route{Kind::wish_desk, 0};
        case WishView::hotlines: return Route{Kind::hotlines, 0};
      }
      return Route{Kind::wishes, 0};
    }
    case Screen::campaigns: {
      const CampaignState& c = campaigns_.state();
      if (!c.opened || c.view == CampaignView::list) return Route{Kind::campaigns, 0};
      return Route{c.view == CampaignView::review ? Kind::campaign_review : Kind::campaign, c.opened.value};
    }
    case Screen::activities: {
      const ActivityState& a = activities_.state();
      if (a.view == ActivityView::detail && a.opened) return Route{Kind::activity, a.opened.value};
      return Route{Kind::activities, 0};
    }
    case Screen::articles: {
      const ArticleState& a = articles_.state();
      switch (a.view) {
        case ArticleView::list: {
          std::int64_t channel = 0;
          for (std::size_t c = 0; c < std::size(kArticleChannels); ++c)
            if (a.channel == kArticleChannels[c]) channel = static_cast<std::int64_t>(c) + 1;
          return Route{Kind::news, channel};
        }
        case ArticleView::article: return a.opened ? Route{Kind::article, a.opened.value} : Route{Kind::news, 0};
        case ArticleView::documents: return Route{Kind::documents, 0};
      }
      return Route{Kind::news, 0};
    }
    case Screen::unions:
      if (const UnionId parent = membership_.state().parent) return Route{Kind::union_page, parent.value};
      return Route{Kind::unions, 0};
    case Screen::courses: {
      const CourseState& c = courses_.state();
      switch (c.view) {
        case CourseView::detail:
          if (c.opened_course) return Route{Kind::course, c.opened_course.value};
          return Route{Kind::courses, 0};
        case CourseView::catalog: return Route{Kind::courses, c.category.value};
        case CourseView::mine: return Route{Kind::my_courses, 0};
        case CourseView::requests: return Route{Kind::lectures, 0};
        case CourseView::request_form: return Route{Kind::lecture_form, 0};
        case CourseView::staff_requests: return Route{Kind::lecture_review, 0};
      }
      return Route{Kind::courses, 0};
    }
  }
  if (const Site* site = sites_.state().selected()) return Route{Kind::site, site->id.value};
  // A site still being fetched (national scale) is where the app is going: its link stays (no extra history entry).
  if (const auto fetching = sites_.fetching()) return Route{Kind::site, fetching->value};
  return Route{Kind::map, 0};
}

void App::publish_route() {
  if (pending_route_) return;  // the opening link is not applied yet
  const Route now = current_route();
  if (now == published_route_) return;
  published_route_ = now;
  if (platform_.show_route) platform_.show_route(format_route(now), false);
}

void App::apply_pending_route() {
  if (!pending_route_) return;
  const Route route = *pending_route_;
  pending_route_.reset();
  apply_route(route);
  sites_.sites_changed();
}

void App::apply_route(const Route& route) {
  using Kind = Route::Kind;
  const auto classroom = [this](CourseView view) {
    screen_ = Screen::courses;
    courses_.show(view);
  };
  switch (route.kind) {
    case Kind::home: show(Screen::home); break;
    case Kind::map:
      sites_.deselect();
      show(Screen::map);
      break;
    case Kind::site:
      show(Screen::map);
      sites_.select(SiteId{route.id}, /*from_map=*/false);
      break;
    case Kind::book:
      apply_shell(OpenSiteSlots{SiteId{route.id}});
      if (screen_ != Screen::slots) {  // not a bookable site: its card, if it exists, and why there is no booking
        show(Screen::map);
        if (sites_.state().selected()) session_.say(Feedback::Kind::info, "not_bookable");
      }
      break;
    case Kind::staff:
      apply_shell(OpenStaffDesk{SiteId{route.id}});
      if (screen_ != Screen::staff) show(Screen::map);
      break;
    case Kind::coverage: show(Screen::coverage); break;
    case Kind::courses:
      classroom(CourseView::catalog);
      courses_.show_linked_list(CategoryId{route.id});
      break;
    case Kind::course:
      classroom(CourseView::catalog);
      courses_.open_course(CourseId{route.id});
      break;
    case Kind::my_courses: classroom(CourseView::mine); break;
    case Kind::lectures: classroom(CourseView::requests); break;
    case Kind::lecture_form: classroom(CourseView::request_form); break;
    case Kind::lecture_review: classroom(CourseView::staff_requests); break;
    case Kind::me: show(Screen::me); break;
    case Kind::my_union: show(Screen::my_union); break;
    case Kind::member_profile: show(Screen::member_profile); break;
    case Kind::staff_members: show(Screen::staff_members); break;
    case Kind::quizzes:
      enter(Screen::quizzes);
      quizzes_.apply(ShowQuizList{});
      break;
    case Kind::quiz:
      enter(Screen::quizzes);
      quizzes_.apply(OpenQuiz{QuizId{route.id}});
      break;
    case Kind::quiz_attempt:
      enter(Screen::quizzes);
      quizzes_.apply(OpenAttempt{AttemptId{route.id}});
      break;
    case Kind::quiz_draw:
      enter(Screen::quizzes);
      quizzes_.apply(OpenQuizDraw{QuizId{route.id}});
      break;
    case Kind::wishes: enter(Screen::wishes); wishes_.apply(ShowWishWall{}); break;
    case Kind::wish: enter(Screen::wishes); wishes_.apply(OpenWish{WishId{route.id}}); break;
    case Kind::wish_form: enter(Screen::wishes); wishes_.apply(ShowWishForm{}); break;
    case Kind::my_wishes: enter(Screen::wishes); wishes_.apply(ShowMyWishes{}); break;
    case Kind::wish_desk: enter(Screen::wishes); wishes_.apply(ShowWishDesk{}); break;
    case Kind::hotlines: enter(Screen::wishes); wishes_.apply(ShowHotlines{}); break;
    case Kind::campaigns:
      enter(Screen::campaigns);
      campaigns_.apply(ShowCampaigns{});
      break;
    case Kind::campaign:
      enter(Screen::campaigns);
      campaigns_.apply(OpenCampaign{CampaignId{route.id}});
      break;
    case Kind::campaign_review:
      enter(Screen::campaigns);
      campaigns_.apply(OpenReviewQueue{CampaignId{route.id}});
      break;
    case Kind::activities:
      enter(Screen::activities);
      activities_.apply(ShowActivityList{});
      break;
    case Kind::activity:
      enter(Screen::activities);
      activities_.apply(OpenActivity{ActivityId{route.id}});
      break;
    case Kind::news:
      enter(Screen::articles);
      articles_.apply(ShowArticles{route.id >= 1 && route.id <= static_cast<std::int64_t>(std::size(kArticleChannels))
                                       ? std::optional(kArticleChannels[route.id - 1])
                                       : std::nullopt});
      break;
    case Kind::article:
      enter(Screen::articles);
      articles_.apply(OpenArticle{ArticleId{route.id}});
      break;
    case Kind::documents:
      enter(Screen::articles);
      articles_.apply(ShowDocuments{});
      break;
    case Kind::unions:
    case Kind::union_page:
      membership_.walk_to(UnionId{route.id});  // loaded by show()
      show(Screen::unions);
      break;
  }
  // What the browser shows is now where the app is; a link to something that does not exist is
  // rewritten in place (no extra history entry).
  published_route_ = current_route();
  if (published_route_ != route && platform_.show_route) platform_.show_route(format_route(published_route_), true);
}

}  // namespace gongyou
