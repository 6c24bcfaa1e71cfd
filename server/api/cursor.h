// server/api/cursor.h — the opaque paging cursor of GET /sites: clients pass back next_cursor as is.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/units.h"

namespace gongyou::server::api {

/// The cursor that continues a listing after the site `last`.
std::string encode_cursor(SiteId last);

/// The site id a cursor continues after, or nothing when the text is not a cursor of ours.
std::optional<SiteId> decode_cursor(std::string_view cursor);

}  // namespace gongyou::server::api
