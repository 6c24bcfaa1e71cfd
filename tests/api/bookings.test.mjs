// tests/api/bookings.test.mjs — booking, waitlist and promotion, cancel window, booking limit, slot_closed,
// no-show release with --test-clock, ownership (404 for others), idempotency keys, listing scopes,
// notifications, through real HTTP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  adminToken, assertError, book, eventSlot, registerUser, setClock, slotAt, slotsOn, startBookingServer, T0, workersHomes,
} from './booking_helpers.mjs';

let server, admin, homes;
before(async () => {
  server = await startBookingServer();
  admin = await adminToken(server);
  homes = await workersHomes(server, 12);
});
after(async () => assert.equal(await server.stop(), 0));

const get = (urlPath, token) => server.call('GET', urlPath, { token });
const cancel = (id, token) => server.call('DELETE', `/api/v1/bookings/${id}`, { token });
const notifications = async (token) => (await get('/api/v1/me/notifications', token)).json.items;

test('slots: 14 days from the template, Asia/Shanghai times, bad ranges refused', async () => {
  const slots = await slotsOn(server, homes[0], '2026-12-01');
  assert.equal(slots.length, 12, 'Tu 09:00–21:00 in 60-minute slots');
  assert.deepEqual(slots[0], { id: slots[0].id, site_id: homes[0], start: '2026-12-01T09:00:00+08:00',
                               end: '2026-12-01T10:00:00+08:00', capacity: 12, booked: 0, remaining: 12, waitlist: 0,
                               min_group: 1, max_group: 1, approval_required: false });
  assert.equal((await slotsOn(server, homes[0], '2026-12-07')).length, 0, 'closed on Mondays');
  assert.equal((await slotsOn(server, homes[0], '2026-12-13')).length, 12, 'the 13th day (a Sunday) has slots');
  assert.equal((await slotsOn(server, homes[0], '2026-12-14')).length, 0, 'the 14th day is a Monday: closed');
  assert.equal((await slotsOn(server, homes[0], '2026-12-15')).length, 0, 'nothing beyond 14 days');
  const week = await get(`/api/v1/sites/${homes[0]}/slots`);
  assert.equal(week.json.items.length, 6 * 12, 'default: today and 6 more days (one Monday)');
  for (const query of ['from=2026-12-05&to=2026-12-01', 'from=2026-12-01&to=2026-12-15', 'from=2026-13-01',
                       'from=yesterday', 'to=2026-02-30', 'from=2026-12-01&from=2026-12-02']) {
    assertError(await get(`/api/v1/sites/${homes[0]}/slots?${query}`), 400, 'bad_request', query);
  }
  assertError(await get('/api/v1/sites/999999/slots'), 404, 'not_found');
  assertError(await get('/api/v1/sites/-1/slots'), 404, 'not_found');
  const bookstore = (await get('/api/v1/sites?type=bookstore&limit=1')).json.items[0].id;
  assert.deepEqual((await get(`/api/v1/sites/${bookstore}/slots`)).json, { items: [] }, 'not bookable: no slots');
});

test('days are Asia/Shanghai days: a slot at 07:00 belongs to its Shanghai date, though it is the day before in UTC', async () => {
  const slot = await eventSlot(server, admin, homes[10], '2026-12-10', 8, '07:00', '08:00');
  assert.equal(slot.start, '2026-12-10T07:00:00+08:00');
  assert.equal(new Date(slot.start).toISOString(), '2026-12-09T23:00:00.000Z');
  assert.deepEqual((await slotsOn(server, homes[10], '2026-12-09')).map((s) => s.start.slice(11, 16)),
                   ['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00', '18:00', '19:00', '20:00']);
  const roster = await server.call('GET', `/api/v1/admin/sites/${homes[10]}/roster?date=2026-12-10`, { token: admin });
  assert.deepEqual(roster.json.slots.map((s) => s.id), [slot.id]);
});

test('booking: 201 confirmed with the whole Booking object, counted on the slot, 409 conflict for a second one', async () => {
  const worker = await registerUser(server);
  const slot = await slotAt(server, homes[0], '2026-12-02T10:00:00+08:00');
  const response = await book(server, worker.token, slot.id);
  assert.equal(response.status, 201, response.text);
  const booking = response.json;
  assert.deepEqual(Object.keys(booking).sort(), ['cancelled_at', 'checked_in_at', 'course_id', 'created_at', 'end',
    'group_size', 'id', 'kind', 'reason', 'site_id', 'site_name', 'slot_id', 'start', 'status', 'user',
    'waitlist_position']);
  assert.deepEqual([booking.group_size, booking.kind, booking.course_id, booking.reason], [1, 'visit', null, null]);
  assert.equal(booking.status, 'confirmed');
  assert.equal(booking.slot_id, slot.id);
  assert.equal(booking.site_id, homes[0]);
  assert.equal(booking.start, '2026-12-02T10:00:00+08:00');
  assert.equal(booking.created_at, T0);
  assert.equal(booking.waitlist_position, null);
  assert.deepEqual(booking.user, { id: worker.user.id, display_name: worker.user.display_name });
  const seen = await slotAt(server, homes[0], slot.start, worker.token);
  assert.equal(seen.booked, 1);
  assert.equal(seen.remaining, 11);
  assert.deepEqual(seen.my_booking, { id: booking.id, status: 'confirmed' });
  assert.equal((await slotAt(server, homes[0], slot.start)).my_booking, undefined, 'no my_booking without a token');
  assertError(await book(server, worker.token, slot.id), 409, 'conflict', 'same slot twice');
  assertError(await book(server, worker.token, slot.id, { waitlist: true }), 409, 'conflict', 'and not on its waitlist');
  assert.deepEqual((await get(`/api/v1/bookings/${booking.id}`, worker.token)).json, booking);
  assertError(await book(server, undefined, slot.id), 401, 'unauthorized');
  assertError(await book(server, worker.token, 99999999), 404, 'not_found', 'unknown slot');
});

test('a full slot: 409 slot_full, or a waitlist place; a cancellation promotes the first waiter at once', async () => {
  const slot = await eventSlot(server, admin, homes[1], '2026-12-03', 2);
  const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => registerUser(server)));
  const bookingA = (await book(server, a.token, slot.id)).json;
  assert.equal((await book(server, b.token, slot.id)).status, 201);
  assertError(await book(server, c.token, slot.id), 409, 'slot_full');
  assertError(await book(server, c.token, slot.id, { waitlist: false }), 409, 'slot_full');
  const waitC = await book(server, c.token, slot.id, { waitlist: true });
  assert.equal(waitC.status, 201);
  assert.equal(waitC.json.status, 'waitlisted');
  assert.equal(waitC.json.waitlist_position, 1);
  const waitD = (await book(server, d.token, slot.id, { waitlist: true })).json;
  assert.equal(waitD.waitlist_position, 2);
  let seen = await slotAt(server, homes[1], slot.start, c.token);
  assert.deepEqual([seen.booked, seen.remaining, seen.waitlist], [2, 0, 2]);
  assert.deepEqual(seen.my_booking, { id: waitC.json.id, status: 'waitlisted' });

  const cancelled = await cancel(bookingA.id, a.token);
  assert.equal(cancelled.status, 200);
  assert.equal(cancelled.json.status, 'cancelled');
  assert.equal(cancelled.json.cancelled_at, T0);
  const promoted = (await get(`/api/v1/bookings/${waitC.json.id}`, c.token)).json;
  assert.equal(promoted.status, 'confirmed');
  assert.equal(promoted.waitlist_position, null);
  assert.equal((await get(`/api/v1/bookings/${waitD.id}`, d.token)).json.waitlist_position, 1);
  seen = await slotAt(server, homes[1], slot.start);
  assert.deepEqual([seen.booked, seen.waitlist], [2, 1]);
  const [note] = await notifications(c.token);
  assert.equal(note.kind, 'promoted');
  assert.equal(note.booking_id, waitC.json.id);
  assert.equal(note.read, false);
  assert.match(note.message, /候补成功/);
  assert.deepEqual(await notifications(d.token), []);
  assert.equal((await server.call('POST', '/api/v1/me/notifications/read', { token: c.token })).status, 200);
  assert.equal((await notifications(c.token))[0].read, true);
  // Leaving the waitlist frees nothing and promotes no one.
  assert.equal((await cancel(waitD.id, d.token)).json.status, 'cancelled');
  seen = await slotAt(server, homes[1], slot.start);
  assert.deepEqual([seen.booked, seen.waitlist], [2, 0]);
});

test('cancel window: the owner 60 minutes before the start at the latest; a waiter any time; staff any time', async () => {
  await setClock(server, T0);
  const slot = await eventSlot(server, admin, homes[2], '2026-12-01', 1, '09:00', '10:00');
  const [owner, waiter] = await Promise.all([registerUser(server), registerUser(server)]);
  const held = (await book(server, owner.token, slot.id)).json;
  const waiting = (await book(server, waiter.token, slot.id, { waitlist: true })).json;
  await setClock(server, '2026-12-01T08:00:01+08:00');
  const late = await cancel(held.id, owner.token);
  assertError(late, 409, 'too_late', '59:59 before the start');
  assert.match(late.json.error.message, /60/);
  assert.equal((await get(`/api/v1/bookings/${held.id}`, owner.token)).json.status, 'confirmed', 'nothing changed');
  assert.equal((await cancel(waiting.id, waiter.token)).status, 200, 'a waiter can always leave');
  const byStaff = await cancel(held.id, admin);
  assert.equal(byStaff.status, 200);
  assert.equal(byStaff.json.status, 'cancelled');
  const [note] = await notifications(owner.token);
  assert.equal(note.kind, 'cancelled_by_staff');
  assert.equal(note.booking_id, held.id);
  assertError(await cancel(held.id, owner.token), 409, 'conflict', 'cancelling a cancelled booking');
  assert.equal((await slotAt(server, homes[2], slot.start)).booked, 0);
  await setClock(server, T0);
  const early = (await book(server, owner.token, slot.id)).json;
  assert.equal((await cancel(early.id, owner.token)).status, 200, 'exactly 60 minutes before is still allowed');
});

test('slot_closed: a slot that has started cannot be booked', async () => {
  const worker = await registerUser(server);
  const slot = await slotAt(server, homes[3], '2026-12-01T09:00:00+08:00');
  await setClock(server, '2026-12-01T09:00:00+08:00');
  assertError(await book(server, worker.token, slot.id), 409, 'slot_closed', 'at the start');
  assertError(await book(server, worker.token, slot.id, { waitlist: true }), 409, 'slot_closed', 'waitlist too');
  await setClock(server, T0);
  assert.equal((await book(server, worker.token, slot.id)).status, 201);
});

test('booking limit: 3 active future bookings (confirmed + waitlisted), 409 booking_limit for the 4th', async () => {
  const worker = await registerUser(server);
  const full = await eventSlot(server, admin, homes[4], '2026-12-04', 1);
  const filler = await registerUser(server);
  assert.equal((await book(server, filler.token, full.id)).status, 201);
  const slots = await slotsOn(server, homes[4], '2026-12-05');
  assert.equal((await book(server, worker.token, slots[0].id)).status, 201);
  assert.equal((await book(server, worker.token, slots[1].id)).status, 201);
  assert.equal((await book(server, worker.token, full.id, { waitlist: true })).json.status, 'waitlisted');
  const refused = await book(server, worker.token, slots[2].id);
  assertError(refused, 409, 'booking_limit');
  const mine = (await get('/api/v1/me/bookings', worker.token)).json.items;
  assert.equal(mine.length, 3, 'nothing booked by the refused request');
  assert.equal((await cancel(mine[0].id, worker.token)).status, 200);
  assert.equal((await book(server, worker.token, slots[2].id)).status, 201, 'a cancellation makes room');
  // Past bookings do not count.
  const past = await registerUser(server);
  const early = await slotsOn(server, homes[4], '2026-12-02');
  for (const slot of early.slice(0, 3)) assert.equal((await book(server, past.token, slot.id)).status, 201);
  await setClock(server, '2026-12-02T23:00:00+08:00');
  assert.equal((await book(server, past.token, slots[3].id)).status, 201);
  await setClock(server, T0);
});

test('no-shows: released 15 minutes after the start, the place goes to the first waiter, both are notified', async () => {
  const slot = await eventSlot(server, admin, homes[5], '2026-12-04', 1, '10:00', '11:00');
  const [holder, waiter] = await Promise.all([registerUser(server), registerUser(server)]);
  const held = (await book(server, holder.token, slot.id)).json;
  const waiting = (await book(server, waiter.token, slot.id, { waitlist: true })).json;
  await setClock(server, '2026-12-04T10:14:59+08:00');
  assert.equal((await get(`/api/v1/bookings/${held.id}`, holder.token)).json.status, 'confirmed');
  await setClock(server, '2026-12-04T10:15:00+08:00');
  assert.equal((await get(`/api/v1/bookings/${held.id}`, holder.token)).json.status, 'no_show');
  assert.equal((await get(`/api/v1/bookings/${waiting.id}`, waiter.token)).json.status, 'confirmed');
  const seen = await slotAt(server, homes[5], slot.start);
  assert.deepEqual([seen.booked, seen.waitlist], [1, 0]);
  assert.equal((await notifications(holder.token))[0].kind, 'released');
  assert.equal((await notifications(waiter.token))[0].kind, 'promoted');
  // The promoted waiter gets the full 15 minutes from the promotion.
  await setClock(server, '2026-12-04T10:29:59+08:00');
  assert.equal((await get(`/api/v1/bookings/${waiting.id}`, waiter.token)).json.status, 'confirmed');
  await setClock(server, '2026-12-04T10:30:00+08:00');
  assert.equal((await slotAt(server, homes[5], slot.start)).booked, 0, 'released on the slot read');
  assert.equal((await get(`/api/v1/bookings/${waiting.id}`, waiter.token)).json.status, 'no_show');
  assertError(await cancel(held.id, holder.token), 409, 'conflict', 'a no-show cannot be cancelled');
  await setClock(server, T0);
});

test('ownership: another user gets 404 for reading, cancelling, the pass and the calendar file; staff may read', async () => {
  const [owner, other] = await Promise.all([registerUser(server), registerUser(server)]);
  const slot = await slotAt(server, homes[6], '2026-12-02T15:00:00+08:00');
  const booking = (await book(server, owner.token, slot.id)).json;
  for (const [method, suffix] of [['GET', ''], ['DELETE', ''], ['GET', '/pass'], ['GET', '/calendar.ics']]) {
    const response = await server.call(method, `/api/v1/bookings/${booking.id}${suffix}`, { token: other.token });
    assertError(response, 404, 'not_found', `${method} ${suffix}`);
    assertError(await server.call(method, `/api/v1/bookings/${booking.id}${suffix}`), 401, 'unauthorized', suffix);
  }
  for (const id of ['0', '-1', 'abc', '99999999999999999999', '1.5']) {
    assertError(await get(`/api/v1/bookings/${id}`, owner.token), 404, 'not_found', id);
  }
  assert.equal((await get(`/api/v1/bookings/${booking.id}`, owner.token)).json.status, 'confirmed', 'still booked');
  assert.equal((await get(`/api/v1/bookings/${booking.id}`, admin)).status, 200);
  assert.deepEqual((await get('/api/v1/me/bookings', other.token)).json.items, []);
});

test('idempotency: the same key and body replay the first answer; another body gets 422', async () => {
  const worker = await registerUser(server);
  const [first, second] = await slotsOn(server, homes[7], '2026-12-03');
  const original = await book(server, worker.token, first.id, { key: 'order-1' });
  assert.equal(original.status, 201);
  const replay = await server.call('POST', '/api/v1/bookings', {
    token: worker.token, headers: { 'Idempotency-Key': 'order-1' }, body: `{ "slot_id" : ${first.id} }`,
  });
  assert.equal(replay.status, 201, 'the same JSON, spelled differently, is the same body');
  assert.deepEqual(replay.json, original.json);
  assert.equal(replay.headers['idempotent-replayed'], 'true');
  assertError(await book(server, worker.token, second.id, { key: 'order-1' }), 422, 'idempotency_key_reused');
  assertError(await book(server, worker.token, first.id, { key: 'order-1', waitlist: true }), 422, 'idempotency_key_reused');
  assert.equal((await get('/api/v1/me/bookings', worker.token)).json.items.length, 1, 'one booking only');
  assert.equal((await slotAt(server, homes[7], first.start)).booked, 1);
  // A refusal is replayed too, and a key belongs to its user.
  const refused = await book(server, worker.token, first.id, { key: 'order-2' });
  assertError(refused, 409, 'conflict');
  assert.deepEqual((await book(server, worker.token, first.id, { key: 'order-2' })).json, refused.json);
  const someoneElse = await registerUser(server);
  assert.equal((await book(server, someoneElse.token, first.id, { key: 'order-1' })).status, 201);
  for (const key of ['x'.repeat(256), 'bad key', 'clé']) {
    assertError(await book(server, worker.token, second.id, { key }), 400, 'bad_request', `key '${key.slice(0, 10)}'`);
  }
  // 24 hours later the key is free again.
  await setClock(server, '2026-12-02T08:00:01+08:00');
  const later = await slotsOn(server, homes[7], '2026-12-04');
  assert.equal((await book(server, worker.token, later[0].id, { key: 'order-1' })).status, 201);
  await setClock(server, T0);
});

test('GET /me/bookings: ordered by start, scope upcoming / past / all', async () => {
  const worker = await registerUser(server);
  const today = await slotsOn(server, homes[8], '2026-12-01');
  const later = await slotsOn(server, homes[8], '2026-12-02');
  for (const slot of [later[0], today[0]]) assert.equal((await book(server, worker.token, slot.id)).status, 201);
  await setClock(server, '2026-12-01T12:00:00+08:00');
  const all = (await get('/api/v1/me/bookings', worker.token)).json.items;
  assert.deepEqual(all.map((b) => b.start), [today[0].start, later[0].start]);
  assert.deepEqual((await get('/api/v1/me/bookings?scope=upcoming', worker.token)).json.items.map((b) => b.start), [later[0].start]);
  assert.deepEqual((await get('/api/v1/me/bookings?scope=past', worker.token)).json.items.map((b) => b.start), [today[0].start]);
  assertError(await get('/api/v1/me/bookings?scope=soon', worker.token), 400, 'bad_request');
  assertError(await get('/api/v1/me/bookings'), 401, 'unauthorized');
  await setClock(server, T0);
});

test('bad booking requests get the api.md error shape and change nothing', async () => {
  const worker = await registerUser(server);
  const slot = await slotAt(server, homes[9], '2026-12-02T11:00:00+08:00');
  const raw = (body) => server.call('POST', '/api/v1/bookings', { token: worker.token, body });
  const bad = ['', '{', '{"slot_id":}', 'null', '[]', '"slot"', '{"slot_id":"1"}', '{"slot_id":1.5}', '{"slot_id":true}',
    '{"slot_id":null}', '{}', '{"slot_id":[1]}', '{"slot_id":{"id":1}}', '{"slot_id":-3}', '{"slot_id":0}',
    '{"slot_id":1e400}', '{"slot_id":99999999999999999999999999}', '{"slot_id":9223372036854775807}',
    `{"slot_id":${slot.id},"waitlist":"yes"}`, `{"slot_id":${slot.id},"waitlist":1}`,
    '{"slot_id":"1; DROP TABLE bookings;--"}', '{"slot_id":"<script>alert(1)</script>"}',
    Buffer.concat([Buffer.from('{"slot_id":1,"note":"'), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from('"}')]),
    Buffer.from('{"slot_id":1}\u0000{"slot_id":2}')];
  for (const body of bad) assertError(await raw(body), 400, 'bad_request', String(body).slice(0, 40));
  const huge = Buffer.alloc(2 * 1024 * 1024, ' ');
  assertError(await raw(huge), 413, 'payload_too_large');
  assert.deepEqual((await get('/api/v1/me/bookings', worker.token)).json.items, [], 'nothing was booked');
  assert.equal((await slotAt(server, homes[9], slot.start)).booked, 0);
  assert.equal((await raw(`{"slot_id":${slot.id},"waitlist":false,"extra":"ignored"}`)).status, 201);
});

test('every endpoint with a body refuses malformed JSON, broken UTF-8 and 2 MiB with the api.md error shape', async () => {
  const worker = await registerUser(server);
  const site = homes[11];
  const endpoints = [['POST', '/api/v1/auth/register'], ['POST', '/api/v1/auth/login'], ['POST', '/api/v1/bookings', worker.token],
    ['POST', `/api/v1/doors/${site}/open`], ['PUT', `/api/v1/admin/sites/${site}/template`, admin],
    ['PUT', `/api/v1/admin/sites/${site}/exceptions/2026-12-09`, admin], ['POST', '/api/v1/test/clock']];
  const before = await slotsOn(server, site, '2026-12-09');
  const template = (await server.call('GET', `/api/v1/admin/sites/${site}/template`, { token: admin })).json;
  for (const [method, urlPath, token] of endpoints) {
    for (const body of ['{', 'null', '[1,2]', '"text"', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])]) {
      assertError(await server.call(method, urlPath, { token, body }), 400, 'bad_request', `${urlPath} ${body}`);
    }
    assertError(await server.call(method, urlPath, { token, body: Buffer.alloc(2 * 1024 * 1024, '{') }), 413,
                'payload_too_large', urlPath);
  }
  assert.deepEqual(await slotsOn(server, site, '2026-12-09'), before, 'no slot changed');
  assert.deepEqual((await server.call('GET', `/api/v1/admin/sites/${site}/template`, { token: admin })).json, template);
  assert.deepEqual((await server.call('GET', '/api/v1/me/bookings', { token: worker.token })).json.items, []);
  assert.equal((await server.call('GET', '/api/v1/health')).status, 200);
});
