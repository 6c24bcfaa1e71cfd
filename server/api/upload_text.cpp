// server/api/upload_text.cpp — see upload_text.h.
#include "server/api/upload_text.h"

#include <iconv.h>

#include <stdexcept>

#include "core/site_import.h"
#include "server/http/reply.h"

namespace gongyou::server::api {

std::optional<std::string> gb18030_to_utf8(const std::string& bytes) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv has no GB18030 converter");
  std::string out(bytes.size() * 2 + 16, '\0');  // a GB18030 character (2 or 4 bytes) is at most 4 UTF-8 bytes
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* to = out.data();
  std::size_t out_left = out.size();
  const std::size_t result = iconv(cd, &in, &in_left, &to, &out_left);
  iconv_close(cd);
  if (result == static_cast<std::size_t>(-1) || in_left != 0) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

std::string to_utf8(const std::string& body, const std::string& encoding) {
  if (encoding == "utf-8" || encoding == "utf8") return body;  // core reports invalid UTF-8 itself, row by row
  const bool utf8 = is_valid_utf8(body);
  if (encoding == "auto" && utf8) return body;
  if (encoding != "auto" && encoding != "gb18030" && encoding != "gbk")
    throw http::bad_request("encoding must be auto, utf-8 or gb18030");
  auto converted = gb18030_to_utf8(body);
  if (!converted) throw http::bad_request("the file is neither UTF-8 nor GB18030 text");
  return *converted;
}

void send_import_rejected(httplib::Response& res, const std::vector<ImportIssue>& errors, std::size_t rows_read) {
  using nlohmann::json;
  json rows = json::array();
  for (const ImportIssue& issue : errors) rows.push_back({{"row", issue.row}, {"message", issue.message}});
  const std::string message = errors.front().row == 0
                                  ? errors.front().message + "; nothing was stored"
                                  : std::to_string(errors.size()) + " of " + std::to_string(rows_read) +
                                        " rows cannot be imported; nothing was stored";
  http::send_json(res, {{"error", {{"code", "import_rejected"}, {"message", message}, {"rows", std::move(rows)}}}},
                  422);
}

}  // namespace gongyou::server::api
