// server/http/connection_gate.h — the waiting room in front of the worker threads (issue 20.3).
//
// cpp-httplib serves a connection on one thread from its first byte to its last, so a client that sends half a
// header and waits (slowloris), or an idle keep-alive connection, holds a thread; a thousand of them starve the pool.
// The gate holds every connection that has not yet sent a whole request (header, and a small body) in one epoll
// thread, peeking (MSG_PEEK) without reading, and hands it to a worker only once the request is there. After each
// answer the connection comes back to the gate to wait for its next request. Limits, answered in the api.md shape:
//   - a request header must arrive whole within `header_timeout_ms` of the connection's turn (408 when part of it
//     came, a silent close when nothing did: an idle keep-alive connection);
//   - at most `max_header_bytes` of header (431);
//   - at most `max_connections_per_address` open connections per client address (429 to the excess connections,
//     when their request arrives); addresses in `unlimited_addresses` (trusted proxies) are not counted.
#pragma once
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace gongyou::server::http {

/// The gate's limits.
struct GateOptions {
  int header_timeout_ms = 10000;             ///< a request (header + small body) must arrive within this
  int keep_alive_timeout_ms = 5000;          ///< an idle keep-alive connection is closed after this
  std::size_t max_header_bytes = 32 * 1024;  ///< larger headers get 431
  std::size_t max_connections_per_address = 256;  ///< more open connections from one address get 429
  std::size_t max_requests_per_connection = 1000;  ///< then the connection is closed (keep-alive max)
  int read_timeout_seconds = 5;              ///< a worker's wait for each further read of a body
  int write_timeout_seconds = 5;             ///< a worker's wait for each write
  std::vector<std::string> unlimited_addresses;  ///< peers not counted (trusted reverse proxies)
};

struct GateConnection;

/// Holds connections until their request has arrived, then has a worker serve it.
class ConnectionGate {
 public:
  /// Serves one request read from the stream; `close_connection` asks for the last one; sets `connection_closed`
  /// when the client asked to close. False when the connection cannot go on.
  using ServeRequest = std::function<bool(httplib::Stream&, bool close_connection, bool& connection_closed)>;
  /// Runs a task on a worker thread.
  using RunOnWorker = std::function<void(std::function<void()>)>;

  /// Starts the epoll thread.
  ConnectionGate(GateOptions options, ServeRequest serve, RunOnWorker run_on_worker);
  /// Stops and closes every connection it holds.
  ~ConnectionGate();
  ConnectionGate(const ConnectionGate&) = delete;
  ConnectionGate& operator=(const ConnectionGate&) = delete;

  /// Takes a newly accepted connection (called on a worker thread, which it frees at once unless the request is
  /// already there).
  void admit(int fd);

  /// Closes the connections waiting in the gate and stops taking new ones; safe from any thread, idempotent.
  void stop();

  /// Connections in the gate or being served (for tests and logs).
  std::size_t open_connections() const;

 private:
  using SteadyTime = std::chrono::steady_clock::time_point;
  enum class Arrival { complete, incomplete, closed, too_large };

  Arrival peek_request(const GateConnection& connection, std::size_t& bytes_seen) const;
  void park(std::shared_ptr<GateConnection> connection, int timeout_ms);
  void hand_to_worker(std::shared_ptr<GateConnection> connection);
  void serve(const std::shared_ptr<GateConnection>& connection);
  void close(const std::shared_ptr<GateConnection>& connection);
  void refuse(const std::shared_ptr<GateConnection>& connection, int status, const char* retry_after);
  void run();

  GateOptions options_;
  ServeRequest serve_;
  RunOnWorker run_on_worker_;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;  // an eventfd that wakes the epoll thread for stop()
  mutable std::mutex mutex_;
  std::unordered_map<int, std::shared_ptr<GateConnection>> parked_;  // by fd
  std::unordered_map<std::string, std::size_t> per_address_;         // open connections by address
  std::size_t open_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace gongyou::server::http
