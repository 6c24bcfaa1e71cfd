// wasm/platform/leaflet_map_view.cpp — see leaflet_map_view.h. The map's EM_JS bridge.
// Data crosses as JSON text; user-visible strings are set with textContent, never as HTML.
#include "wasm/platform/leaflet_map_view.h"

#include <emscripten.h>

#include <nlohmann/json.hpp>

#include "core/site_type.h"

// Creates the map, the tile layer and its offline fallback, and reports pans/zooms to C++.
EM_JS(void, gy_js_map_create, (double lat, double lon, double zoom), {
  const map = L.map('gy-map', { zoomControl: false, preferCanvas: true, worldCopyJump: true, zoomSnap: 0.5 });
  Module.gyMap = { map: map, markers: new Map(), rings: new Map(), clusters: new Map(), selected: null, user: null,
                   insets: null, region: null, fitBox: null, fitted: false, types: [] };
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
    const b = map.getBounds();
    _gy_map_moved(c.lat, c.lng, map.getZoom(), b.getWest(), b.getSouth(), b.getEast(), b.getNorth());
  });
  window.gongyouTest = window.gongyouTest || {};
  window.gongyouTest.mapCenter = () => { const c = map.getCenter(); return { lat: c.lat, lon: c.lng, zoom: map.getZoom() }; };
  window.gongyouTest.pointOf = (lat, lon) => { const p = map.latLngToContainerPoint([lat, lon]); return { x: p.x, y: p.y }; };
  // The first view: the whole region in the part of the map the UI leaves free.
  Module.gyMapFitRegion = () => {
    const g = Module.gyMap;
    if (g.fitted || !(g.fitBox || g.region) || !g.insets) return;
    g.fitted = true;
    map.fitBounds(g.fitBox || g.region.getBounds(), { paddingTopLeft: [g.insets.left + 8, 8],
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

// The icon and color of each site type, by SiteType index (for the clustered map's single sites).
EM_JS(void, gy_js_map_set_types, (const char* json), { Module.gyMap.types = JSON.parse(UTF8ToString(json)); });

// National scale: replaces the markers with clusters (a count in a disc) and single sites, 6 doubles each at
// `data` (lat, lon, count, site id, type index, cluster id); rings around single sites when ring_radius_m > 0.
// Markers that stay (same cluster or site) are kept, so a redraw touches only what changed.
EM_JS(void, gy_js_map_show_clusters, (const double* data, int count, double ring_radius_m), {
  const g = Module.gyMap;
  const wanted = new Map();
  const base = data >> 3;
  for (let i = 0; i < count; i++) {
    const o = base + i * 6;
    const n = HEAPF64[o + 2];
    wanted.set(n === 1 ? 's' + HEAPF64[o + 3] : 'c' + HEAPF64[o + 5],
               { lat: HEAPF64[o], lon: HEAPF64[o + 1], n: n, id: HEAPF64[o + 3], type: HEAPF64[o + 4], cluster: HEAPF64[o + 5] });
  }
  for (const key of Array.from(g.clusters.keys())) {  /* no destructuring: Emscripten 3.1.6's minifier breaks it */
    if (wanted.has(key)) continue;
    g.clusters.get(key).remove();
    g.clusters.delete(key);
    if (key[0] === 's') {
      const id = Number(key.slice(1));
      g.markers.delete(id);
      const ring = g.rings.get(id);
      if (ring) { ring.remove(); g.rings.delete(id); }
    }
  }
  for (const key of wanted.keys()) {
    const w = wanted.get(key);
    if (w.n === 1) {
      let ring = g.rings.get(w.id);
      if (ring_radius_m > 0 && !ring) {
        const color = g.types[w.type].color;
        ring = L.circle([w.lat, w.lon], { radius: ring_radius_m, color: color, weight: 1, opacity: 0.3,
          fillColor: color, fillOpacity: 0.03, interactive: false }).addTo(g.map);
        g.rings.set(w.id, ring);
      } else if (ring_radius_m <= 0 && ring) {
        ring.remove();
        g.rings.delete(w.id);
      }
    }
    if (g.clusters.has(key)) continue;
    const el = document.createElement('div');
    let marker;
    if (w.n === 1) {
      const t = g.types[w.type];
      el.className = 'gy-marker';
      el.style.backgroundColor = t.color;
      el.textContent = t.icon;
      marker = L.marker([w.lat, w.lon], { icon: L.divIcon({ html: el, className: 'gy-marker-wrap', iconSize: [26, 26],
        iconAnchor: [13, 13] }), title: t.name, alt: t.name, keyboard: false, riseOnHover: true });
      marker.on('click', () => _gy_marker_clicked(w.id));
      g.markers.set(w.id, marker);
    } else {
      const size = Math.round(30 + 6 * Math.log10(w.n));
      el.className = 'gy-cluster';
      el.dataset.count = String(w.n);
      el.style.width = el.style.height = el.style.lineHeight = size + 'px';
      el.textContent = w.n >= 10000 ? Math.round(w.n / 1000) + 'k' : w.n >= 1000 ? (w.n / 1000).toFixed(1) + 'k' : String(w.n);
      marker = L.marker([w.lat, w.lon], { icon: L.divIcon({ html: el, className: 'gy-marker-wrap', iconSize: [size, size],
        iconAnchor: [size / 2, size / 2] }), keyboard: false });
      marker.on('click', () => _gy_cluster_clicked(w.cluster, w.lat, w.lon));
    }
    marker.addTo(g.map);
    g.clusters.set(key, marker);
  }
  if (g.selected !== null && Module.gyMapHighlight) Module.gyMapHighlight(g.selected);
});

// Fits the view to a box (once, like the county's first view) and keeps it as the region to fit.
EM_JS(void, gy_js_map_fit_bounds, (double west, double south, double east, double north), {
  const g = Module.gyMap;
  g.fitBox = L.latLngBounds([south, west], [north, east]);
  g.fitted = false;
  Module.gyMapFitRegion();
});

// The coverage raster as an image over the box, under the markers (RGBA bytes at `rgba`, row 0 at the north).
EM_JS(void, gy_js_map_show_coverage, (double west, double south, double east, double north, int columns, int rows,
                                      const unsigned char* rgba), {
  const g = Module.gyMap;
  const canvas = g.coverageCanvas || (g.coverageCanvas = document.createElement('canvas'));
  canvas.width = columns;
  canvas.height = rows;
  const context = canvas.getContext('2d');
  const image = context.createImageData(columns, rows);
  image.data.set(HEAPU8.subarray(rgba, rgba + columns * rows * 4));
  context.putImageData(image, 0, 0);
  const bounds = L.latLngBounds([south, west], [north, east]);
  if (g.coverage) {
    g.coverage.setUrl(canvas.toDataURL());
    g.coverage.setBounds(bounds);
  } else {
    g.coverage = L.imageOverlay(canvas.toDataURL(), bounds, { interactive: false, className: 'gy-coverage' }).addTo(g.map);
  }
});

EM_JS(void, gy_js_map_hide_coverage, (), {
  const g = Module.gyMap;
  if (g.coverage) { g.coverage.remove(); g.coverage = null; }
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
  if (g.regionLayer) g.regionLayer.remove();  /* a new region replaces the last one */
  g.regionLayer = L.layerGroup().addTo(g.map);
  if (region.outline.length === 0) { g.region = null; return; }
  g.region = L.polygon(region.outline, { color: '#8a6d3b', weight: 2, opacity: 0.7, dashArray: '6 4', fill: true,
    fillColor: '#fffaf0', fillOpacity: 0.35, interactive: false }).addTo(g.regionLayer);
  Module.gyMapFitRegion();
  for (const t of region.labels) {
    const el = document.createElement('div');
    el.className = 'gy-town-label';
    el.textContent = t.text;
    L.marker([t.lat, t.lon], { icon: L.divIcon({ html: el, className: 'gy-town-wrap', iconSize: null }),
      interactive: false, keyboard: false }).addTo(g.regionLayer);
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

LeafletMapView::LeafletMapView(LatLon center, double zoom) {
  gy_js_map_create(center.lat, center.lon, zoom);
  nlohmann::json types = nlohmann::json::array();
  for (const SiteTypeInfo& t : all_site_types())
    types.push_back({{"icon", t.icon}, {"color", hex_color(t.color_rgb)}, {"name", t.name_zh}});
  gy_js_map_set_types(types.dump().c_str());
}

void LeafletMapView::show_clusters(std::span<const MapMarker> markers, std::optional<Metres> ring_radius) {
  packed_.clear();
  for (const MapMarker& m : markers)
    packed_.insert(packed_.end(), {m.position.lat, m.position.lon, static_cast<double>(m.count),
                                   static_cast<double>(m.site.value), static_cast<double>(m.type),
                                   static_cast<double>(m.cluster)});
  gy_js_map_show_clusters(packed_.data(), static_cast<int>(markers.size()), ring_radius ? ring_radius->value : 0.0);
}

void LeafletMapView::show_coverage(const BoundingBox& box, int columns, int rows, std::span<const std::uint8_t> rgba) {
  if (rgba.size() < static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows) * 4) return;
  gy_js_map_show_coverage(box.min_lon, box.min_lat, box.max_lon, box.max_lat, columns, rows, rgba.data());
}

void LeafletMapView::hide_coverage() { gy_js_map_hide_coverage(); }

void LeafletMapView::fit_bounds(const BoundingBox& box) {
  gy_js_map_fit_bounds(box.min_lon, box.min_lat, box.max_lon, box.max_lat);
}

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

//=================================================================================================
// [SECTION] Coverage analysis: the "where next" pins (MapView::show_suggestions)
// Kept apart from the site markers and clusters above: its own layer group (g.suggestions), its own CSS classes
// (gy-suggestion*, shell/style.css), nothing shared with show_sites / show_clusters / highlight.
//=================================================================================================

// data: lat, lon per pin, in rank order; count == 0 removes the pins. The pins and their rings are then fitted into
// the part of the map the UI leaves free, two animation frames later: the tap that asked for them can also change
// how much of the map the panel covers (a phone's sheet lowers), and the new insets arrive with the next UI frame.
EM_JS(void, gy_js_map_show_suggestions, (const double* data, int count, double ring_radius_m), {
  const g = Module.gyMap;
  if (g.suggestions) { g.suggestions.remove(); g.suggestions = null; }
  if (count === 0) return;
  const layer = L.featureGroup().addTo(g.map);
  g.suggestions = layer;
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (g.suggestions !== layer) return;  /* replaced meanwhile */
    const insets = g.insets || { left: 0, bottom: 0 };
    g.map.fitBounds(layer.getBounds(), { paddingTopLeft: [insets.left + 16, 16],
                                         paddingBottomRight: [16, insets.bottom + 16], maxZoom: 15 });
  }));
  for (let i = 0; i < count; i++) {
    const lat = HEAPF64[(data >> 3) + 2 * i], lon = HEAPF64[(data >> 3) + 2 * i + 1];
    L.circle([lat, lon], { radius: ring_radius_m, color: '#7b2cbf', weight: 2, dashArray: '6 5', opacity: 0.9,
      fillColor: '#7b2cbf', fillOpacity: 0.08, interactive: false }).addTo(g.suggestions);
    const pin = document.createElement('div');
    pin.className = 'gy-suggestion';
    const rank = document.createElement('span');
    rank.textContent = String(i + 1);
    pin.appendChild(rank);
    L.marker([lat, lon], { icon: L.divIcon({ html: pin, className: 'gy-suggestion-wrap', iconSize: [28, 28],
      iconAnchor: [14, 28] }), keyboard: false, interactive: false, zIndexOffset: 2000 }).addTo(g.suggestions);
  }
});

namespace gongyou::platform {

void LeafletMapView::show_suggestions(std::span<const LatLon> places, Metres ring_radius) {
  std::vector<double> packed;
  packed.reserve(places.size() * 2);
  for (LatLon p : places) {
    packed.push_back(p.lat);
    packed.push_back(p.lon);
  }
  gy_js_map_show_suggestions(packed.data(), static_cast<int>(places.size()), ring_radius.value);
}

}  // namespace gongyou::platform
