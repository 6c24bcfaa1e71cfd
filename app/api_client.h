// app/api_client.h — requests to our server and the code waiting for their answers. A controller sends a request
// with its continuation; the platform's answer arrives as an HttpAnswered event, which the main loop drains and
// App::handle delivers here, so continuations run between frames, never inside a JS callback.
#pragma once
#include <cstddef>
#include <functional>
#include <unordered_map>

#include "app/services.h"

namespace gongyou {

/// Numbers requests and keeps their continuations until their answers are delivered.
class ApiClient {
 public:
  /// What runs with a request's answer.
  using Done = std::function<void(const HttpResponse&)>;

  /// Sends through `platform`, which must outlive the client.
  explicit ApiClient(const PlatformServices& platform) : platform_(platform) {}

  /// Sends `request`; `done` runs once, when its answer is delivered.
  void send(const HttpRequest& request, Done done);
  /// Runs the continuation of `request` with `response`; an id nobody waits for (answered already) is ignored.
  void deliver(RequestId request, const HttpResponse& response);
  /// How many requests wait for their answers.
  std::size_t waiting() const { return waiting_.size(); }

 private:
  const PlatformServices& platform_;
  std::uint64_t next_ = 1;
  std::unordered_map<std::uint64_t, Done> waiting_;
};

}  // namespace gongyou
