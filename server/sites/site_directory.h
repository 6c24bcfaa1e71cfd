// server/sites/site_directory.h — every site held in memory with a spatial index over them, for the
// nearest-site queries (no database scan). The snapshot is immutable and swapped whole when sites change,
// so readers never lock.
#pragma once
#include <atomic>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/site.h"
#include "core/spatial_index.h"
#include "core/units.h"

namespace gongyou::server {

/// A site near a point, with the distance and the walking time to it.
struct NearbySite {
  const Site* site;
  Metres distance;    ///< great-circle distance
  Minutes walk_time;  ///< walk_minutes(distance), detour factor included
};

/// An immutable set of sites and its spatial index.
class SiteSnapshot {
 public:
  /// Indexes the sites (their positions must be valid).
  explicit SiteSnapshot(std::vector<Site> sites);

  /// Up to k sites nearest to `from`, nearest first, only of `types` (all when empty), only within `max_walk` on
  /// foot when given, and only those whose name, address or town contain `text` (ASCII case ignored) or, for a
  /// pinyin search, whose name or address read as pinyin do (initials or whole syllables; all when `text` is empty).
  std::vector<NearbySite> nearest(LatLon from, std::size_t k, std::optional<Minutes> max_walk,
                                  std::span<const SiteType> types, std::string_view text = {}) const;

  /// Ids of the sites, in id order, whose name or address read as pinyin (core/pinyin.h: initials "lcz" or whole
  /// syllables "luocheng") contains `query`, a pinyin search (is_pinyin_query; upper case is accepted).
  std::vector<SiteId> matching_pinyin(std::string_view query) const;

  /// Number of sites.
  std::size_t size() const { return sites_.size(); }

  /// Every site, in id order.
  const std::vector<Site>& sites() const { return sites_; }

 private:
  std::vector<Site> sites_;  ///< in id order (Store::all_sites)
  /// Parallel to sites_: "initials(name)|initials(address)|pinyin(name)|pinyin(address)", made once per snapshot.
  std::vector<std::string> pinyin_keys_;
  SpatialIndex index_;
};

/// The current snapshot; replaced atomically.
class SiteDirectory {
 public:
  SiteDirectory() : current_(std::make_shared<const SiteSnapshot>(std::vector<Site>{})) {}

  /// Makes `sites` the current set (rebuilds the index off to the side, then swaps).
  void replace(std::vector<Site> sites) { current_.store(std::make_shared<const SiteSnapshot>(std::move(sites))); }

  /// The current snapshot; stays valid for as long as the caller holds it.
  std::shared_ptr<const SiteSnapshot> current() const { return current_.load(); }

 private:
  std::atomic<std::shared_ptr<const SiteSnapshot>> current_;
};

}  // namespace gongyou::server
