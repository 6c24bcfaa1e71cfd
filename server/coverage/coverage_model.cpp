// server/coverage/coverage_model.cpp — see coverage_model.h.
#include "server/coverage/coverage_model.h"

#include <algorithm>

#include "core/geo.h"

namespace gongyou::server {
namespace {

/// Bit i set for the i-th type of all_site_types(); every bit for an empty list.
std::uint32_t type_mask(std::span<const SiteType> types) {
  if (types.empty()) return ~std::uint32_t{0};
  std::uint32_t mask = 0;
  for (SiteType type : types) mask |= std::uint32_t{1} << static_cast<unsigned>(type);
  return mask;
}

/// The cached models kept at most (type sets asked for since the last import).
constexpr std::size_t kMaxModels = 32;

}  // namespace

WorkplaceSet::WorkplaceSet(std::vector<Workplace> workplaces) : workplaces_(std::move(workplaces)) {
  for (const Workplace& w : workplaces_) towns_.push_back(w.town);
  std::sort(towns_.begin(), towns_.end());
  towns_.erase(std::unique(towns_.begin(), towns_.end()), towns_.end());
  demand_.reserve(workplaces_.size());
  for (const Workplace& w : workplaces_) demand_.push_back({w.position, w.members, *town_index(w.town)});
}

std::optional<std::uint32_t> WorkplaceSet::town_index(std::string_view name) const {
  const auto it = std::lower_bound(towns_.begin(), towns_.end(), name);
  if (it == towns_.end() || *it != name) return std::nullopt;
  return static_cast<std::uint32_t>(it - towns_.begin());
}

CoverageModel::CoverageModel(std::shared_ptr<const SiteSnapshot> snapshot, const WorkplaceSet& workplaces,
                             std::span<const SiteType> types)
    : snapshot_(std::move(snapshot)) {
  const std::uint32_t mask = type_mask(types);
  std::vector<LatLon> positions;
  sites_per_town_.assign(workplaces.towns().size(), 0);
  for (const Site& site : snapshot_->sites()) {
    if ((mask & (std::uint32_t{1} << static_cast<unsigned>(site.type))) == 0) continue;
    sites_.push_back(&site);
    positions.push_back(site.position);
    if (const auto town = workplaces.town_index(site.town)) ++sites_per_town_[*town];
  }
  rings_ = RingIndex(positions, walk_ring_radius());
  const auto& demand = workplaces.demand();
  covered_.resize(demand.size());
  for (std::size_t i = 0; i < demand.size(); ++i) covered_[i] = rings_.any_within(demand[i].position) ? 1 : 0;
  towns_.resize(workplaces.towns().size());
  for (std::size_t i = 0; i < demand.size(); ++i) {
    towns_[demand[i].group].members += demand[i].members;
    if (covered_[i]) towns_[demand[i].group].covered += demand[i].members;
  }
}

std::vector<CoverageSuggestion> suggest(const CoverageModel& model, const WorkplaceSet& workplaces,
                                        const std::optional<std::vector<std::uint32_t>>& scope, std::size_t k,
                                        std::uint64_t& members, std::uint64_t& covered) {
  members = covered = 0;
  // Only the scope's uncovered workplaces matter to the gains; the covered ones count in the totals.
  std::vector<DemandPoint> open;
  const auto& demand = workplaces.demand();
  const auto take = [&](std::uint32_t i) {
    members += demand[i].members;
    if (model.covered()[i])
      covered += demand[i].members;
    else
      open.push_back(demand[i]);
  };
  if (scope)
    for (std::uint32_t i : *scope) take(i);
  else
    for (std::uint32_t i = 0; i < demand.size(); ++i) take(i);
  const auto candidates = grid_candidates(open, {});
  std::vector<LatLon> positions;
  positions.reserve(candidates.size());
  for (const auto& c : candidates) positions.push_back(c.position);
  std::vector<CoverageSuggestion> out;
  std::uint64_t reached = covered;
  // `open` is already out of every ring: an empty site index (same radius) spares suggest_sites checking it again.
  const RingIndex no_sites(std::span<const LatLon>{}, model.rings().radius());
  for (const SiteSuggestion& s : suggest_sites(no_sites, open, positions, k)) {
    reached += s.members_added;
    out.push_back({positions[s.candidate], s.members_added, candidates[s.candidate].group,
                   members == 0 ? 0.0 : static_cast<double>(reached) / static_cast<double>(members)});
  }
  return out;
}

std::shared_ptr<const SuggestionRun> CoverageModel::where_next(const WorkplaceSet& workplaces,
                                                              std::optional<std::uint32_t> town) const {
  const std::int64_t key = town ? std::int64_t{*town} : -1;
  // One computation per key at a time; a request for another key waits too (they are rare and each is bounded).
  const std::lock_guard lock(runs_mutex_);
  if (const auto it = runs_.find(key); it != runs_.end()) return it->second;
  auto run = std::make_shared<SuggestionRun>();
  std::optional<std::vector<std::uint32_t>> scope;
  if (town) {
    scope.emplace();
    const auto& demand = workplaces.demand();
    for (std::uint32_t i = 0; i < demand.size(); ++i)
      if (demand[i].group == *town) scope->push_back(i);
  }
  run->items = suggest(*this, workplaces, scope, kMaxSuggestions, run->members, run->covered);
  runs_.emplace(key, run);
  return run;
}

std::shared_ptr<const CoverageModel> CoverageCache::model(std::span<const SiteType> types) {
  const std::uint32_t mask = type_mask(types);
  std::promise<std::shared_ptr<const CoverageModel>> promise;
  std::shared_ptr<const SiteSnapshot> current;
  std::shared_future<std::shared_ptr<const CoverageModel>> known;  // ready, or being built by another request
  {
    const std::lock_guard lock(mutex_);
    // Read under the lock: snapshot_ then only ever moves to a newer snapshot.
    current = directory_.current();
    if (current != snapshot_) {  // sites were imported or changed: every model is stale
      models_.clear();
      snapshot_ = current;
    }
    if (const auto it = models_.find(mask); it != models_.end()) {
      known = it->second;
    } else {
      if (models_.size() >= kMaxModels) models_.clear();
      models_.emplace(mask, promise.get_future().share());
    }
  }
  if (known.valid()) return known.get();  // waits, without the lock, when another request is building it
  // Built without the lock (about half a second at national scale): the other models stay available meanwhile, and
  // requests for this one wait for this build instead of starting their own.
  try {
    auto built = std::make_shared<const CoverageModel>(current, workplaces_, types);
    promise.set_value(built);
    return built;
  } catch (...) {
    promise.set_exception(std::current_exception());
    const std::lock_guard lock(mutex_);
    if (snapshot_ == current) models_.erase(mask);  // the next request tries again
    throw;
  }
}

}  // namespace gongyou::server
