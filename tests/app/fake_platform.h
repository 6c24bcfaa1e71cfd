// tests/app/fake_platform.h — the platform as the app's tests see it: every request is recorded and answered
// later, when the test flushes (answers never arrive inside the call that asked, as in a browser), as the
// HttpAnswered events the page would queue. A request takes the next scripted answer of its "METHOD path" when it is
// sent; without one, its answer is computed when delivered: from the `answer` function, else 200 {}. Settings, the
// clock and idempotency keys are plain fields.
#pragma once
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/api_client.h"
#include "app/app.h"
#include "app/services.h"

namespace gongyou {

class FakePlatform {
 public:
  /// A computed answer (for fakes of whole listings, e.g. the demo sites in pages).
  using Answer = std::function<HttpResponse(const HttpRequest&)>;

  explicit FakePlatform(Answer answer = nullptr) : answer_(std::move(answer)) {}

  /// The services of this fake; it must outlive what uses them.
  PlatformServices services() {
    PlatformServices s;
    s.send = [this](RequestId id, const HttpRequest& r) {
      seen.push_back(r);
      requests.push_back(r.url);
      if (!r.save_as.empty()) downloads.emplace_back(r, r.save_as);
      pending_.push_back({id, r, scripted(r)});
    };
    s.start_timer = [this](std::uint64_t token, int milliseconds) {  // the token as setTimeout keeps it: a double
      timers.emplace_back(static_cast<std::uint64_t>(static_cast<double>(token)), milliseconds);
    };
    s.load_setting = [this](const std::string& k) { return settings[k]; };
    s.save_setting = [this](const std::string& k, const std::string& v) { settings[k] = v; };
    s.now = [this] { return now; };
    s.new_key = [this] { return "key-" + std::to_string(++keys); };
    s.request_geolocation = [this] { ++geolocation_requests; };
    return s;
  }

  /// Answers go to the app's event handling, as the page's main loop hands them over.
  void deliver_to(App& app) {
    sink_ = [&app](const HttpAnswered& e) { app.handle(e); };
  }
  /// Answers go straight to an ApiClient (controller tests without an App).
  void deliver_to(ApiClient& api) {
    sink_ = [&api](const HttpAnswered& e) { api.deliver(e.request, e.response); };
  }

  /// Scripts the next answer to "METHOD path" (the path without its query).
  void answer(const std::string& what, int status, const nlohmann::json& body) {
    script[what].push_back({status, body.dump()});
  }
  /// Scripts a failure of the network for the next "METHOD path".
  void answer_network_failure(const std::string& what) { script[what].push_back({0, ""}); }

  /// Delivers the queued answers, and the answers to requests made meanwhile, in order — except those held.
  void flush() {
    while (!pending_.empty()) {
      Pending next = std::move(pending_.front());
      pending_.pop_front();
      if (const auto it = hold_.find(what_of(next.request)); it != hold_.end()) {
        hold_.erase(it);
        held_.push_back(std::move(next));
        continue;
      }
      if (sink_) sink_(HttpAnswered{next.id, next.scripted ? *next.scripted : respond(next.request)});
    }
  }
  /// Keeps the answer to the next "METHOD path" back until release(): an answer that arrives late.
  void hold_next(const std::string& what) { hold_.insert(what); }
  /// Delivers the answers held back, then flushes.
  void release() {
    for (auto it = held_.rbegin(); it != held_.rend(); ++it) pending_.push_front(std::move(*it));
    held_.clear();
    flush();
  }

  /// The last request of `method` whose URL starts with `path_prefix`, or nullptr.
  const HttpRequest* last(const std::string& method, const std::string& path_prefix) const {
    for (auto it = seen.rbegin(); it != seen.rend(); ++it)
      if (it->method == method && it->url.rfind(path_prefix, 0) == 0) return &*it;
    return nullptr;
  }

  std::vector<HttpRequest> seen;                  ///< every request, in order
  std::vector<std::string> requests;              ///< every URL asked for, in order
  std::map<std::string, std::deque<HttpResponse>> script;
  std::map<std::string, std::string> settings;
  std::vector<std::pair<HttpRequest, std::string>> downloads;  ///< request, file name
  std::vector<std::pair<std::uint64_t, int>> timers;          ///< token, milliseconds, as started
  UtcSeconds now{1795478400};  ///< 2026-11-24T08:00:00+08:00 unless a test moves it
  int keys = 0;
  int geolocation_requests = 0;
  int fail_next = 0;  ///< answers that fail (no network) before the next real one

 private:
  struct Pending {
    RequestId id;
    HttpRequest request;
    std::optional<HttpResponse> scripted;  ///< taken from the script when it was sent
  };

  static std::string what_of(const HttpRequest& r) { return r.method + " " + r.url.substr(0, r.url.find('?')); }

  std::optional<HttpResponse> scripted(const HttpRequest& r) {
    if (auto it = script.find(what_of(r)); it != script.end() && !it->second.empty()) {
      HttpResponse response = it->second.front();
      it->second.pop_front();
      return response;
    }
    return std::nullopt;
  }

  HttpResponse respond(const HttpRequest& r) {
    if (fail_next > 0) {
      --fail_next;
      return {0, ""};
    }
    if (answer_) return answer_(r);
    return {200, "{}"};
  }

  Answer answer_;
  std::function<void(const HttpAnswered&)> sink_;
  std::deque<Pending> pending_, held_;
  std::multiset<std::string> hold_;
};

/// A session over a FakePlatform, for controller tests without an App.
struct SessionHarness {
  FakePlatform server;
  PlatformServices services = server.services();
  ApiClient api{services};
  Session session{api, services};
  SessionHarness() { server.deliver_to(api); }
  /// The platform's clock, for controllers that take one.
  std::function<UtcSeconds()> clock() {
    return [this] { return server.now; };
  }
};

}  // namespace gongyou
