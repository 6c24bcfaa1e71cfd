// server/http/http_server.cpp — see http_server.h.
#include "server/http/http_server.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "server/http/compression.h"
#include "server/http/elastic_thread_pool.h"
#include "server/http/query_params.h"
#include "server/http/reply.h"
#include "server/store/store_error.h"

namespace gongyou::server::http {
namespace {

constexpr std::size_t kInitialThreads = 8;
constexpr const char* kAnyPath = ".*";

bool is_api_path(const std::string& path) { return path == "/api" || path.starts_with("/api/"); }

/// Gives every error without a body (cpp-httplib's own 400/404/413..., or a handler's bare status) the api.md shape.
httplib::Server::HandlerResponse fill_error_body(const httplib::Request&, httplib::Response& res) {
  if (!res.body.empty() || res.content_length_ > 0) return httplib::Server::HandlerResponse::Unhandled;
  send_error(res, res.status, error_code_for(res.status), error_message_for(res.status));
  return httplib::Server::HandlerResponse::Handled;
}

/// An exception that escaped a handler: logged, answered with a 500 in the api.md shape.
void answer_exception(const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
  std::string what = "unknown exception";
  try {
    std::rethrow_exception(error);
  } catch (const StoreUnavailable& e) {
    // The database is down or too slow: say so at once; the client may retry.
    std::cerr << "unavailable: " << req.method << ' ' << req.path << ": " << e.what() << std::endl;
    res.set_header("Retry-After", "1");
    send_error(res, 503, "unavailable", "数据库暂不可用，请稍后再试 / the database is unavailable, try again shortly");
    return;
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
  }
  std::cerr << "error: " << req.method << ' ' << req.path << ": " << what << std::endl;
  send_error(res, 500, "internal_error", "internal server error");
}

/// The local port of a connected (not listening) TCP socket, or 0 for any other descriptor.
int connected_local_port(int fd) {
  int listening = 0;
  socklen_t length = sizeof listening;
  if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) != 0 || listening) return 0;
  sockaddr_storage address{};
  length = sizeof address;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return 0;
  if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
  if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
  return 0;
}

/// Ends the reading side of every connection accepted on `port`. cpp-httplib neither tracks its connections
/// nor wakes the threads that wait on idle keep-alive ones, so without this a stop waits out the keep-alive
/// timeout. Responses being written still complete; idle connections see end-of-stream and close.
void shut_down_reads(int port) {
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", error)) {
    const auto fd = parse_integer(entry.path().filename().string());
    if (fd && connected_local_port(static_cast<int>(*fd)) == port) ::shutdown(static_cast<int>(*fd), SHUT_RD);
  }
}

/// The client's address: the peer, or the last X-Forwarded-For entry when the peer is a trusted proxy.
std::string client_address(const httplib::Request& req, const std::vector<std::string>& trusted_proxies) {
  if (std::find(trusted_proxies.begin(), trusted_proxies.end(), req.remote_addr) == trusted_proxies.end())
    return req.remote_addr;
  std::string forwarded = req.get_header_value("X-Forwarded-For");
  if (const auto comma = forwarded.rfind(','); comma != std::string::npos) forwarded.erase(0, comma + 1);
  const auto first = forwarded.find_first_not_of(' ');
  if (first == std::string::npos || forwarded.size() > 64) return req.remote_addr;
  return forwarded.substr(first);
}

}  // namespace

HttpServer::HttpServer(const HttpOptions& options, const Router& api, const StaticFiles* static_files)
    : options_(options),
      rate_limit_(options.requests_per_second_per_address, options.request_burst_per_address),
      api_(api),
      static_files_(static_files) {
  const std::size_t max_threads = options_.max_threads;
  server_.new_task_queue = [this, max_threads] {
    workers_ = new ElasticThreadPool(kInitialThreads, max_threads);
    return workers_;
  };
  GateOptions gate;
  gate.header_timeout_ms = options_.header_timeout_ms;
  gate.keep_alive_timeout_ms = options_.keep_alive_timeout_seconds * 1000;
  gate.max_connections_per_address = options_.max_connections_per_address;
  gate.max_requests_per_connection = options_.keep_alive_max_requests;
  gate.unlimited_addresses = options_.trusted_proxies;
  gate_ = std::make_unique<ConnectionGate>(
      gate,
      [this](httplib::Stream& stream, bool close_connection, bool& connection_closed) {
        return server_.serve_one(stream, close_connection, connection_closed);
      },
      [this](std::function<void()> task) { workers_->enqueue(std::move(task)); });
  server_.on_connection = [this](socket_t sock) { gate_->admit(sock); };
  // The Debian library is compiled with CPPHTTPLIB_TCP_NODELAY=false: switch Nagle off at run time, or a
  // response written as headers + body waits for the client's delayed ACK (~40 ms per request).
  server_.set_tcp_nodelay(true);
  server_.set_keep_alive_max_count(options_.keep_alive_max_requests);
  server_.set_keep_alive_timeout(options_.keep_alive_timeout_seconds);
  server_.set_payload_max_length(options_.max_body_bytes);
  server_.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "same-origin"}});
  server_.set_error_handler(httplib::Server::HandlerWithResponse(fill_error_body));
  server_.set_exception_handler(answer_exception);

  const auto handler = [this](const httplib::Request& req, httplib::Response& res) { route(req, res); };
  server_.Get(kAnyPath, handler);
  server_.Post(kAnyPath, handler);
  server_.Put(kAnyPath, handler);
  server_.Patch(kAnyPath, handler);
  server_.Delete(kAnyPath, handler);
  server_.Options(kAnyPath, handler);
}

int HttpServer::bind(const std::string& host, int port) {
  const int bound = port == 0 ? server_.bind_to_any_port(host) : (server_.bind_to_port(host, port) ? port : -1);
  // The library listens with a backlog of 5, compiled in: a burst of clients connecting at once would
  // overflow it and wait for SYN retries (1 s and more). listen() again only raises the backlog.
  if (bound > 0) ::listen(server_.listening_socket(), options_.listen_backlog);
  port_ = bound;
  return bound;
}

bool HttpServer::run() { return server_.listen_after_bind(); }

void HttpServer::stop() {
  gate_->stop();  // first: it hands no more connections to the workers cpp-httplib is about to shut down
  server_.stop();
  if (port_ > 0) shut_down_reads(port_);
}

void HttpServer::route(const httplib::Request& req, httplib::Response& res) {
  if (const auto wait = rate_limit_.take(client_address(req, options_.trusted_proxies), std::chrono::steady_clock::now())) {
    res.set_header("Retry-After", std::to_string(*wait));
    send_error(res, 429, "rate_limited", "请求过于频繁，请稍后再试 / too many requests from this address, try again shortly");
    return;
  }
  if (is_api_path(req.path)) {
    api_.dispatch(req, res);
    compress_json_answer(req, res);  // the site list's pages are ~100 KB of JSON
    return;
  }
  if (static_files_) return static_files_->serve(req, res);
  send_error(res, 404, "not_found", "no such resource (this server has no --web-root)");
}

}  // namespace gongyou::server::http
