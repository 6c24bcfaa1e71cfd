// wasm/platform/leaflet_map_view.cpp — see leaflet_map_view.h. The map's EM_JS bridge.
// Data crosses as JSON text; user-visible strings are set with textContent, never as HTML.
#include "wasm/platform/leaflet_map_view.h"

#include <emscripten.h>

#include <nlohmann/json.hpp>

#include "core/site_type.h"

// Creates the map, the tile layer and its offline fallback, and reports pans/zooms to C++.
EM_JS(void, gy_js_map_create, (double lat, double lon, double zoom), {
  const map = L.map('gy-map', { zoomControl: false, preferCanvas: true, worldCopyJump: true, zoomSnap: 0.5 });
  Module.gyMap = { map: map, markers: new Map(), rings: new Map(), selected: null, user: null,
                   insets: null, region: null, fitted: false };
  L.control.zoom({ position: 'topright' }).addTo(map);
  map.setView([lat, lon], zoom);
  const tiles = L.tileLayer('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19, attribution: '&copy; OpenStreetMap', crossOrigin: true });
  // When tiles cannot load (offline, blocked), drop the layer instead of showing a broken grid:
  // the plain background, county outline and town labels remain.
  let loaded = 0, failed = 0;
  const container = map.getContainer();
  tiles.on('tileload', () => { loaded++; container.classList.remove('gy-tiles-offline'); });
  tiles.on('tileerror', () => {
    failed++;
    if (loaded === 0 && failed >= 2) {
      container.classList.add('gy-tiles-offline');
      map.removeLayer(tiles);
    }
  });
  if (navigator.onLine === false) container.classList.add('gy-tiles-offline'); else tiles.addTo(map);
  // Report the center of what the user sees: the map minus the part the UI covers.
  map.on('moveend', () => {
    const size = map.getSize(), insets = Module.gyMap.insets || { left: 0, bottom: 0 };
    const c = map.containerPointToLatLng([insets.left + (size.x - insets.left) / 2, (size.y - insets.bottom) / 2]);
    _gy_map_moved(c.lat, c.lng, map.getZoom());
  });
  window.gongyouTest = window.gongyouTest || {};
  window.gongyouTest.mapCenter = () => { const c = map.getCenter(); return { lat: c.lat, lon: c.lng, zoom: map.getZoom() }; };
  window.gongyouTest.pointOf = (lat, lon) => { const p = map.latLngToContainerPoint([lat, lon]); return { x: p.x, y: p.y }; };
  // The first view: the whole region in the part of the map the UI leaves free.
  Module.gyMapFitRegion = () => {
    const g = Module.gyMap;
    if (g.fitted || !g.region || !g.insets) return;
    g.fitted = true;
    map.fitBounds(g.region.getBounds(), { paddingTopLeft: [g.insets.left + 8, 8],
                                          paddingBottomRight: [8, g.insets.bottom + 8], animate: false });
  };
});

EM_JS(void, gy_js_map_show_sites, (const char* json, double ring_radius_m), {
  const g = Module.gyMap;
  const sites = JSON.parse(UTF8ToString(json));
  for (const m of g.markers.values()) m.remove();
  for (const r of g.rings.values()) r.remove();
  g.markers.clear();
  g.rings.clear();
  for (const s of sites) {
    const color = s.color;
    const ring = L.circle([s.lat, s.lon], { radius: ring_radius_m, color: color, weight: 1, opacity: 0.3,
      fillColor: color, fillOpacity: 0.03, interactive: false });
    ring.addTo(g.map);
    const el = document.createElement('div');
    el.className = 'gy-marker';
    el.style.backgroundColor = color;
    el.textContent = s.icon;
    const marker = L.marker([s.lat, s.lon], {
      icon: L.divIcon({ html: el, className: 'gy-marker-wrap', iconSize: [26, 26], iconAnchor: [13, 13] }),
      title: s.name, alt: s.name, keyboard: false, riseOnHover: true });
    marker.on('click', () => _gy_marker_clicked(s.id));
    marker.addTo(g.map);
    g.markers.set(s.id, marker);
    g.rings.set(s.id, ring);
  }
  if (g.selected !== null) Module.gyMapHighlight(g.selected);
});

EM_JS(void, gy_js_map_highlight, (double id), {
  const g = Module.gyMap;
  Module.gyMapHighlight = Module.gyMapHighlight || ((sid) => {
    const prevRing = g.rings.get(g.selectedShown);
    if (prevRing) prevRing.setStyle({ weight: 1, opacity: 0.3, fillOpacity: 0.03 });
    const prevMarker = g.markers.get(g.selectedShown);
    if (prevMarker && prevMarker.getElement()) prevMarker.getElement().classList.remove('gy-selected');
    g.selectedShown = null;
    const ring = g.rings.get(sid);
    if (ring) { ring.setStyle({ weight: 3, opacity: 0.95, fillOpacity: 0.18 }); ring.bringToFront(); }
    const marker = g.markers.get(sid);
    if (marker) {
      marker.setZIndexOffset(1000);
      if (marker.getElement()) marker.getElement().classList.add('gy-selected');
    }
    if (ring || marker) g.selectedShown = sid;
  });
  g.selected = id < 0 ? null : id;
  Module.gyMapHighlight(id);
});

EM_JS(void, gy_js_map_fly_to, (double lat, double lon, double min_zoom), {
  // Put the point at the center of the part of the map that the UI leaves visible.
  const g = Module.gyMap, map = g.map, insets = g.insets || { left: 0, bottom: 0 };
  const zoom = Math.max(map.getZoom(), min_zoom);
  const center = map.unproject(map.project([lat, lon], zoom).add([-insets.left / 2, insets.bottom / 2]), zoom);
  map.setView(center, zoom, { animate: true });
});

EM_JS(void, gy_js_map_show_region, (const char* json), {
  const g = Module.gyMap;
  const region = JSON.parse(UTF8ToString(json));
  g.region = L.polygon(region.outline, { color: '#8a6d3b', weight: 2, opacity: 0.7, dashArray: '6 4', fill: true,
    fillColor: '#fffaf0', fillOpacity: 0.35, interactive: false }).addTo(g.map);
  Module.gyMapFitRegion();
  for (const t of region.labels) {
    const el = document.createElement('div');
    el.className = 'gy-town-label';
    el.textContent = t.text;
    L.marker([t.lat, t.lon], { icon: L.divIcon({ html: el, className: 'gy-town-wrap', iconSize: null }),
      interactive: false, keyboard: false }).addTo(g.map);
  }
});

EM_JS(void, gy_js_map_show_user, (double lat, double lon), {
  const g = Module.gyMap;
  if (g.user) g.user.remove();
  g.user = L.circleMarker([lat, lon], { radius: 8, color: '#fff', weight: 3, fillColor: '#1a73e8', fillOpacity: 1 })
    .addTo(g.map);
});

EM_JS(void, gy_js_map_set_insets, (float left, float bottom), {
  Module.gyMap.insets = { left: left, bottom: bottom };
  Module.gyMapFitRegion();
});

namespace gongyou::platform {
namespace {
std::string hex_color(std::uint32_t rgb) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s = "#000000";
  for (int i = 0; i < 6; ++i) s[6 - i] = kDigits[(rgb >> (4 * i)) & 0xF];
  return s;
}
}  // namespace

LeafletMapView::LeafletMapView(LatLon center, double zoom) { gy_js_map_create(center.lat, center.lon, zoom); }

void LeafletMapView::show_sites(std::span<const Site* const> sites, Metres ring_radius) {
  nlohmann::json items = nlohmann::json::array();
  for (const Site* s : sites) {
    const SiteTypeInfo& type = info(s->type);
    items.push_back({{"id", s->id.value}, {"lat", s->position.lat}, {"lon", s->position.lon},
                     {"name", s->name}, {"icon", type.icon}, {"color", hex_color(type.color_rgb)}});
  }
  gy_js_map_show_sites(items.dump().c_str(), ring_radius.value);
}

void LeafletMapView::highlight(std::optional<SiteId> site) {
  gy_js_map_highlight(site ? static_cast<double>(site->value) : -1.0);
}

void LeafletMapView::fly_to(LatLon center, double min_zoom) { gy_js_map_fly_to(center.lat, center.lon, min_zoom); }

void LeafletMapView::show_region(std::span<const LatLon> outline, std::span<const MapLabel> labels) {
  nlohmann::json region{{"outline", nlohmann::json::array()}, {"labels", nlohmann::json::array()}};
  for (const LatLon& p : outline) region["outline"].push_back({p.lat, p.lon});
  for (const MapLabel& l : labels)
    region["labels"].push_back({{"text", l.text}, {"lat", l.position.lat}, {"lon", l.position.lon}});
  gy_js_map_show_region(region.dump().c_str());
}

void LeafletMapView::show_user_position(LatLon position) { gy_js_map_show_user(position.lat, position.lon); }

void LeafletMapView::set_ui_insets(float left, float bottom) { gy_js_map_set_insets(left, bottom); }

}  // namespace gongyou::platform
