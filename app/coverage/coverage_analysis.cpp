// app/coverage/coverage_analysis.cpp — see coverage_analysis.h.
#include "app/coverage/coverage_analysis.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/site.h"

namespace gongyou {
namespace {

std::uint64_t count_of(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
}

double number_of(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

std::string text_of(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

void CoverageAnalysis::load() {
  if (!session_.staff()) return;
  state_.towns_loading = true;
  session_.call("GET", "/api/v1/coverage/towns", "", [this](const HttpResponse& r) {
    state_.towns_loading = false;
    state_.failed = r.status != 200;
    if (r.status != 200) return session_.fail(r);
    const nlohmann::json body = parse_json_or_discarded(r.body);
    state_.towns.clear();
    if (const auto it = body.find("towns"); it != body.end() && it->is_array())
      for (const auto& t : *it)
        state_.towns.push_back({text_of(t, "town"), count_of(t, "members"), count_of(t, "covered"), number_of(t, "share")});
    state_.members = count_of(body, "members");
    state_.covered = count_of(body, "covered");
    state_.share = number_of(body, "share");
  });
  load_suggestions();
}

void CoverageAnalysis::apply(const SetSuggestionCount& i) {
  const int k = std::clamp(i.k, kMinK, kMaxK);
  if (k == state_.k) return;
  state_.k = k;
  load_suggestions();
}

void CoverageAnalysis::load_suggestions() {
  state_.suggestions_loading = true;
  const std::uint64_t request = ++suggestions_request_;
  session_.call("GET", "/api/v1/coverage/suggestions?k=" + std::to_string(state_.k), "",
                [this, request](const HttpResponse& r) {
                  if (request != suggestions_request_) return;  // a newer k was asked for meanwhile
                  state_.suggestions_loading = false;
                  if (r.status != 200) return session_.fail(r);
                  const nlohmann::json body = parse_json_or_discarded(r.body);
                  state_.suggestions.clear();
                  if (const auto it = body.find("items"); it != body.end() && it->is_array())
                    for (const auto& s : *it) {
                      const LatLon p{number_of(s, "lat"), number_of(s, "lon")};
                      if (!is_valid(p)) continue;
                      state_.suggestions.push_back(
                          {p, count_of(s, "members_added"), text_of(s, "town"), number_of(s, "share_after")});
                    }
                  if (on_suggestions) on_suggestions();
                });
}

void CoverageAnalysis::apply(const ExportCoverage&) { session_.download("/api/v1/coverage/export.geojson", "gongyou-coverage.geojson", "export_downloaded"); }

}  // namespace gongyou
