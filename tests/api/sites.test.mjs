// tests/api/sites.test.mjs — the read endpoints of api.md through real HTTP: health, site types,
// listing with its filters (q also by pinyin initials) and paging, nearest sites, one site.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { errorOf, haversineMetres, startServer, walkMinutes } from './harness.mjs';

let server;
let allSites;  // every site, read once through the listing
const get = async (urlPath) => {
  const response = await server.request(urlPath);
  assert.equal(response.status, 200, `${urlPath}: ${response.text}`);
  return response.json();
};

before(async () => {
  server = await startServer();
  const page = await get('/api/v1/sites?limit=1000');
  allSites = page.items;
  assert.equal(page.next_cursor, null);
});
after(async () => assert.equal(await server.stop(), 0, 'server exits 0 on SIGTERM'));

test('health', async () => {
  assert.deepEqual(await get('/api/v1/health'), { status: 'ok' });
});

test('large answers are compressed as the client accepts (br, else gzip); small ones and plain clients are not', async () => {
  const plain = await server.request('/api/v1/sites?limit=1000');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.ok(plain.body.length > 50000, `the county's list is large (${plain.body.length} bytes)`);
  const br = await server.request('/api/v1/sites?limit=1000', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.match(br.headers.vary, /Accept-Encoding/);
  assert.deepEqual(brotliDecompressSync(br.body), plain.body);
  assert.ok(br.body.length * 4 < plain.body.length, `${br.body.length} bytes, a quarter or less of ${plain.body.length}`);
  const gz = await server.request('/api/v1/sites?limit=1000', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.deepEqual(gunzipSync(gz.body), plain.body);
  const small = await server.request('/api/v1/health', { headers: { 'Accept-Encoding': 'br' } });
  assert.equal(small.headers['content-encoding'], undefined, 'a few bytes are not worth compressing');
  assert.deepEqual(small.json(), { status: 'ok' });
});

test('site types: 14, each with id, names, color and icon', async () => {
  const types = await get('/api/v1/site-types');
  assert.equal(types.length, 14);
  for (const t of types) {
    assert.match(t.id, /^[a-z_]+$/);
    assert.ok(t.name_zh && t.name_en && t.icon, JSON.stringify(t));
    assert.match(t.color, /^#[0-9A-F]{6}$/);
  }
  assert.ok(types.some((t) => t.id === 'bookstore' && t.name_zh === '职工书屋'));
});

test('listing returns whole sites in id order', () => {
  assert.ok(allSites.length > 100, `demo data loaded (${allSites.length} sites)`);
  for (let i = 1; i < allSites.length; ++i) assert.ok(allSites[i - 1].id < allSites[i].id);
  for (const key of ['id', 'type', 'name', 'town', 'address', 'lat', 'lon', 'phone', 'hours', 'facilities', 'bookable'])
    assert.ok(key in allSites[0], `site has ${key}`);
});

test('listing default limit is 100', async () => {
  const page = await get('/api/v1/sites');
  assert.equal(page.items.length, 100);
  assert.equal(typeof page.next_cursor, 'string');
});

test('bbox keeps exactly the sites inside', async () => {
  const box = { minLon: 118.77, minLat: 25.01, maxLon: 118.82, maxLat: 25.05 };
  const { items } = await get(`/api/v1/sites?limit=1000&bbox=${box.minLon},${box.minLat},${box.maxLon},${box.maxLat}`);
  const inside = (s) => s.lon >= box.minLon && s.lon <= box.maxLon && s.lat >= box.minLat && s.lat <= box.maxLat;
  assert.ok(items.length > 0);
  assert.ok(items.every(inside));
  assert.deepEqual(items.map((s) => s.id), allSites.filter(inside).map((s) => s.id));
});

test('type filter keeps exactly the listed types', async () => {
  const { items } = await get('/api/v1/sites?limit=1000&type=bookstore,water_point');
  const wanted = (s) => s.type === 'bookstore' || s.type === 'water_point';
  assert.ok(items.length > 0 && items.every(wanted));
  assert.deepEqual(items.map((s) => s.id), allSites.filter(wanted).map((s) => s.id));
});

test('q matches a Chinese substring of name, address or town', async () => {
  for (const q of ['螺城', '书屋', '驿站']) {
    const { items } = await get(`/api/v1/sites?limit=1000&q=${encodeURIComponent(q)}`);
    const has = (s) => s.name.includes(q) || s.address.includes(q) || s.town.includes(q);
    assert.ok(items.length > 0, `${q} matches something`);
    assert.deepEqual(items.map((s) => s.id), allSites.filter(has).map((s) => s.id), q);
  }
});

/** The ids of the sites whose name or address includes `text` (a Chinese substring). */
const idsWith = (text, fields = ['name', 'address']) =>
  allSites.filter((s) => fields.some((f) => s[f].includes(text))).map((s) => s.id);

test('q of pinyin initials matches names and addresses by their initials', async () => {
  // Each pair: initials, and the Chinese text they stand for in the demo data. The demo data is fixed, so
  // the sets are exact (no other name or address happens to contain the same initials).
  const cases = [
    ['zgzj', '职工之家'],
    ['lmcxgzs', '劳模创新工作室'],
    ['axyz', '爱心驿站'],
    ['zgnyyh', '中国农业银行'],  // 银行: 行 read háng (core/pinyin.cpp's one override), not xíng
    ['besdl', '八二三东路'],       // an address
  ];
  for (const [q, chinese] of cases) {
    const expected = idsWith(chinese);
    assert.ok(expected.length > 0, `${chinese} is in the demo data`);
    const { items } = await get(`/api/v1/sites?limit=1000&q=${q}`);
    assert.deepEqual(items.map((s) => s.id), expected, `${q} finds the sites with ${chinese}`);
  }
  const center = allSites.find((s) => s.name === '惠安县总工会职工服务中心');
  assert.ok(center, 'the county service center is in the demo data');
  const { items } = await get('/api/v1/sites?limit=1000&q=haxzghzgfwzx');
  assert.deepEqual(items.map((s) => s.id), [center.id]);
});

test('q of whole pinyin: luocheng finds 螺城 as lc does (issue 14.8)', async () => {
  const expected = idsWith('螺城');
  assert.ok(expected.length > 0, '螺城 is in the demo data');
  for (const q of ['luocheng', 'LuoCheng', 'luochengzhen']) {
    const found = (await get(`/api/v1/sites?limit=1000&q=${q}`)).items.map((s) => s.id);
    for (const id of idsWith(q === 'luochengzhen' ? '螺城镇' : '螺城')) assert.ok(found.includes(id), `${q} finds site ${id}`);
    assert.ok(found.length < allSites.length, `${q} is a filter, not everything`);
  }
  const homes = (await get('/api/v1/sites?limit=1000&q=zhigongzhijia')).items.map((s) => s.id);
  assert.deepEqual(homes, (await get('/api/v1/sites?limit=1000&q=zgzj')).items.map((s) => s.id),
                   'zhigongzhijia and zgzj find the same Workers\' Homes');
  const nearest = await get(`/api/v1/sites/nearest?lat=25.03&lon=118.8&k=5&q=luocheng`);
  assert.ok(nearest.items.length > 0, 'nearest takes whole pinyin too');
});

test('q of initials: upper case works, filters and paging combine', async () => {
  const lower = await get('/api/v1/sites?limit=1000&q=zgzj');
  for (const q of ['ZGZJ', 'ZgZj']) assert.deepEqual(await get(`/api/v1/sites?limit=1000&q=${q}`), lower, q);
  const inBookstores = await get('/api/v1/sites?limit=1000&q=zgsw&type=bookstore');
  assert.ok(inBookstores.items.length > 0 && inBookstores.items.every((s) => s.type === 'bookstore'));
  const first = await get('/api/v1/sites?q=zgzj&limit=5');
  const rest = await get(`/api/v1/sites?q=zgzj&limit=1000&cursor=${first.next_cursor}`);
  assert.deepEqual([...first.items, ...rest.items].map((s) => s.id), lower.items.map((s) => s.id));
});

test('q: Chinese substrings keep matching literally; ASCII that is not initials matches nothing here', async () => {
  // Chinese substrings of the town too (as before); initials only look at name and address.
  assert.deepEqual((await get(`/api/v1/sites?limit=1000&q=${encodeURIComponent('职工之家')}`)).items.map((s) => s.id),
    idsWith('职工之家', ['name', 'address', 'town']));
  const nothing = ['select', 'xyzxyz', 'q'.repeat(32), 'a'.repeat(33), 'ldf1', 'l d f', '<b>zgzj</b>', "zgzj' OR 1=1 --"];
  for (const q of nothing) {
    const { items } = await get(`/api/v1/sites?limit=1000&q=${encodeURIComponent(q)}`);
    assert.deepEqual(items, [], q);
  }
});

test('limit and cursor page through every site exactly once', async () => {
  const seen = [];
  let cursor = null, pages = 0;
  do {
    const page = await get(`/api/v1/sites?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.ok(page.items.length <= 7);
    seen.push(...page.items.map((s) => s.id));
    cursor = page.next_cursor;
    ++pages;
  } while (cursor !== null && pages < 1000);
  assert.deepEqual(seen, allSites.map((s) => s.id));
  assert.equal(pages, Math.ceil(allSites.length / 7));
});

test('filters combine with paging', async () => {
  const wanted = allSites.filter((s) => s.type === 'workers_home');
  const first = await get('/api/v1/sites?type=workers_home&limit=5');
  const second = await get(`/api/v1/sites?type=workers_home&limit=1000&cursor=${first.next_cursor}`);
  assert.deepEqual([...first.items, ...second.items].map((s) => s.id), wanted.map((s) => s.id));
});

test('nearest: sorted ascending, distances and walking times agree with brute force', async () => {
  const from = { lat: 25.03, lon: 118.8 };
  const { items } = await get(`/api/v1/sites/nearest?lat=${from.lat}&lon=${from.lon}&k=10`);
  assert.equal(items.length, 10);
  const expected = allSites.map((s) => ({ id: s.id, d: haversineMetres(from, s) })).sort((a, b) => a.d - b.d);
  items.forEach((item, i) => {
    assert.ok(i === 0 || items[i - 1].distance_m <= item.distance_m, 'ascending');
    assert.ok(Math.abs(item.distance_m - haversineMetres(from, item)) < 0.01, 'distance_m is the great-circle distance');
    assert.ok(Math.abs(item.distance_m - expected[i].d) < 0.01, `rank ${i} is the ${i}th nearest`);
    assert.ok(Math.abs(item.walk_minutes - walkMinutes(item.distance_m)) < 1e-6, 'walk_minutes');
    assert.ok(item.name && item.type, 'a whole site');
  });
});

test('nearest: type and max_minutes filter', async () => {
  const from = { lat: 25.03, lon: 118.8 };
  const { items } = await get(`/api/v1/sites/nearest?lat=${from.lat}&lon=${from.lon}&k=100&type=bookstore&max_minutes=15`);
  const expected = allSites.filter((s) => s.type === 'bookstore' && walkMinutes(haversineMetres(from, s)) <= 15);
  assert.ok(expected.length > 0);
  assert.deepEqual(new Set(items.map((s) => s.id)), new Set(expected.map((s) => s.id)));
  assert.ok(items.every((s) => s.type === 'bookstore' && s.walk_minutes <= 15));
});

test('nearest with q: the k nearest of the sites GET /sites?q finds (Chinese, pinyin initials, any case)', async () => {
  const from = { lat: 25.03, lon: 118.8 };
  for (const q of ['职工书屋', 'zgsw', 'ZGZJ', '螺城', 'axyz']) {
    const matching = (await get(`/api/v1/sites?limit=1000&q=${encodeURIComponent(q)}`)).items;
    assert.ok(matching.length > 0, `${q} matches some site`);
    const expected = matching.map((s) => ({ id: s.id, d: haversineMetres(from, s) })).sort((a, b) => a.d - b.d);
    const { items } = await get(`/api/v1/sites/nearest?lat=${from.lat}&lon=${from.lon}&k=5&q=${encodeURIComponent(q)}`);
    assert.deepEqual(items.map((s) => s.id), expected.slice(0, 5).map((s) => s.id), `${q}: nearest first`);
  }
  const inBookstores = await get(`/api/v1/sites/nearest?lat=${from.lat}&lon=${from.lon}&k=100&q=zg&type=bookstore`);
  assert.ok(inBookstores.items.length > 0 && inBookstores.items.every((s) => s.type === 'bookstore'), 'q and type');
});

test('nearest with q: hostile or unknown text finds nothing and changes nothing; too long is 400', async () => {
  const from = { lat: 25.03, lon: 118.8 };
  for (const q of ["' OR 1=1 --", '<script>alert(1)</script>', '%', '_', '\\', 'qqqqqqqq']) {
    const { items } = await get(`/api/v1/sites/nearest?lat=${from.lat}&lon=${from.lon}&k=10&q=${encodeURIComponent(q)}`);
    assert.deepEqual(items, [], q);
  }
  const long = await server.request(`/api/v1/sites/nearest?lat=25&lon=118&q=${'x'.repeat(2000)}`);
  assert.equal(long.status, 400);
  assert.match(errorOf(long, assert).message, /q must be at most/);
  assert.equal((await get('/api/v1/sites?limit=1000')).items.length, allSites.length, 'nothing changed');
});

test('one site by id, and 404 for unknown ids', async () => {
  const site = allSites[5];
  assert.deepEqual(await get(`/api/v1/sites/${site.id}`), site);
  for (const id of ['999999', '0', '-3', 'abc', '1.5']) {
    const response = await server.request(`/api/v1/sites/${id}`);
    assert.equal(response.status, 404, id);
    assert.equal(errorOf(response, assert).code, 'not_found');
  }
});
