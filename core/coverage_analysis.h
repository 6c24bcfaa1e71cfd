// core/coverage_analysis.h — the pieces of the staff coverage analysis (覆盖分析) around core/coverage.h: union
// members' workplaces, the candidate points of "where next" (the uncovered workplaces merged into ~500 m grid
// cells) and a ring's outline as a polygon for GeoJSON. Pure functions, no I/O.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/coverage.h"
#include "core/units.h"

namespace gongyou {

/// A workplace of union members (a demand point of the coverage analysis), as stored.
struct Workplace {
  LatLon position;
  std::uint32_t members = 0;  ///< union members who work there, ≥ 1
  std::string town;           ///< the town (镇) or city (市) it belongs to, spelled as Site::town
};

/// A point where a new site could go: the members-weighted centre of the uncovered workplaces of one grid cell.
struct CoverageCandidate {
  LatLon position;
  std::uint64_t members = 0;  ///< uncovered members of the cell
  std::uint32_t group = 0;    ///< the group (town) with the most of those members; the lower index on a tie
};

/// Edge of the grid cells the uncovered workplaces are merged into.
inline constexpr Metres kCandidateCell{500};

/// The candidates of "where next": the demand points with covered[i] == 0 (and members > 0) merged into cells of
/// about `cell` × `cell` (rows of equal latitude, columns narrowed by the row's latitude), one candidate per cell at
/// the members-weighted centre, in cell order (south to north, west to east). The centre lies in its cell, so every
/// point of a cell is within the cell's diagonal (`cell` × √2) of its candidate: a candidate reaches its whole cell
/// when the ring radius is larger (707 m < 923 m for the defaults).
std::vector<CoverageCandidate> grid_candidates(std::span<const DemandPoint> demand,
                                               std::span<const std::uint8_t> covered, Metres cell = kCandidateCell);

/// The outline of the circle of `radius` around `centre` as a closed polygon of `sides` vertices plus the first
/// again (sides + 1 positions), counter-clockwise seen from above (east of north-up), starting due east.
std::vector<LatLon> ring_polygon(LatLon centre, Metres radius, int sides = 48);

}  // namespace gongyou
