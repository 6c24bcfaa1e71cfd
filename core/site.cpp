// core/site.cpp — see site.h.
#include "core/site.h"

#include <cmath>
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
  if (!is_valid(site.position)) return DecodeError{"coordinates out of range (lat -90..90, lon -180..180)"};
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
  return json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
}

}  // namespace gongyou
