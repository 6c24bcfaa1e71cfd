// server/config.h — gongyou-server's command line.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/booking_rules.h"
#include "core/civil_time.h"

namespace gongyou::server {

/// Everything the command line sets.
struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;  ///< 0 picks a free port
  std::string db_path = "gongyou.db";
  std::optional<std::string> web_root;
  std::optional<std::string> member_key_file;  ///< --member-key-file; default crypto::default_member_key_path(db_path)
  bool load_demo = false;
  std::size_t demo_members = 3000;           ///< --demo-members: fictitious members --demo loads
  bool load_demo_scale = false;              ///< --demo-scale: the 150,000 stations of tools/scale_data
  std::size_t max_threads = 512;             ///< ceiling of the HTTP thread pool
  std::size_t db_readers = 0;                ///< SQLite read connections / PostgreSQL pool size; 0: the default
  int db_timeout_ms = 5000;                  ///< PostgreSQL statement_timeout
  int booking_limit = kDefaultBookingLimit;  ///< active future bookings per user
  std::optional<UtcSeconds> test_clock;      ///< the clock stands at this instant, and POST /api/v1/test/clock
                                             ///< may move it (tests only)
  bool fast_password_hash = false;           ///< argon2id at libsodium's minimum limits (tests only: weak)
  std::vector<std::string> trusted_proxies;  ///< peers whose X-Forwarded-For is believed (--trusted-proxy)
  std::optional<std::string> create_admin;   ///< make this user an admin (password on stdin) and exit
  int header_timeout_ms = 10000;              ///< a request must arrive whole within this (else 408)
  std::size_t connections_per_address = 256;  ///< open connections one client address may hold (then 429)
  double requests_per_address = 500;          ///< requests per second one client address may sustain (0: no limit)
  double request_burst = 2000;                ///< requests one address may send at once before the rate applies
  bool exit_with_parent = false;             ///< --exit-with-parent: SIGTERM ourselves when the parent process dies
};

/// The program should print the usage text and exit successfully.
struct ShowHelp {};

/// A command-line mistake, worded for the user.
struct UsageError {
  std::string message;
};

/// Reads the arguments after the program name.
std::variant<ServerConfig, ShowHelp, UsageError> parse_command_line(const std::vector<std::string>& args);

/// The --help text.
const char* usage_text();

}  // namespace gongyou::server
