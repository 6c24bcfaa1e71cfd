// bench/scale_bench.cpp — `gongyou-scale-bench`: the C++ side of bench/scale_bench.sh. Times core/ on the same points
// and workload as the npm references (bench/scale_bench.mjs) and prints, per benchmark, our figure, the reference's
// and the ratio. Built natively (-O2) and, for the browser's view, as wasm run by Node (same source).
//
//   gongyou-scale-bench POINTS.json WORKLOAD.json REFERENCE_RESULTS.json LABEL
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/clustering.h"
#include "core/coverage.h"
#include "core/geo.h"
#include "core/site.h"
#include "core/spatial_index.h"

namespace {

using namespace gongyou;
using nlohmann::json;

json read_json(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  json j = parse_json_or_discarded(text.str());
  if (j.is_discarded()) {
    std::fprintf(stderr, "gongyou-scale-bench: cannot read %s as JSON\n", path);
    std::exit(1);
  }
  return j;
}

/// Processor time this process has used, in seconds. Every figure is measured in processor time, on both sides
/// (the Node side uses process.cpuUsage()), so that other work on a shared machine does not skew the ratios.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

/// Processor seconds since `start` (a cpu_seconds() value).
double seconds_since(double start) { return cpu_seconds() - start; }

/// Runs `body` (doing `units` of work) repeatedly for at least `seconds`, after one warm-up run; units per second.
template <class Body>
double rate(Body&& body, std::size_t units, double seconds = 1.5) {
  body();
  std::size_t done = 0;
  const double start = cpu_seconds();
  while (seconds_since(start) < seconds) {
    body();
    done += units;
  }
  return static_cast<double>(done) / seconds_since(start);
}

std::string with_commas(double value) {
  std::string digits = std::to_string(static_cast<long long>(value + 0.5)), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

void row(const char* what, const std::string& ours, const std::string& reference_name, const std::string& reference,
         double ratio, const char* target) {
  std::printf("  %-22s ours %-22s %-13s %-26s ratio %8.1fx  %s\n", what, ours.c_str(), reference_name.c_str(),
              reference.c_str(), ratio, target);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: gongyou-scale-bench POINTS.json WORKLOAD.json REFERENCE_RESULTS.json LABEL\n");
    return 2;
  }
  const json points = read_json(argv[1]), workload = read_json(argv[2]), reference = read_json(argv[3]);
  const std::string label = argv[4];
  std::vector<LatLon> sites;
  for (const auto& p : points["sites"]) sites.push_back({p[1].get<double>(), p[0].get<double>()});
  std::vector<DemandPoint> demand;
  for (const auto& p : points["demand"])
    demand.push_back({{p[1].get<double>(), p[0].get<double>()}, p[2].get<std::uint32_t>(), p[3].get<std::uint32_t>()});
  std::vector<LatLon> queries;
  for (const auto& q : workload["queries"]) queries.push_back({q[1].get<double>(), q[0].get<double>()});
  struct Viewport {
    BoundingBox box;
    int zoom;
  };
  std::vector<Viewport> viewports;
  for (const auto& v : workload["viewports"]) {
    const auto& b = v["bbox"];
    viewports.push_back(
        {{b[0].get<double>(), b[1].get<double>(), b[2].get<double>(), b[3].get<double>()}, v["zoom"].get<int>()});
  }

  std::printf("scale benchmark, %s: %zu sites, %zu workplaces; references in Node %s\n", label.c_str(), sites.size(),
              demand.size(), reference["node"].get<std::string>().c_str());

  // k-nearest: SpatialIndex (3-D k-d tree on the unit sphere) against geokdbush.around on kdbush.
  double start = cpu_seconds();
  const SpatialIndex index(sites);
  const double knn_build = seconds_since(start) * 1000;
  std::uint64_t check = 0;
  std::vector<Neighbour> neighbours;
  const double knn_rate = rate(
      [&] {
        for (LatLon q : queries) {
          index.nearest_into(q, 10, neighbours);
          check += neighbours[0].index;
        }
      },
      queries.size());
  const double ref_knn = reference["knn"]["queries_per_s"].get<double>();
  row("k-nearest, k=10", with_commas(knn_rate) + " q/s", "geokdbush", with_commas(ref_knn) + " q/s", knn_rate / ref_knn,
      "(target >= 2x)");
  std::printf("  %-22s ours %.0f ms, kdbush %.0f ms\n", "  index build", knn_build,
              reference["knn"]["build_ms"].get<double>());

  // Viewport clustering: ClusterIndex against supercluster, same options (its defaults).
  start = cpu_seconds();
  const ClusterIndex clusters(sites, ClusterOptions{40, 512, 0, 16, 2});
  const double cluster_build = seconds_since(start) * 1000;
  std::vector<Cluster> out;
  std::size_t markers = 0;
  for (const Viewport& v : viewports) {
    clusters.query(v.box, v.zoom, out);
    markers += out.size();
  }
  const double cluster_rate = rate(
      [&] {
        for (const Viewport& v : viewports) clusters.query(v.box, v.zoom, out);
      },
      viewports.size());
  const double ref_cluster = reference["clustering"]["viewports_per_s"].get<double>();
  row("viewport clustering", with_commas(cluster_rate) + " views/s", "supercluster",
      with_commas(ref_cluster) + " views/s", cluster_rate / ref_cluster, "(target >= 1x)");
  const double ref_cluster_build = reference["clustering"]["build_ms"].get<double>();
  row("  hierarchy build", with_commas(cluster_build) + " ms", "supercluster", with_commas(ref_cluster_build) + " ms",
      ref_cluster_build / cluster_build, "");
  std::printf("  %-22s ours %zu, supercluster %zu over %zu viewports (same algorithm, own visiting order)\n",
              "  markers drawn", markers, reference["clustering"]["markers"].get<std::size_t>(), viewports.size());

  // Coverage counting: rings over every workplace, RingIndex against turf.circle + turf.pointsWithinPolygon.
  start = cpu_seconds();
  const Metres radius = walk_ring_radius();
  const RingIndex rings(sites, radius);
  std::vector<std::uint32_t> counts(demand.size());
  std::vector<LatLon> places(demand.size());
  for (std::size_t i = 0; i < demand.size(); ++i) places[i] = demand[i].position;
  count_rings(rings, places, counts);
  const double coverage_seconds = seconds_since(start);
  const double turf_full = reference["coverage"]["full_seconds_extrapolated"].get<double>();
  const auto turf_sites = reference["coverage"]["sites_done"].get<std::size_t>();
  char ours[64], theirs[64];
  std::snprintf(ours, sizeof ours, "%.3f s", coverage_seconds);
  std::snprintf(theirs, sizeof theirs, "%.0f s (extrap.)", turf_full);
  row("coverage counting", ours, "@turf/turf", theirs, turf_full / coverage_seconds, "(target >= 50x)");
  // The same pairs for the sites Turf did: its 64-gon lies inside the circle, so it may count a few less.
  const RingIndex demand_index(places, radius);
  std::uint64_t pairs = 0;
  for (std::size_t s = 0; s < turf_sites && s < sites.size(); ++s) pairs += demand_index.count_within(sites[s]);
  std::uint64_t covered = 0, members = 0, reached = 0;
  for (std::size_t i = 0; i < demand.size(); ++i) {
    covered += counts[i] > 0;
    members += demand[i].members;
    reached += counts[i] > 0 ? demand[i].members : 0;
  }
  std::printf("  %-22s Turf did %zu sites in %.1f s; workplaces in their rings: ours %llu, Turf %llu\n", "  check",
              turf_sites, reference["coverage"]["seconds"].get<double>(), static_cast<unsigned long long>(pairs),
              static_cast<unsigned long long>(reference["coverage"]["covered_pairs"].get<std::uint64_t>()));
  std::printf("  %-22s %.1f%% of workplaces, %.1f%% of members within 15 minutes of a site\n", "  result",
              100.0 * static_cast<double>(covered) / static_cast<double>(demand.size()),
              100.0 * static_cast<double>(reached) / static_cast<double>(members));

  // Our other coverage figures (no reference): shares per city, "where next" for 10 sites among 20,000 candidates.
  start = cpu_seconds();
  std::vector<GroupCoverage> groups(400);
  coverage_by_group(rings, demand, groups);
  const double group_ms = seconds_since(start) * 1000;
  std::vector<LatLon> candidates;
  for (std::size_t i = 0; i < demand.size() && candidates.size() < 20000; i += 10) candidates.push_back(places[i]);
  start = cpu_seconds();
  const auto picks = suggest_sites(rings, demand, candidates, 10);
  const double suggest_ms = seconds_since(start) * 1000;
  std::uint64_t added = 0;
  for (const auto& p : picks) added += p.members_added;
  std::printf(
      "  %-22s members within reach per city: %.0f ms; where next (k=10 of %zu candidates): %.0f ms, "
      "+%llu members\n",
      "coverage, ours only", group_ms, candidates.size(), suggest_ms, static_cast<unsigned long long>(added));
  return check == 42 ? 1 : 0;  // keeps the k-nearest loop from being optimised away
}
