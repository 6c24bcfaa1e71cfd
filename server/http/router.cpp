// server/http/router.cpp — see router.h.
#include "server/http/router.h"

#include "server/http/reply.h"

namespace gongyou::server::http {
namespace {

bool is_placeholder(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  while (!path.empty()) {
    const auto slash = path.find('/');
    const auto segment = path.substr(0, slash);
    if (!segment.empty()) segments.push_back(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

void Router::add(std::string method, std::string_view pattern, RouteHandler handler) {
  Route route{std::move(method), {}, std::move(handler)};
  for (auto segment : split_path(pattern)) route.segments.emplace_back(segment);
  routes_.push_back(std::move(route));
}

bool Router::matches(const Route& route, const std::vector<std::string_view>& path, PathParams& params) {
  if (route.segments.size() != path.size()) return false;
  params.clear();
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (is_placeholder(route.segments[i]))
      params.emplace_back(path[i]);
    else if (route.segments[i] != path[i])
      return false;
  }
  return true;
}

void Router::dispatch(const httplib::Request& req, httplib::Response& res) const {
  const std::string_view method = req.method == "HEAD" ? std::string_view("GET") : std::string_view(req.method);
  const auto path = split_path(req.path);
  std::string allowed;
  PathParams params;
  for (const Route& route : routes_) {
    if (!matches(route, path, params)) continue;
    if (route.method != method) {
      const std::string method_names = route.method == "GET" ? "GET, HEAD" : route.method;
      if (allowed.find(method_names) == std::string::npos) allowed += (allowed.empty() ? "" : ", ") + method_names;
      continue;
    }
    try {
      route.handler(req, res, params);
    } catch (const ApiError& e) {
      send_error(res, e.status(), e.code(), e.what());
    }
    return;
  }
  if (allowed.empty()) {
    send_error(res, 404, "not_found", "no API endpoint at this path");
    return;
  }
  res.set_header("Allow", allowed);
  send_error(res, 405, "method_not_allowed", "this endpoint allows only " + allowed);
}

}  // namespace gongyou::server::http
