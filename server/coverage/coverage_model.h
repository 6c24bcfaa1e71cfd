// server/coverage/coverage_model.h — the staff coverage analysis (覆盖分析, docs/api-coverage.md) over the in-memory
// sites and the workplaces read at start: which workplaces lie within a 15-minute ring of a site of the asked types,
// members and share per town, and "where next". A model is built once per site snapshot and type set and cached:
// an import swaps the directory's snapshot, and the next request builds a fresh model.
#pragma once
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/coverage.h"
#include "core/coverage_analysis.h"
#include "core/site_type.h"
#include "server/sites/site_directory.h"

namespace gongyou::server {

/// The workplaces as loaded at start, with their towns numbered (the demand points' groups).
class WorkplaceSet {
 public:
  /// Numbers the towns (sorted by name) and makes the demand points.
  explicit WorkplaceSet(std::vector<Workplace> workplaces);
  /// Every workplace, in store order.
  const std::vector<Workplace>& workplaces() const { return workplaces_; }
  /// demand()[i] is workplaces()[i] as a demand point; group = the town's index in towns().
  const std::vector<DemandPoint>& demand() const { return demand_; }
  /// The town names, sorted.
  const std::vector<std::string>& towns() const { return towns_; }
  /// The index of a town in towns(), if some workplace is in it.
  std::optional<std::uint32_t> town_index(std::string_view name) const;

 private:
  std::vector<Workplace> workplaces_;
  std::vector<DemandPoint> demand_;
  std::vector<std::string> towns_;
};

/// One "where next" suggestion.
struct CoverageSuggestion {
  LatLon position;
  std::uint64_t members_added = 0;  ///< members newly within reach, after the suggestions before it
  std::uint32_t town = 0;           ///< index in WorkplaceSet::towns()
  double share_after = 0;           ///< share of the scope's members within reach once this one is built too
};

/// "Where next" for a town (or all workplaces): the scope's totals and the suggestions up to kMaxSuggestions.
struct SuggestionRun {
  std::uint64_t members = 0, covered = 0;  ///< the scope's members, and those within reach before any suggestion
  std::vector<CoverageSuggestion> items;   ///< the greedy order: any k's answer is the first k of these
};

/// The most suggestions computed (and asked for) at once.
inline constexpr std::size_t kMaxSuggestions = 20;

/// The coverage of one site snapshot's sites of some types over the workplaces. Immutable but for the "where next"
/// runs it remembers (thread-safe).
class CoverageModel {
 public:
  /// Indexes the sites of `types` (every type when empty) at walk_ring_radius() and checks every workplace.
  CoverageModel(std::shared_ptr<const SiteSnapshot> snapshot, const WorkplaceSet& workplaces,
                std::span<const SiteType> types);
  /// The rings of the chosen sites.
  const RingIndex& rings() const { return rings_; }
  /// The chosen sites, in id order.
  const std::vector<const Site*>& sites() const { return sites_; }
  /// covered()[i] is 1 when workplaces()[i] is within a ring.
  const std::vector<std::uint8_t>& covered() const { return covered_; }
  /// Members and members within reach per town (indexed like WorkplaceSet::towns()).
  const std::vector<GroupCoverage>& towns() const { return towns_; }
  /// Chosen sites per town (Site::town equal to the town's name), indexed like towns().
  const std::vector<std::uint32_t>& sites_per_town() const { return sites_per_town_; }
  /// "Where next" for one town (all workplaces when nothing), kMaxSuggestions deep; computed once, then remembered.
  std::shared_ptr<const SuggestionRun> where_next(const WorkplaceSet& workplaces, std::optional<std::uint32_t> town) const;

 private:
  std::shared_ptr<const SiteSnapshot> snapshot_;  // keeps sites_ alive
  std::vector<const Site*> sites_;
  RingIndex rings_;
  std::vector<std::uint8_t> covered_;
  std::vector<GroupCoverage> towns_;
  std::vector<std::uint32_t> sites_per_town_;
  mutable std::mutex runs_mutex_;
  mutable std::map<std::int64_t, std::shared_ptr<const SuggestionRun>> runs_;  // by town, -1 for all
};

/// "Where next" for the workplaces of `scope` (indices into workplaces(); all when nothing): up to k suggestions
/// from grid_candidates() of the scope's uncovered workplaces, greedily (suggest_sites). `members` and
/// `covered` receive the scope's totals before any suggestion.
std::vector<CoverageSuggestion> suggest(const CoverageModel& model, const WorkplaceSet& workplaces,
                                        const std::optional<std::vector<std::uint32_t>>& scope, std::size_t k,
                                        std::uint64_t& members, std::uint64_t& covered);

/// The models of the directory's current snapshot, one per type set, built on first use.
class CoverageCache {
 public:
  /// Both must outlive the cache.
  CoverageCache(const SiteDirectory& directory, const WorkplaceSet& workplaces)
      : directory_(directory), workplaces_(workplaces) {}
  /// The model of the current sites of `types` (all when empty); cheap after the first call for a snapshot.
  std::shared_ptr<const CoverageModel> model(std::span<const SiteType> types);
  /// The workplaces.
  const WorkplaceSet& workplaces() const { return workplaces_; }

 private:
  const SiteDirectory& directory_;
  const WorkplaceSet& workplaces_;
  std::mutex mutex_;
  std::shared_ptr<const SiteSnapshot> snapshot_;  // the snapshot the models were built from
  /// By type bit mask; a model being built is a future not yet ready.
  std::map<std::uint32_t, std::shared_future<std::shared_ptr<const CoverageModel>>> models_;
};

}  // namespace gongyou::server
