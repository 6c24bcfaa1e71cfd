// tests/api/scale.test.mjs — the site endpoints at national scale: gongyou-server --demo-scale loads the 150,000
// stations of tools/scale_data into an empty database; every one can be paged through, and bbox listings, nearest
// sites and search agree with brute force over all of them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { haversineMetres, request, startScaleServer } from './harness.mjs';

const SITES = 150000;

let server;
let port;
let all = [];

// Each answer within a generous budget: a shared 2-core machine runs other builds and tests at the same time, so
// the budget only catches pathological regressions (a per-request scan over every site costs ~50 ms, not seconds).
const get = async (urlPath, budgetMs = 2000) => {
  const started = performance.now();
  const response = await request(port, urlPath);
  const ms = performance.now() - started;
  assert.equal(response.status, 200, `${urlPath}: ${response.text}`);
  assert.ok(ms < budgetMs, `${urlPath} took ${ms.toFixed(1)} ms (budget ${budgetMs} ms)`);
  return response.json();
};

before(async () => {
  server = await startScaleServer({ startTimeoutMs: 40000 });
  port = server.port;
  let cursor = null;
  do {
    const page = await get(`/api/v1/sites?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    all.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
});
after(async () => assert.equal(await server.stop(), 0));

test('--demo-scale loads 150,000 stations and reports the load time', () => {
  assert.match(server.log(), /loaded 150000 scale sites: generated in [\d.]+ s, stored in [\d.]+ s/);
  assert.equal(all.length, SITES);
  all.forEach((s, i) => assert.equal(s.id, i + 1));
  const towns = new Set(all.map((s) => s.town));
  assert.ok(towns.size > 150, `${towns.size} cities`);
});

test('bbox listings equal filtering every site (a city, an empty box, half of China)', async () => {
  for (const [minLon, minLat, maxLon, maxLat] of [[116.3, 39.8, 116.5, 40.0], [90, 20, 91, 21], [100, 20, 125, 40]]) {
    const inside = (s) => s.lon >= minLon && s.lon <= maxLon && s.lat >= minLat && s.lat <= maxLat;
    const { items } = await get(`/api/v1/sites?limit=1000&bbox=${minLon},${minLat},${maxLon},${maxLat}`);
    assert.deepEqual(items.map((s) => s.id), all.filter(inside).slice(0, 1000).map((s) => s.id));
  }
});

test('nearest sites equal brute force', async () => {
  for (const [lat, lon] of [[39.9, 116.4], [24.87, 118.68], [43.8, 87.6], [30, 100]]) {
    const { items } = await get(`/api/v1/sites/nearest?lat=${lat}&lon=${lon}&k=10`);
    const expected = all.map((s) => ({ id: s.id, d: haversineMetres({ lat, lon }, s) }))
      .sort((a, b) => a.d - b.d || a.id - b.id).slice(0, 10);
    assert.deepEqual(items.map((s) => Math.round(s.distance_m)), expected.map((e) => Math.round(e.d)));
  }
});

test('search by text and by type over every site', async () => {
  const q = '泉州';
  const { items } = await get(`/api/v1/sites?limit=1000&q=${encodeURIComponent(q)}&type=water_point`);
  const expected = all.filter((s) => s.type === 'water_point' &&
                                     (s.name.includes(q) || s.address.includes(q) || s.town.includes(q)));
  assert.deepEqual(items.map((s) => s.id), expected.slice(0, 1000).map((s) => s.id));
  const open = await get('/api/v1/sites?limit=1000&open_now=1&type=mommy_hut');
  assert.ok(open.items.every((s) => s.type === 'mommy_hut'));
});
