// core/coverage.h — the 15-minute walking rings (15分钟服务圈) as a whole: how many rings cover each place,
// the share of union members within reach per town, and where k new sites would reach the most members.
//
// Every question is a fixed-radius search, answered by RingIndex: points on the unit sphere bucketed in a hashed
// 3-D grid whose cell is the chord of the radius, so the points within the radius of a place lie in the 27 cells
// around it (no scan, no projection error, any latitude). Queries allocate nothing; results go to caller buffers.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/geo.h"
#include "core/units.h"

namespace gongyou {

/// A fixed-radius index over a set of positions (sites, or demand points).
class RingIndex {
 public:
  RingIndex() = default;
  /// Indexes `positions` (valid coordinates) for searches within `radius` (e.g. walk_ring_radius()).
  RingIndex(std::span<const LatLon> positions, Metres radius);

  /// Calls `visit(index)` for every indexed position within the radius of `from` (great-circle, borders included).
  template <class Visit>
  void for_each_within(LatLon from, Visit&& visit) const;

  /// Number of indexed positions within the radius of `from`: the rings covering it, when sites are indexed.
  std::uint32_t count_within(LatLon from) const;

  /// True when some indexed position is within the radius of `from` (stops at the first found).
  bool any_within(LatLon from) const;

  /// The radius searched.
  Metres radius() const { return radius_; }
  /// Number of indexed positions.
  std::size_t size() const { return index_.size(); }

 private:
  struct Cell {
    std::uint64_t key;
    std::uint32_t begin, end;  // range in xyz_/index_
  };
  const Cell* find(std::uint64_t key) const;
  /// Calls `visit(index)` for the positions within the radius until it returns true; true if it did.
  template <class Visit>
  bool scan(LatLon from, Visit&& visit) const;
  void cell_of(const double xyz[3], std::int64_t cell[3]) const;

  Metres radius_{0};
  double cell_ = 1;                   // cell edge on the unit sphere (≥ the chord of the radius)
  double chord2_ = 0;                 // squared chord of the radius
  std::vector<double> xyz_;           // unit vectors in cell order, 3 per point
  std::vector<std::uint32_t> index_;  // input index, in cell order
  std::vector<Cell> table_;           // open addressing on key; empty slots have end == 0
  std::uint64_t mask_ = 0;
};

/// A union member's workplace, weighted by the members who work there, in a town (group).
struct DemandPoint {
  LatLon position;
  std::uint32_t members = 0;
  std::uint32_t group = 0;  ///< town index, < the number of groups the caller sizes its outputs for
};

/// Members in a group and how many of them are within reach of a site.
struct GroupCoverage {
  std::uint64_t members = 0;
  std::uint64_t covered = 0;
  /// covered / members, 0 for an empty group.
  double share() const { return members == 0 ? 0.0 : static_cast<double>(covered) / static_cast<double>(members); }
};

/// out[i] = the number of rings of `sites` covering places[i]; `out` is at least places.size() long.
void count_rings(const RingIndex& sites, std::span<const LatLon> places, std::span<std::uint32_t> out);

/// The coverage overlay: a raster of columns × rows cells over `box` (row 0 at max_lat, west to east), each the
/// number of rings over the cell's centre; `out` is at least columns * rows long. Cells are equal in degrees.
void count_rings_grid(const RingIndex& sites, const BoundingBox& box, int columns, int rows,
                      std::span<std::uint32_t> out);

/// Members and members within reach, per group: out[g] for every demand point of group g (`out` is reset first;
/// points whose group is out of its range are ignored).
void coverage_by_group(const RingIndex& sites, std::span<const DemandPoint> demand, std::span<GroupCoverage> out);

/// One suggested new site and the members it adds to those already within reach.
struct SiteSuggestion {
  std::uint32_t candidate;      ///< index into the candidates
  std::uint64_t members_added;  ///< members newly within reach, after the sites chosen before it
};

/// "Where next": greedily chooses up to `k` candidates that bring the most members not yet within reach of
/// `sites` (or of a candidate chosen before) within `radius`, each with the members it adds (lazy greedy, CELF:
/// gains only shrink, so a stale gain is recomputed only when it reaches the top). Stops early when no candidate
/// adds anyone. Ties go to the lower candidate index. The greedy choice reaches at least (1 − 1/e) of the best
/// possible coverage of k sites (Nemhauser, Wolsey & Fisher 1978).
std::vector<SiteSuggestion> suggest_sites(const RingIndex& sites, std::span<const DemandPoint> demand,
                                          std::span<const LatLon> candidates, std::size_t k);

// ---- template definitions ----------------------------------------------------------------------------------

/// Unit vector of a position (x towards 0°E on the equator, z to the north pole).
void unit_sphere_vector(LatLon p, double out[3]);

template <class Visit>
void RingIndex::for_each_within(LatLon from, Visit&& visit) const {
  scan(from, [&visit](std::uint32_t i) {
    visit(i);
    return false;
  });
}

template <class Visit>
bool RingIndex::scan(LatLon from, Visit&& visit) const {
  if (index_.empty() || !is_valid(from)) return false;
  double p[3];
  unit_sphere_vector(from, p);
  std::int64_t c[3];
  cell_of(p, c);
  for (std::int64_t dx = -1; dx <= 1; ++dx)
    for (std::int64_t dy = -1; dy <= 1; ++dy)
      for (std::int64_t dz = -1; dz <= 1; ++dz) {
        const std::uint64_t key = (static_cast<std::uint64_t>(c[0] + dx) << 42) |
                                  (static_cast<std::uint64_t>(c[1] + dy) << 21) | static_cast<std::uint64_t>(c[2] + dz);
        const Cell* cell = find(key);
        if (!cell) continue;
        for (std::uint32_t i = cell->begin; i < cell->end; ++i) {
          const double* q = &xyz_[3 * static_cast<std::size_t>(i)];
          const double ex = q[0] - p[0], ey = q[1] - p[1], ez = q[2] - p[2];
          if (ex * ex + ey * ey + ez * ez <= chord2_ && visit(index_[i])) return true;
        }
      }
  return false;
}

}  // namespace gongyou
