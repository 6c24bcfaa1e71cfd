// tests/app/deferred_http.h — fetch as the app sees it, for controller tests: each request is recorded and
// answered later, when the test flushes (answers never arrive inside the call that asked, as in a browser).
#pragma once
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/app.h"

namespace gongyou {

/// Records request URLs and answers each with `answer(request)` at the next flush().
class DeferredHttp {
 public:
  using Answer = std::function<HttpResponse(const HttpRequest&)>;
  explicit DeferredHttp(Answer answer) : answer_(std::move(answer)) {}

  /// The AppServices::http of this fake (it must outlive the app).
  auto service() {
    return [this](const HttpRequest& request, std::function<void(HttpResponse)> done) {
      requests.push_back(request.url);
      pending_.push_back([this, request, done = std::move(done)] { done(answer_(request)); });
    };
  }
  /// Delivers queued answers, and the answers to requests made meanwhile, in order.
  void flush() {
    while (!pending_.empty()) {
      auto next = std::move(pending_.front());
      pending_.pop_front();
      next();
    }
  }
  std::vector<std::string> requests;  ///< every URL asked for, in order

 private:
  Answer answer_;
  std::deque<std::function<void()>> pending_;
};

}  // namespace gongyou
