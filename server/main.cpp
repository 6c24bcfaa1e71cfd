// server/main.cpp — gongyou-server: reads the flags, opens the store, loads the demo data if asked,
// serves HTTP until SIGTERM/SIGINT, then closes everything and exits 0.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <exception>
#include <iostream>
#include <memory>
#include <thread>

#include "server/api/sites_api.h"
#include "server/config.h"
#include "server/http/http_server.h"
#include "server/sites/site_directory.h"
#include "server/store/sqlite/sqlite_store.h"
#include "tools/demo_data/huian_demo.h"

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

int serve(const ServerConfig& config) {
  sqlite::SqliteStore store(config.db_path, config.db_readers);
  if (config.load_demo) {
    const auto sites = demo::huian_sites();
    if (store.seed_sites(sites))
      std::cerr << "loaded " << sites.size() << " demo sites\n";
    else
      std::cerr << "--demo: the database already has sites; nothing loaded\n";
  }
  SiteDirectory directory;
  directory.replace(store.all_sites());

  http::Router api;
  api::add_site_routes(api, store, directory);
  std::unique_ptr<http::StaticFiles> static_files;
  if (config.web_root) static_files = std::make_unique<http::StaticFiles>(*config.web_root);

  http::HttpServer server({.max_threads = config.max_threads}, api, static_files.get());
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
  return served ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
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
  try {
    return serve(std::get<ServerConfig>(parsed));
  } catch (const std::exception& e) {
    std::cerr << "gongyou-server: " << e.what() << '\n';
    return 1;
  }
}
