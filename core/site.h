// core/site.h — a union service site (服务阵地) and its JSON form (api.md "Site").
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/site_type.h"
#include "core/units.h"

namespace gongyou {

/// A place on the map where the union serves workers.
struct Site {
  SiteId id;
  SiteType type = SiteType::service_center;
  std::string name;                     ///< e.g. "螺城镇爱心驿站（八二三路）"
  std::string town;                     ///< the town (镇/街道) it belongs to
  std::string address;                  ///< postal address, Chinese
  LatLon position;                      ///< WGS-84
  std::string phone;                    ///< tap-to-call number, may be empty
  std::string hours;                    ///< OpenStreetMap opening_hours syntax, e.g. "Tu-Su 09:00-21:00"
  std::vector<std::string> facilities;  ///< e.g. "water", "charging", "toilet"
  bool bookable = false;                ///< slots can be booked (Workers' Homes, studios)
  /// Field-by-field equality (a JSON round trip gives an equal site).
  friend bool operator==(const Site&, const Site&) = default;
};

/// A decoding failure: which field and why, in words a client developer can act on.
struct DecodeError {
  std::string message;
};

/// Either a value or the reason it could not be decoded.
template <class T>
using Decoded = std::variant<T, DecodeError>;

/// The API form of a site.
nlohmann::json to_json(const Site& site);

/// Reads a site from its API form, checking every field's presence, type and range.
/// Never throws and never aborts on bad input (the wasm build has no exceptions).
Decoded<Site> site_from_json(const nlohmann::json& j);

/// Parses a JSON document without throwing; a discarded value on malformed or non-UTF-8 text.
nlohmann::json parse_json_or_discarded(std::string_view text);

}  // namespace gongyou
