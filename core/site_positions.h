// core/site_positions.h — every site as id, type and position only: the compact bulk form the map clusters
// (GET /api/v1/sites/positions, docs/api-scale.md). Columns, not objects: ids as deltas from the previous id,
// coordinates as integers of 1e-5 degree (about 1 m), so 150,000 sites travel in ~3 MB of JSON.
#pragma once
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "core/site.h"
#include "core/site_type.h"
#include "core/units.h"

namespace gongyou {

/// Columns of the sites' positions, one row per site, in increasing id order.
struct SitePositions {
  std::vector<SiteId> ids;
  std::vector<SiteType> types;
  std::vector<LatLon> positions;  ///< WGS-84, rounded to 1e-5 degree
  /// Number of sites.
  std::size_t size() const { return ids.size(); }
};

/// The compact JSON of `sites` (which must be in increasing id order, as Store::all_sites gives them).
std::string encode_site_positions(std::span<const Site> sites);

/// Reads the compact JSON; every column is checked (lengths, increasing ids, known types, valid coordinates).
Decoded<SitePositions> decode_site_positions(const nlohmann::json& j);

}  // namespace gongyou
