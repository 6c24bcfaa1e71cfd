// server/store/store.h — what the server needs from persistent storage, independent of the database.
// SqliteStore (store/sqlite/) implements it today; a PostgreSQL store will implement the same interface.
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/site.h"
#include "core/units.h"

namespace gongyou::server {

/// Which sites a listing returns; every part is optional and they combine with AND.
struct SiteFilter {
  std::optional<BoundingBox> bbox;  ///< only sites inside (borders included)
  std::vector<SiteType> types;      ///< only sites of these types; empty means every type
  std::string text;                 ///< substring of name, address or town, taken literally; empty means any
};

/// One page of a listing ordered by id.
struct SitePageRequest {
  SiteFilter filter;
  SiteId after;           ///< return only ids greater than this (0 = from the start)
  std::size_t limit = 100;
};

/// The sites of one page and whether more follow.
struct SitePage {
  std::vector<Site> items;
  bool has_more = false;
};

/// Persistent storage. Implementations are safe to call from many threads at once.
class Store {
 public:
  virtual ~Store() = default;

  /// One page of sites matching the filter, in id order.
  virtual SitePage list_sites(const SitePageRequest& request) = 0;

  /// The site with this id, if any.
  virtual std::optional<Site> find_site(SiteId id) = 0;

  /// Every site, in id order (to build the in-memory spatial index).
  virtual std::vector<Site> all_sites() = 0;

  /// Inserts the sites in one transaction when the store holds no site yet; false (and nothing
  /// written) when it already had sites. Sites with a positive id keep it.
  virtual bool seed_sites(std::span<const Site> sites) = 0;
};

}  // namespace gongyou::server
