// tests/api/coverage_scale.mjs — the staff coverage analysis at national scale (gongyou-server --demo-scale: 150,000
// stations, 200,000 workplaces): every endpoint answers within its budget (times printed for docs/api-coverage.md),
// the per-city figures add up, suggestions add what they claim over the city's workplaces, and an export of the
// whole country is refused with a hint.
// Its own ctest (api_coverage_scale): the 150,000-site load is too slow to share api_tests' time budget.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { adminAccount, call, haversineMetres, startScaleServer } from './harness.mjs';

const RADIUS = (15 * 80) / 1.3;

let server, port, token;

/** GET as staff within `budgetMs`; prints the time. */
async function timed(urlPath, budgetMs) {
  const started = performance.now();
  const response = await call(port, 'GET', urlPath, { token, timeout: 60000 });
  const ms = performance.now() - started;
  console.log(`# ${urlPath}: ${response.status}, ${ms.toFixed(1)} ms, ${(response.body.length / 1e6).toFixed(2)} MB`);
  assert.ok(ms < budgetMs, `${urlPath} took ${ms.toFixed(1)} ms (budget ${budgetMs} ms)`);
  return response;
}

before(async () => {
  server = await startScaleServer({ admin: true, extraArgs: ['--fast-password-hash'] });
  port = server.port;
  const login = await call(port, 'POST', '/api/v1/auth/login', { body: adminAccount });
  assert.equal(login.status, 200, login.text);
  token = login.json.token;
});
after(async () => assert.equal(await server.stop(), 0));

test('--demo-scale loads 200,000 workplaces; towns per city within budget, cached afterwards', async () => {
  assert.match(server.log(), /loaded 200000 scale workplaces: generated in [\d.]+ s, stored in [\d.]+ s/);
  const first = (await timed('/api/v1/coverage/towns', 5000)).json;   // builds the model
  const again = (await timed('/api/v1/coverage/towns', 1000)).json;   // cached
  assert.deepEqual(again, first);
  assert.equal(first.sites, 150000);
  assert.ok(first.towns.length > 150, `${first.towns.length} cities`);
  assert.equal(first.towns.reduce((n, t) => n + t.members, 0), first.members);
  assert.equal(first.towns.reduce((n, t) => n + t.covered, 0), first.covered);
  for (let i = 1; i < first.towns.length; ++i) assert.ok(first.towns[i - 1].share <= first.towns[i].share);
  await timed('/api/v1/coverage/towns?type=love_station', 5000);
});

test('suggestions for the whole country and for one city within budget; each adds what it claims', async () => {
  const country = (await timed('/api/v1/coverage/suggestions?k=20', 1000)).json;  // warmed at start
  // Another type set: its model and its country-wide run are built by this request, then remembered.
  const cold = (await timed('/api/v1/coverage/suggestions?k=20&type=water_point,love_station', 5000)).json;
  const warm = (await timed('/api/v1/coverage/suggestions?k=5&type=water_point,love_station', 1000)).json;
  assert.deepEqual(warm.items, cold.items.slice(0, 5));
  assert.equal(country.items.length, 20);
  for (let i = 1; i < 20; ++i) assert.ok(country.items[i].members_added <= country.items[i - 1].members_added);
  const city = '泉州市';
  const local = (await timed(`/api/v1/coverage/suggestions?k=10&town=${encodeURIComponent(city)}`, 1000)).json;
  const exported = (await timed(`/api/v1/coverage/export.geojson?k=10&town=${encodeURIComponent(city)}`, 3000)).json;
  const sites = exported.features.filter((f) => f.properties.kind === 'site')
    .map((f) => ({ lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));
  const open = exported.features.filter((f) => f.properties.kind === 'workplace' && !f.properties.covered)
    .map((f) => ({ lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], members: f.properties.members }));
  assert.ok(sites.length > 100 && open.length > 0);
  for (const s of local.items) {
    assert.equal(s.town, city);
    let added = 0;
    for (const w of open) if (w.members && haversineMetres(s, w) <= RADIUS) { added += w.members; w.members = 0; }
    assert.equal(s.members_added, added);
  }
});

test('an export of the whole country is refused with a hint; a box is fine', async () => {
  const whole = await timed('/api/v1/coverage/export.geojson', 3000);
  assert.equal(whole.status, 400);
  assert.equal(whole.json.error.code, 'bad_request');
  assert.match(whole.json.error.message, /town=.*bbox=/);
  const box = await timed('/api/v1/coverage/export.geojson?bbox=118.5,24.8,118.7,25.0', 3000);
  assert.equal(box.status, 200);
});
