// tests/api/staff.test.mjs — the admin endpoints of slot booking: weekly template, day exceptions, roster
// (JSON and CSV), desk check-in and cancelling on a worker's behalf, through real HTTP with --test-clock.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  adminToken, assertError, book, eventSlot, registerUser, setClock, slotAt, slotsOn, startBookingServer, T0, workersHomes,
} from './booking_helpers.mjs';

let server, admin, homes;
before(async () => {
  server = await startBookingServer();
  admin = await adminToken(server);
  homes = await workersHomes(server, 6);
});
after(async () => assert.equal(await server.stop(), 0));

const adminCall = (method, urlPath, body) => server.call(method, urlPath, { token: admin, body });
const notifications = async (token) => (await server.call('GET', '/api/v1/me/notifications', { token })).json.items;

test('GET template: the demo template of a Workers\' Home and of a model-worker studio; 404 for none', async () => {
  const home = await adminCall('GET', `/api/v1/admin/sites/${homes[0]}/template`);
  assert.equal(home.status, 200);
  assert.deepEqual(home.json, { weekdays: [2, 3, 4, 5, 6, 7], open: '09:00', close: '21:00', slot_minutes: 60, capacity: 12 });
  const studio = (await server.call('GET', '/api/v1/sites?type=model_worker_studio&limit=1')).json.items[0].id;
  assert.deepEqual((await adminCall('GET', `/api/v1/admin/sites/${studio}/template`)).json,
                   { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '17:00', slot_minutes: 120, capacity: 20 });
  const bookstore = (await server.call('GET', '/api/v1/sites?type=bookstore&limit=1')).json.items[0].id;
  assertError(await adminCall('GET', `/api/v1/admin/sites/${bookstore}/template`), 404, 'not_found', 'no template');
  assertError(await adminCall('GET', '/api/v1/admin/sites/999999/template'), 404, 'not_found', 'no site');
});

test('PUT template: bad values get 400, a site that is not bookable 409, and slots follow the new template', async () => {
  const site = homes[1];
  const good = { weekdays: [2, 3, 4, 5, 6, 7], open: '10:00', close: '20:00', slot_minutes: 120, capacity: 6 };
  const bad = [{ ...good, weekdays: [0] }, { ...good, weekdays: [8] }, { ...good, weekdays: ['1'] }, { ...good, weekdays: 3 },
    { ...good, weekdays: [] }, { ...good, open: '20:00', close: '08:00' }, { ...good, open: '25:00' }, { ...good, open: 800 },
    { ...good, slot_minutes: 10 }, { ...good, slot_minutes: 500 }, { ...good, slot_minutes: 70 }, { ...good, capacity: 0 },
    { ...good, capacity: 501 }, { ...good, capacity: 2.5 }, { ...good, capacity: undefined }];
  for (const body of bad) assertError(await adminCall('PUT', `/api/v1/admin/sites/${site}/template`, body), 400, 'bad_request', JSON.stringify(body));
  assertError(await adminCall('PUT', `/api/v1/admin/sites/${site}/template`, '{"weekdays":'), 400, 'bad_request');
  const bookstore = (await server.call('GET', '/api/v1/sites?type=bookstore&limit=1')).json.items[0].id;
  assertError(await adminCall('PUT', `/api/v1/admin/sites/${bookstore}/template`, good), 409, 'conflict', 'not bookable');

  // A booked 60-minute slot survives the change to 120-minute slots.
  const worker = await registerUser(server);
  const kept = await slotAt(server, site, '2026-12-02T09:00:00+08:00');
  const booking = (await book(server, worker.token, kept.id)).json;
  const response = await adminCall('PUT', `/api/v1/admin/sites/${site}/template`, good);
  assert.equal(response.status, 200, response.text);
  assert.deepEqual(response.json, good);
  assert.deepEqual((await adminCall('GET', `/api/v1/admin/sites/${site}/template`)).json, good);
  const tuesday = await slotsOn(server, site, '2026-12-08');
  assert.deepEqual(tuesday.map((s) => [s.start.slice(11, 16), s.end.slice(11, 16), s.capacity]),
                   [['10:00', '12:00', 6], ['12:00', '14:00', 6], ['14:00', '16:00', 6], ['16:00', '18:00', 6],
                    ['18:00', '20:00', 6]]);
  const wednesday = await slotsOn(server, site, '2026-12-02');
  assert.ok(wednesday.some((s) => s.id === kept.id && s.booked === 1), 'the booked slot is kept with its booking');
  assert.equal((await server.call('GET', `/api/v1/bookings/${booking.id}`, { token: worker.token })).json.status, 'confirmed');
  assert.equal(wednesday.filter((s) => s.id !== kept.id).length, 5);
});

// Issue 14 (6): site 12 listed hours 周一至周五 18:00–22:00 but offered Tuesday–Sunday 09:00–21:00 slots.
test('a template must lie within the site\'s opening hours; every demo site\'s own template does', async () => {
  const all = (await server.call('GET', '/api/v1/sites?limit=1000')).json.items.filter((s) => s.bookable);
  assert.ok(all.length > 20);
  for (const site of all) {
    const own = await adminCall('GET', `/api/v1/admin/sites/${site.id}/template`);
    if (own.status !== 200) continue;
    const again = await adminCall('PUT', `/api/v1/admin/sites/${site.id}/template`, own.json);
    assert.equal(again.status, 200, `${site.name} (${site.hours}): ${again.text}`);
  }
  const home = all.find((s) => s.hours.startsWith('Tu-Su'));
  const monday = { weekdays: [1, 2], open: '10:00', close: '12:00', slot_minutes: 60, capacity: 4 };
  const refused = await adminCall('PUT', `/api/v1/admin/sites/${home.id}/template`, monday);
  assertError(refused, 400, 'bad_request', 'Monday is closed');
  assert.match(refused.json.error.message, /周一 10:00–12:00 超出了开放时间/);
  assert.ok(refused.json.error.message.includes(home.hours), 'the message names the hours');
  const late = { weekdays: [3], open: '20:00', close: '23:00', slot_minutes: 60, capacity: 4 };
  assertError(await adminCall('PUT', `/api/v1/admin/sites/${home.id}/template`, late), 400, 'bad_request', 'after closing');
});

test('capacity never goes below booked, and a raise promotes waiters at once', async () => {
  const site = homes[2];
  const template = { weekdays: [2, 3, 4, 5, 6, 7], open: '09:00', close: '21:00', slot_minutes: 60, capacity: 12 };
  const slot = await slotAt(server, site, '2026-12-03T15:00:00+08:00');
  const [a, b, c] = await Promise.all([registerUser(server), registerUser(server), registerUser(server)]);
  assert.equal((await book(server, a.token, slot.id)).status, 201);
  assert.equal((await book(server, b.token, slot.id)).status, 201);
  assert.equal((await adminCall('PUT', `/api/v1/admin/sites/${site}/template`, { ...template, capacity: 1 })).status, 200);
  let seen = await slotAt(server, site, slot.start);
  assert.deepEqual([seen.id, seen.capacity, seen.booked, seen.remaining], [slot.id, 2, 2, 0]);
  assert.equal((await slotAt(server, site, '2026-12-03T16:00:00+08:00')).capacity, 1);
  const waiting = (await book(server, c.token, slot.id, { waitlist: true })).json;
  assert.equal(waiting.status, 'waitlisted');
  assert.equal((await adminCall('PUT', `/api/v1/admin/sites/${site}/template`, { ...template, capacity: 3 })).status, 200);
  seen = await slotAt(server, site, slot.start);
  assert.deepEqual([seen.capacity, seen.booked, seen.waitlist], [3, 3, 0]);
  assert.equal((await server.call('GET', `/api/v1/bookings/${waiting.id}`, { token: c.token })).json.status, 'confirmed');
  assert.equal((await notifications(c.token))[0].kind, 'promoted');
});

test('exceptions: a closed day cancels its bookings (notified), an event day has one slot, DELETE restores the template', async () => {
  const site = homes[3];
  const worker = await registerUser(server);
  const slot = await slotAt(server, site, '2026-12-04T11:00:00+08:00');
  const booking = (await book(server, worker.token, slot.id)).json;
  const closed = await adminCall('PUT', `/api/v1/admin/sites/${site}/exceptions/2026-12-04`, { kind: 'closed', note: '设备检修' });
  assert.equal(closed.status, 200, closed.text);
  assert.deepEqual(closed.json, { date: '2026-12-04', kind: 'closed', note: '设备检修', open: null, close: null, capacity: null });
  assert.deepEqual(await slotsOn(server, site, '2026-12-04'), [], 'no slots on a closed day');
  const cancelled = (await server.call('GET', `/api/v1/bookings/${booking.id}`, { token: worker.token })).json;
  assert.equal(cancelled.status, 'cancelled');
  assert.equal(cancelled.start, '2026-12-04T11:00:00+08:00', 'the booking still shows its slot');
  assert.equal((await notifications(worker.token))[0].kind, 'cancelled_by_staff');

  await eventSlot(server, admin, site, '2026-12-05', 30, '14:00', '17:00');
  const list = await adminCall('GET', `/api/v1/admin/sites/${site}/exceptions`);
  assert.deepEqual(list.json.items.map((e) => [e.date, e.kind, e.open, e.close, e.capacity]),
                   [['2026-12-04', 'closed', null, null, null], ['2026-12-05', 'event', '14:00', '17:00', 30]]);

  assert.equal((await adminCall('DELETE', `/api/v1/admin/sites/${site}/exceptions/2026-12-04`)).status, 200);
  const back = await slotsOn(server, site, '2026-12-04');
  assert.equal(back.length, 12);
  assert.ok(back.some((s) => s.id === slot.id), 'the same slot row comes back');
  assertError(await adminCall('DELETE', `/api/v1/admin/sites/${site}/exceptions/2026-12-04`), 404, 'not_found', 'deleted twice');

  const bad = [[`2026-12-32`, { kind: 'closed' }], ['tomorrow', { kind: 'closed' }], ['2026-12-06', { kind: 'holiday' }],
    ['2026-12-06', {}], ['2026-12-06', { kind: 'event', open: '17:00', close: '14:00', capacity: 5 }],
    ['2026-12-06', { kind: 'event', open: '14:00', close: '17:00' }], ['2026-12-06', { kind: 'event', open: '14:00', close: '17:00', capacity: 0 }],
    ['2026-12-06', { kind: 'closed', note: '长'.repeat(201) }], ['2026-12-06', { kind: 'closed', note: 5 }]];
  for (const [date, body] of bad) {
    assertError(await adminCall('PUT', `/api/v1/admin/sites/${site}/exceptions/${date}`, body), 400, 'bad_request', `${date} ${JSON.stringify(body)}`);
  }
  assert.equal((await slotsOn(server, site, '2026-12-06')).length, 12, 'nothing changed');
});

test('roster: JSON with every booking, and CSV with BOM, Chinese, quoting and formula guard', async () => {
  const site = homes[4];
  const slot = await eventSlot(server, admin, site, '2026-12-05', 5, '10:00', '12:00');
  const names = ['王小明', '=HYPERLINK("http://evil")', 'Li, Lei', '+86 138', '@SUM(A1)', '-1'];
  const workers = [];
  for (const [i, display_name] of names.entries()) {
    const username = `roster${i}_${process.pid}`;
    const response = await server.call('POST', '/api/v1/auth/register', { body: { username, password: 'Roster-pass-1', display_name } });
    assert.equal(response.status, 201, response.text);
    workers.push({ ...response.json, username });
  }
  for (const w of workers.slice(0, 5)) assert.equal((await book(server, w.token, slot.id)).status, 201);
  const waiting = (await book(server, workers[5].token, slot.id, { waitlist: true })).json;
  assert.equal(waiting.status, 'waitlisted');

  const roster = await adminCall('GET', `/api/v1/admin/sites/${site}/roster?date=2026-12-05`);
  assert.equal(roster.status, 200);
  assert.equal(roster.json.date, '2026-12-05');
  assert.equal(roster.json.site_id, site);
  assert.equal(roster.json.slots.length, 1);
  const [day] = roster.json.slots;
  assert.deepEqual([day.id, day.capacity, day.booked, day.waitlist], [slot.id, 5, 5, 1]);
  assert.deepEqual(day.bookings.map((b) => [b.user.display_name, b.status]),
                   names.map((n, i) => [n, i < 5 ? 'confirmed' : 'waitlisted']));
  assertError(await adminCall('GET', `/api/v1/admin/sites/${site}/roster?date=2026-02-30`), 400, 'bad_request');
  assert.deepEqual((await adminCall('GET', `/api/v1/admin/sites/${site}/roster?date=2026-12-07`)).json.slots, []);

  const csv = await adminCall('GET', `/api/v1/admin/sites/${site}/roster.csv?date=2026-12-05`);
  assert.equal(csv.status, 200);
  assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  assert.match(csv.headers['content-disposition'], new RegExp(`^attachment; filename="roster-${site}-2026-12-05\\.csv"$`));
  assert.deepEqual([...csv.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = csv.text.slice(1).split('\r\n');
  assert.equal(lines[0], '时段开始,时段结束,姓名,用户名,状态,预约时间,签到时间');
  assert.equal(lines[1], `2026-12-05 10:00,2026-12-05 12:00,王小明,${workers[0].username},已确认,2026-12-01 08:00,`);
  assert.equal(lines[2].split(',')[2], `"'=HYPERLINK(""http://evil"")"`);
  assert.ok(lines[3].includes(',"Li, Lei",'), lines[3]);
  assert.ok(lines[4].includes(",'+86 138,"), lines[4]);
  assert.ok(lines[5].includes(",'@SUM(A1),"), lines[5]);
  assert.ok(lines[6].includes(",'-1,") && lines[6].includes(',候补中,'), lines[6]);
  assert.equal(lines.length, 8, 'header, 6 rows, and the final line end');
});

test('desk check-in and cancelling on behalf of a worker', async () => {
  await setClock(server, T0);
  const site = homes[5];
  const [a, b] = await Promise.all([registerUser(server), registerUser(server)]);
  const slot = await slotAt(server, site, '2026-12-01T09:00:00+08:00');
  const first = (await book(server, a.token, slot.id)).json;
  const second = (await book(server, b.token, slot.id)).json;
  const checkIn = (id) => adminCall('POST', `/api/v1/admin/bookings/${id}/check-in`);
  // Issue 14 (7): the desk checked someone in a day before the slot. Now, as at the door: 15 minutes before to the end.
  await setClock(server, '2026-12-01T08:44:59+08:00');
  const early = await checkIn(first.id);
  assertError(early, 409, 'not_now', 'too early');
  assert.match(early.json.error.message, /08:45至10:00/);
  await setClock(server, '2026-11-30T09:00:00+08:00');
  assertError(await checkIn(first.id), 409, 'not_now', 'a day before');
  await setClock(server, '2026-12-01T08:55:00+08:00');
  const done = await checkIn(first.id);
  assert.equal(done.status, 200, done.text);
  assert.equal(done.json.status, 'checked_in');
  assert.equal(done.json.checked_in_at, '2026-12-01T08:55:00+08:00');
  assertError(await checkIn(first.id), 409, 'conflict', 'checked in twice');
  assertError(await checkIn(99999999), 404, 'not_found');
  assertError(await checkIn('x'), 404, 'not_found');
  assertError(await server.call('DELETE', `/api/v1/bookings/${second.id}`, { token: b.token }), 409, 'too_late');
  const byStaff = await server.call('DELETE', `/api/v1/bookings/${second.id}`, { token: admin });
  assert.equal(byStaff.status, 200);
  assert.equal(byStaff.json.status, 'cancelled');
  assert.equal((await notifications(b.token))[0].kind, 'cancelled_by_staff');
  assertError(await checkIn(second.id), 409, 'conflict', 'a cancelled booking');
  const roster = (await adminCall('GET', `/api/v1/admin/sites/${site}/roster?date=2026-12-01`)).json;
  const row = roster.slots.find((s) => s.id === slot.id);
  assert.deepEqual(row.bookings.map((x) => x.status), ['checked_in', 'cancelled']);
  assert.equal(row.booked, 1);
  await setClock(server, T0);
});
