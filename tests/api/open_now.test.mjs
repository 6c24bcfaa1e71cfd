// tests/api/open_now.test.mjs — GET /api/v1/sites?open_now=1 against the server's (test) clock: the demo sites
// open at a given Asia/Shanghai time are exactly those a small independent reading of their hours says,
// paging keeps to the filter, and a bad value is a 400.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { setClock } from './booking_helpers.mjs';
import { errorOf, startServer } from './harness.mjs';

let server;
let allSites;
const get = async (urlPath) => {
  const response = await server.request(urlPath);
  assert.equal(response.status, 200, `${urlPath}: ${response.text}`);
  return response.json();
};

before(async () => {
  server = await startServer();
  allSites = (await get('/api/v1/sites?limit=1000')).items;
});
after(async () => assert.equal(await server.stop(), 0, 'server exits 0 on SIGTERM'));

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const minutes = (hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The demo data's subset of OSM opening_hours ("24/7", "Mo-Fr 08:00-12:00,14:30-17:30; Sa,Su 09:00-21:00",
 * no overnight ranges, no holidays): open on weekday index `day` (0 = Monday) at minute `t`? Later rules replace.
 */
function openIn(hours, day, t) {
  if (hours === '24/7') return true;
  let open = false;
  for (const rule of hours.split(';').map((r) => r.trim())) {
    const [days, times] = rule.split(' ');
    const selected = days.split(',').some((part) => {
      const [a, b = a] = part.split('-').map((d) => DAYS.indexOf(d));
      assert.ok(a >= 0 && b >= 0, `demo hours '${hours}' are in the expected subset`);
      return a <= b ? day >= a && day <= b : day >= a || day <= b;
    });
    if (!selected) continue;
    open = times.split(',').some((span) => {
      const [from, to] = span.split('-');
      return t >= minutes(from) && t < minutes(to);
    });
  }
  return open;
}

async function openIds() {
  return (await get('/api/v1/sites?open_now=1&limit=1000')).items.map((s) => s.id);
}

for (const [when, day, t] of [['2026-12-02T10:00:00+08:00', 2, 600], ['2026-12-02T03:00:00+08:00', 2, 180],
                              ['2026-12-05T09:00:00+08:00', 5, 540], ['2026-12-04T21:59:00+08:00', 4, 1319]]) {
  test(`open_now at ${when} keeps exactly the sites open then`, async () => {
    await setClock(server, when);
    const expected = allSites.filter((s) => openIn(s.hours, day, t)).map((s) => s.id);
    assert.ok(expected.length > 0 && expected.length < allSites.length, `${expected.length} of ${allSites.length}`);
    assert.deepEqual(await openIds(), expected);
  });
}

test('open_now pages in id order with the same result', async () => {
  await setClock(server, '2026-12-02T10:00:00+08:00');
  const whole = await openIds();
  const paged = [];
  let cursor = null;
  do {
    const page = await get(`/api/v1/sites?open_now=true&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
    assert.ok(page.items.length <= 7);
    paged.push(...page.items.map((s) => s.id));
    cursor = page.next_cursor;
  } while (cursor);
  assert.deepEqual(paged, whole);
});

test('open_now combines with type and bbox; open_now=0 is no filter', async () => {
  await setClock(server, '2026-12-02T03:00:00+08:00');
  const { items } = await get('/api/v1/sites?open_now=1&type=water_point&limit=1000');
  assert.ok(items.length > 0);
  assert.ok(items.every((s) => s.type === 'water_point' && s.hours === '24/7'));
  assert.equal((await get('/api/v1/sites?open_now=0&limit=1000')).items.length, allSites.length);
});

test('open_now with a bad value is a 400', async () => {
  const response = await server.request('/api/v1/sites?open_now=yes');
  assert.equal(response.status, 400);
  assert.equal(errorOf(response, assert).code, 'bad_request');
});
