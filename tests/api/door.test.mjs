// tests/api/door.test.mjs — the door pass (GET /bookings/{id}/pass, POST /doors/{site}/open) and the
// calendar file (GET /bookings/{id}/calendar.ics), through real HTTP with --test-clock.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  adminToken, assertError, book, eventSlot, registerUser, setClock, slotAt, startBookingServer, T0, workersHomes,
} from './booking_helpers.mjs';

let server, homes, admin;
before(async () => {
  server = await startBookingServer();
  homes = await workersHomes(server, 3);
  admin = await adminToken(server);
});
after(async () => assert.equal(await server.stop(), 0));

const passOf = (id, token) => server.call('GET', `/api/v1/bookings/${id}/pass`, { token });
const openDoor = (site, body) => server.call('POST', `/api/v1/doors/${site}/open`, { body });

/** Asserts a refused door: 403 {"open": false, "error": {"code", "message"}}. */
function assertRefused(response, code) {
  assert.equal(response.status, 403, response.text);
  assert.equal(response.json.open, false);
  assert.equal(response.json.error.code, code);
  assert.ok(response.json.error.message.length > 0);
}

/** A new worker with a confirmed booking of the slot starting at `start` at `site`, and its pass. */
async function bookedPass(site, start) {
  const worker = await registerUser(server, 'door');
  const slot = await slotAt(server, site, start);
  const booking = (await book(server, worker.token, slot.id)).json;
  const pass = await passOf(booking.id, worker.token);
  assert.equal(pass.status, 200, pass.text);
  return { worker, booking, pass: pass.json };
}

test('a pass is valid from 15 minutes before the start to the end, and opens its door once', async () => {
  await setClock(server, T0);
  const { worker, booking, pass } = await bookedPass(homes[0], '2026-12-02T10:00:00+08:00');
  assert.deepEqual(Object.keys(pass).sort(), ['booking_id', 'site_id', 'token', 'valid_from', 'valid_until']);
  assert.equal(pass.booking_id, booking.id);
  assert.equal(pass.site_id, homes[0]);
  assert.equal(pass.valid_from, '2026-12-02T09:45:00+08:00');
  assert.equal(pass.valid_until, '2026-12-02T11:00:00+08:00');
  assert.match(pass.token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  const payload = Buffer.from(pass.token.split('.')[0], 'base64url').toString();
  assert.equal(payload, `${booking.id}:${homes[0]}:${Date.parse(pass.valid_from) / 1000}:${Date.parse(pass.valid_until) / 1000}`);

  await setClock(server, '2026-12-02T09:44:59+08:00');
  assertRefused(await openDoor(homes[0], { token: pass.token }), 'pass_not_yet_valid');
  await setClock(server, '2026-12-02T09:45:00+08:00');
  assertRefused(await openDoor(homes[1], { token: pass.token }), 'wrong_site');
  const opened = await openDoor(homes[0], { token: pass.token });
  assert.equal(opened.status, 200, opened.text);
  assert.deepEqual(opened.json, { open: true, booking_id: booking.id, display_name: worker.user.display_name,
                                  start: '2026-12-02T10:00:00+08:00', end: '2026-12-02T11:00:00+08:00' });
  const checkedIn = (await server.call('GET', `/api/v1/bookings/${booking.id}`, { token: worker.token })).json;
  assert.equal(checkedIn.status, 'checked_in');
  assert.equal(checkedIn.checked_in_at, '2026-12-02T09:45:00+08:00');
  assertRefused(await openDoor(homes[0], { token: pass.token }), 'already_used');
  assertError(await passOf(booking.id, worker.token), 409, 'already_used', 'no new pass once checked in');
  await setClock(server, '2026-12-02T10:20:00+08:00');
  assert.equal((await server.call('GET', `/api/v1/bookings/${booking.id}`, { token: worker.token })).json.status,
               'checked_in', 'a checked-in booking is no no-show');
});

test('an expired pass, and the pass of a cancelled booking, do not open', async () => {
  await setClock(server, T0);
  const late = await bookedPass(homes[1], '2026-12-02T10:00:00+08:00');
  const cancelled = await bookedPass(homes[1], '2026-12-03T10:00:00+08:00');
  assert.equal((await server.call('DELETE', `/api/v1/bookings/${cancelled.booking.id}`, { token: cancelled.worker.token })).status, 200);
  assertError(await passOf(cancelled.booking.id, cancelled.worker.token), 409, 'booking_cancelled', 'no pass for a cancelled booking');
  await setClock(server, '2026-12-03T09:50:00+08:00');
  assertRefused(await openDoor(homes[1], { token: cancelled.pass.token }), 'booking_cancelled');
  await setClock(server, '2026-12-02T11:00:01+08:00');
  assertRefused(await openDoor(homes[1], { token: late.pass.token }), 'pass_expired');
  assertError(await passOf(late.booking.id, late.worker.token), 409, 'booking_cancelled',
              'nobody came: released as a no-show, no pass any more');
  await setClock(server, T0);
});

test('a waiting booking has no pass yet, and says so', async () => {
  await setClock(server, T0);
  const slot = await eventSlot(server, admin, homes[2], '2026-12-06', 1);
  const first = await registerUser(server, 'door_first');
  const second = await registerUser(server, 'door_second');
  assert.equal((await book(server, first.token, slot.id)).status, 201);
  const waiting = await book(server, second.token, slot.id, { waitlist: true });
  assert.equal(waiting.json.status, 'waitlisted');
  assertError(await passOf(waiting.json.id, second.token), 409, 'not_confirmed', 'no pass while waiting');
});

test('forged and malformed passes get invalid_pass; bad requests get the api.md error shape', async () => {
  await setClock(server, T0);
  const { pass } = await bookedPass(homes[2], '2026-12-01T09:00:00+08:00');
  await setClock(server, '2026-12-01T09:00:00+08:00');
  const [payload, mac] = pass.token.split('.');
  const text = Buffer.from(payload, 'base64url').toString();
  const other = text.replace(/^\d+/, (id) => String(Number(id) + 1));
  const forged = [
    `${Buffer.from(other).toString('base64url')}.${mac}`,                          // another booking, same signature
    `${payload}.${Buffer.alloc(32, 7).toString('base64url')}`,                       // made-up signature
    `${payload}.${mac.slice(0, -2)}`, `${payload}${mac}`, `${payload}.`, '.', '', 'garbage',
    `${Buffer.from('1:2:3').toString('base64url')}.${mac}`, `${payload}.${mac}=`, `${payload}.${mac}.${mac}`,
    `<script>alert(1)</script>.${mac}`, "' OR 1=1 --", 'x'.repeat(1000),
  ];
  for (const token of forged) assertRefused(await openDoor(homes[2], { token }), 'invalid_pass');
  for (const body of ['', '{', '[]', '{"token":42}', '{"token":null}', '{}']) {
    assertError(await openDoor(homes[2], body), 400, 'bad_request', body);
  }
  assertError(await openDoor(999999, { token: pass.token }), 404, 'not_found', 'unknown site');
  assertError(await openDoor('abc', { token: pass.token }), 404, 'not_found', 'not an id');
  assert.equal((await openDoor(homes[2], { token: pass.token })).status, 200, 'the real pass still opens');
});

test('the calendar file: text/calendar, an attachment, RFC 5545 with Asia/Shanghai times', async () => {
  await setClock(server, T0);
  const worker = await registerUser(server, 'ics');
  const slot = await slotAt(server, homes[0], '2026-12-05T19:00:00+08:00');
  const booking = (await book(server, worker.token, slot.id)).json;
  const site = (await server.call('GET', `/api/v1/sites/${homes[0]}`)).json;
  const response = await server.call('GET', `/api/v1/bookings/${booking.id}/calendar.ics`, { token: worker.token });
  assert.equal(response.status, 200);
  assert.equal(response.headers['content-type'], 'text/calendar; charset=utf-8');
  assert.equal(response.headers['content-disposition'], `attachment; filename="gongyou-booking-${booking.id}.ics"`);
  const ics = response.text;
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
  assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
  assert.ok(!/[^\r]\n/.test(ics), 'every line ends with CRLF');
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  for (const line of ['VERSION:2.0', 'BEGIN:VTIMEZONE', 'TZID:Asia/Shanghai', 'TZOFFSETTO:+0800', 'BEGIN:VEVENT',
                      `UID:booking-${booking.id}@gongyou`, 'DTSTART;TZID=Asia/Shanghai:20261205T190000',
                      'DTEND;TZID=Asia/Shanghai:20261205T200000', `SUMMARY:${site.name}`,
                      `LOCATION:${site.address.replace(/([,;\\])/g, '\\$1')}`, 'END:VEVENT']) {
    assert.ok(unfolded.split('\r\n').includes(line), `has ${line}`);
  }
  assert.match(unfolded, /\r\nDTSTAMP:20261201T000000Z\r\n/, 'DTSTAMP is the server clock in UTC');
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
  assert.equal((await server.call('GET', `/api/v1/bookings/${booking.id}/calendar.ics`, { token: admin })).status, 200);
});
