// server/http/router.h — maps (method, path) to handlers for the API; answers 404 not_found for an
// unknown path and 405 method_not_allowed (with Allow) for a known path with another method.
#pragma once
#include <httplib.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gongyou::server::http {

/// The values of a route's {placeholders}, in order.
using PathParams = std::vector<std::string>;

/// Answers one request.
using RouteHandler = std::function<void(const httplib::Request&, httplib::Response&, const PathParams&)>;

/// A list of routes tried in registration order: register literal paths before {placeholder} ones.
class Router {
 public:
  /// Adds a route; `pattern` is a path whose segments are literals or {name}, e.g. "/api/v1/sites/{id}".
  void add(std::string method, std::string_view pattern, RouteHandler handler);

  /// Shorthand for add("GET", ...); HEAD requests are served by GET routes.
  void get(std::string_view pattern, RouteHandler handler) { add("GET", pattern, std::move(handler)); }

  /// Runs the matching handler. An ApiError thrown by it becomes its error response.
  void dispatch(const httplib::Request& req, httplib::Response& res) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{...}" marks a placeholder
    RouteHandler handler;
  };
  static bool matches(const Route& route, const std::vector<std::string_view>& path, PathParams& params);

  std::vector<Route> routes_;
};

/// The '/'-separated non-empty segments of a path.
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace gongyou::server::http
