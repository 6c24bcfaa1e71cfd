// server/api/upload_text.h — an uploaded file as UTF-8 text, and the answer to one with bad rows: valid UTF-8 as it is, GB18030 (what Excel on Chinese
// Windows saves as "CSV") converted with glibc's iconv. Its own file so that the fuzz harness reaches it.
#pragma once
#include <httplib.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/csv.h"

namespace gongyou::server::api {

/// GB18030 (a superset of GBK and GB2312) to UTF-8; nothing when the bytes are not GB18030.
std::optional<std::string> gb18030_to_utf8(const std::string& bytes);

/// The upload as UTF-8: `encoding` auto takes valid UTF-8 as it is and anything else as GB18030; utf-8 passes the
/// bytes on (core reports invalid UTF-8 row by row); 400 bad_request for another encoding or undecodable bytes.
std::string to_utf8(const std::string& body, const std::string& encoding);

/// Answers an upload that had bad rows: 422 import_rejected with every row and its reason; nothing was stored.
void send_import_rejected(httplib::Response& res, const std::vector<ImportIssue>& errors, std::size_t rows);

}  // namespace gongyou::server::api
