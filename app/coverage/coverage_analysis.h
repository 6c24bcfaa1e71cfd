// app/coverage/coverage_analysis.h — the staff coverage analysis screen (覆盖分析, docs/api-coverage.md): members within
// 15 minutes per town, "where next" suggestions and the GeoJSON export. Its state (read by ui/coverage_analysis_view)
// and its controller (changed by intents). Platform-free: talks to the API through the Session.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/session.h"
#include "app/type_list.h"
#include "core/units.h"

namespace gongyou {

// ---- Intents (ui/coverage_analysis_view) ----
struct SetSuggestionCount { int k; };      ///< "where next": how many new sites to suggest (1..20)
struct ShowSuggestionsOnMap { bool on; };  ///< show the suggestions as pins on the map, or hide them
struct ExportCoverage {};                  ///< download the GeoJSON export
/// The coverage analysis's intents.
using CoverageIntents = TypeList<SetSuggestionCount, ShowSuggestionsOnMap, ExportCoverage>;

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
  explicit CoverageAnalysis(Session& session) : session_(session) {}
  const CoverageAnalysisState& state() const { return state_; }

  /// Loads the towns and the suggestions (the screen was opened, or a refresh).
  void load();
  /// Asks for `k` suggestions (clamped to 1..20).
  void apply(const SetSuggestionCount& i);
  /// Shows or hides the suggestions as pins (the App draws them; see MapView::show_suggestions).
  void apply(const ShowSuggestionsOnMap& i) { state_.on_map = i.on; }
  /// Downloads GET /coverage/export.geojson as a file.
  void apply(const ExportCoverage& i);
  /// Someone signed in or out: forget everything.
  void reset() { state_ = {}; }
  /// Called when new suggestions arrived (the App redraws its pins).
  std::function<void()> on_suggestions;

 private:
  void load_suggestions();

  Session& session_;
  CoverageAnalysisState state_;
  std::uint64_t suggestions_request_ = 0;  // the latest; older answers are dropped
};

}  // namespace gongyou
