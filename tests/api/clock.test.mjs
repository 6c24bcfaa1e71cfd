// tests/api/clock.test.mjs — time as the server sees it: a test server's clock stands at its start instant from
// the first moment (no slot is ever made from the wall clock), a server left running keeps 14 days of slots
// ahead while its clock moves forward a week in steps (the periodic housekeeping round, which POST /test/clock
// runs at once), and past the statutory holiday table's last year "PH" hours and slot templates still work
// while the server warns once at start.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { adminToken, setClock, workersHomes } from './booking_helpers.mjs';
import { holidayTableLastYear, startServer, T0 } from './harness.mjs';

const DAY = 86400e3;
const HORIZON_DAYS = 14;  // core/booking_rules.h kBookingHorizonDays

/** The Asia/Shanghai date (YYYY-MM-DD) of an instant in ms. */
const shanghaiDate = (ms) => new Date(ms + 8 * 3600e3).toISOString().slice(0, 10);
/** An instant in ms as ISO-8601 with +08:00. */
const shanghaiIso = (ms) => new Date(ms + 8 * 3600e3).toISOString().replace(/\.\d+Z$/, '+08:00');
/** The ISO weekday (1 = Monday) of a YYYY-MM-DD date. */
const isoWeekday = (date) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The dates (YYYY-MM-DD) from `from` on which site `siteId` has slots, asked two weeks at a time. */
async function datesWithSlots(server, siteId, fromMs, days) {
  const dates = new Set();
  for (let start = 0; start < days; start += HORIZON_DAYS) {
    const from = shanghaiDate(fromMs + start * DAY), to = shanghaiDate(fromMs + Math.min(days, start + HORIZON_DAYS) * DAY - DAY);
    const response = await server.call('GET', `/api/v1/sites/${siteId}/slots?from=${from}&to=${to}`);
    assert.equal(response.status, 200, response.text);
    for (const slot of response.json.items) dates.add(slot.start.slice(0, 10));
  }
  return dates;
}

test('the clock stands at the start instant from the first moment: slots are made from it, never from the wall clock',
     async () => {
  const start = '2031-06-03T08:00:00+08:00';  // a Tuesday, years away from any real date this runs on
  const server = await startServer([], { clock: start });
  try {
    const [site] = await workersHomes(server);
    const dates = await datesWithSlots(server, site, Date.parse(start) - HORIZON_DAYS * DAY, 3 * HORIZON_DAYS);
    const expected = [];
    for (let d = 0; d < HORIZON_DAYS; ++d) {
      const date = shanghaiDate(Date.parse(start) + d * DAY);
      if (isoWeekday(date) !== 1) expected.push(date);  // Workers' Homes: Tu–Su
    }
    assert.deepEqual([...dates].sort(), expected, 'exactly the 14 days from the start instant, Mondays closed');
    const health = await server.call('POST', '/api/v1/test/clock', { body: { now: start } });
    assert.equal(health.json.now, start);
  } finally {
    assert.equal(await server.stop(), 0);
  }
});

test('a server left running keeps 14 days of slots ahead while its clock moves forward a week in steps', async () => {
  const server = await startServer();
  try {
    const [site] = await workersHomes(server);
    const startMs = Date.parse(T0);
    for (let step = 0; step <= 28; ++step) {  // a week in steps of 6 hours
      const nowMs = startMs + step * 6 * 3600e3;
      if (step > 0) await setClock(server, shanghaiIso(nowMs));
      const today = shanghaiDate(nowMs);
      const dates = await datesWithSlots(server, site, Date.parse(`${today}T00:00:00+08:00`), HORIZON_DAYS + 7);
      for (let d = 0; d < HORIZON_DAYS + 7; ++d) {
        const date = shanghaiDate(Date.parse(`${today}T00:00:00+08:00`) + d * DAY);
        const open = isoWeekday(date) !== 1 && d < HORIZON_DAYS;
        assert.equal(dates.has(date), open, `at ${shanghaiIso(nowMs)}: slots on ${date} (day ${d})`);
      }
    }
  } finally {
    assert.equal(await server.stop(), 0);
  }
});

test('past the holiday table: one warning at start, PH hours follow the fixed-date holidays, templates make slots',
     async () => {
  const after = holidayTableLastYear() + 1;
  const server = await startServer(['--fast-password-hash'], { admin: true, clock: `${after}-03-02T08:00:00+08:00` });
  try {
    const warnings = server.log().split('\n').filter((line) => line.startsWith('warning:'));
    assert.equal(warnings.length, 1, server.log());
    assert.match(warnings[0], new RegExp(`holiday table ended with ${after - 1}.*core/data/china_public_holidays\\.txt`));

    const [site] = await workersHomes(server);
    const dates = await datesWithSlots(server, site, Date.parse(`${after}-03-02T00:00:00+08:00`), HORIZON_DAYS);
    assert.equal(dates.size, 12, `two weeks of Tu–Su slots from ${after}-03-02: ${[...dates]}`);

    const admin = await adminToken(server);
    const csv = 'type,name,lat,lon,hours\nlove_station,节假日休息测试驿站,25.0411,118.8111,Mo-Su 09:00-17:00; PH off\n';
    const imported = await server.call('POST', '/api/v1/admin/sites/import',
                                       { token: admin, body: csv, headers: { 'Content-Type': 'text/csv' } });
    assert.equal(imported.status, 200, imported.text);
    const id = imported.json.ids[0];
    const openAt = async (iso) => {
      await setClock(server, iso);
      const listed = [];
      let cursor = null;
      do {
        const page = (await server.call('GET', `/api/v1/sites?open_now=1&limit=1000${cursor ? `&cursor=${cursor}` : ''}`)).json;
        listed.push(...page.items.map((s) => s.id));
        cursor = page.next_cursor;
      } while (cursor);
      return listed.includes(id);
    };
    assert.equal(await openAt(`${after}-10-02T10:00:00+08:00`), false, 'National Day (fixed date): PH off');
    assert.equal(await openAt(`${after}-05-01T10:00:00+08:00`), false, 'Labour Day (fixed date): PH off');
    assert.equal(await openAt(`${after}-10-04T10:00:00+08:00`), true, 'an ordinary day');
  } finally {
    assert.equal(await server.stop(), 0);
  }
});

test('a month before the table ends the server says so at start; earlier it says nothing', async () => {
  const last = holidayTableLastYear();
  const soon = await startServer([], { clock: `${last}-12-02T08:00:00+08:00` });
  const early = await startServer([], { clock: `${last}-11-01T08:00:00+08:00` });
  try {
    const warnings = soon.log().split('\n').filter((line) => line.startsWith('warning:'));
    assert.equal(warnings.length, 1, soon.log());
    assert.match(warnings[0], new RegExp(`holiday table ends on ${last}-12-31, in 29 days: add ${last + 1}`));
    assert.deepEqual(early.log().split('\n').filter((line) => line.startsWith('warning:')), []);
  } finally {
    assert.equal(await soon.stop(), 0);
    assert.equal(await early.stop(), 0);
  }
});

// api_tests_shifted_clock (tests/api/CMakeLists.txt) runs every file under libfaketime and sets
// GONGYOU_SHIFTED_WALL_DATE: this proves that the shift reached both this process and a server on the system clock.
test('under the shifted-clock run, the wall clock really is moved (node and the server)',
     { skip: !process.env.GONGYOU_SHIFTED_WALL_DATE && 'only in api_tests_shifted_clock' }, async () => {
  const wallDate = process.env.GONGYOU_SHIFTED_WALL_DATE;  // YYYY-MM-DD in Asia/Shanghai
  assert.equal(shanghaiDate(Date.now()), wallDate, 'node sees the shifted date');
  const server = await startServer([], { clock: null });
  try {
    const [site] = await workersHomes(server);
    const slots = (await server.call('GET', `/api/v1/sites/${site}/slots`)).json.items;  // from the server's today
    assert.ok(slots.length > 0);
    const first = slots[0].start.slice(0, 10);
    assert.ok(first >= wallDate && first <= shanghaiDate(Date.parse(`${wallDate}T12:00:00+08:00`) + 2 * DAY),
              `the server's today is ${wallDate}: its first listed slot is on ${first}`);
  } finally {
    assert.equal(await server.stop(), 0);
  }
});
