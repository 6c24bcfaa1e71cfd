// app/sites/site_finder_state.cpp — see app_state.h.
#include "app/sites/site_finder_state.h"

#include <algorithm>

#include "core/geo.h"

namespace gongyou {

SiteFinderState::SiteFinderState() { visible_types_.set(); }

void SiteFinderState::set_sites(std::vector<Site> sites) {
  sites_ = std::move(sites);
  schedules_.clear();
  schedules_.reserve(sites_.size());
  for (const Site& s : sites_) {
    auto parsed = parse_opening_hours(s.hours);
    if (auto* schedule = std::get_if<OpeningSchedule>(&parsed)) schedules_.emplace_back(std::move(*schedule));
    else schedules_.emplace_back(std::nullopt);
  }
  type_counts_.fill(0);
  for (const Site& s : sites_) ++type_counts_[static_cast<std::size_t>(s.type)];
  load_status_ = LoadStatus::loaded;
  load_error_.clear();
  if (selected_ && !selected()) selected_.reset();
  refilter();
}

void SiteFinderState::add_site(Site site) {
  if (knows(site.id)) return;
  ++type_counts_[static_cast<std::size_t>(site.type)];
  sites_.push_back(std::move(site));
  refilter();
}

void SiteFinderState::set_type_totals(std::optional<std::array<std::size_t, kTypeCount>> totals) { type_totals_ = totals; }

std::size_t SiteFinderState::shown_total() const {
  if (!type_totals_ || !query_.empty()) return listed_.size();
  std::size_t total = 0;
  for (std::size_t i = 0; i < kTypeCount; ++i)
    if (visible_types_[i]) total += (*type_totals_)[i];
  return total;
}

void SiteFinderState::set_load_failed(std::string message) {
  load_status_ = LoadStatus::failed;
  load_error_ = std::move(message);
}

void SiteFinderState::toggle_type(SiteType type) {
  // From "all shown", a tap shows only that type: the quick way to find e.g. the nearest water point.
  const auto i = static_cast<std::size_t>(type);
  if (visible_types_.all()) {
    visible_types_.reset();
    visible_types_.set(i);
  } else {
    visible_types_.flip(i);
    if (visible_types_.none()) visible_types_.set();
  }
  refilter();
}

void SiteFinderState::show_all_types() {
  visible_types_.set();
  refilter();
}

void SiteFinderState::set_query(std::string query) {
  if (query == query_) return;
  query_ = std::move(query);
  refilter();
}

void SiteFinderState::set_query_matches(std::string query, std::vector<SiteId> ids) {
  std::sort(ids.begin(), ids.end(), [](SiteId a, SiteId b) { return a.value < b.value; });
  matches_query_ = std::move(query);
  query_matches_ = std::move(ids);
  if (matches_query_ == query_) refilter();
}

void SiteFinderState::select(std::optional<SiteId> id, bool from_map) {
  const bool was_open = selected() != nullptr;
  selected_ = id;
  if (selected_ && !selected()) selected_.reset();
  if (from_map && selected_) ++map_selection_revision_;
  // The card closed: distances follow the map's centre again, from where the map is now.
  if (was_open && !selected_ && !(center_origin_ == map_center_)) {
    center_origin_ = map_center_;
    if (origin_kind_ == OriginKind::map_center) resort();
  }
}

void SiteFinderState::set_map_center(LatLon center) {
  map_center_ = center;
  if (selected()) return;  // the map flew to the open site: its distance stays what the list said
  center_origin_ = center;
  if (origin_kind_ == OriginKind::map_center) resort();
}

void SiteFinderState::set_user_location(LatLon position) {
  user_location_ = position;
  origin_kind_ = OriginKind::user_location;
  geolocation_error_.reset();
  locating_ = false;
  resort();
}

void SiteFinderState::use_map_center() {
  origin_kind_ = OriginKind::map_center;
  resort();
}

void SiteFinderState::set_geolocation_error(GeolocationError error) {
  geolocation_error_ = error;
  locating_ = false;
}

bool SiteFinderState::knows(SiteId id) const {
  return std::any_of(sites_.begin(), sites_.end(), [&](const Site& s) { return s.id == id; });
}

const Site* SiteFinderState::selected() const {
  if (!selected_) return nullptr;
  auto it = std::find_if(sites_.begin(), sites_.end(), [&](const Site& s) { return s.id == *selected_; });
  return it == sites_.end() ? nullptr : &*it;
}

std::optional<std::size_t> SiteFinderState::selected_row() const {
  if (!selected_) return std::nullopt;
  for (std::size_t i = 0; i < listed_.size(); ++i)
    if (listed_[i].site->id == *selected_) return i;
  return std::nullopt;
}

std::optional<ListedSite> SiteFinderState::selected_distance() const {
  const Site* s = selected();
  if (!s) return std::nullopt;
  const Metres d = great_circle_distance(origin(), s->position);
  return ListedSite{s, d, walk_minutes(d)};
}

void SiteFinderState::toggle_facility(std::size_t index) {
  if (index >= kFacilityIds.size()) return;
  required_facilities_.flip(index);
  refilter();
}

void SiteFinderState::set_open_now(bool open_now) {
  if (open_now_ == open_now) return;
  open_now_ = open_now;
  refilter();
}

void SiteFinderState::clear_filters() {
  visible_types_.set();
  required_facilities_.reset();
  open_now_ = false;
  query_.clear();
  refilter();
}

void SiteFinderState::set_now(UtcSeconds now) {
  now_ = now;
  if (open_now_) refilter();
}

bool SiteFinderState::server_matched(SiteId id) const {
  return matches_query_ == query_ &&
         std::binary_search(query_matches_.begin(), query_matches_.end(), id,
                            [](SiteId a, SiteId b) { return a.value < b.value; });
}

bool SiteFinderState::has_required_facilities(const Site& site) const {
  for (std::size_t i = 0; i < kFacilityIds.size(); ++i)
    if (required_facilities_[i] &&
        std::find(site.facilities.begin(), site.facilities.end(), kFacilityIds[i]) == site.facilities.end())
      return false;
  return true;
}

void SiteFinderState::refilter() {
  shown_.clear();
  for (std::size_t i = 0; i < sites_.size(); ++i) {
    const Site& s = sites_[i];
    if (!type_visible(s.type)) continue;
    if (required_facilities_.any() && !has_required_facilities(s)) continue;
    // A site whose hours cannot be read is not claimed to be open.
    if (open_now_ && !(schedules_[i] && is_open_at(*schedules_[i], now_, china_public_holidays()))) continue;
    if (!query_.empty() && !contains_text(s.name, query_) && !contains_text(s.address, query_) &&
        !contains_text(s.town, query_) && !server_matched(s.id))
      continue;
    shown_.push_back(&s);
  }
  ++shown_revision_;
  resort();
}

void SiteFinderState::resort() {
  listed_.clear();
  listed_.reserve(shown_.size());
  const LatLon from = origin();
  for (const Site* s : shown_) {
    const Metres d = great_circle_distance(from, s->position);
    listed_.push_back({s, d, walk_minutes(d)});
  }
  std::stable_sort(listed_.begin(), listed_.end(),
                   [](const ListedSite& a, const ListedSite& b) { return a.distance < b.distance; });
}

bool contains_text(std::string_view text, std::string_view needle) {
  if (needle.empty()) return true;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                     [&](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

}  // namespace gongyou
