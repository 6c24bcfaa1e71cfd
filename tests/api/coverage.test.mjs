// tests/api/coverage.test.mjs — the staff coverage analysis (docs/api-coverage.md) on the Hui'an demo: per-town
// members within 15 minutes checked against a brute-force count over the sites of GET /sites and the workplaces of
// the export, "where next" suggestions that each really add the members they claim (brute force, in order), a valid
// RFC 7946 export (closed counter-clockwise rings, lon/lat order), admins only, and bad input refused with 400/404.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';

import { adminAccount, errorOf, haversineMetres, startServer } from './harness.mjs';

const RADIUS = (15 * 80) / 1.3;  // walk_ring_radius(): 15 minutes at 80 m/min, detour factor 1.3

let server, admin, worker, sites, workplaces;

const login = async (account) => {
  const response = await server.call('POST', '/api/v1/auth/login', { body: account });
  assert.equal(response.status, 200, response.text);
  return response.json.token;
};
const staffGet = async (urlPath) => {
  const response = await server.call('GET', urlPath, { token: admin });
  assert.equal(response.status, 200, `${urlPath}: ${response.text}`);
  return response;
};
const refused = async (urlPath, status, code, token = admin) => {
  const response = await server.call('GET', urlPath, { token: token ?? undefined });
  assert.equal(response.status, status, `${urlPath}: ${response.text}`);
  assert.equal(errorOf({ ...response, json: () => response.json }, assert).code, code, urlPath);
  return response.json.error.message;
};

/** Every site of the demo from the public listing, all pages. */
async function allSites() {
  const items = [];
  let cursor = '';
  for (;;) {
    const page = (await server.call('GET', `/api/v1/sites?limit=1000${cursor}`)).json;
    items.push(...page.items);
    if (!page.next_cursor) return items;
    cursor = `&cursor=${encodeURIComponent(page.next_cursor)}`;
  }
}

const reached = (place, siteList) => siteList.some((s) => haversineMetres(s, place) <= RADIUS);

/** Per town: members and members within a ring of `siteList`, by brute force. */
function bruteTowns(siteList) {
  const towns = new Map();
  for (const w of workplaces) {
    const t = towns.get(w.town) ?? { members: 0, covered: 0, workplaces: 0 };
    t.members += w.members;
    t.workplaces += 1;
    if (reached(w, siteList)) t.covered += w.members;
    towns.set(w.town, t);
  }
  return towns;
}

const featuresOf = (body, kind) => body.features.filter((f) => f.properties.kind === kind);
const asPlace = (feature) => ({ lon: feature.geometry.coordinates[0], lat: feature.geometry.coordinates[1],
                                ...feature.properties });

before(async () => {
  server = await startServer(['--fast-password-hash'], { admin: true });
  admin = await login(adminAccount);
  const registered = await server.call('POST', '/api/v1/auth/register',
                                       { body: { username: 'coverage_worker', password: 'Worker-Pass-2026', display_name: '工人' } });
  assert.equal(registered.status, 201, registered.text);
  worker = registered.json.token;
  sites = await allSites();
  const exported = (await staffGet('/api/v1/coverage/export.geojson')).json;
  workplaces = featuresOf(exported, 'workplace').map(asPlace);
});
after(async () => assert.equal(await server.stop(), 0));

test('every endpoint is for staff: 401 without a session, 403 for a worker', async () => {
  for (const urlPath of ['/api/v1/coverage/towns', '/api/v1/coverage/suggestions?k=3',
                         '/api/v1/coverage/export.geojson']) {
    await refused(urlPath, 401, 'unauthorized', null);
    await refused(urlPath, 403, 'forbidden', worker);
  }
});

test('the demo has a few hundred workplaces in all 16 towns, some beyond every ring', async () => {
  assert.ok(workplaces.length >= 300 && workplaces.length <= 600, `${workplaces.length} workplaces`);
  assert.equal(new Set(workplaces.map((w) => w.town)).size, 16);
  assert.ok(workplaces.some((w) => !w.covered) && workplaces.some((w) => w.covered));
  for (const w of workplaces) assert.equal(w.covered, reached(w, sites), `workplace at ${w.lat},${w.lon}`);
});

test('towns: members and members within 15 minutes agree with brute force, lowest share first', async () => {
  const body = (await staffGet('/api/v1/coverage/towns')).json;
  assert.ok(Math.abs(body.radius_m - RADIUS) < 1e-6);
  assert.equal(body.sites, sites.length);
  assert.equal(body.types.length, 14);
  const brute = bruteTowns(sites);
  assert.equal(body.towns.length, brute.size);
  let members = 0, covered = 0;
  for (const [i, town] of body.towns.entries()) {
    const expected = brute.get(town.town);
    assert.ok(expected, town.town);
    assert.equal(town.members, expected.members, town.town);
    assert.equal(town.covered, expected.covered, town.town);
    assert.equal(town.workplaces, expected.workplaces, town.town);
    assert.equal(town.sites, sites.filter((s) => s.town === town.town).length, town.town);
    assert.ok(Math.abs(town.share - expected.covered / expected.members) < 1e-12);
    if (i > 0) assert.ok(body.towns[i - 1].share <= town.share, 'sorted by share, lowest first');
    members += town.members;
    covered += town.covered;
  }
  assert.equal(body.members, members);
  assert.equal(body.covered, covered);
  assert.ok(body.share > 0.2 && body.share < 0.95, `a county with gaps: share ${body.share}`);
});

test('towns?type=: only the rings of those types count', async () => {
  const types = ['love_station', 'water_point'];
  const body = (await staffGet(`/api/v1/coverage/towns?type=${types.join(',')}`)).json;
  assert.deepEqual(body.types, types);
  const chosen = sites.filter((s) => types.includes(s.type));
  assert.equal(body.sites, chosen.length);
  const brute = bruteTowns(chosen);
  for (const town of body.towns) assert.equal(town.covered, brute.get(town.town).covered, town.town);
  const all = (await staffGet('/api/v1/coverage/towns')).json;
  assert.ok(body.covered < all.covered, 'fewer types reach fewer members');
});

/** Checks suggestions in order against brute force over `scope` (workplaces) and the sites. */
function checkSuggestions(body, scope) {
  const open = scope.filter((w) => !reached(w, sites)).map((w) => ({ ...w }));
  const members = scope.reduce((sum, w) => sum + w.members, 0);
  let covered = members - open.reduce((sum, w) => sum + w.members, 0);
  assert.equal(body.members, members);
  assert.equal(body.covered, covered);
  let previous = Infinity;
  for (const s of body.items) {
    assert.ok(s.members_added > 0 && s.members_added <= previous, 'members_added is positive and non-increasing');
    previous = s.members_added;
    let added = 0;
    for (const w of open) {
      if (w.members > 0 && haversineMetres(s, w) <= RADIUS) {
        added += w.members;
        w.members = 0;
      }
    }
    assert.equal(s.members_added, added, `suggestion at ${s.lat},${s.lon}`);
    covered += added;
    assert.ok(Math.abs(s.share_after - covered / members) < 1e-12);
    assert.ok(scope.some((w) => w.town === s.town), s.town);
  }
}

test('suggestions: the county\'s k best, each adding the members it claims', async () => {
  const body = (await staffGet('/api/v1/coverage/suggestions?k=8')).json;
  assert.equal(body.k, 8);
  assert.equal(body.town, null);
  assert.equal(body.items.length, 8);
  checkSuggestions(body, workplaces);
  // The first suggestion is at least as good as building at any uncovered workplace itself (a candidate cell
  // holds that workplace, and the greedy first pick is the best candidate).
  const defaults = (await staffGet('/api/v1/coverage/suggestions')).json;
  assert.equal(defaults.items.length, 5);
  assert.deepEqual(defaults.items, body.items.slice(0, 5), 'the first five of k=8 are k=5');
});

test('suggestions for one town use only its workplaces', async () => {
  const towns = (await staffGet('/api/v1/coverage/towns')).json.towns;
  const town = towns[0].town;  // the lowest share
  const body = (await staffGet(`/api/v1/coverage/suggestions?k=20&town=${encodeURIComponent(town)}`)).json;
  assert.equal(body.town, town);
  assert.ok(body.items.length >= 1);
  for (const s of body.items) assert.equal(s.town, town);
  checkSuggestions(body, workplaces.filter((w) => w.town === town));
  // k=20 in a small town stops when nobody is left: then everyone is within reach.
  if (body.items.length < 20) assert.equal(body.items.at(-1).share_after, 1);
});

test('suggestions: bad input is refused and changes nothing', async () => {
  for (const k of ['0', '21', '-1', '2.5', 'five', '1e1', '']) {
    if (k === '') continue;
    assert.match(await refused(`/api/v1/coverage/suggestions?k=${k}`, 400, 'bad_request'), /k must be/);
  }
  assert.match(await refused('/api/v1/coverage/suggestions?type=castle', 400, 'bad_request'), /type/);
  assert.match(await refused(`/api/v1/coverage/suggestions?town=${encodeURIComponent('火星镇')}`, 404, 'not_found'),
               /火星镇/);
  await refused('/api/v1/coverage/suggestions?bbox=1,2,3,4', 400, 'bad_request');
  await refused('/api/v1/coverage/towns?type=bookstore,nope', 400, 'bad_request');
  const again = (await staffGet('/api/v1/coverage/suggestions?k=20')).json;
  assert.equal(again.items.length, 20);
});

/** RFC 7946: a FeatureCollection of Features, positions [lon, lat] in range, rings closed and counter-clockwise. */
function checkGeoJson(body) {
  assert.equal(body.type, 'FeatureCollection');
  assert.ok(Array.isArray(body.features));
  const inRange = ([lon, lat]) => {
    assert.ok(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
    // Hui'an is at about 25° N, 118.8° E: swapped coordinates would fail this.
    assert.ok(lon > 118 && lon < 120 && lat > 24 && lat < 26, `lon,lat order: ${lon},${lat}`);
  };
  for (const f of body.features) {
    assert.equal(f.type, 'Feature');
    assert.equal(typeof f.properties, 'object');
    if (f.geometry.type === 'Point') {
      assert.equal(f.geometry.coordinates.length, 2);
      inRange(f.geometry.coordinates);
    } else {
      assert.equal(f.geometry.type, 'Polygon');
      assert.equal(f.geometry.coordinates.length, 1);
      const ring = f.geometry.coordinates[0];
      assert.ok(ring.length >= 4);
      assert.deepEqual(ring[0], ring.at(-1), 'closed ring');
      let twiceArea = 0;
      for (let i = 0; i + 1 < ring.length; ++i) {
        inRange(ring[i]);
        twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      }
      assert.ok(twiceArea > 0, 'counter-clockwise exterior ring');
    }
  }
}

test('export: RFC 7946 GeoJSON with sites, rings, workplaces and suggestions, as a download', async () => {
  const response = await staffGet('/api/v1/coverage/export.geojson?k=3');
  assert.match(response.headers['content-type'], /^application\/geo\+json/);
  const packed = await server.request('/api/v1/coverage/export.geojson?k=3',
                                      { headers: { Authorization: `Bearer ${admin}`, 'Accept-Encoding': 'br' } });
  assert.equal(packed.headers['content-encoding'], 'br', 'a large export travels compressed');
  assert.deepEqual(JSON.parse(brotliDecompressSync(packed.body).toString('utf8')), response.json);
  assert.match(response.headers['content-disposition'], /^attachment; filename="[^"]+\.geojson"$/);
  const body = response.json;
  checkGeoJson(body);
  const exportedSites = featuresOf(body, 'site');
  assert.equal(exportedSites.length, sites.length);
  const byId = new Map(sites.map((s) => [s.id, s]));
  for (const f of exportedSites) {
    const site = byId.get(f.properties.id);
    assert.deepEqual(f.geometry.coordinates, [site.lon, site.lat]);
    assert.equal(f.properties.name, site.name);
    assert.equal(f.properties.type, site.type);
    assert.ok(Math.abs(f.properties.ring_radius_m - RADIUS) < 1e-6);
  }
  const rings = featuresOf(body, 'ring');
  assert.equal(rings.length, sites.length);
  for (const ring of rings) {
    const site = byId.get(ring.properties.site_id);
    assert.equal(ring.geometry.coordinates[0].length, 49);
    for (const [lon, lat] of ring.geometry.coordinates[0]) assert.ok(Math.abs(haversineMetres(site, { lat, lon }) - RADIUS) < 0.05);
  }
  const suggestions = featuresOf(body, 'suggestion');
  const listed = (await staffGet('/api/v1/coverage/suggestions?k=3')).json.items;
  assert.deepEqual(suggestions.map((f) => [f.geometry.coordinates, f.properties.members_added, f.properties.rank]),
                   listed.map((s, i) => [[s.lon, s.lat], s.members_added, i + 1]));
});

test('export of a town or a box holds only what is in it', async () => {
  const town = workplaces[0].town;
  const byTown = (await staffGet(`/api/v1/coverage/export.geojson?town=${encodeURIComponent(town)}`)).json;
  checkGeoJson(byTown);
  assert.deepEqual(featuresOf(byTown, 'site').map((f) => f.properties.id).sort((a, b) => a - b),
                   sites.filter((s) => s.town === town).map((s) => s.id).sort((a, b) => a - b));
  assert.equal(featuresOf(byTown, 'workplace').length, workplaces.filter((w) => w.town === town).length);
  const box = [118.75, 25.0, 118.85, 25.06];
  const byBox = (await staffGet(`/api/v1/coverage/export.geojson?bbox=${box.join(',')}`)).json;
  checkGeoJson(byBox);
  const inside = (p) => p.lon >= box[0] && p.lon <= box[2] && p.lat >= box[1] && p.lat <= box[3];
  assert.equal(featuresOf(byBox, 'site').length, sites.filter(inside).length);
  assert.equal(featuresOf(byBox, 'workplace').length, workplaces.filter(inside).length);
  for (const f of featuresOf(byBox, 'workplace')) assert.ok(inside(asPlace(f)));
});

test('export: bad input is refused', async () => {
  for (const bbox of ['1,2,3', '118,25,117,26', 'a,b,c,d', '0,0,0,200'])
    assert.match(await refused(`/api/v1/coverage/export.geojson?bbox=${bbox}`, 400, 'bad_request'), /bbox/);
  await refused(`/api/v1/coverage/export.geojson?town=${encodeURIComponent('无名镇')}`, 404, 'not_found');
  await refused('/api/v1/coverage/export.geojson?k=50', 400, 'bad_request');
  await refused('/api/v1/coverage/export.geojson?type=nope', 400, 'bad_request');
});

test('importing a site at the best suggestion changes the figures at once (the cache follows the sites)', async () => {
  const before = (await staffGet('/api/v1/coverage/suggestions?k=1')).json;
  const best = before.items[0];
  const csv = `type,name,lat,lon,town\nlove_station,覆盖测试驿站,${best.lat},${best.lon},${best.town}\n`;
  const imported = await server.call('POST', '/api/v1/admin/sites/import',
                                     { token: admin, body: csv, headers: { 'Content-Type': 'text/csv' } });
  assert.equal(imported.status, 200, imported.text);
  const after = (await staffGet('/api/v1/coverage/suggestions?k=1')).json;
  assert.equal(after.covered, before.covered + best.members_added, 'the new site reaches what was suggested');
  const towns = (await staffGet('/api/v1/coverage/towns')).json;
  assert.equal(towns.covered, after.covered);
  assert.equal(towns.sites, sites.length + 1);
});
