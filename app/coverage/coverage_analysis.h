// app/coverage/coverage_analysis.h — the staff coverage analysis screen (覆盖分析, docs/api-coverage.md): members within
// 15 minutes per town, "where next" suggestions and the GeoJSON export. Its state (read by ui/coverage_analysis_view)
// and its controller (changed by intents). Platform-free: talks to the API through the session of Bookings.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/units.h"

namespace gongyou {

class Bookings;

/// One town of GET /coverage/towns.
struct TownCoverageRow {
  std::string town;
  std::uint64_t members = 0, covered = 0;  ///< members, and those within 15 minutes of a site
  double share = 0;                        ///< covered / members
};

/// One suggestion of GET /coverage/suggestions.
struct SuggestionRow {
  LatLon position;
  std::uint64_t members_added = 0;  ///< members newly within reach
  std::string town;
  double share_after = 0;           ///< the county's share once this and the ones before are built
};

/// Everything the coverage screen shows.
struct CoverageAnalysisState {
  std::vector<TownCoverageRow> towns;  ///< lowest share first
  std::uint64_t members = 0, covered = 0;
  double share = 0;
  bool towns_loading = false;
  bool failed = false;                 ///< the last load failed (the feedback line says why)
  int k = 5;                           ///< suggestions asked for, 1..20
  std::vector<SuggestionRow> suggestions;
  bool suggestions_loading = false;
  bool on_map = false;                 ///< the suggestions are shown as pins on the map
};

/// The coverage screen's controller.
class CoverageAnalysis {
 public:
  /// The fewest and most suggestions (the API's k).
  static constexpr int kMinK = 1, kMaxK = 20;

  /// Uses `session` for the token, 401 handling, feedback and downloads.
  explicit CoverageAnalysis(Bookings& session) : session_(session) {}
  const CoverageAnalysisState& state() const { return state_; }

  /// Loads the towns and the suggestions (the screen was opened, or a refresh).
  void load();
  /// Asks for `k` suggestions (clamped to 1..20).
  void set_k(int k);
  /// Shows or hides the suggestions as pins (the App draws them; see MapView::show_suggestions).
  void set_on_map(bool on) { state_.on_map = on; }
  /// Downloads GET /coverage/export.geojson as a file.
  void export_geojson();
  /// Someone signed in or out: forget everything.
  void reset() { state_ = {}; }
  /// Called when new suggestions arrived (the App redraws its pins).
  std::function<void()> on_suggestions;

 private:
  void load_suggestions();

  Bookings& session_;
  CoverageAnalysisState state_;
  std::uint64_t suggestions_request_ = 0;  // the latest; older answers are dropped
};

}  // namespace gongyou
