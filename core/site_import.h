// core/site_import.h — sites uploaded by staff as CSV or GeoJSON, checked row by row before anything is stored.
//
// Pure: the text arrives as UTF-8 (the server converts GB18030 uploads first); the caller stores the good sites
// only when the report has no error (all or nothing). Every bad row is reported with its row number and reason:
// bad or swapped coordinates, unknown type, empty name, unreadable hours, unknown facility, a duplicate of another
// row or of a stored site (same name within `duplicate_distance`).
//
// CSV (RFC 4180: quoted fields may hold commas, quotes "" and line breaks; optional UTF-8 BOM): a header row names
// the columns, in any order, in English or Chinese:
//   type 类型 · name 名称 · lat 纬度 · lon/lng 经度 (required) · town 镇街 · address 地址 · phone 电话 ·
//   hours 开放时间 · facilities 设施 · bookable 可预约
// type is an API id ("love_station") or its Chinese name ("爱心驿站"); facilities are ids or Chinese names separated
// by | ; 、 or ，. GeoJSON: a FeatureCollection (or one Feature) of Points, [lon, lat], the same names as properties.
#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"
#include "core/site.h"
#include "core/units.h"

namespace gongyou {

/// The datum of the uploaded coordinates.
enum class Datum : std::uint8_t {
  wgs84,  ///< GPS, OpenStreetMap, the product's own
  gcj02,  ///< Amap/Gaode, Tencent: converted to WGS-84 on import (core/china_coordinates.h)
};

/// How an upload is read.
struct ImportOptions {
  Datum datum = Datum::wgs84;
  Metres duplicate_distance{30};  ///< sites with the same name closer than this are duplicates
};

/// What an upload holds: the sites of the good rows (ids 0: the store gives them) and one issue per bad row.
struct ImportReport {
  std::vector<Site> sites;
  std::vector<ImportIssue> errors;
  std::size_t rows = 0;  ///< data rows read
  /// True when every row is good: only then may the sites be stored.
  bool ok() const { return errors.empty() && rows > 0; }
};

/// Reads a CSV upload (UTF-8, BOM allowed); `existing` are the stored sites, for the duplicate check.
ImportReport import_sites_csv(std::string_view text, const ImportOptions& options, std::span<const Site> existing = {});

/// Reads a GeoJSON upload; `existing` as for CSV.
ImportReport import_sites_geojson(std::string_view text, const ImportOptions& options,
                                  std::span<const Site> existing = {});

/// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view text);

}  // namespace gongyou
