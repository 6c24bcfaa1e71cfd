// server/http/static_files.cpp — see static_files.h.
#include "server/http/static_files.h"

#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>

#include "server/http/query_params.h"
#include "server/http/reply.h"
#include "server/http/router.h"

namespace gongyou::server::http {
namespace {

namespace fs = std::filesystem;

struct MimeType {
  std::string_view extension;
  std::string_view type;
};

constexpr MimeType kMimeTypes[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".wasm", "application/wasm"},
    {".json", "application/json"},
    {".webmanifest", "application/manifest+json"},
    {".png", "image/png"},
    {".svg", "image/svg+xml"},
    {".ico", "image/x-icon"},
    {".otf", "font/otf"},
    {".ttf", "font/ttf"},
    {".woff2", "font/woff2"},
    {".txt", "text/plain; charset=utf-8"},
    {".map", "application/json"},
};

/// A precompressed sibling file, in order of preference.
struct Coding {
  std::string_view name;    // Content-Encoding value
  std::string_view suffix;  // appended to the file name
};
constexpr Coding kCodings[] = {{"br", ".br"}, {"gzip", ".gz"}};

constexpr std::string_view kIndex = "index.html";

std::string_view extension_of(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? std::string_view() : file_name.substr(dot);
}

std::string_view last_segment(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

bool is_hex(std::string_view text) {
  return text.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
}

/// A URL path safe to join to the root: no NUL, no backslash, no "." or ".." segment.
bool is_safe_url_path(std::string_view path) {
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) return false;
  for (auto segment : split_path(path))
    if (segment == "." || segment == "..") return false;
  return true;
}

bool is_inside(const fs::path& root, const fs::path& candidate) {
  auto r = root.begin(), c = candidate.begin();
  for (; r != root.end(); ++r, ++c)
    if (c == candidate.end() || *r != *c) return false;
  return true;
}

std::string cache_control_for(std::string_view file_name) {
  // The page and the service worker name every other file: they must never be stale.
  if (file_name == kIndex || extension_of(file_name) == ".html" || file_name == "sw.js") return "no-cache";
  if (has_content_hash(file_name)) return "public, max-age=31536000, immutable";
  return "public, max-age=300";
}

/// Whole file contents, or nothing when it cannot be read.
std::shared_ptr<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return nullptr;
  auto data = std::make_shared<std::string>(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(data->data(), static_cast<std::streamsize>(data->size()));
  return in ? data : nullptr;
}

}  // namespace

std::string_view content_type_for(std::string_view file_name) {
  const auto extension = extension_of(file_name);
  for (const auto& mime : kMimeTypes)
    if (mime.extension == extension) return mime.type;
  return "application/octet-stream";
}

bool has_content_hash(std::string_view file_name) {
  // name.HASH.ext: the part between the last two dots.
  const auto last_dot = file_name.rfind('.');
  if (last_dot == std::string_view::npos || last_dot == 0) return false;
  const auto hash_dot = file_name.rfind('.', last_dot - 1);
  if (hash_dot == std::string_view::npos || hash_dot == 0) return false;
  const auto hash = file_name.substr(hash_dot + 1, last_dot - hash_dot - 1);
  return hash.size() >= 8 && is_hex(hash);
}

bool accepts_encoding(std::string_view accept_encoding, std::string_view coding) {
  for (auto item : split_commas(accept_encoding)) {
    const auto semicolon = item.find(';');
    if (trim(item.substr(0, semicolon)) != coding) continue;
    if (semicolon == std::string_view::npos) return true;
    const auto params = item.substr(semicolon + 1);
    const auto q = params.find("q=");
    if (q == std::string_view::npos) return true;
    const auto weight = parse_finite_number(trim(params.substr(q + 2)));
    return weight && *weight > 0;
  }
  return false;
}

StaticFiles::StaticFiles(const fs::path& root) {
  std::error_code error;
  root_ = fs::canonical(root, error);
  if (error || !fs::is_directory(root_)) throw std::runtime_error("web root '" + root.string() + "' is not a directory");
}

std::optional<fs::path> StaticFiles::resolve(std::string_view url_path) const {
  std::error_code error;
  const fs::path file = fs::canonical(root_ / fs::path(url_path).relative_path(), error);
  if (error || !is_inside(root_, file) || !fs::is_regular_file(file, error)) return std::nullopt;
  return file;
}

void StaticFiles::serve(const httplib::Request& req, httplib::Response& res) const {
  if (req.method != "GET" && req.method != "HEAD") {
    res.set_header("Allow", "GET, HEAD");
    return send_error(res, 405, "method_not_allowed", "static files are read with GET or HEAD");
  }
  if (!is_safe_url_path(req.path)) return send_error(res, 404, "not_found", "no such file");
  std::string url_path = req.path;
  const bool single_page_route = url_path.back() == '/' || extension_of(last_segment(url_path)).empty();
  if (single_page_route) url_path = "/" + std::string(kIndex);

  const auto file = resolve(url_path);
  if (!file) return send_error(res, 404, "not_found", "no such file");
  const std::string file_name = file->filename().string();

  fs::path chosen = *file;
  const std::string accept = req.get_header_value("Accept-Encoding");
  bool has_sibling = false;
  for (const Coding& coding : kCodings) {
    const auto sibling = resolve(url_path + std::string(coding.suffix));
    if (!sibling) continue;
    has_sibling = true;
    if (chosen == *file && accepts_encoding(accept, coding.name)) {
      chosen = *sibling;
      res.set_header("Content-Encoding", std::string(coding.name));
    }
  }
  const auto data = read_file(chosen);
  if (!data) return send_error(res, 404, "not_found", "no such file");

  if (has_sibling) res.set_header("Vary", "Accept-Encoding");
  res.set_header("Cache-Control", cache_control_for(file_name));
  const std::string_view type = content_type_for(file_name);
  if (type.starts_with("text/html")) res.set_header("Content-Security-Policy", std::string(kContentSecurityPolicy));
  res.status = 200;
  if (data->empty()) return res.set_content("", std::string(type));
  // A content provider with a known length: cpp-httplib then sends the bytes as they are instead of
  // compressing them again on the fly.
  res.set_content_provider(data->size(), std::string(type),
                           [data](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             return sink.write(data->data() + offset, length);
                           });
}

}  // namespace gongyou::server::http
