// server/http/static_files.h — serves the built front end from --web-root: MIME types, precompressed
// .br/.gz siblings, cache lifetimes by file name, security headers, SPA fallback to index.html, and no
// path ever resolving outside the root.
#pragma once
#include <httplib.h>

#include <filesystem>
#include <optional>
#include <string_view>

namespace gongyou::server::http {

/// The Content-Security-Policy sent with every HTML page (no inline script; wasm compilation allowed).
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data: https://*.tile.openstreetmap.org; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'";

/// A directory of files served read-only over GET and HEAD.
class StaticFiles {
 public:
  /// Serves `root`; throws std::runtime_error when it is not a directory.
  explicit StaticFiles(const std::filesystem::path& root);

  /// Answers a GET/HEAD for a non-API path: the file, index.html, or a 404 in the error shape.
  void serve(const httplib::Request& req, httplib::Response& res) const;

 private:
  /// The file a URL path names inside the root, or nothing (missing, a directory, or outside the root).
  std::optional<std::filesystem::path> resolve(std::string_view url_path) const;

  std::filesystem::path root_;  // canonical
};

/// The Content-Type for a file name, by extension ("application/octet-stream" when unknown).
std::string_view content_type_for(std::string_view file_name);

/// True when the name carries a content hash: a dot-separated part of 8+ hex digits before the extension,
/// e.g. "app.0123abcd.js"; such files never change and may be cached for a year.
bool has_content_hash(std::string_view file_name);

/// True when the Accept-Encoding header value accepts `coding` (e.g. "br") with a non-zero q.
bool accepts_encoding(std::string_view accept_encoding, std::string_view coding);

}  // namespace gongyou::server::http
