// tests/app/scripted_server.h — a stand-in for our server in controller tests: records each request and
// answers it from a script (200 {} when nothing is scripted); answers arrive when the test flushes.
#pragma once
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/app.h"

namespace gongyou {

/// Records requests; answers each "METHOD path" from a queue of scripted answers (200 {} otherwise).
struct ScriptedServer {
  struct Seen {
    HttpRequest request;
  };
  std::vector<Seen> seen;
  std::map<std::string, std::deque<HttpResponse>> script;
  std::map<std::string, std::string> settings;
  std::deque<std::function<void()>> pending;
  int keys = 0;

  void answer(const std::string& what, int status, nlohmann::json body) { script[what].push_back({status, body.dump()}); }
  void answer_network_failure(const std::string& what) { script[what].push_back({0, ""}); }

  UtcSeconds now{1795478400};  ///< what services().now() answers: 2026-11-24T08:00:00+08:00 unless a test moves it

  AppServices services() {
    AppServices s;
    s.http = [this](const HttpRequest& r, std::function<void(HttpResponse)> done) {
      seen.push_back({r});
      std::string what = r.method + " " + r.url.substr(0, r.url.find('?'));
      HttpResponse response{200, "{}"};
      if (auto it = script.find(what); it != script.end() && !it->second.empty()) {
        response = it->second.front();
        it->second.pop_front();
      }
      pending.push_back([done = std::move(done), response] { done(response); });
    };
    s.load_setting = [this](const std::string& k) { return settings[k]; };
    s.save_setting = [this](const std::string& k, const std::string& v) { settings[k] = v; };
    s.now = [this] { return now; };
    s.new_key = [this] { return "key-" + std::to_string(++keys); };
    return s;
  }
  void flush() {
    while (!pending.empty()) {
      auto next = std::move(pending.front());
      pending.pop_front();
      next();
    }
  }
  const HttpRequest* last(const std::string& method, const std::string& path_prefix) const {
    for (auto it = seen.rbegin(); it != seen.rend(); ++it)
      if (it->request.method == method && it->request.url.rfind(path_prefix, 0) == 0) return &it->request;
    return nullptr;
  }
};

}  // namespace gongyou
