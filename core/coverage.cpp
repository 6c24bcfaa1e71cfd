// core/coverage.cpp — see coverage.h.
//
// [SECTION] RingIndex     hashed 3-D grid on the unit sphere
// [SECTION] Counting      rings per place, the overlay raster, members within reach per town
// [SECTION] Where next    lazy greedy maximal coverage (CELF: Leskovec et al., "Cost-effective outbreak
//                         detection in networks", KDD 2007; the greedy bound: Nemhauser, Wolsey & Fisher 1978)
#include "core/coverage.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <queue>

namespace gongyou {
namespace {

constexpr std::int64_t kCellOffset = std::int64_t{1} << 20;  // cell coordinates are stored as 21-bit unsigned
constexpr double kMinCell = 1.0 / static_cast<double>(kCellOffset - 2);  // keeps |cell| < 2^20 on the unit sphere

std::uint64_t hash_key(std::uint64_t key) {  // splitmix64's finalizer
  key ^= key >> 30;
  key *= 0xbf58476d1ce4e5b9ULL;
  key ^= key >> 27;
  key *= 0x94d049bb133111ebULL;
  return key ^ (key >> 31);
}

}  // namespace

void unit_sphere_vector(LatLon p, double out[3]) {
  const double lat = p.lat * std::numbers::pi / 180.0, lon = p.lon * std::numbers::pi / 180.0;
  out[0] = std::cos(lat) * std::cos(lon);
  out[1] = std::cos(lat) * std::sin(lon);
  out[2] = std::sin(lat);
}

// [SECTION] RingIndex

void RingIndex::cell_of(const double xyz[3], std::int64_t cell[3]) const {
  for (int a = 0; a < 3; ++a) cell[a] = static_cast<std::int64_t>(std::floor(xyz[a] / cell_)) + kCellOffset;
}

RingIndex::RingIndex(std::span<const LatLon> positions, Metres radius) : radius_(radius) {
  // Chord on the unit sphere of a great-circle distance d: 2 sin(d / 2R).
  const double theta = std::min(radius.value / kEarthRadius.value, std::numbers::pi);
  const double chord = 2.0 * std::sin(theta / 2.0);
  chord2_ = chord * chord * (1 + 1e-12);
  cell_ = std::max(chord, kMinCell);
  const std::size_t n = positions.size();
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(n);
  std::vector<double> xyz(3 * n);
  for (std::uint32_t i = 0; i < n; ++i) {
    unit_sphere_vector(positions[i], &xyz[3 * static_cast<std::size_t>(i)]);
    std::int64_t c[3];
    cell_of(&xyz[3 * static_cast<std::size_t>(i)], c);
    keyed[i] = {(static_cast<std::uint64_t>(c[0]) << 42) | (static_cast<std::uint64_t>(c[1]) << 21) |
                    static_cast<std::uint64_t>(c[2]),
                i};
  }
  std::sort(keyed.begin(), keyed.end());
  xyz_.resize(3 * n);
  index_.resize(n);
  std::size_t cells = 0;
  for (std::size_t i = 0; i < n; ++i) {
    index_[i] = keyed[i].second;
    std::copy_n(&xyz[3 * static_cast<std::size_t>(keyed[i].second)], 3, &xyz_[3 * i]);
    if (i == 0 || keyed[i].first != keyed[i - 1].first) ++cells;
  }
  std::size_t slots = 16;
  while (slots < 2 * cells) slots *= 2;
  table_.assign(slots, Cell{0, 0, 0});
  mask_ = slots - 1;
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && keyed[j].first == keyed[i].first) ++j;
    std::uint64_t slot = hash_key(keyed[i].first) & mask_;
    while (table_[slot].end != 0) slot = (slot + 1) & mask_;
    table_[slot] = Cell{keyed[i].first, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)};
    i = j;
  }
}

const RingIndex::Cell* RingIndex::find(std::uint64_t key) const {
  for (std::uint64_t slot = hash_key(key) & mask_;; slot = (slot + 1) & mask_) {
    const Cell& cell = table_[slot];
    if (cell.end == 0) return nullptr;
    if (cell.key == key) return &cell;
  }
}

std::uint32_t RingIndex::count_within(LatLon from) const {
  std::uint32_t count = 0;
  for_each_within(from, [&count](std::uint32_t) { ++count; });
  return count;
}

bool RingIndex::any_within(LatLon from) const {
  return scan(from, [](std::uint32_t) { return true; });
}

// [SECTION] Counting

void count_rings(const RingIndex& sites, std::span<const LatLon> places, std::span<std::uint32_t> out) {
  const std::size_t n = std::min(places.size(), out.size());
  for (std::size_t i = 0; i < n; ++i) out[i] = sites.count_within(places[i]);
}

void count_rings_grid(const RingIndex& sites, const BoundingBox& box, int columns, int rows,
                      std::span<std::uint32_t> out) {
  if (columns <= 0 || rows <= 0 || out.size() < static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows))
    return;
  const double dlon = (box.max_lon - box.min_lon) / columns, dlat = (box.max_lat - box.min_lat) / rows;
  for (int r = 0; r < rows; ++r) {
    const double lat = box.max_lat - (r + 0.5) * dlat;
    for (int c = 0; c < columns; ++c)
      out[static_cast<std::size_t>(r) * static_cast<std::size_t>(columns) + static_cast<std::size_t>(c)] =
          sites.count_within(LatLon{lat, box.min_lon + (c + 0.5) * dlon});
  }
}

void coverage_by_group(const RingIndex& sites, std::span<const DemandPoint> demand, std::span<GroupCoverage> out) {
  std::fill(out.begin(), out.end(), GroupCoverage{});
  for (const DemandPoint& d : demand) {
    if (d.group >= out.size()) continue;
    GroupCoverage& g = out[d.group];
    g.members += d.members;
    if (sites.any_within(d.position)) g.covered += d.members;
  }
}

// [SECTION] Where next

std::vector<SiteSuggestion> suggest_sites(const RingIndex& sites, std::span<const DemandPoint> demand,
                                          std::span<const LatLon> candidates, std::size_t k) {
  std::vector<SiteSuggestion> chosen;
  if (k == 0 || candidates.empty()) return chosen;
  // Members still out of reach, per demand point; demand points indexed for the candidates' rings.
  std::vector<std::uint32_t> uncovered(demand.size());
  std::vector<LatLon> positions(demand.size());
  for (std::size_t i = 0; i < demand.size(); ++i) {
    positions[i] = demand[i].position;
    uncovered[i] = sites.any_within(demand[i].position) ? 0 : demand[i].members;
  }
  const RingIndex demand_index(positions, sites.radius());
  const auto gain = [&](std::uint32_t candidate) {
    std::uint64_t sum = 0;
    demand_index.for_each_within(candidates[candidate], [&](std::uint32_t d) { sum += uncovered[d]; });
    return sum;
  };
  // Max-heap on (gain, lower index first); `round` is the number of choices made when the gain was computed.
  struct Entry {
    std::uint64_t gain;
    std::uint32_t candidate;
    std::size_t round;
    bool operator<(const Entry& other) const {
      return gain != other.gain ? gain < other.gain : candidate > other.candidate;
    }
  };
  std::vector<Entry> entries;
  entries.reserve(candidates.size());
  for (std::uint32_t c = 0; c < candidates.size(); ++c)
    if (is_valid(candidates[c])) entries.push_back({gain(c), c, 0});
  std::priority_queue<Entry> heap(std::less<Entry>{}, std::move(entries));
  while (chosen.size() < k && !heap.empty()) {
    Entry top = heap.top();
    heap.pop();
    if (top.gain == 0) break;  // gains only shrink: nobody else adds anyone either
    if (top.round != chosen.size()) {
      top.gain = gain(top.candidate);
      top.round = chosen.size();
      heap.push(top);
      continue;
    }
    chosen.push_back({top.candidate, top.gain});
    demand_index.for_each_within(candidates[top.candidate], [&](std::uint32_t d) { uncovered[d] = 0; });
  }
  return chosen;
}

}  // namespace gongyou
