// bench/scale_bench.mjs — the reference side of bench/scale_bench.sh: the npm libraries the issue names, on the same
// points as the C++ side (the file gongyou-scale-gen --points writes), with the same workload, which this script
// draws once and writes for the C++ side to read.
//
//   node bench/scale_bench.mjs POINTS.json WORKLOAD_OUT.json RESULTS_OUT.json
//
// NODE_PATH must reach geokdbush, kdbush, supercluster and @turf/turf (bench/scale_bench.sh installs them with
// `npm ci` into a temporary folder). Workload:
//   k-nearest    10,000 query points near random sites, k = 10           geokdbush.around on a kdbush index
//   clustering   700 viewports of 1280×800 px at zooms 4..16, near sites  supercluster.getClusters (radius 40, extent
//                512, maxZoom 16, minPoints 2: its defaults, which the C++ side uses too)
//   coverage     the 15-minute ring (923.08 m) of every site against 200,000 workplaces: turf.circle (64 steps) and
//                turf.pointsWithinPolygon per site; too slow to run for all 150,000 sites, so it runs for as many
//                as fit in ~3 s and the full time is extrapolated from its rate (printed as such).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const KDBush = require('kdbush').default ?? require('kdbush');
const geokdbush = require('geokdbush');
const Supercluster = require('supercluster').default ?? require('supercluster');
const turf = require('@turf/turf');

const [pointsPath, workloadPath, resultsPath] = process.argv.slice(2);
if (!resultsPath) {
  console.error('usage: node bench/scale_bench.mjs POINTS.json WORKLOAD_OUT.json RESULTS_OUT.json');
  process.exit(2);
}
const { sites, demand } = JSON.parse(readFileSync(pointsPath, 'utf8'));

// ---- the workload, drawn with a fixed seed (mulberry32) --------------------------------------------------------
let seed = 20261125;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const nearSite = (spread) => {
  const [lon, lat] = sites[Math.floor(random() * sites.length)];
  return [lon + (random() - 0.5) * spread, lat + (random() - 0.5) * spread];
};
const queries = Array.from({ length: 10000 }, () => nearSite(0.05));
const mercY = (lat) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI;
};
const latOfY = (y) => (360 * Math.atan(Math.exp((180 - y * 360) * (Math.PI / 180)))) / Math.PI - 90;
const viewports = [];
for (let zoom = 4; zoom <= 16; zoom += 2) {
  for (let i = 0; i < 100; ++i) {
    const [lon, lat] = nearSite(0.02);
    const world = 256 * 2 ** zoom;  // Leaflet's pixels across the world at this zoom
    const halfW = (640 / world) * 360, y = mercY(lat), halfH = 400 / world;
    viewports.push({ zoom, bbox: [lon - halfW, latOfY(y + halfH), lon + halfW, latOfY(y - halfH)] });
  }
}
writeFileSync(workloadPath, JSON.stringify({ queries, viewports }));

// Every figure is processor time (user + system) of this process, as on the C++ side (std::clock), so that other
// work on a shared machine does not skew the ratios. It includes V8's helper threads (compiler, GC): their work
// is part of what the libraries cost.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
/** Runs `body` (which does `units` of work) repeatedly for at least `ms`; returns units per second. */
function rate(body, units, ms = 1500) {
  body();  // warm-up (JIT)
  let done = 0;
  const start = cpuMs();
  while (cpuMs() - start < ms) {
    body();
    done += units;
  }
  return done / ((cpuMs() - start) / 1000);
}
const time = (body) => {
  const start = cpuMs();
  const value = body();
  return { ms: cpuMs() - start, value };
};

// ---- k-nearest: geokdbush ----------------------------------------------------------------------------------------
const built = time(() => {
  const index = new KDBush(sites.length);
  for (const [lon, lat] of sites) index.add(lon, lat);
  index.finish();
  return index;
});
const index = built.value;
let knnCheck = 0;
const knnRate = rate(() => {
  for (const [lon, lat] of queries) knnCheck += geokdbush.around(index, lon, lat, 10)[0];
}, queries.length);

// ---- clustering: supercluster ------------------------------------------------------------------------------------
const features = sites.map(([lon, lat]) => ({ type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [lon, lat] } }));
const clusterBuild = time(() => new Supercluster({ radius: 40, extent: 512, minZoom: 0, maxZoom: 16, minPoints: 2 }).load(features));
const supercluster = clusterBuild.value;
let markers = 0;
for (const v of viewports) markers += supercluster.getClusters(v.bbox, v.zoom).length;
const clusterRate = rate(() => {
  for (const v of viewports) supercluster.getClusters(v.bbox, v.zoom);
}, viewports.length);

// ---- coverage: turf.circle + turf.pointsWithinPolygon ------------------------------------------------------------
const ringMetres = (15 * 80) / 1.3;  // core/geo.h walk_ring_radius(): 15 min at 80 m/min, detour factor 1.3
const demandCollection = turf.featureCollection(demand.map(([lon, lat]) => turf.point([lon, lat])));
let turfSites = 0, turfCovered = 0;
const turfStart = cpuMs();
while (cpuMs() - turfStart < 3000 && turfSites < sites.length) {
  const circle = turf.circle(sites[turfSites], ringMetres, { steps: 64, units: 'meters' });
  turfCovered += turf.pointsWithinPolygon(demandCollection, circle).features.length;
  ++turfSites;
}
const turfSeconds = (cpuMs() - turfStart) / 1000;

const results = {
  node: process.version,
  knn: { build_ms: built.ms, queries_per_s: knnRate, k: 10, check: knnCheck },
  clustering: { build_ms: clusterBuild.ms, viewports_per_s: clusterRate, markers },
  coverage: { sites_done: turfSites, seconds: turfSeconds, covered_pairs: turfCovered,
              full_seconds_extrapolated: (turfSeconds / turfSites) * sites.length },
};
writeFileSync(resultsPath, JSON.stringify(results, null, 1));
