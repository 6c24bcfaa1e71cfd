// server/http/http_server.h — the HTTP front of gongyou-server: cpp-httplib configured for many
// keep-alive clients, every error in the api.md shape, security headers, /api to the Router and
// everything else to the static files.
#pragma once
#include <httplib.h>

#include <cstddef>
#include <string>

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
  /// httplib::Server with access to its listening socket.
  class Listener : public httplib::Server {
   public:
    /// The bound listening socket.
    socket_t listening_socket() const { return svr_sock_; }
  };

  void route(const httplib::Request& req, httplib::Response& res) const;

  HttpOptions options_;
  const Router& api_;
  const StaticFiles* static_files_;
  Listener server_;
  int port_ = -1;  // once bound
};

}  // namespace gongyou::server::http
