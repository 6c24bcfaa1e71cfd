// core/site.cpp — see site.h.
#include "core/site.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

namespace gongyou {
namespace {

using json = nlohmann::json;

/// Reads a required string field; empty result means "error written to err".
bool read_string(const json& j, const char* key, std::string& out, std::string& err, bool required = true) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (required) err = std::string("missing field '") + key + "'";
    return !required;
  }
  if (!it->is_string()) {
    err = std::string("field '") + key + "' must be a string";
    return false;
  }
  out = it->get_ref<const std::string&>();
  return true;
}

bool read_number(const json& j, const char* key, double& out, std::string& err) {
  auto it = j.find(key);
  if (it == j.end()) {
    err = std::string("missing field '") + key + "'";
    return false;
  }
  if (!it->is_number()) {
    err = std::string("field '") + key + "' must be a number";
    return false;
  }
  out = it->get<double>();
  return true;
}

}  // namespace

json to_json(const Site& site) {
  return json{
      {"id", site.id.value},
      {"type", info(site.type).id},
      {"name", site.name},
      {"town", site.town},
      {"address", site.address},
      {"lat", site.position.lat},
      {"lon", site.position.lon},
      {"phone", site.phone},
      {"hours", site.hours},
      {"facilities", site.facilities},
      {"bookable", site.bookable},
  };
}

Decoded<Site> site_from_json(const json& j) {
  if (!j.is_object()) return DecodeError{"a site must be a JSON object"};
  Site site;
  std::string err;
  auto id = j.find("id");
  if (id != j.end()) {
    if (!id->is_number_integer()) return DecodeError{"field 'id' must be an integer"};
    // An unsigned value above INT64_MAX would wrap to a negative id: reject it with the negatives.
    constexpr auto kMaxId = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (id->is_number_unsigned() ? id->get<std::uint64_t>() > kMaxId : id->get<std::int64_t>() < 0)
      return DecodeError{"field 'id' must be an integer from 0 to 9223372036854775807"};
    site.id = SiteId{id->get<std::int64_t>()};
  }
  std::string type_id;
  if (!read_string(j, "type", type_id, err)) return DecodeError{err};
  auto type = site_type_from_id(type_id);
  if (!type) return DecodeError{"unknown site type '" + type_id + "'"};
  site.type = *type;
  if (!read_string(j, "name", site.name, err)) return DecodeError{err};
  if (site.name.empty()) return DecodeError{"field 'name' must not be empty"};
  if (!read_string(j, "town", site.town, err, false) || !read_string(j, "address", site.address, err, false) ||
      !read_string(j, "phone", site.phone, err, false) || !read_string(j, "hours", site.hours, err, false))
    return DecodeError{err};
  if (!read_number(j, "lat", site.position.lat, err) || !read_number(j, "lon", site.position.lon, err))
    return DecodeError{err};
  // Written as negations so that NaN and infinities (which a JSON parser may produce from 1e400) fail too.
  if (!(site.position.lat >= -90.0 && site.position.lat <= 90.0))
    return DecodeError{"field 'lat' must be a latitude from -90 to 90 degrees (WGS-84)"};
  if (!(site.position.lon >= -180.0 && site.position.lon <= 180.0))
    return DecodeError{"field 'lon' must be a longitude from -180 to 180 degrees (WGS-84)"};
  if (auto f = j.find("facilities"); f != j.end() && !f->is_null()) {
    if (!f->is_array()) return DecodeError{"field 'facilities' must be an array of strings"};
    for (const auto& item : *f) {
      if (!item.is_string()) return DecodeError{"field 'facilities' must be an array of strings"};
      site.facilities.push_back(item.get<std::string>());
    }
  }
  if (auto b = j.find("bookable"); b != j.end() && !b->is_null()) {
    if (!b->is_boolean()) return DecodeError{"field 'bookable' must be true or false"};
    site.bookable = b->get<bool>();
  }
  return site;
}

json parse_json_or_discarded(std::string_view text) {
  // JSON has no place for a raw NUL byte, but nlohmann's lexer takes one as the end of the input
  // and would accept "{}\0anything" as {}.
  if (text.find('\0') != std::string_view::npos) return json(json::value_t::discarded);
  return json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
}

}  // namespace gongyou
