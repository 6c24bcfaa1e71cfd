// server/config.cpp — see config.h.
#include "server/config.h"

#include <string_view>

#include "server/http/query_params.h"

namespace gongyou::server {
namespace {

std::optional<std::int64_t> integer_in(const std::string& text, std::int64_t min, std::int64_t max) {
  const auto value = http::parse_integer(text);
  if (!value || *value < min || *value > max) return std::nullopt;
  return value;
}

}  // namespace

const char* usage_text() {
  return "usage: gongyou-server [options]\n"
         "  --port N          TCP port (default 8080; 0 picks a free one)\n"
         "  --host H          address to listen on (default 127.0.0.1)\n"
         "  --db PATH|URL     SQLite database file, created and migrated if new (default gongyou.db), or a\n"
         "                    PostgreSQL database, postgresql://USER@HOST:PORT/NAME (migrated when older)\n"
         "  --web-root DIR    serve the built front end from DIR at /\n"
         "  --demo            load the Hui'an demo (sites, courses, the Hui'an and Dingxi unions, members, staff)\n"
         "                    into an empty database\n"
         "  --demo-members N  how many fictitious union members --demo loads (default 3000; the benchmark: 28000)\n"
         "  --demo-scale      load the national scale set (150,000 stations) into an empty database\n"
         "  --member-key-file PATH  the key that seals members' ID numbers and phones (default: the SQLite file's\n"
         "                    path plus .member-key, or gongyou.member-key for PostgreSQL); created with mode\n"
         "                    0600 when missing. Back it up apart from the database: without it they cannot be read\n"
         "  --max-threads N   most connections served at once (default 512)\n"
         "  --db-readers N    SQLite: read connections (default 8); PostgreSQL: pooled connections (default 32)\n"
         "  --db-timeout-ms N PostgreSQL: longest a statement may run before the request gets 503 (default 5000)\n"
         "  --trusted-proxy A a reverse proxy's address (repeatable): requests from it are counted, for the login\n"
         "                    rate limit, by the last X-Forwarded-For entry (nginx: X-Forwarded-For $remote_addr)\n"
         "  --header-timeout-ms N  a request's header (and a body up to 64 KiB) must arrive within N ms, else 408\n"
         "                    (default 10000); until it has, the connection waits without holding a thread\n"
         "  --connections-per-address N  open connections one client address may hold (default 256; more: 429);\n"
         "                    trusted proxies are not counted\n"
         "  --requests-per-address N  requests per second one client address may sustain (default 500; 0: no\n"
         "                    limit), after a burst of --request-burst N (default 2000); more get 429\n"
         "  --booking-limit N active future bookings one user may hold (default 3)\n"
         "  --create-admin U  create user U as an admin, or make U an admin, with the password read from\n"
         "                    stdin (one line; the same strength rule as registration), then exit\n"
         "  --test-clock START  TESTS ONLY: the clock stands still at START (ISO-8601 with an offset) from the\n"
         "                    first instant, and POST /api/v1/test/clock {\"now\": ISO-8601} moves it\n"
         "  --fast-password-hash  TESTS ONLY: argon2id at libsodium's minimum limits, so that tests can\n"
         "                    register hundreds of users quickly; never use it for real accounts\n"
         "  --exit-with-parent  stop (as on SIGTERM) when the process that started the server dies, even by\n"
         "                    SIGKILL: for test harnesses and benchmarks, so that no server outlives them\n"
         "  --help            this text\n"
         "Prints 'listening on http://HOST:PORT' when ready; SIGTERM or SIGINT stops it cleanly.\n";
}

std::variant<ServerConfig, ShowHelp, UsageError> parse_command_line(const std::vector<std::string>& args) {
  ServerConfig config;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string flag = args[i];
    std::optional<std::string> inline_value;
    if (const auto eq = flag.find('='); flag.starts_with("--") && eq != std::string::npos) {
      inline_value = flag.substr(eq + 1);
      flag.resize(eq);
    }
    const auto value = [&]() -> std::optional<std::string> {
      if (inline_value) return inline_value;
      if (i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };
    const auto count = [&](std::int64_t min, std::int64_t max) {
      const auto text = value();
      return text ? integer_in(*text, min, max) : std::nullopt;
    };
    if (flag == "--help" || flag == "-h") return ShowHelp{};
    if (flag == "--demo") {
      config.load_demo = true;
    } else if (flag == "--demo-scale") {
      config.load_demo_scale = true;
    } else if (flag == "--test-clock") {
      const auto text = value();
      const auto start = text ? parse_iso8601(*text) : std::nullopt;
      if (!start)
        return UsageError{"--test-clock needs the instant the clock starts at, ISO-8601 with an offset, "
                          "e.g. 2026-12-01T08:00:00+08:00"};
      config.test_clock = *start;
    } else if (flag == "--exit-with-parent") {
      config.exit_with_parent = true;
    } else if (flag == "--fast-password-hash") {
      config.fast_password_hash = true;
    } else if (flag == "--demo-members") {
      const auto n = count(0, 200000);
      if (!n) return UsageError{"--demo-members needs a number from 0 to 200000"};
      config.demo_members = static_cast<std::size_t>(*n);
    } else if (flag == "--booking-limit") {
      const auto n = count(1, 1000);
      if (!n) return UsageError{"--booking-limit needs a number from 1 to 1000"};
      config.booking_limit = static_cast<int>(*n);
    } else if (flag == "--create-admin") {
      const auto text = value();
      if (!text || text->empty()) return UsageError{"--create-admin needs a username"};
      config.create_admin = *text;
    } else if (flag == "--port") {
      const auto port = count(0, 65535);
      if (!port) return UsageError{"--port needs a number from 0 to 65535"};
      config.port = static_cast<int>(*port);
    } else if (flag == "--max-threads") {
      const auto n = count(1, 100000);
      if (!n) return UsageError{"--max-threads needs a number from 1 to 100000"};
      config.max_threads = static_cast<std::size_t>(*n);
    } else if (flag == "--header-timeout-ms") {
      const auto n = count(100, 600000);
      if (!n) return UsageError{"--header-timeout-ms needs a number from 100 to 600000"};
      config.header_timeout_ms = static_cast<int>(*n);
    } else if (flag == "--connections-per-address") {
      const auto n = count(1, 1000000);
      if (!n) return UsageError{"--connections-per-address needs a number from 1 to 1000000"};
      config.connections_per_address = static_cast<std::size_t>(*n);
    } else if (flag == "--requests-per-address") {
      const auto n = count(0, 10000000);
      if (!n) return UsageError{"--requests-per-address needs a number from 0 (no limit) to 10000000"};
      config.requests_per_address = static_cast<double>(*n);
    } else if (flag == "--request-burst") {
      const auto n = count(1, 10000000);
      if (!n) return UsageError{"--request-burst needs a number from 1 to 10000000"};
      config.request_burst = static_cast<double>(*n);
    } else if (flag == "--db-readers") {
      const auto n = count(1, 1000);
      if (!n) return UsageError{"--db-readers needs a number from 1 to 1000"};
      config.db_readers = static_cast<std::size_t>(*n);
    } else if (flag == "--db-timeout-ms") {
      const auto n = count(1, 600000);
      if (!n) return UsageError{"--db-timeout-ms needs a number from 1 to 600000"};
      config.db_timeout_ms = static_cast<int>(*n);
    } else if (flag == "--trusted-proxy") {
      const auto text = value();
      if (!text || text->empty()) return UsageError{flag + " needs an address"};
      config.trusted_proxies.push_back(*text);
    } else if (flag == "--member-key-file") {
      const auto text = value();
      if (!text || text->empty()) return UsageError{flag + " needs a path"};
      config.member_key_file = *text;
    } else if (flag == "--host" || flag == "--db" || flag == "--web-root") {
      const auto text = value();
      if (!text || text->empty()) return UsageError{flag + " needs a value"};
      (flag == "--host" ? config.host : flag == "--db" ? config.db_path : config.web_root.emplace()) = *text;
    } else {
      return UsageError{"unknown option '" + args[i] + "' (see --help)"};
    }
  }
  return config;
}

}  // namespace gongyou::server
