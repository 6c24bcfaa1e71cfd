// wasm/platform/leaflet_map_view.cpp — see leaflet_map_view.h. The map's EM_JS bridge.
// Data crosses as JSON text; user-visible strings are set with textContent, never as HTML.
#include "wasm/platform/leaflet_map_view.h"

#include <emscripten.h>

#include <nlohmann/json.hpp>

#include "core/site_type.h"

// Creates the map, the tile layer and its offline fallback, and reports pans/zooms to C++.
EM_JS(void, gy_js_map_create, (double lat, double lon, double zoom), {
  // One canvas for every vector layer, in this order from the bottom: the region, the rings, the markers, the
  // user's position. Each canvas costs a full-size copy on every composited frame, so there is only one.
  const map = L.map('gy-map', { zoomControl: false, renderer: L.canvas({ padding: 0.1 }), worldCopyJump: true,
                                zoomSnap: 0.5 });
  Module.gyMap = { map: map, markers: new Map(), rings: new Map(), clusters: new Map(), selected: null, user: null,
                   insets: null, region: null, fitBox: null, fitted: false, firstView: true, types: [] };
  // The first view follows the UI's insets (a phone's sheet settles after its first frames) until the user or the
  // app moves the map somewhere else.
  for (const type of ['pointerdown', 'touchstart', 'wheel', 'keydown'])
    map.getContainer().addEventListener(type, () => { Module.gyMap.firstView = false; }, { passive: true });
  L.control.zoom({ position: 'topright' }).addTo(map);
  // Site markers and clusters are drawn on that canvas too, not as a DOM element each: the end of a gesture
  // then repaints one canvas instead of restyling and re-layering hundreds of elements.
  // The coverage image lies under the canvas, above the tiles.
  map.createPane('gyCoverage').style.zIndex = 350;
  Module.gyMap.font = (getComputedStyle(document.documentElement).getPropertyValue('--gy-font') || 'sans-serif').trim();
  Module.gyMap.Mark = L.CircleMarker.extend({
    /* A disc with a white border, a soft shadow and a centred label; 1.35× with a halo when selected. */
    _updateBounds: function () {
      const e = this._radius * 1.4 + 6;
      this._pxBounds = L.bounds(this._point.subtract([e, e]), this._point.add([e, e]));
    },
    _containsPoint: function (p) { return p.distanceTo(this._point) <= this._radius + 4; },
    _updatePath: function () {
      const r = this._renderer;
      if (!r._drawing || this._empty()) return;
      const ctx = r._ctx, p = this._point, o = this.options;
      const radius = o.selected ? this._radius * 1.35 : this._radius;
      ctx.globalAlpha = 1;  /* Leaflet's paths leave their opacity set */
      ctx.beginPath();
      ctx.arc(p.x, p.y + 1, radius + 1.5, 0, 2 * Math.PI);
      ctx.fillStyle = 'rgba(0,0,0,0.22)';
      ctx.fill();
      const halo = o.selected ? 3 : o.halo;
      if (halo) {
        ctx.beginPath();
        ctx.arc(p.x, p.y, radius + halo, 0, 2 * Math.PI);
        ctx.fillStyle = o.selected ? 'rgba(200,16,46,0.35)' : o.haloColor;
        ctx.fill();
      }
      ctx.beginPath();
      ctx.arc(p.x, p.y, radius - o.border / 2, 0, 2 * Math.PI);
      ctx.fillStyle = o.fillColor;
      ctx.fill();
      ctx.lineWidth = o.border;
      ctx.strokeStyle = o.borderColor;
      ctx.stroke();
      ctx.fillStyle = '#fff';
      ctx.font = o.font;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(o.label, p.x, p.y + 1);
    }
  });
  // A site's walking ring, drawn under every marker (and over the region's outline).
  Module.gyMap.ring = (lat, lon, radius, color) => {
    const g = Module.gyMap;
    const ring = L.circle([lat, lon], { radius: radius, color: color, weight: 1, opacity: 0.3, fillColor: color,
      fillOpacity: 0.03, interactive: false }).addTo(g.map).bringToBack();
    if (g.region) g.region.bringToBack();
    return ring;
  };
  // A site's marker: its type's icon on its type's color; `title` shows as a tooltip on hover.
  Module.gyMap.siteMark = (lat, lon, id, color, icon, title) => {
    const g = Module.gyMap;
    const m = new g.Mark([lat, lon], { radius: 13, fillColor: color, label: icon,
      font: '14px ' + g.font, border: 2, borderColor: '#fff', halo: 0, bubblingMouseEvents: false });
    m.gyId = id;
    m.gyTitle = title;
    m.bindTooltip(title, { direction: 'top', offset: [0, -14] });
    m.on('click', () => _gy_marker_clicked(id));
    return m;
  };
  // A cluster's marker: the count (1.2k, 15k) in a union-red disc that grows with the log of the count.
  Module.gyMap.clusterMark = (lat, lon, n, cluster) => {
    const g = Module.gyMap;
    const label = n >= 10000 ? Math.round(n / 1000) + 'k' : n >= 1000 ? (n / 1000).toFixed(1) + 'k' : String(n);
    const m = new g.Mark([lat, lon], { radius: Math.round(15 + 3 * Math.log10(n)),
      fillColor: 'rgba(200,16,46,0.82)', label: label, font: '600 13px ' + g.font, border: 3,
      borderColor: 'rgba(255,255,255,0.85)', halo: 4, haloColor: 'rgba(200,16,46,0.22)', bubblingMouseEvents: false });
    m.gyCount = n;
    m.on('click', () => _gy_cluster_clicked(cluster, lat, lon));
    return m;
  };
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
  // The region's outline as drawn (container px) and the part of the map the UI covers: { left, top, right, bottom,
  // insets } or null before the region is drawn.
  window.gongyouTest.regionBox = () => {
    const g = Module.gyMap;
    if (!g.region) return null;
    const b = g.region.getBounds(), nw = map.latLngToContainerPoint(b.getNorthWest()),
          se = map.latLngToContainerPoint(b.getSouthEast());
    return { left: nw.x, top: nw.y, right: se.x, bottom: se.y, insets: g.insets };
  };
  // The markers on the map's canvas, where they are drawn (container px): { id, count, title, x, y } each.
  window.gongyouTest.mapMarkers = () => {
    const g = Module.gyMap, out = [];
    for (const m of (g.clusters.size ? g.clusters : g.markers).values()) {  /* clusters hold the singles too */
      const p = map.latLngToContainerPoint(m.getLatLng());
      out.push({ id: m.gyId || 0, count: m.gyCount || 1, title: m.gyTitle || "", x: p.x, y: p.y });
    }
    return out;
  };

  // Fits `bounds` into the part of the map the UI leaves free, `margin` px inside it; false (and nothing moves) while
  // that part is too small to fit anything, as in the frame a turned phone's panel has not moved yet: Leaflet's
  // fitBounds would compute a NaN view and throw.
  Module.gyMap.fitInFree = (bounds, margin, options) => {
    const insets = Module.gyMap.insets || { left: 0, bottom: 0 }, size = map.getSize();
    if (size.x - insets.left - 2 * margin < 32 || size.y - insets.bottom - 2 * margin < 32) return false;
    map.fitBounds(bounds, Object.assign({ paddingTopLeft: [insets.left + margin, margin],
                                          paddingBottomRight: [margin, insets.bottom + margin] }, options));
    return true;
  };
  // The first view: the whole region in the part of the map the UI leaves free.
  Module.gyMapFitRegion = () => {
    const g = Module.gyMap;
    if (g.fitted || !(g.fitBox || g.region) || !g.insets) return;
    g.fitted = g.fitInFree(g.fitBox || g.region.getBounds(), 8, { animate: false });
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
    const ring = g.ring(s.lat, s.lon, ring_radius_m, color);
    const marker = g.siteMark(s.lat, s.lon, s.id, color, s.icon, s.name).addTo(g.map);
    g.markers.set(s.id, marker);
    g.rings.set(s.id, ring);
  }
  if (g.selected !== null) Module.gyMapHighlight(g.selected);
  if (g.user) g.user.bringToFront();
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
        ring = g.ring(w.lat, w.lon, ring_radius_m, color);
        g.rings.set(w.id, ring);
      } else if (ring_radius_m <= 0 && ring) {
        ring.remove();
        g.rings.delete(w.id);
      }
    }
    if (g.clusters.has(key)) continue;
    let marker;
    if (w.n === 1) {
      const t = g.types[w.type];
      marker = g.siteMark(w.lat, w.lon, w.id, t.color, t.icon, t.name);
      g.markers.set(w.id, marker);
    } else {
      marker = g.clusterMark(w.lat, w.lon, w.n, w.cluster);
    }
    marker.addTo(g.map);
    g.clusters.set(key, marker);
  }
  if (g.selected !== null && Module.gyMapHighlight) Module.gyMapHighlight(g.selected);
  if (g.user) g.user.bringToFront();
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
    g.coverage = L.imageOverlay(canvas.toDataURL(), bounds, { interactive: false, className: 'gy-coverage', pane: 'gyCoverage' }).addTo(g.map);
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
    if (prevMarker) { prevMarker.options.selected = false; prevMarker.redraw(); }
    g.selectedShown = null;
    const ring = g.rings.get(sid);
    if (ring) ring.setStyle({ weight: 3, opacity: 0.95, fillOpacity: 0.18 });  /* stays under the markers */
    const marker = g.markers.get(sid);
    if (marker) { marker.options.selected = true; marker.bringToFront(); marker.redraw(); }
    if (ring || marker) g.selectedShown = sid;
  });
  g.selected = id < 0 ? null : id;
  Module.gyMapHighlight(id);
});

EM_JS(void, gy_js_map_fly_to, (double lat, double lon, double min_zoom), {
  // Put the point at the center of the part of the map that the UI leaves visible.
  const g = Module.gyMap, map = g.map, insets = g.insets || { left: 0, bottom: 0 };
  g.firstView = false;
  const zoom = Math.max(map.getZoom(), min_zoom);
  const center = map.unproject(map.project([lat, lon], zoom).add([-insets.left / 2, insets.bottom / 2]), zoom);
  map.setView(center, zoom, { animate: true });
});

EM_JS(void, gy_js_map_fit_results, (double west, double south, double east, double north, double max_zoom), {
  // The whole box in the part of the map that the UI leaves visible.
  const g = Module.gyMap;
  g.firstView = false;
  g.fitInFree(L.latLngBounds([south, west], [north, east]), 32, { maxZoom: max_zoom, animate: true });
});

EM_JS(void, gy_js_map_show_region, (const char* json), {
  const g = Module.gyMap;
  const region = JSON.parse(UTF8ToString(json));
  if (g.regionLayer) g.regionLayer.remove();  /* a new region replaces the last one */
  g.regionLayer = L.layerGroup().addTo(g.map);
  /* Town names above the markers' canvas (markerPane is 600), never catching the pointer. */
  if (!g.map.getPane('gyLabels')) {
    const pane = g.map.createPane('gyLabels');
    pane.style.zIndex = 650;
    pane.style.pointerEvents = 'none';
  }
  if (region.outline.length === 0) { g.region = null; return; }
  g.region = L.polygon(region.outline, { color: '#8a6d3b', weight: 2, opacity: 0.7, dashArray: '6 4', fill: true,
    fillColor: '#fffaf0', fillOpacity: 0.35, interactive: false }).addTo(g.regionLayer).bringToBack();
  Module.gyMapFitRegion();
  for (const t of region.labels) {
    const el = document.createElement('div');
    el.className = 'gy-town-label';
    el.textContent = t.text;
    L.marker([t.lat, t.lon], { icon: L.divIcon({ html: el, className: 'gy-town-wrap', iconSize: null }),
      interactive: false, keyboard: false, pane: 'gyLabels' }).addTo(g.regionLayer);
  }
});

EM_JS(void, gy_js_map_show_user, (double lat, double lon), {
  const g = Module.gyMap;
  if (g.user) g.user.remove();
  g.user = L.circleMarker([lat, lon], { radius: 8, color: '#fff', weight: 3, fillColor: '#1a73e8', fillOpacity: 1 })
    .addTo(g.map);
});

EM_JS(void, gy_js_map_set_insets, (float left, float bottom), {
  const g = Module.gyMap;
  g.insets = { left: left, bottom: bottom };
  if (g.firstView) g.fitted = false;  /* fit the region again into what the UI now leaves free */
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

void LeafletMapView::fit_results(const BoundingBox& box, double max_zoom) {
  gy_js_map_fit_results(box.min_lon, box.min_lat, box.max_lon, box.max_lat, max_zoom);
}

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
  g.firstView = false;
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (g.suggestions !== layer) return;  /* replaced meanwhile */
    g.fitInFree(layer.getBounds(), 16, { maxZoom: 15 });
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
