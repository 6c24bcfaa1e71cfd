// server/main.cpp — gongyou-server: reads the flags, opens the store, runs --create-admin or loads the
// demo data if asked, keeps the slots, serves HTTP until SIGTERM/SIGINT, then closes everything and exits 0.
#include <pthread.h>
#include <sys/prctl.h>
#include <unistd.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <iostream>
#include <memory>
#include <thread>

#include "core/public_holidays.h"
#include "server/activities/demo_activities.h"
#include "server/admin_command.h"
#include "server/api/accounts_api.h"
#include "server/api/activities_api.h"
#include "server/api/bookings_api.h"
#include "server/api/courses_api.h"
#include "server/api/coverage_api.h"
#include "server/api/door_api.h"
#include "server/api/lectures_api.h"
#include "server/api/member_profile_api.h"
#include "server/api/membership_staff_api.h"
#include "server/api/campaigns_api.h"
#include "server/api/legal_api.h"
#include "server/api/relief_api.h"
#include "server/api/wishes_api.h"
#include "server/api/articles_api.h"
#include "server/api/quizzes_api.h"
#include "server/api/site_import_api.h"
#include "server/api/sites_api.h"
#include "server/api/slots_api.h"
#include "server/api/staff_api.h"
#include "server/api/test_clock_api.h"
#include "server/api/visits_api.h"
#include "server/bookings/demo_schedule.h"
#include "server/bookings/housekeeper.h"
#include "server/bookings/slot_keeper.h"
#include "server/clock.h"
#include "server/config.h"
#include "server/courses/demo_courses.h"
#include "server/crypto/member_key.h"
#include "server/crypto/secrets.h"
#include "server/campaigns/demo_campaigns.h"
#include "server/legal/demo_legal.h"
#include "server/wishes/demo_wishes.h"
#include "server/articles/demo_articles.h"
#include "server/quizzes/demo_quizzes.h"
#include "server/unions/demo_unions.h"
#include "server/unions/union_directory.h"
#include "server/http/http_server.h"
#include "server/sites/site_directory.h"
#include "server/store/open_store.h"
#include "tools/demo_data/huian_demo.h"
#include "tools/demo_data/huian_workplaces.h"
#include "tools/demo_data/union_demo.h"
#include "tools/scale_data/scale_data.h"

namespace {

using namespace gongyou;
using namespace gongyou::server;

/// SIGTERM and SIGINT, blocked in every thread and taken by the one thread that sigwait()s for them.
sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

/// The name of the door-pass HMAC key in the store's secrets.
constexpr const char* kDoorPassKeyName = "door_pass_hmac_sha256";

void load_demo(Store& store, crypto::PasswordHasher& passwords, const crypto::MemberKey& member_key, const Clock& clock,
               std::size_t member_count) {
  const auto sites = demo::huian_sites();
  if (store.seed_sites(sites))
    std::cerr << "loaded " << sites.size() << " demo sites\n";
  else
    std::cerr << "--demo: the database already has sites; nothing loaded\n";
  const auto workplaces = demo::huian_workplaces();
  if (store.seed_workplaces(workplaces)) std::cerr << "loaded " << workplaces.size() << " demo workplaces\n";
  const int templates = seed_demo_schedules(store, passwords, clock.now());
  if (templates > 0) std::cerr << "set " << templates << " demo weekly templates\n";
  const int courses = seed_demo_courses(store, passwords, clock.now());
  if (courses > 0) std::cerr << "loaded " << courses << " demo courses\n";
  const DemoUnionCounts unions =
      seed_demo_unions(store, passwords, member_key, clock.now(), member_count);
  if (unions.unions > 0)
    std::cerr << "loaded " << unions.unions << " demo unions, " << unions.members << " members, " << unions.staff
              << " staff accounts\n";
  const DemoQuizCounts quizzes = seed_demo_quizzes(store, clock.now());
  if (quizzes.quizzes > 0)
    std::cerr << "loaded " << quizzes.questions << " demo quiz questions, " << quizzes.quizzes << " quizzes, "
              << quizzes.attempts << " attempts\n";
  const DemoCampaignCounts campaigns = seed_demo_campaigns(store, clock.now());
  if (campaigns.campaigns > 0)
    std::cerr << "loaded " << campaigns.campaigns << " demo message campaigns, " << campaigns.messages << " messages\n";
  const DemoActivityCounts activities = seed_demo_activities(store, member_key, clock.now());
  if (activities.activities > 0)
    std::cerr << "loaded " << activities.activities << " demo activities, " << activities.signups << " sign-ups\n";
  const std::size_t wishes = seed_demo_wishes(store, member_key, clock.now());
  if (wishes > 0) std::cerr << "loaded " << wishes << " demo wishes\n";
  const DemoArticleCounts articles = seed_demo_articles(store, clock.now());
  if (articles.articles > 0)
    std::cerr << "loaded " << articles.articles << " demo articles, " << articles.images << " images, "
              << articles.documents << " documents\n";
  const auto legal_started = std::chrono::steady_clock::now();
  const DemoLegalCounts legal = seed_demo_legal(store, passwords, member_key, clock.now(), member_count);
  if (legal.consultations > 0)
    std::cerr << "loaded " << legal.lawyers << " demo lawyers, " << legal.consultations << " legal consultations, "
              << legal.messages << " messages in "
              << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - legal_started).count()
              << " ms\n";
}

/// One line on stderr at start when the statutory holiday table (core/data/china_public_holidays.txt) ends within
/// a month or has ended: past its last year "PH" opening hours count only the fixed-date holidays.
void warn_about_holiday_table(UtcSeconds now) {
  const HolidayCalendar holidays = china_public_holidays();
  const LocalDate today = shanghai_date(now);
  switch (holiday_table_reach(holidays, today)) {
    case HolidayTableReach::covers:
      return;
    case HolidayTableReach::ends_soon:
      std::fprintf(stderr,
                   "warning: the statutory holiday table ends on %d-12-31, in %lld days: add %d from the State "
                   "Council's notice to core/data/china_public_holidays.txt and rebuild (docs/holidays.md)\n",
                   holidays.last_year,
                   static_cast<long long>(days_since_epoch({holidays.last_year, 12, 31}) - days_since_epoch(today)),
                   holidays.last_year + 1);
      return;
    case HolidayTableReach::ended:
      std::fprintf(stderr,
                   "warning: the statutory holiday table ended with %d: in %d, \"PH\" opening hours count only the "
                   "fixed-date holidays (1 Jan, 1-2 May, 1-3 Oct); add the State Council's notices to "
                   "core/data/china_public_holidays.txt and rebuild (docs/holidays.md)\n",
                   holidays.last_year, today.year);
      return;
  }
}

/// --demo-scale: generates the national set and inserts it in one transaction (SqlStore::seed_sites, one prepared
/// statement), reporting how long each part took.
void load_demo_scale(Store& store) {
  using Clock = std::chrono::steady_clock;
  const auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
  const auto start = Clock::now();
  const auto sites = scale::scale_sites();
  const auto generated = Clock::now();
  if (!store.seed_sites(sites)) {
    std::cerr << "--demo-scale: the database already has sites; nothing loaded\n";
  } else {
    std::fprintf(stderr, "loaded %zu scale sites: generated in %.2f s, stored in %.2f s\n", sites.size(),
                 seconds(generated - start), seconds(Clock::now() - generated));
  }
  // Workplaces: the city's name as Site::town spells it ("泉州市"), so that sites and workplaces share towns.
  const auto demand_start = Clock::now();
  std::vector<Workplace> workplaces;
  const auto cities = scale::cities();
  for (const DemandPoint& d : scale::scale_demand())
    workplaces.push_back({d.position, d.members, std::string(cities[d.group].name) + "市"});
  const auto demand_generated = Clock::now();
  if (store.seed_workplaces(workplaces))
    std::fprintf(stderr, "loaded %zu scale workplaces: generated in %.2f s, stored in %.2f s\n", workplaces.size(),
                 seconds(demand_generated - demand_start), seconds(Clock::now() - demand_generated));
}

int serve(const ServerConfig& config) {
  crypto::initialize();
  const std::unique_ptr<Store> opened = open_store({config.db_path, config.db_readers, config.db_timeout_ms});
  Store& store = *opened;
  Clock clock = config.test_clock ? Clock::fixed_at(*config.test_clock) : Clock();
  crypto::PasswordHasher passwords(config.fast_password_hash);
  if (!config.create_admin) warn_about_holiday_table(clock.now());
  if (config.create_admin) return create_admin(store, passwords, clock, *config.create_admin, std::cin, std::cerr);
  const crypto::MemberKey member_key = crypto::MemberKey::load_or_create(
      config.member_key_file.value_or(crypto::default_member_key_path(config.db_path)));
  if (config.load_demo) load_demo(store, passwords, member_key, clock, config.demo_members);
  if (config.load_demo_scale) load_demo_scale(store);
  SiteDirectory directory;
  directory.replace(store.all_sites());
  const WorkplaceSet workplaces(store.all_workplaces());
  CoverageCache coverage(directory, workplaces);
  // Prepares the staff coverage analysis of every site type (and its country-wide "where next") off to the side:
  // at national scale that takes about a second, which the first request would otherwise wait for. Joined when
  // it goes out of scope (before the cache it fills).
  std::jthread coverage_warmer([&coverage, &workplaces] { coverage.model({})->where_next(workplaces, std::nullopt); });

  SlotKeeper keeper(store, clock);
  const SlotSyncCounts made = keeper.refresh_all();
  std::cerr << "slots: " << made.created << " created, " << made.removed << " removed\n";
  const DoorPassSigner door_passes(store.server_secret(kDoorPassKeyName, DoorPassSigner::new_key));
  Housekeeper housekeeper(store, clock, keeper);
  const api::ApiServices services{
      store, clock, passwords, keeper, door_passes, config.booking_limit, config.trusted_proxies};

  http::Router api;
  api::add_site_routes(api, store, directory, clock);
  api::add_slot_routes(api, services);
  api::add_account_routes(api, services);
  api::add_booking_routes(api, services);
  api::add_door_routes(api, services);
  api::add_staff_routes(api, services);
  api::add_visit_routes(api, services);
  api::add_course_routes(api, services);
  api::add_lecture_routes(api, services, directory);
  api::add_site_import_routes(api, services, directory);
  api::add_coverage_routes(api, services, coverage);
  const UnionDirectory unions(store.all_unions());
  const api::MembershipServices membership{services, unions, member_key};
  api::add_member_routes(api, membership);
  api::add_membership_staff_routes(api, membership);
  api::add_quiz_routes(api, membership);
  api::add_quiz_staff_routes(api, membership);
  api::add_campaign_routes(api, membership);
  api::add_campaign_staff_routes(api, membership);
  api::add_wish_routes(api, membership);
  api::add_wish_staff_routes(api, membership);
  api::add_activity_routes(api, membership);
  api::add_activity_staff_routes(api, membership);
  api::add_article_routes(api, membership);
  api::add_article_staff_routes(api, membership);
  api::add_legal_routes(api, membership);
  api::add_complaint_routes(api, membership);
  api::add_hardship_routes(api, membership);
  if (config.test_clock) api::add_test_clock_routes(api, clock, housekeeper);
  std::unique_ptr<http::StaticFiles> static_files;
  if (config.web_root) static_files = std::make_unique<http::StaticFiles>(*config.web_root);

  http::HttpServer server({.max_threads = config.max_threads,
                           .header_timeout_ms = config.header_timeout_ms,
                           .max_connections_per_address = config.connections_per_address,
                           .requests_per_second_per_address = config.requests_per_address,
                           .request_burst_per_address = config.request_burst,
                           .trusted_proxies = config.trusted_proxies},
                          api, static_files.get());
  const int port = server.bind(config.host, config.port);
  if (port < 0) {
    std::cerr << "error: cannot listen on " << config.host << ':' << config.port << '\n';
    return 1;
  }

  const sigset_t signals = stop_signals();
  std::thread signal_waiter([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    server.stop();
  });
  std::printf("listening on http://%s:%d\n", config.host.c_str(), port);
  std::fflush(stdout);

  const bool served = server.run();
  if (!served) pthread_kill(signal_waiter.native_handle(), SIGTERM);  // release the waiter
  signal_waiter.join();
  if (const std::string counts = store.write_counts(); !counts.empty()) std::cerr << "store: " << counts << '\n';
  return served ? 0 : 1;
}

/// --exit-with-parent: the kernel sends SIGTERM (taken by the signal waiter: a clean stop) when the parent dies.
/// `parent` is the parent read at the very start: if it died before the request, we stop at once.
void exit_with_parent(pid_t parent) {
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  if (getppid() != parent) raise(SIGTERM);
}

}  // namespace

int main(int argc, char** argv) {
  const pid_t parent = getppid();
  const auto parsed = parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
  if (std::holds_alternative<ShowHelp>(parsed)) {
    std::cout << usage_text();
    return 0;
  }
  if (const auto* error = std::get_if<UsageError>(&parsed)) {
    std::cerr << "gongyou-server: " << error->message << '\n' << usage_text();
    return 2;
  }
  // Before any thread starts, so that every thread inherits the mask.
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client that hangs up mid-response must not kill the server
  if (const auto* config = std::get_if<ServerConfig>(&parsed); config && config->exit_with_parent)
    exit_with_parent(parent);
  try {
    return serve(std::get<ServerConfig>(parsed));
  } catch (const std::exception& e) {
    std::cerr << "gongyou-server: " << e.what() << '\n';
    return 1;
  }
}
