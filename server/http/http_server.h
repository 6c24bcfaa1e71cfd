// server/http/http_server.h — the HTTP front of gongyou-server: cpp-httplib configured for many
// keep-alive clients, every error in the api.md shape, security headers, /api to the Router and
// everything else to the static files.
#pragma once
#include <httplib.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "server/http/connection_gate.h"
#include "server/http/request_rate_limit.h"

#include "server/http/router.h"
#include "server/http/static_files.h"

namespace gongyou::server::http {

/// Transport limits and sizes.
struct HttpOptions {
  std::size_t max_threads = 512;         ///< ceiling of the connection thread pool
  std::size_t max_body_bytes = 1 << 20;  ///< larger request bodies get 413 (api.md: 1 MiB)
  std::size_t keep_alive_max_requests = 1000;
  int keep_alive_timeout_seconds = 5;
  int listen_backlog = 1024;
  int header_timeout_ms = 10000;                  ///< a request must arrive whole within this (else 408)
  std::size_t max_connections_per_address = 256;  ///< more open connections from one address: 429
  double requests_per_second_per_address = 500;   ///< sustained request rate per client address (0: no limit)
  double request_burst_per_address = 2000;        ///< requests one address may send at once before the rate applies
  std::vector<std::string> trusted_proxies;       ///< peers not connection-limited; their X-Forwarded-For is the client
};

/// An HTTP server over a Router (for /api) and optional StaticFiles (for everything else).
class HttpServer {
 public:
  /// `static_files` may be null (then non-API paths are 404). Both must outlive the server.
  HttpServer(const HttpOptions& options, const Router& api, const StaticFiles* static_files);

  /// Binds the address; port 0 picks a free port. Returns the bound port, or -1 on failure.
  int bind(const std::string& host, int port);

  /// Serves until stop(); false when serving failed.
  bool run();

  /// Makes run() return soon: stops accepting and ends idle keep-alive connections. Safe from any thread.
  void stop();

 private:
  /// httplib::Server with access to its listening socket, whose accepted connections go to the gate.
  class Listener : public httplib::Server {
   public:
    /// The bound listening socket.
    socket_t listening_socket() const { return svr_sock_; }
    /// Serves one request from `stream` (cpp-httplib's parser, router and writer).
    bool serve_one(httplib::Stream& stream, bool close_connection, bool& connection_closed) {
      return svr_sock_ != INVALID_SOCKET && process_request(stream, close_connection, connection_closed, nullptr);
    }
    /// Where accepted connections go (set before listening).
    std::function<void(socket_t)> on_connection;

   private:
    bool process_and_close_socket(socket_t sock) override {
      on_connection(sock);
      return true;
    }
  };

  void route(const httplib::Request& req, httplib::Response& res);

  HttpOptions options_;
  RequestRateLimit rate_limit_;
  httplib::TaskQueue* workers_ = nullptr;  // owned by cpp-httplib, made by new_task_queue
  std::unique_ptr<ConnectionGate> gate_;
  const Router& api_;
  const StaticFiles* static_files_;
  Listener server_;
  int port_ = -1;  // once bound
};

}  // namespace gongyou::server::http
