// core/site_positions.cpp — see site_positions.h.
#include "core/site_positions.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <nlohmann/json.hpp>

namespace gongyou {
namespace {

using json = nlohmann::json;

/// Coordinates travel as integers of this many per degree.
constexpr double kPerDegree = 1e5;

std::int64_t to_fixed(double degrees) { return static_cast<std::int64_t>(std::llround(degrees * kPerDegree)); }

void append_int(std::string& out, std::int64_t value) {
  char text[24];
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;
  out.append(text, end);
}

/// Appends `"name":[v0,v1,...]` with one value per site.
template <class Value>
void append_column(std::string& out, const char* name, std::span<const Site> sites, Value&& value) {
  out += ",\"";
  out += name;
  out += "\":[";
  for (std::size_t i = 0; i < sites.size(); ++i) {
    if (i) out += ',';
    append_int(out, value(i));
  }
  out += ']';
}

/// The integer column `name` of `j`, exactly `count` long; empty error on success.
const json* column(const json& j, const char* name, std::size_t count, std::string& err) {
  const auto it = j.find(name);
  if (it == j.end() || !it->is_array()) {
    err = std::string("field '") + name + "' must be an array";
    return nullptr;
  }
  if (it->size() != count) {
    err = std::string("field '") + name + "' must have one value per site";
    return nullptr;
  }
  return &*it;
}

}  // namespace

std::string encode_site_positions(std::span<const Site> sites) {
  std::string out;
  out.reserve(64 + sites.size() * 24);
  out += "{\"count\":";
  append_int(out, static_cast<std::int64_t>(sites.size()));
  out += ",\"types\":[";
  bool first = true;
  for (const SiteTypeInfo& t : all_site_types()) {
    if (!first) out += ',';
    first = false;
    out += '"';
    out.append(t.id.data(), t.id.size());
    out += '"';
  }
  out += ']';
  append_column(out, "id", sites, [&](std::size_t i) { return sites[i].id.value - (i ? sites[i - 1].id.value : 0); });
  append_column(out, "type", sites, [&](std::size_t i) { return static_cast<std::int64_t>(sites[i].type); });
  append_column(out, "lat", sites, [&](std::size_t i) { return to_fixed(sites[i].position.lat); });
  append_column(out, "lon", sites, [&](std::size_t i) { return to_fixed(sites[i].position.lon); });
  out += '}';
  return out;
}

Decoded<SitePositions> decode_site_positions(const json& j) {
  if (!j.is_object()) return DecodeError{"site positions must be a JSON object"};
  const auto count_it = j.find("count");
  if (count_it == j.end() || !count_it->is_number_unsigned()) return DecodeError{"field 'count' must be a count"};
  const auto count = count_it->get<std::uint64_t>();
  if (count > 10'000'000) return DecodeError{"field 'count' is too large"};
  const auto types_it = j.find("types");
  if (types_it == j.end() || !types_it->is_array()) return DecodeError{"field 'types' must be an array of type ids"};
  std::vector<std::optional<SiteType>> type_table;
  for (const json& t : *types_it)
    type_table.push_back(t.is_string() ? site_type_from_id(t.get_ref<const std::string&>()) : std::nullopt);

  std::string err;
  const json* ids = column(j, "id", count, err);
  const json* types = ids ? column(j, "type", count, err) : nullptr;
  const json* lats = types ? column(j, "lat", count, err) : nullptr;
  const json* lons = lats ? column(j, "lon", count, err) : nullptr;
  if (!lons) return DecodeError{err};

  SitePositions out;
  out.ids.reserve(count);
  out.types.reserve(count);
  out.positions.reserve(count);
  std::int64_t id = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const json &d = (*ids)[i], &t = (*types)[i], &la = (*lats)[i], &lo = (*lons)[i];
    if (!d.is_number_integer() || !t.is_number_unsigned() || !la.is_number_integer() || !lo.is_number_integer())
      return DecodeError{"row " + std::to_string(i) + ": every column holds integers"};
    const auto delta = d.get<std::int64_t>();
    if (delta < 1 || delta > (std::int64_t{1} << 52) - id) return DecodeError{"row " + std::to_string(i) + ": ids must increase"};
    id += delta;
    const auto type = t.get<std::uint64_t>();
    if (type >= type_table.size() || !type_table[type])
      return DecodeError{"row " + std::to_string(i) + ": unknown site type"};
    const LatLon p{static_cast<double>(la.get<std::int64_t>()) / kPerDegree,
                   static_cast<double>(lo.get<std::int64_t>()) / kPerDegree};
    if (!is_valid(p)) return DecodeError{"row " + std::to_string(i) + ": coordinates out of range"};
    out.ids.push_back(SiteId{id});
    out.types.push_back(*type_table[type]);
    out.positions.push_back(p);
  }
  return out;
}

}  // namespace gongyou
