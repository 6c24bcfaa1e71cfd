// tests/api/positions.test.mjs — GET /api/v1/sites/positions (docs/api-scale.md): every site as compact columns
// (id deltas, type indices, coordinates in 1e-5 degree) that decode to exactly what the full listing says, its
// bbox and type filters, and bad input answered 400 with the api.md error shape.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { errorOf, startServer } from './harness.mjs';

let server;
let allSites;
const get = async (urlPath) => {
  const response = await server.request(urlPath);
  assert.equal(response.status, 200, `${urlPath}: ${response.text}`);
  assert.match(response.headers['content-type'], /^application\/json/);
  return response.json();
};

/** The columns as rows: {id, type, lat, lon}. */
function rows(body) {
  assert.equal(body.id.length, body.count);
  for (const column of ['type', 'lat', 'lon']) assert.equal(body[column].length, body.count, column);
  let id = 0;
  return body.id.map((delta, i) => {
    assert.ok(Number.isInteger(delta) && delta > 0, 'ids increase');
    id += delta;
    return { id, type: body.types[body.type[i]], lat: body.lat[i] / 1e5, lon: body.lon[i] / 1e5 };
  });
}

before(async () => {
  server = await startServer();
  allSites = (await get('/api/v1/sites?limit=1000')).items;
});
after(async () => assert.equal(await server.stop(), 0, 'server exits 0 on SIGTERM'));

test('every site, in id order, with its type and position to a metre', async () => {
  const body = await get('/api/v1/sites/positions');
  assert.equal(body.count, allSites.length);
  assert.equal(body.types.length, 14);
  const decoded = rows(body);
  decoded.forEach((row, i) => {
    const site = allSites[i];
    assert.equal(row.id, site.id);
    assert.equal(row.type, site.type);
    assert.ok(Math.abs(row.lat - site.lat) <= 0.5e-5 + 1e-9 && Math.abs(row.lon - site.lon) <= 0.5e-5 + 1e-9,
              `site ${site.id} at ${site.lat},${site.lon} came as ${row.lat},${row.lon}`);
  });
  const bytes = JSON.stringify(body).length;
  assert.ok(bytes < allSites.length * 30, `${bytes} bytes for ${allSites.length} sites`);
});

test('brotli or gzip when the client accepts it: the same bytes as the plain answer, much smaller', async () => {
  const plain = await server.request('/api/v1/sites/positions');
  assert.equal(plain.headers['content-encoding'], undefined, 'plain without Accept-Encoding');
  assert.match(plain.headers.vary, /Accept-Encoding/);
  for (const accept of ['br', 'gzip, deflate, br', 'br;q=1.0, gzip;q=0.5']) {
    const packed = await server.request('/api/v1/sites/positions', { headers: { 'Accept-Encoding': accept } });
    assert.equal(packed.status, 200);
    assert.equal(packed.headers['content-encoding'], 'br', accept);
    assert.deepEqual(brotliDecompressSync(packed.body), plain.body, 'decompresses to the plain answer');
    assert.ok(packed.body.length < plain.body.length / 2, `${packed.body.length} < half of ${plain.body.length}`);
  }
  for (const accept of ['gzip', 'br;q=0, gzip', 'gzip, deflate']) {
    const packed = await server.request('/api/v1/sites/positions', { headers: { 'Accept-Encoding': accept } });
    assert.equal(packed.headers['content-encoding'], 'gzip', accept);
    assert.deepEqual(gunzipSync(packed.body), plain.body, 'gunzips to the plain answer');
  }
  for (const accept of ['br;q=0', 'identity', 'deflate']) {
    const response = await server.request('/api/v1/sites/positions', { headers: { 'Accept-Encoding': accept } });
    assert.equal(response.headers['content-encoding'], undefined, accept);
    assert.deepEqual(response.body, plain.body);
  }
});

test('bbox and type keep exactly the matching sites', async () => {
  const box = [118.77, 25.01, 118.82, 25.05];
  const types = ['love_station', 'water_point'];
  const inside = (s) => s.lon >= box[0] && s.lon <= box[2] && s.lat >= box[1] && s.lat <= box[3];
  const inBox = rows(await get(`/api/v1/sites/positions?bbox=${box.join(',')}`));
  assert.ok(inBox.length > 0);
  assert.deepEqual(inBox.map((r) => r.id), allSites.filter(inside).map((s) => s.id));
  const ofType = rows(await get(`/api/v1/sites/positions?type=${types.join(',')}`));
  assert.ok(ofType.length > 0);
  assert.deepEqual(ofType.map((r) => r.id), allSites.filter((s) => types.includes(s.type)).map((s) => s.id));
  const empty = await get('/api/v1/sites/positions?bbox=90,20,91,21');
  assert.deepEqual([empty.count, empty.id, empty.lat], [0, [], []]);
});

test('bad input is a 400 bad_request with a reason', async () => {
  for (const query of ['bbox=1,2,3', 'bbox=a,b,c,d', 'bbox=10,10,5,5', 'bbox=0,0,200,10', 'type=spaceport',
                       'type=love_station,,x', 'bbox=NaN,0,1,1']) {
    const response = await server.request(`/api/v1/sites/positions?${query}`);
    assert.equal(response.status, 400, query);
    assert.equal(errorOf(response, assert).code, 'bad_request', query);
  }
  const post = await server.request('/api/v1/sites/positions', { method: 'POST', body: '{}' });
  assert.equal(post.status, 405);
});
