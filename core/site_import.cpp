// core/site_import.cpp — see site_import.h.
//
// [SECTION] Text helpers      UTF-8 check, trimming, numbers without locale
// [SECTION] Field rules       one row's fields to a Site, or the reason it cannot be one
// [SECTION] Duplicates        same name within the distance, against stored sites and earlier rows (RingIndex)
// [SECTION] GeoJSON           FeatureCollection of Points (RFC 7946: positions are [longitude, latitude])
#include "core/site_import.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/china_coordinates.h"
#include "core/csv.h"
#include "core/coverage.h"
#include "core/opening_hours.h"

namespace gongyou {
namespace {

using nlohmann::json;
using namespace std::string_view_literals;

constexpr std::size_t kMaxFieldBytes = 500;

// [SECTION] Text helpers

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// Characters (not bytes) before `offset`, for messages about a position in a Chinese text.
std::size_t characters_before(std::string_view text, std::size_t offset) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

/// A decimal number with nothing else around it; nothing for text, NaN or infinity. strtod under the "C" locale
/// (the programs never change it), because std::from_chars for double is missing in Emscripten's libc++.
std::optional<double> parse_number(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > 40) return std::nullopt;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return std::nullopt;
  const std::string copy(text);
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

// [SECTION] Field rules

/// The columns (and GeoJSON properties) a site is read from.
enum class Column : std::uint8_t { type, name, town, address, lat, lon, phone, hours, facilities, bookable, count };

struct ColumnName {
  std::string_view name;
  Column column;
};
constexpr std::array kColumnNames{
    ColumnName{"type", Column::type},
    ColumnName{"类型", Column::type},
    ColumnName{"name", Column::name},
    ColumnName{"名称", Column::name},
    ColumnName{"town", Column::town},
    ColumnName{"镇街", Column::town},
    ColumnName{"乡镇", Column::town},
    ColumnName{"街道", Column::town},
    ColumnName{"address", Column::address},
    ColumnName{"地址", Column::address},
    ColumnName{"lat", Column::lat},
    ColumnName{"latitude", Column::lat},
    ColumnName{"纬度", Column::lat},
    ColumnName{"lon", Column::lon},
    ColumnName{"lng", Column::lon},
    ColumnName{"longitude", Column::lon},
    ColumnName{"经度", Column::lon},
    ColumnName{"phone", Column::phone},
    ColumnName{"电话", Column::phone},
    ColumnName{"hours", Column::hours},
    ColumnName{"opening_hours", Column::hours},
    ColumnName{"开放时间", Column::hours},
    ColumnName{"营业时间", Column::hours},
    ColumnName{"facilities", Column::facilities},
    ColumnName{"设施", Column::facilities},
    ColumnName{"bookable", Column::bookable},
    ColumnName{"可预约", Column::bookable},
};

std::optional<Column> column_named(std::string_view header) {
  const std::string name = lower_ascii(trim(header));
  for (const ColumnName& c : kColumnNames)
    if (c.name == name) return c.column;
  return std::nullopt;
}

struct FacilityName {
  std::string_view name;
  std::string_view id;
};
// The facility ids of the data sets (tools/demo_data, tools/scale_data) and the words staff write for them.
constexpr std::array kFacilityNames{
    FacilityName{"water", "water"},      FacilityName{"饮水", "water"},
    FacilityName{"饮用水", "water"},     FacilityName{"hot_water", "hot_water"},
    FacilityName{"热水", "hot_water"},   FacilityName{"charging", "charging"},
    FacilityName{"充电", "charging"},    FacilityName{"microwave", "microwave"},
    FacilityName{"微波炉", "microwave"}, FacilityName{"toilet", "toilet"},
    FacilityName{"厕所", "toilet"},      FacilityName{"卫生间", "toilet"},
    FacilityName{"wifi", "wifi"},        FacilityName{"wi-fi", "wifi"},
    FacilityName{"无线网络", "wifi"},    FacilityName{"aed", "aed"},
    FacilityName{"除颤仪", "aed"},       FacilityName{"rest_area", "rest_area"},
    FacilityName{"休息区", "rest_area"}, FacilityName{"books", "books"},
    FacilityName{"图书", "books"},       FacilityName{"first_aid", "first_aid"},
    FacilityName{"急救箱", "first_aid"}, FacilityName{"nursing", "nursing"},
    FacilityName{"母婴室", "nursing"},   FacilityName{"parking", "parking"},
    FacilityName{"停车", "parking"},
};

/// One row's values, as text (CSV) or already typed (GeoJSON coordinates, facility lists).
struct Fields {
  std::array<std::string, static_cast<std::size_t>(Column::count)> text;
  std::optional<double> lat, lon;          // GeoJSON: from the geometry
  std::vector<std::string> facility_list;  // GeoJSON: an array property
  bool has_facility_list = false;
  std::string& operator[](Column c) { return text[static_cast<std::size_t>(c)]; }
};

std::optional<SiteType> type_named(std::string_view text) {
  if (const auto type = site_type_from_id(lower_ascii(text))) return type;
  for (const SiteTypeInfo& info : all_site_types())
    if (info.name_zh == text) return info.type;
  return std::nullopt;
}

/// Splits "water|充电、toilet" into items.
std::vector<std::string> split_facilities(std::string_view text) {
  std::vector<std::string> items;
  std::string current;
  const auto flush = [&] {
    const std::string_view t = trim(current);
    if (!t.empty()) items.emplace_back(t);
    current.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '|' || text[i] == ';' || text[i] == ',') {
      flush();
      ++i;
    } else if (text.substr(i, 3) == "、" || text.substr(i, 3) == "，" || text.substr(i, 3) == "；") {
      flush();
      i += 3;
    } else {
      current += text[i++];
    }
  }
  flush();
  return items;
}

/// Builds the site of a row, or says why not (first problem only).
bool build_site(Fields& f, const ImportOptions& options, Site& site, std::string& error) {
  for (const std::string& value : f.text)
    if (value.size() > kMaxFieldBytes) {
      error = "a field is longer than " + std::to_string(kMaxFieldBytes) + " bytes";
      return false;
    }
  const std::string type_text(trim(f[Column::type]));
  if (type_text.empty()) {
    error = "type is empty";
    return false;
  }
  const auto type = type_named(type_text);
  if (!type) {
    error = "unknown type '" + type_text + "' (an id such as love_station or a name such as 爱心驿站)";
    return false;
  }
  site.type = *type;
  site.name = std::string(trim(f[Column::name]));
  if (site.name.empty()) {
    error = "name is empty";
    return false;
  }
  const std::optional<double> lat = f.lat ? f.lat : parse_number(f[Column::lat]);
  const std::optional<double> lon = f.lon ? f.lon : parse_number(f[Column::lon]);
  if (!lat || !lon) {
    error = std::string(!lat ? "lat" : "lon") + " is not a number";
    return false;
  }
  if (*lat == 0 && *lon == 0) {
    error = "coordinates are 0,0 (missing?)";
    return false;
  }
  if (!is_valid(LatLon{*lat, *lon})) {
    error = "coordinates out of range (lat -90..90, lon -180..180)";
    if (is_valid(LatLon{*lon, *lat}) && inside_china_datum_box(LatLon{*lon, *lat}))
      error += ": latitude and longitude look swapped";
    return false;
  }
  site.position = LatLon{*lat, *lon};
  if (options.datum == Datum::gcj02) site.position = gcj02_to_wgs84(site.position);
  site.town = std::string(trim(f[Column::town]));
  site.address = std::string(trim(f[Column::address]));
  site.phone = std::string(trim(f[Column::phone]));
  site.hours = std::string(trim(f[Column::hours]));
  if (!site.hours.empty()) {
    const auto parsed = parse_opening_hours(site.hours);
    if (const auto* e = std::get_if<HoursError>(&parsed)) {
      error = "hours '" + site.hours + "': " + e->message + " (at character " +
              std::to_string(characters_before(site.hours, e->offset) + 1) + ")";
      return false;
    }
  }
  const std::vector<std::string> facilities =
      f.has_facility_list ? f.facility_list : split_facilities(f[Column::facilities]);
  for (const std::string& item : facilities) {
    const std::string key = lower_ascii(item);
    const auto known = std::find_if(kFacilityNames.begin(), kFacilityNames.end(),
                                    [&](const FacilityName& n) { return n.name == key; });
    if (known == kFacilityNames.end()) {
      error = "unknown facility '" + item + "'";
      return false;
    }
    if (std::find(site.facilities.begin(), site.facilities.end(), known->id) == site.facilities.end())
      site.facilities.emplace_back(known->id);
  }
  const std::string bookable = lower_ascii(trim(f[Column::bookable]));
  if (bookable == "1" || bookable == "true" || bookable == "yes" || bookable == "是") {
    site.bookable = true;
  } else if (!(bookable.empty() || bookable == "0" || bookable == "false" || bookable == "no" || bookable == "否")) {
    error = "bookable must be 1/0, true/false or 是/否";
    return false;
  }
  return true;
}

// [SECTION] Duplicates

/// A row that became a site, before the duplicate check.
struct Candidate {
  std::size_t row;
  Site site;
};

/// Moves the candidates into the report, each unless it duplicates a stored site or an earlier good row.
void check_duplicates(std::vector<Candidate>& candidates, std::span<const Site> existing, const ImportOptions& options,
                      ImportReport& report) {
  std::vector<LatLon> positions;
  positions.reserve(existing.size());
  for (const Site& s : existing) positions.push_back(s.position);
  const RingIndex stored(positions, options.duplicate_distance);
  positions.clear();
  for (const Candidate& c : candidates) positions.push_back(c.site.position);
  const RingIndex uploaded(positions, options.duplicate_distance);
  std::vector<char> rejected(candidates.size(), 0);
  for (std::uint32_t i = 0; i < candidates.size(); ++i) {
    const Site& site = candidates[i].site;
    std::optional<std::int64_t> same_stored;
    stored.for_each_within(site.position, [&](std::uint32_t j) {
      if (!same_stored && existing[j].name == site.name) same_stored = existing[j].id.value;
    });
    if (same_stored) {
      report.errors.push_back(
          {candidates[i].row, "duplicate of stored site " + std::to_string(*same_stored) + " (" + site.name +
                                  ", within " + std::to_string(static_cast<int>(options.duplicate_distance.value)) +
                                  " m)"});
      rejected[i] = 1;
      continue;
    }
    std::optional<std::uint32_t> earlier;
    uploaded.for_each_within(site.position, [&](std::uint32_t j) {
      if (j < i && !rejected[j] && candidates[j].site.name == site.name && (!earlier || j < *earlier)) earlier = j;
    });
    if (earlier) {
      report.errors.push_back(
          {candidates[i].row, "duplicate of row " + std::to_string(candidates[*earlier].row) + " (" + site.name + ")"});
      rejected[i] = 1;
    }
  }
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (!rejected[i]) report.sites.push_back(std::move(candidates[i].site));
  std::stable_sort(report.errors.begin(), report.errors.end(),
                   [](const ImportIssue& a, const ImportIssue& b) { return a.row < b.row; });
}

// [SECTION] GeoJSON

/// The string member `key` of an object, or "" (json::value() would throw on a member of another type).
std::string member_text(const json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

/// A property as text: strings as they are, numbers and booleans written out, null as empty.
bool property_text(const json& value, std::string& out) {
  if (value.is_null()) return true;
  if (value.is_string()) {
    out = value.get<std::string>();
    return true;
  }
  if (value.is_boolean()) {
    out = value.get<bool>() ? "true" : "false";
    return true;
  }
  if (value.is_number()) {
    out = value.dump();
    return true;
  }
  return false;
}

}  // namespace

// [SECTION] Public functions

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t n;
    char32_t cp;
    if (b < 0x80) {
      ++i;
      continue;
    } else if ((b & 0xE0) == 0xC0) {
      n = 2;
      cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
      n = 3;
      cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
      n = 4;
      cp = b & 0x07;
    } else {
      return false;
    }
    if (i + n > text.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

ImportReport import_sites_csv(std::string_view text, const ImportOptions& options, std::span<const Site> existing) {
  ImportReport report;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte order mark (Excel writes one)
  if (!is_valid_utf8(text)) {
    report.errors.push_back({0, "the file is not UTF-8 (upload GB18030 with encoding=gb18030)"});
    return report;
  }
  std::vector<CsvRecord> records;
  std::size_t bad_line = 0;
  if (!csv_records(text, records, bad_line)) {
    report.errors.push_back({bad_line, "a quoted field starting on this row is never closed"});
    return report;
  }
  std::size_t first = 0;
  while (first < records.size() && csv_blank(records[first])) ++first;
  if (first == records.size()) {
    report.errors.push_back({0, "the file has no header row and no sites"});
    return report;
  }
  // The header: which column each field is; unknown names are ignored (a spreadsheet's own notes).
  const CsvRecord& header = records[first];
  std::vector<std::optional<Column>> columns;
  std::array<bool, static_cast<std::size_t>(Column::count)> present{};
  for (const std::string& name : header.fields) {
    columns.push_back(column_named(name));
    if (columns.back()) {
      if (present[static_cast<std::size_t>(*columns.back())]) {
        report.errors.push_back({header.line, "column '" + std::string(trim(name)) + "' appears twice"});
        return report;
      }
      present[static_cast<std::size_t>(*columns.back())] = true;
    }
  }
  for (auto [column, name] : {std::pair{Column::type, "type/类型"}, std::pair{Column::name, "name/名称"},
                              std::pair{Column::lat, "lat/纬度"}, std::pair{Column::lon, "lon/经度"}})
    if (!present[static_cast<std::size_t>(column)]) {
      report.errors.push_back({header.line, std::string("the header has no column ") + name});
      return report;
    }
  std::vector<Candidate> candidates;
  for (std::size_t r = first + 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (csv_blank(record)) continue;
    ++report.rows;
    if (record.fields.size() != header.fields.size()) {
      report.errors.push_back({record.line, "has " + std::to_string(record.fields.size()) + " fields, the header " +
                                                std::to_string(header.fields.size())});
      continue;
    }
    Fields fields;
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (columns[c]) fields[*columns[c]] = record.fields[c];
    Candidate candidate{record.line, {}};
    std::string error;
    if (build_site(fields, options, candidate.site, error))
      candidates.push_back(std::move(candidate));
    else
      report.errors.push_back({record.line, std::move(error)});
  }
  if (report.rows == 0) report.errors.push_back({0, "the file has a header but no sites"});
  check_duplicates(candidates, existing, options, report);
  return report;
}

ImportReport import_sites_geojson(std::string_view text, const ImportOptions& options, std::span<const Site> existing) {
  ImportReport report;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const json doc = parse_json_or_discarded(text);
  if (doc.is_discarded()) {
    report.errors.push_back({0, "the file is not JSON (or not UTF-8)"});
    return report;
  }
  std::vector<const json*> features;
  if (member_text(doc, "type") == "FeatureCollection" && doc.contains("features") && doc["features"].is_array()) {
    for (const json& f : doc["features"]) features.push_back(&f);
  } else if (member_text(doc, "type") == "Feature") {
    features.push_back(&doc);
  } else {
    report.errors.push_back({0, "expected a GeoJSON FeatureCollection of Point features"});
    return report;
  }
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < features.size(); ++i) {
    const json& feature = *features[i];
    const std::size_t row = i + 1;
    ++report.rows;
    const auto fail = [&](std::string message) { report.errors.push_back({row, std::move(message)}); };
    if (member_text(feature, "type") != "Feature") {
      fail("not a GeoJSON Feature");
      continue;
    }
    const auto geometry = feature.find("geometry");
    if (geometry == feature.end() || member_text(*geometry, "type") != "Point") {
      fail("geometry must be a Point");
      continue;
    }
    const auto coordinates = geometry->find("coordinates");
    if (coordinates == geometry->end() || !coordinates->is_array() || coordinates->size() < 2 ||
        !(*coordinates)[0].is_number() || !(*coordinates)[1].is_number()) {
      fail("coordinates must be [longitude, latitude] numbers");
      continue;
    }
    Fields fields;
    fields.lon = (*coordinates)[0].get<double>();
    fields.lat = (*coordinates)[1].get<double>();
    const auto properties = feature.find("properties");
    bool readable = true;
    if (properties != feature.end() && properties->is_object()) {
      for (const auto& [key, value] : properties->items()) {
        const auto column = column_named(key);
        if (!column || *column == Column::lat || *column == Column::lon) continue;
        if (*column == Column::facilities && value.is_array()) {
          fields.has_facility_list = true;
          for (const json& item : value) {
            if (!item.is_string())
              readable = false;
            else
              fields.facility_list.push_back(item.get<std::string>());
          }
        } else if (!property_text(value, fields[*column])) {
          readable = false;
        }
        if (!readable) {
          fail("property '" + key + "' must be text, a number or true/false");
          break;
        }
      }
    } else if (properties != feature.end() && !properties->is_null()) {
      fail("properties must be an object");
      continue;
    }
    if (!readable) continue;
    Candidate candidate{row, {}};
    std::string error;
    if (build_site(fields, options, candidate.site, error))
      candidates.push_back(std::move(candidate));
    else
      fail(std::move(error));
  }
  if (report.rows == 0) report.errors.push_back({0, "the collection has no features"});
  check_duplicates(candidates, existing, options, report);
  return report;
}

}  // namespace gongyou
