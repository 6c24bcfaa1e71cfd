// tests/api/site_import.test.mjs — POST /api/v1/admin/sites/import: admins only; a good CSV (UTF-8 with BOM, or
// GB18030) or GeoJSON is stored whole and the new sites are listed and found nearby at once; a file with bad rows
// is refused with a per-row report and stores nothing (not even its good rows); duplicates of stored sites and of
// earlier rows are caught; GCJ-02 input lands in WGS-84; dry_run checks without storing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { adminToken, assertError, registerUser } from './booking_helpers.mjs';
import { haversineMetres, startServer } from './harness.mjs';

let server;
let admin;
let worker;

before(async () => {
  server = await startServer(['--fast-password-hash'], { admin: true });
  admin = await adminToken(server);
  worker = (await registerUser(server, 'importer')).token;
});
after(async () => assert.equal(await server.stop(), 0, 'server exits 0 on SIGTERM'));

const upload = (body, query = '', token = admin) =>
  server.call('POST', `/api/v1/admin/sites/import${query}`, { token, body, headers: { 'Content-Type': 'text/csv' } });
const siteCount = async () => {
  let count = 0;
  let cursor = null;
  do {
    const page = (await server.call('GET', `/api/v1/sites?limit=1000${cursor ? `&cursor=${cursor}` : ''}`)).json;
    count += page.items.length;
    cursor = page.next_cursor;
  } while (cursor);
  return count;
};

test('only admins may import', async () => {
  assertError(await upload('type,name,lat,lon\n', '', worker), 403, 'forbidden', 'worker');
  assertError(await upload('type,name,lat,lon\n', '', null), 401, 'unauthorized', 'anonymous');
});

test('a good UTF-8 CSV with a BOM is stored whole, listed and found nearby', async () => {
  const before = await siteCount();
  const csv = '\uFEFFtype,name,lat,lon,address,hours,facilities\n' +
              'love_station,导入测试驿站甲,25.0401,118.8101,"螺城镇, 测试路1号",Mo-Su 07:00-21:00,water|charging\n' +
              '饮水点,导入测试饮水点乙,25.0402,118.8102,,24/7,饮水\n';
  const response = await upload(csv);
  assert.equal(response.status, 200, response.text);
  assert.equal(response.json.imported, 2);
  assert.equal(response.json.ids.length, 2);
  assert.equal(await siteCount(), before + 2);
  const first = (await server.call('GET', `/api/v1/sites/${response.json.ids[0]}`)).json;
  assert.equal(first.name, '导入测试驿站甲');
  assert.equal(first.address, '螺城镇, 测试路1号');
  assert.deepEqual(first.facilities, ['water', 'charging']);
  const near = (await server.call('GET', '/api/v1/sites/nearest?lat=25.0401&lon=118.8101&k=1')).json.items;
  assert.equal(near[0].id, response.json.ids[0], 'the directory sees the new sites at once');
});

test('a file with bad rows is refused with a per-row report and stores nothing', async () => {
  const before = await siteCount();
  const csv = 'type,name,lat,lon,hours\n' +
              'love_station,好行,25.05,118.82,\n' +        // row 2: good, but must not be stored alone
              'spaceship,坏类型,25.05,118.83,\n' +         // 3
              'love_station,坏坐标,abc,118.84,\n' +        // 4
              'love_station,颠倒,118.85,25.05,\n' +        // 5
              'love_station,坏时间,25.05,118.86,Mo 9-5\n' + // 6
              'love_station,导入测试驿站甲,25.0401,118.8101,\n';  // 7: duplicate of the stored site
  const response = await upload(csv);
  assertError(response, 422, 'import_rejected', 'bad rows');
  const rows = response.json.error.rows;
  assert.deepEqual(rows.map((r) => r.row), [3, 4, 5, 6, 7]);
  assert.match(rows[0].message, /unknown type/);
  assert.match(rows[2].message, /swapped/);
  assert.match(rows[4].message, /duplicate of stored site/);
  assert.match(response.json.error.message, /nothing was stored/);
  assert.equal(await siteCount(), before, 'not even the good row was stored');
});

test('GB18030 (Excel on Chinese Windows) is read, automatically or when named', async () => {
  // 类型,名称,纬度,经度,设施 / 爱心驿站,惠安螺城爱心驿站（GB18030）,25.0313,118.8013,饮水、充电 — encoded in GB18030.
  const gb = Buffer.from('c0e0d0cd2cc3fbb3c62cceb3b6c82cbeadb6c82cc9e8caa90ab0aed0c4e6e4d5be2cbbddb0b2c2ddb3c7b0aed0c4e6e4d5bea3a847423138303330a3a92c32352e303331332c3131382e383031332cd2fbcbaea1a2b3e4b5e70a', 'hex');
  const checked = await upload(gb, '?encoding=gb18030&dry_run=1');
  assert.equal(checked.status, 200, checked.text);
  assert.equal(checked.json.dry_run, true);
  const response = await upload(gb);
  assert.equal(response.status, 200, response.text);
  const site = (await server.call('GET', `/api/v1/sites/${response.json.ids[0]}`)).json;
  assert.equal(site.name, '惠安螺城爱心驿站（GB18030）');
  assert.equal(site.type, 'love_station');
  assert.deepEqual(site.facilities, ['water', 'charging']);
  assertError(await upload(gb, '?encoding=utf-8'), 422, 'import_rejected', 'GB18030 bytes named UTF-8');
  assertError(await upload(Buffer.from([0x81, 0x30, 0xff, 0xff])), 400, 'bad_request', 'neither encoding');
});

test('GeoJSON in GCJ-02 lands in WGS-84; duplicates within the file are caught', async () => {
  // Amap's (GCJ-02) position of a point whose WGS-84 position is 25.0600, 118.8000 (core/china_coordinates.h).
  const gcj = [118.8046116, 25.0571616];
  const feature = (name, coordinates) => ({ type: 'Feature', geometry: { type: 'Point', coordinates },
                                            properties: { type: 'water_point', name } });
  const collection = (features) => JSON.stringify({ type: 'FeatureCollection', features });
  const dup = await upload(collection([feature('高德点', gcj), feature('高德点', gcj)]), '?format=geojson&datum=gcj02');
  assertError(dup, 422, 'import_rejected', 'duplicate rows');
  assert.deepEqual(dup.json.error.rows, [{ row: 2, message: 'duplicate of row 1 (高德点)' }]);
  const response = await upload(collection([feature('高德点', gcj)]), '?format=geojson&datum=gcj02');
  assert.equal(response.status, 200, response.text);
  const site = (await server.call('GET', `/api/v1/sites/${response.json.ids[0]}`)).json;
  const off = haversineMetres(site, { lat: 25.06, lon: 118.8 });
  assert.ok(off < 5, `stored ${off.toFixed(1)} m from the WGS-84 truth`);
});

test('bad parameters are a 400', async () => {
  assertError(await upload('x', '?format=xlsx'), 400, 'bad_request', 'format');
  assertError(await upload('x', '?datum=bd09'), 400, 'bad_request', 'datum');
  assertError(await upload('x', '?encoding=latin1&dry_run=1'), 400, 'bad_request', 'encoding');
});
