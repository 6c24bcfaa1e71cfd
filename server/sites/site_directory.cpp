// server/sites/site_directory.cpp — see site_directory.h.
#include "server/sites/site_directory.h"

#include <algorithm>

#include "core/geo.h"
#include "core/pinyin.h"

namespace gongyou::server {
namespace {

std::vector<LatLon> positions_of(const std::vector<Site>& sites) {
  std::vector<LatLon> positions;
  positions.reserve(sites.size());
  for (const Site& site : sites) positions.push_back(site.position);
  return positions;
}

}  // namespace

SiteSnapshot::SiteSnapshot(std::vector<Site> sites) : sites_(std::move(sites)), index_(positions_of(sites_)) {
  initials_.reserve(sites_.size());
  for (const Site& site : sites_) initials_.push_back({pinyin_initials(site.name), pinyin_initials(site.address)});
}

std::vector<SiteId> SiteSnapshot::matching_initials(std::string_view query) const {
  std::string lowered(query);
  for (char& c : lowered)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  std::vector<SiteId> ids;
  for (std::size_t i = 0; i < sites_.size(); ++i)
    if (initials_[i].name.find(lowered) != std::string::npos || initials_[i].address.find(lowered) != std::string::npos)
      ids.push_back(sites_[i].id);
  return ids;
}

std::vector<NearbySite> SiteSnapshot::nearest(LatLon from, std::size_t k, std::optional<Minutes> max_walk,
                                              std::span<const SiteType> types) const {
  const Metres max_distance = max_walk ? walk_ring_radius(*max_walk) : Metres{1e300};
  const auto wanted = [&](std::uint32_t index) {
    return types.empty() || std::find(types.begin(), types.end(), sites_[index].type) != types.end();
  };
  std::vector<NearbySite> result;
  for (const Neighbour& neighbour : index_.nearest(from, k, max_distance, wanted))
    result.push_back({&sites_[neighbour.index], neighbour.distance, walk_minutes(neighbour.distance)});
  return result;
}

}  // namespace gongyou::server
