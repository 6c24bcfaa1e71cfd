// ui/coverage_analysis_view.cpp — see coverage_analysis_view.h.
#include "ui/coverage_analysis_view.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "ui/i18n.h"
#include "ui/test_marks.h"
#include "ui/theme.h"

namespace gongyou::ui {
namespace {

/// "63.4%".
const char* percent(double share, char* out, std::size_t size) {
  std::snprintf(out, size, "%.1f%%", share * 100.0);
  return out;
}

/// Red below half, orange below four in five, green above.
ImU32 share_color(double share) {
  if (share < 0.5) return kBrandRed;
  if (share < 0.8) return IM_COL32(230, 140, 20, 255);
  return IM_COL32(46, 150, 80, 255);
}

/// A bar filled to `share` with the percentage over it.
void share_bar(double share, float width) {
  char text[16];
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, share_color(share));
  ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(232, 234, 237, 255));
  ImGui::ProgressBar(static_cast<float>(std::clamp(share, 0.0, 1.0)), ImVec2(width, 0), percent(share, text, sizeof text));
  ImGui::PopStyleColor(2);
}

void draw_towns(const CoverageAnalysisState& state) {
  ImGui::SeparatorText(tr(Text::coverage_towns_title));
  if (state.towns.empty()) {
    ImGui::TextDisabled("%s", tr(state.towns_loading ? Text::coverage_loading : Text::coverage_no_data));
    return;
  }
  char covered[24], members[24], share[16], total[160];
  std::snprintf(covered, sizeof covered, "%llu", static_cast<unsigned long long>(state.covered));
  std::snprintf(members, sizeof members, "%llu", static_cast<unsigned long long>(state.members));
  std::snprintf(total, sizeof total, tr(Text::coverage_total_fmt), covered, members, percent(state.share, share, sizeof share));
  ImGui::TextWrapped("%s", total);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
  ImGui::PushStyleColor(ImGuiCol_TableHeaderBg, IM_COL32(240, 241, 243, 255));  // a quiet header, not ImGui blue
  if (!ImGui::BeginTable("##towns", 4, flags)) {
    ImGui::PopStyleColor();
    return;
  }
  const float bar = std::max(90.0f, ImGui::GetContentRegionAvail().x * 0.3f);
  ImGui::TableSetupColumn(tr(Text::coverage_col_town), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr(Text::coverage_col_members));
  ImGui::TableSetupColumn(tr(Text::coverage_col_covered));
  ImGui::TableSetupColumn(tr(Text::coverage_col_share), ImGuiTableColumnFlags_WidthFixed, bar);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < state.towns.size(); ++i) {
    const TownCoverageRow& row = state.towns[i];
    ImGui::TableNextRow();
    // The texts centred on the share bar's line (a framed widget is taller than a text).
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    const std::string_view town = local_name(row.town);
    ImGui::TextUnformatted(town.data(), town.data() + town.size());
    mark_last_item("coverage_town", static_cast<std::int64_t>(i));
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%llu", static_cast<unsigned long long>(row.members));
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%llu", static_cast<unsigned long long>(row.covered));
    ImGui::TableNextColumn();
    share_bar(row.share, -1);
  }
  ImGui::EndTable();
  ImGui::PopStyleColor();
}

void draw_where_next(const CoverageAnalysisState& state, std::vector<Intent>& intents) {
  ImGui::SeparatorText(tr(Text::where_next_title));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Text::where_next_count));
  ImGui::SameLine();
  ImGui::BeginDisabled(state.k <= CoverageAnalysis::kMinK);
  if (secondary_button(" - ")) intents.push_back(SetSuggestionCount{state.k - 1});
  mark_last_item("k_minus");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::Text("%d", state.k);
  mark_last_item("k_value", state.k);
  ImGui::SameLine();
  ImGui::BeginDisabled(state.k >= CoverageAnalysis::kMaxK);
  if (secondary_button(" + ")) intents.push_back(SetSuggestionCount{state.k + 1});
  mark_last_item("k_plus");
  ImGui::EndDisabled();

  if (state.suggestions.empty()) {
    ImGui::TextDisabled("%s", tr(state.suggestions_loading ? Text::coverage_loading : Text::no_suggestions));
  } else {
    for (std::size_t i = 0; i < state.suggestions.size(); ++i) {
      const SuggestionRow& s = state.suggestions[i];
      char added[24], line[200], share[16], reach[64];
      std::snprintf(added, sizeof added, "%llu", static_cast<unsigned long long>(s.members_added));
      std::snprintf(line, sizeof line, tr(Text::suggestion_fmt), added, local_name(s.town).data());
      std::snprintf(reach, sizeof reach, tr(Text::suggestion_share_fmt), percent(s.share_after, share, sizeof share));
      // The rank in the pins' purple, so a row and its pin on the map read as one.
      ImGui::TextColored(ImVec4(0.48f, 0.17f, 0.75f, 1.0f), "%zu", i + 1);
      ImGui::SameLine();
      ImGui::TextUnformatted(line);
      mark_last_item("suggestion", static_cast<std::int64_t>(i));
      ImGui::SameLine();
      ImGui::TextDisabled("%s", reach);
    }
  }
  if (!state.suggestions.empty()) {
    if (state.on_map) {
      if (secondary_button(tr(Text::suggestions_off_map))) intents.push_back(ShowSuggestionsOnMap{false});
    } else if (primary_button(tr(Text::suggestions_on_map))) {
      intents.push_back(ShowSuggestionsOnMap{true});
    }
    mark_last_item("suggestions_on_map");
    ImGui::SameLine();
  }
  if (secondary_button(tr(Text::export_geojson))) intents.push_back(ExportCoverage{});
  mark_last_item("export_geojson");
}

}  // namespace

void draw_staff_nav(Screen screen, std::vector<Intent>& intents) {
  const bool coverage = screen == Screen::coverage;
  if (!coverage ? primary_button(tr(Text::staff_nav_site)) : secondary_button(tr(Text::staff_nav_site)))
    intents.push_back(ShowScreen{Screen::staff});
  mark_last_item("staff_nav_site");
  ImGui::SameLine();
  if (coverage ? primary_button(tr(Text::staff_nav_coverage)) : secondary_button(tr(Text::staff_nav_coverage)))
    intents.push_back(ShowScreen{Screen::coverage});
  mark_last_item("staff_nav_coverage");
}

void draw_coverage_analysis(const CoverageAnalysisState& state, std::vector<Intent>& intents) {
  ImGui::BeginChild("##coverage", ImVec2(0, 0), ImGuiChildFlags_NavFlattened);
  draw_where_next(state, intents);
  draw_towns(state);
  ImGui::EndChild();
}

}  // namespace gongyou::ui
