// server/http/connection_gate.cpp — see connection_gate.h.
// [SECTION] the connection and its stream: a buffered httplib::Stream over one socket
// [SECTION] reading what arrived without taking it (MSG_PEEK)
// [SECTION] the gate: admit, park, hand over, serve, refuse, the epoll thread
#include "server/http/connection_gate.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "server/http/reply.h"

namespace gongyou::server::http {

// ---- [SECTION] the connection and its stream -------------------------------------------------------------------

/// One client connection, in the gate or with a worker.
struct GateConnection {
  int fd = -1;
  std::string address;     // the peer's IP address
  bool counted = false;    // counts against its address's limit
  bool over_limit = false;  // opened beyond its address's limit: answered 429 when its request arrives
  std::size_t requests = 0;
  std::chrono::steady_clock::time_point deadline;
  std::array<char, 4096> buffer{};  // bytes read from the socket and not yet given to the parser
  std::size_t begin = 0, end = 0;
};

namespace {

/// The peer's IP address of a connected socket ("" when unknown).
std::string peer_address(int fd, int* port = nullptr) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return {};
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    if (port) *port = ntohs(v4.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    if (port) *port = ntohs(v6.sin6_port);
  }
  return text;
}

/// Waits until `fd` is readable (POLLIN) or writable (POLLOUT), at most `timeout_ms`.
bool wait_for(int fd, short events, int timeout_ms) {
  pollfd one{fd, events, 0};
  for (;;) {
    const int ready = ::poll(&one, 1, timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    return ready > 0;
  }
}

/// cpp-httplib's parser reads through this: buffered reads with a timeout per read, writes with one per write.
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(GateConnection& connection, int read_timeout_ms, int write_timeout_ms)
      : c_(connection), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

  bool is_readable() const override { return c_.begin < c_.end || wait_for(c_.fd, POLLIN, read_timeout_ms_); }
  bool is_writable() const override { return wait_for(c_.fd, POLLOUT, write_timeout_ms_); }

  ssize_t read(char* ptr, size_t size) override {
    if (c_.begin == c_.end) {
      if (!wait_for(c_.fd, POLLIN, read_timeout_ms_)) return -1;
      const ssize_t got = ::recv(c_.fd, c_.buffer.data(), c_.buffer.size(), 0);
      if (got <= 0) return got;
      c_.begin = 0;
      c_.end = static_cast<std::size_t>(got);
    }
    const std::size_t n = std::min(size, c_.end - c_.begin);
    std::memcpy(ptr, c_.buffer.data() + c_.begin, n);
    c_.begin += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    std::size_t sent = 0;
    while (sent < size) {
      if (!wait_for(c_.fd, POLLOUT, write_timeout_ms_)) return -1;
      const ssize_t n = ::send(c_.fd, ptr + sent, size - sent, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return -1;
      sent += static_cast<std::size_t>(n);
    }
    return static_cast<ssize_t>(sent);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { ip = peer_address(c_.fd, &port); }

  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    char text[INET6_ADDRSTRLEN] = {};
    if (getsockname(c_.fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return;
    if (address.ss_family == AF_INET) {
      const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
      inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
      port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
      const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
      inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
      port = ntohs(v6.sin6_port);
    }
    ip = text;
  }

  socket_t socket() const override { return c_.fd; }

 private:
  GateConnection& c_;
  int read_timeout_ms_;
  int write_timeout_ms_;
};

// ---- [SECTION] reading what arrived without taking it ----------------------------------------------------------

/// A body up to this size is waited for in the gate too (a slow body then holds no worker either).
constexpr std::size_t kPeekBytes = 64 * 1024;

/// The value of Content-Length in a header block (case-insensitive name), or 0.
std::size_t content_length(std::string_view header) {
  constexpr std::string_view kName = "\r\ncontent-length:";
  for (std::size_t at = header.find("\r\n"); at != std::string_view::npos; at = header.find("\r\n", at + 2)) {
    if (header.size() - at < kName.size()) break;
    bool same = true;
    for (std::size_t i = 0; i < kName.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(header[at + i])) == kName[i];
    if (!same) continue;
    std::size_t value = 0;
    for (std::size_t i = at + kName.size(); i < header.size(); ++i) {
      const char ch = header[i];
      if (ch == ' ' || ch == '\t') continue;
      if (ch < '0' || ch > '9') break;
      value = value * 10 + static_cast<std::size_t>(ch - '0');
      if (value > kPeekBytes) return value;  // beyond what the gate waits for anyway
    }
    return value;
  }
  return 0;
}

/// The raw answer the gate writes itself (before or instead of cpp-httplib): the api.md error shape, then close.
std::string raw_error(int status, const char* retry_after) {
  const std::string body = std::string(R"({"error":{"code":")") + std::string(error_code_for(status)) +
                           R"(","message":")" + std::string(error_message_for(status)) + "\"}}";
  const char* reason = status == 408 ? "Request Timeout" : status == 429 ? "Too Many Requests"
                                                                         : "Request Header Fields Too Large";
  std::string answer = "HTTP/1.1 " + std::to_string(status) + ' ' + reason +
                       "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\nConnection: close\r\n";
  if (retry_after) answer += std::string("Retry-After: ") + retry_after + "\r\n";
  return answer + "\r\n" + body;
}

}  // namespace

// ---- [SECTION] the gate -------------------------------------------------------------------------------------------

ConnectionGate::ConnectionGate(GateOptions options, ServeRequest serve, RunOnWorker run_on_worker)
    : options_(std::move(options)), serve_(std::move(serve)), run_on_worker_(std::move(run_on_worker)) {
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  epoll_event wake{};
  wake.events = EPOLLIN;
  wake.data.fd = wake_fd_;
  epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake);
  thread_ = std::thread([this] { run(); });
}

ConnectionGate::~ConnectionGate() {
  stop();
  if (thread_.joinable()) thread_.join();
  ::close(epoll_fd_);
  ::close(wake_fd_);
}

void ConnectionGate::stop() {
  if (stopping_.exchange(true)) return;
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = ::write(wake_fd_, &one, sizeof one);
  // Joined here, so that once stop() returns the gate hands nothing more to the workers.
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

std::size_t ConnectionGate::open_connections() const {
  std::lock_guard lock(mutex_);
  return open_;
}

void ConnectionGate::admit(int fd) {
  auto connection = std::make_shared<GateConnection>();
  connection->fd = fd;
  connection->address = peer_address(fd);
  const bool unlimited = std::find(options_.unlimited_addresses.begin(), options_.unlimited_addresses.end(),
                                   connection->address) != options_.unlimited_addresses.end();
  {
    std::lock_guard lock(mutex_);
    ++open_;
    if (!unlimited) {
      connection->counted = true;
      connection->over_limit = ++per_address_[connection->address] > options_.max_connections_per_address;
    }
  }
  if (stopping_) return close(connection);
  std::size_t seen = 0;
  if (peek_request(*connection, seen) == Arrival::complete) return serve(connection);  // already here: no wait
  park(std::move(connection), options_.header_timeout_ms);
}

ConnectionGate::Arrival ConnectionGate::peek_request(const GateConnection& connection, std::size_t& bytes_seen) const {
  thread_local std::vector<char> peeked(kPeekBytes);
  const ssize_t got = ::recv(connection.fd, peeked.data(), peeked.size(), MSG_PEEK | MSG_DONTWAIT);
  if (got == 0) return Arrival::closed;
  if (got < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? Arrival::incomplete : Arrival::closed;
  bytes_seen = static_cast<std::size_t>(got);
  const std::string_view view(peeked.data(), bytes_seen);
  const std::size_t header_end = view.find("\r\n\r\n");
  if (header_end == std::string_view::npos)
    return bytes_seen >= options_.max_header_bytes ? Arrival::too_large : Arrival::incomplete;
  if (header_end + 4 > options_.max_header_bytes) return Arrival::too_large;
  const std::size_t body = content_length(view.substr(0, header_end + 2));
  // A small body is waited for here too; a large one is read by the worker (with its per-read timeout).
  if (body > 0 && header_end + 4 + body <= kPeekBytes && bytes_seen < header_end + 4 + body) return Arrival::incomplete;
  return Arrival::complete;
}

void ConnectionGate::park(std::shared_ptr<GateConnection> connection, int timeout_ms) {
  connection->deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  const int fd = connection->fd;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) {
      parked_.erase(fd);
    } else {
      parked_[fd] = connection;
    }
  }
  if (stopping_) return close(connection);
  epoll_event event{};
  event.events = EPOLLIN | EPOLLRDHUP | EPOLLET;  // edge-triggered: peeked bytes stay unread
  event.data.fd = fd;
  if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &event) != 0) {
    std::lock_guard lock(mutex_);
    parked_.erase(fd);
  } else {
    return;
  }
  close(connection);
}

void ConnectionGate::hand_to_worker(std::shared_ptr<GateConnection> connection) {
  run_on_worker_([this, connection] { serve(connection); });
}

void ConnectionGate::serve(const std::shared_ptr<GateConnection>& connection) {
  if (connection->over_limit) return refuse(connection, 429, "1");
  ConnectionStream stream(*connection, options_.read_timeout_seconds * 1000, options_.write_timeout_seconds * 1000);
  for (;;) {
    const bool last = ++connection->requests >= options_.max_requests_per_connection || stopping_;
    bool closed_by_client = false;
    if (!serve_(stream, last, closed_by_client) || closed_by_client || last || stopping_) return close(connection);
    if (connection->begin < connection->end) continue;  // the next request (pipelined) is already read
    std::size_t seen = 0;
    switch (peek_request(*connection, seen)) {
      case Arrival::complete:
        continue;
      case Arrival::closed:
        return close(connection);
      case Arrival::too_large:
        return refuse(connection, 431, nullptr);
      case Arrival::incomplete:
        // Back to the gate until the next request is whole: an idle connection holds no worker.
        return park(connection, seen > 0 ? options_.header_timeout_ms : options_.keep_alive_timeout_ms);
    }
  }
}

void ConnectionGate::refuse(const std::shared_ptr<GateConnection>& connection, int status, const char* retry_after) {
  // Take what arrived first: a socket closed with unread bytes sends a reset, and the client could lose the answer.
  thread_local std::vector<char> drained(kPeekBytes);
  while (::recv(connection->fd, drained.data(), drained.size(), MSG_DONTWAIT) > 0) {
  }
  const std::string answer = raw_error(status, retry_after);
  ConnectionStream stream(*connection, 0, options_.write_timeout_seconds * 1000);
  stream.write(answer.data(), answer.size());
  close(connection);
}

void ConnectionGate::close(const std::shared_ptr<GateConnection>& connection) {
  ::shutdown(connection->fd, SHUT_RDWR);
  ::close(connection->fd);
  std::lock_guard lock(mutex_);
  --open_;
  if (connection->counted) {
    const auto it = per_address_.find(connection->address);
    if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
  }
}

void ConnectionGate::run() {
  std::array<epoll_event, 256> events{};
  for (;;) {
    const int ready = epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), 250);
    if (stopping_) break;
    std::vector<std::shared_ptr<GateConnection>> arrived, expired, gone, oversized;
    for (int i = 0; i < std::max(ready, 0); ++i) {
      const int fd = events[static_cast<std::size_t>(i)].data.fd;
      if (fd == wake_fd_) continue;
      std::shared_ptr<GateConnection> connection;
      {
        std::lock_guard lock(mutex_);
        const auto it = parked_.find(fd);
        if (it == parked_.end()) continue;
        connection = it->second;
      }
      std::size_t seen = 0;
      const Arrival arrival = peek_request(*connection, seen);
      if (arrival == Arrival::incomplete) continue;
      {
        std::lock_guard lock(mutex_);
        parked_.erase(fd);
      }
      epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
      (arrival == Arrival::complete ? arrived : arrival == Arrival::closed ? gone : oversized).push_back(connection);
    }
    // Deadlines: a connection whose request did not arrive in time leaves the gate.
    const auto now = std::chrono::steady_clock::now();
    {
      std::lock_guard lock(mutex_);
      for (auto it = parked_.begin(); it != parked_.end();) {
        if (it->second->deadline > now) {
          ++it;
          continue;
        }
        expired.push_back(it->second);
        it = parked_.erase(it);
      }
    }
    for (const auto& connection : arrived) hand_to_worker(connection);
    for (const auto& connection : gone) close(connection);
    for (const auto& connection : oversized) refuse(connection, 431, nullptr);
    for (const auto& connection : expired) {
      epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, connection->fd, nullptr);
      std::size_t seen = 0;
      const Arrival arrival = peek_request(*connection, seen);
      if (arrival == Arrival::complete) {
        hand_to_worker(connection);
      } else if (seen > 0 && arrival != Arrival::closed) {
        refuse(connection, 408, nullptr);  // part of a request came, too slowly (a slowloris)
      } else {
        close(connection);  // nothing came: an idle keep-alive connection, closed quietly
      }
    }
  }
  // Stopping: every connection still waiting is closed.
  std::unordered_map<int, std::shared_ptr<GateConnection>> left;
  {
    std::lock_guard lock(mutex_);
    left.swap(parked_);
  }
  for (auto& [fd, connection] : left) close(connection);
}

}  // namespace gongyou::server::http
