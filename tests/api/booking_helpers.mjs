// tests/api/booking_helpers.mjs — shared steps of the booking tests: a server with fast password hashing and
// an admin (its clock standing at T0, as every test server's), accounts, the clock, and finding a site and its slots.
import assert from 'node:assert/strict';

import { adminAccount, errorOf, startServer, T0 } from './harness.mjs';

export { T0 };

/** Starts a server for booking tests (--fast-password-hash, an admin), its clock standing at T0 from the start. */
export async function startBookingServer(extraArgs = []) {
  return startServer(['--fast-password-hash', ...extraArgs], { admin: true });
}

/** Sets the server's clock. */
export async function setClock(server, iso) {
  const response = await server.call('POST', '/api/v1/test/clock', { body: { now: iso } });
  assert.equal(response.status, 200, response.text);
}

let userCounter = 0;

/** Registers a new worker; resolves to { token, user, username, password }. */
export async function registerUser(server, prefix = 'worker') {
  const username = `${prefix}${++userCounter}_${process.pid}`;
  const password = 'Secret-pass-1';
  const response = await server.call('POST', '/api/v1/auth/register',
                                     { body: { username, password, display_name: `职工${userCounter}` } });
  assert.equal(response.status, 201, response.text);
  return { token: response.json.token, user: response.json.user, username, password };
}

/** Logs the admin in; resolves to the token. */
export async function adminToken(server) {
  const response = await server.call('POST', '/api/v1/auth/login', { body: adminAccount });
  assert.equal(response.status, 200, response.text);
  return response.json.token;
}

/** The ids of the first `count` Workers' Homes (bookable, with the demo template). */
export async function workersHomes(server, count = 1) {
  const response = await server.call('GET', `/api/v1/sites?type=workers_home&limit=${count}`);
  assert.equal(response.status, 200);
  return response.json.items.map((site) => site.id);
}

/** The slots of a site on one date (YYYY-MM-DD), optionally as seen by a user. */
export async function slotsOn(server, siteId, date, token) {
  const response = await server.call('GET', `/api/v1/sites/${siteId}/slots?from=${date}&to=${date}`, { token });
  assert.equal(response.status, 200, response.text);
  return response.json.items;
}

/** The slot of a site that starts at `isoStart`. */
export async function slotAt(server, siteId, isoStart, token) {
  const slot = (await slotsOn(server, siteId, isoStart.slice(0, 10), token)).find((s) => s.start === isoStart);
  assert.ok(slot, `a slot of site ${siteId} starts at ${isoStart}`);
  return slot;
}

/** Makes `date` at a site an event day with one slot of `capacity` places; resolves to that slot. */
export async function eventSlot(server, admin, siteId, date, capacity, open = '10:00', close = '12:00') {
  const response = await server.call('PUT', `/api/v1/admin/sites/${siteId}/exceptions/${date}`,
                                     { token: admin, body: { kind: 'event', note: '测试活动', open, close, capacity } });
  assert.equal(response.status, 200, response.text);
  const slots = await slotsOn(server, siteId, date);
  assert.equal(slots.length, 1, `one event slot on ${date}`);
  assert.equal(slots[0].capacity, capacity);
  return slots[0];
}

/** POST /bookings. */
export function book(server, token, slotId, { waitlist, key } = {}) {
  const body = waitlist === undefined ? { slot_id: slotId } : { slot_id: slotId, waitlist };
  return server.call('POST', '/api/v1/bookings', { token, body, headers: key === undefined ? {} : { 'Idempotency-Key': key } });
}

/** Asserts an error answer: status, the api.md shape and the code. */
export function assertError(response, status, code, what = '') {
  assert.equal(response.status, status, `${what}: ${response.text}`);
  assert.equal(errorOf({ ...response, json: () => response.json }, assert).code, code, what);
}
