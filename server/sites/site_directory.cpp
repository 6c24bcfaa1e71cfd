// server/sites/site_directory.cpp — see site_directory.h.
#include "server/sites/site_directory.h"

#include <algorithm>

#include "core/geo.h"
#include "core/pinyin.h"

namespace gongyou::server {
namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// Whether `text` contains `needle`, ASCII letters compared without case (as GET /sites' q in SQL).
bool contains_nocase(std::string_view text, std::string_view needle) {
  return std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                     [](char a, char b) { return ascii_lower(a) == ascii_lower(b); }) != text.end();
}

std::vector<LatLon> positions_of(const std::vector<Site>& sites) {
  std::vector<LatLon> positions;
  positions.reserve(sites.size());
  for (const Site& site : sites) positions.push_back(site.position);
  return positions;
}

}  // namespace

SiteSnapshot::SiteSnapshot(std::vector<Site> sites) : sites_(std::move(sites)), index_(positions_of(sites_)) {
  pinyin_keys_.reserve(sites_.size());
  // One string per site: a letters-only query cannot match across the '|' between the four parts.
  for (const Site& site : sites_)
    pinyin_keys_.push_back(pinyin_initials(site.name) + '|' + pinyin_initials(site.address) + '|' +
                           pinyin_full(site.name) + '|' + pinyin_full(site.address));
}

std::vector<SiteId> SiteSnapshot::matching_pinyin(std::string_view query) const {
  std::string lowered(query);
  for (char& c : lowered)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  std::vector<SiteId> ids;
  for (std::size_t i = 0; i < sites_.size(); ++i)
    if (pinyin_keys_[i].find(lowered) != std::string::npos) ids.push_back(sites_[i].id);
  return ids;
}

std::vector<NearbySite> SiteSnapshot::nearest(LatLon from, std::size_t k, std::optional<Minutes> max_walk,
                                              std::span<const SiteType> types, std::string_view text) const {
  const Metres max_distance = max_walk ? walk_ring_radius(*max_walk) : Metres{1e300};
  std::string pinyin;
  if (is_pinyin_query(text))
    for (const char c : text) pinyin += ascii_lower(c);
  const auto wanted = [&](std::uint32_t index) {
    const Site& site = sites_[index];
    if (!types.empty() && std::find(types.begin(), types.end(), site.type) == types.end()) return false;
    if (text.empty() || contains_nocase(site.name, text) || contains_nocase(site.address, text) ||
        contains_nocase(site.town, text))
      return true;
    return !pinyin.empty() && pinyin_keys_[index].find(pinyin) != std::string::npos;
  };
  std::vector<NearbySite> result;
  for (const Neighbour& neighbour : index_.nearest(from, k, max_distance, wanted))
    result.push_back({&sites_[neighbour.index], neighbour.distance, walk_minutes(neighbour.distance)});
  return result;
}

}  // namespace gongyou::server
