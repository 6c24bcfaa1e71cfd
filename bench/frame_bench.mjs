// bench/frame_bench.mjs — frame time while panning and zooming the map with 150,000 stations, in headless Chromium
// (Debian's, SwiftShader WebGL2, as the browser tests run it). Starts gongyou-server --demo-scale, opens the app at
// 1280×800, waits for the clusters, then pans and zooms programmatically (animated, like a user's drag and wheel)
// over China and into cities, and measures every frame:
//   frame work   main-thread time from the frame's requestAnimationFrame to the first task after it (rAF callbacks:
//                Leaflet's animation and our wasm frame, then style, layout, paint and commit), split into frames
//                while the map moves (its p95 is the figure against issue 6's 8 ms target: "while panning") and
//                frames settling after a gesture (new markers, the list re-sorted), shown beside it
//   interval     time between frames (vsync-bound at 60 Hz, shown for context)
//
//   node bench/frame_bench.mjs   (env: GONGYOU_SERVER, GONGYOU_WEB_ROOT; defaults to build/)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { chromium } = require(path.join(repo, 'node_modules/playwright-core'));
const binary = process.env.GONGYOU_SERVER || path.join(repo, 'build/native/server/gongyou-server');
const webRoot = process.env.GONGYOU_WEB_ROOT || path.join(repo, 'build/web');
const TARGET_MS = 8;

if (!existsSync(binary) || !existsSync(path.join(webRoot, 'index.html'))) {
  console.error(`frame_bench: build first (${binary}, ${webRoot})`);
  process.exit(1);
}

const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-frame-'));
// GONGYOU_BENCH_DATA=--demo runs the same gestures over the county's 316 sites: the baseline of this machine and
// browser (SwiftShader compositing), against which the 150,000 stations' figure can be read.
const data = process.env.GONGYOU_BENCH_DATA || '--demo-scale';
const label = data === '--demo' ? "the county's 316 sites (baseline)" : '150,000 stations';
const server = spawn(binary, ['--exit-with-parent', '--port', '0', '--db', path.join(dir, 'scale.db'), data, '--web-root', webRoot],
                     { stdio: ['ignore', 'pipe', 'inherit'] });
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** Runs in the page: pans across China, zooms into cities and out again, each animated as a user's gesture, and
 *  measures every frame's work, whether the map was in motion then, and the frame intervals. */
const gestures = async () => {
  const map = Module.gyMap.map;
  const work = [], moving = [], interval = [];
  let last = 0, running = true, inMotion = false, frameMoving = false;
  // In motion: between a pan or zoom's start and its end (Leaflet's movestart/moveend, zoomstart/zoomend).
  // The frames after the end (the list re-sorted, new markers for the new view) are settling, not moving.
  map.on('movestart zoomstart', () => { inMotion = true; });
  map.on('moveend zoomend', () => { inMotion = false; });
  const channel = new MessageChannel();
  let frameStart = 0;
  channel.port1.onmessage = () => {
    if (frameStart) { work.push(performance.now() - frameStart); moving.push(frameMoving); }
    frameStart = 0;
  };
  const tick = (t) => {
    if (!running) return;
    if (last) interval.push(t - last);
    last = t;
    frameStart = performance.now();
    frameMoving = inMotion;
    channel.port2.postMessage(0);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const settle = (ms) => new Promise((r) => setTimeout(r, ms));
  const moved = () => Promise.race([new Promise((r) => map.once('moveend', r)), settle(3000)]);
  // Pans across the country, zooms into cities and out again, each animated as a user's gesture.
  const cities = [[39.9, 116.4], [31.23, 121.47], [23.13, 113.26], [30.57, 104.07], [34.27, 108.95]];
  for (let i = 0; i < 6; i++) { const m = moved(); map.panBy([i % 2 ? -300 : 300, i % 3 ? 150 : -150], { duration: 0.4 }); await m; await settle(80); }
  for (const [lat, lon] of cities) {
    for (const zoom of [6, 9, 12, 14]) { const m = moved(); map.setView([lat, lon], zoom, { animate: true }); await m; await settle(120); }
    for (let i = 0; i < 3; i++) { const m = moved(); map.panBy([250, i % 2 ? 120 : -120], { duration: 0.3 }); await m; await settle(60); }
    const m = moved(); map.setZoom(5, { animate: true }); await m; await settle(120);
  }
  running = false;
  await settle(100);
  return { work, moving, interval };
};

/** The floor of this browser and machine: Leaflet alone, an empty map of the same size (no app, no markers),
 *  through the same gestures in the same run. */
async function leafletAlone(context, url) {
  const html = await (await fetch(url + '/')).text();
  const js = '/' + html.match(/src="\/?(leaflet\.[0-9a-f]+\.js)"/)[1];
  const css = '/' + html.match(/href="\/?(leaflet\.[0-9a-f]+\.css)"/)[1];
  const page = await context.newPage();
  await page.goto(url + '/api/v1/health');  // same origin for the library's files
  await page.setContent(`<!doctype html><html><head><link rel="stylesheet" href="${css}"><script src="${js}"></script>
    </head><body style="margin:0"><div id="m" style="width:1280px;height:800px"></div><script>
    window.Module = { gyMap: { map: L.map('m', { zoomControl: false, zoomSnap: 0.5 }).setView([35, 105], 4) } };
    </script></body></html>`);
  await page.waitForTimeout(500);
  const result = await page.evaluate(gestures);
  await page.close();
  return result;
}

let browser;
try {
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start in 120 s')), 120000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
           '--ignore-gpu-blocklist', '--enable-webgl'] });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort('internetdisconnected'));
  const opened = Date.now();
  // Without ?test=1: the test hook's state snapshot would cost every frame something a user's page never pays.
  await page.goto(url + '/');
  await page.waitForFunction(() => !document.getElementById('gy-loading') &&
    window.gongyouTest && window.gongyouTest.mapMarkers && window.gongyouTest.mapMarkers().length > 0,
  null, { timeout: 120000, polling: 100 });
  const loadMs = Date.now() - opened;
  const positions = await page.evaluate(async () => {
    const started = performance.now();
    const text = await (await fetch('/api/v1/sites/positions', { cache: 'no-store' })).text();
    return { bytes: text.length, ms: performance.now() - started };
  });
  await page.waitForTimeout(1000);

  const result = await page.evaluate(gestures);
  const floor = await leafletAlone(page.context(), url);
  const floorInMotion = floor.work.filter((_, i) => floor.moving[i]);
  const inMotion = result.work.filter((_, i) => result.moving[i]);
  const settling = result.work.filter((_, i) => !result.moving[i]);
  const p95 = percentile(inMotion, 95);
  console.log(`frame time while panning/zooming with ${label} (${result.work.length} frames, headless Chromium, SwiftShader)`);
  console.log(`  first markers after opening the page: ${loadMs} ms (GET /sites/positions: ${(positions.bytes / 1e6).toFixed(2)} MB in ${positions.ms.toFixed(0)} ms)`);
  console.log(`  frame work, all frames:           p50 ${percentile(result.work, 50).toFixed(2)} ms, p95 ${percentile(result.work, 95).toFixed(2)} ms, max ${Math.max(...result.work).toFixed(2)} ms`);
  console.log(`  frame work, map in motion (${inMotion.length}): p50 ${percentile(inMotion, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${Math.max(...inMotion).toFixed(2)} ms`);
  console.log(`  frame work, settling after (${settling.length}): p50 ${percentile(settling, 50).toFixed(2)} ms, p95 ${percentile(settling, 95).toFixed(2)} ms`);
  console.log(`  frame interval p50 ${percentile(result.interval, 50).toFixed(2)} ms, p95 ${percentile(result.interval, 95).toFixed(2)} ms`);
  const floorP95 = percentile(floorInMotion, 95);
  console.log(`  Leaflet alone, an empty map (${floorInMotion.length} frames in motion): p50 ${percentile(floorInMotion, 50).toFixed(2)} ms, p95 ${floorP95.toFixed(2)} ms`);
  console.log(`  ours p95 in motion ${p95.toFixed(2)} ms   target ≤ ${TARGET_MS} ms   ratio target/ours ${(TARGET_MS / p95).toFixed(2)}× ${p95 <= TARGET_MS ? '(met)' : '(NOT met)'}`);
  console.log(`  ours / Leaflet alone (same run, in motion, p95): ${(p95 / floorP95).toFixed(2)}×`);
} finally {
  await browser?.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
