// tests/api/race.test.mjs — 200 workers at once on one slot of 10 places: exactly 10 get 201 confirmed and
// 190 get 409 slot_full, and the database agrees (slot counter, roster, each user's bookings).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { adminToken, book, eventSlot, registerUser, slotsOn, startBookingServer, workersHomes } from './booking_helpers.mjs';

const CLIENTS = 200, CAPACITY = 10, REGISTRATION_BATCH = 25;

let server;
before(async () => { server = await startBookingServer(); });
after(async () => assert.equal(await server.stop(), 0));

test(`${CLIENTS} concurrent clients on one slot of ${CAPACITY} places`, async (t) => {
  const admin = await adminToken(server);
  const [site] = await workersHomes(server, 1);
  const slot = await eventSlot(server, admin, site, '2026-12-06', CAPACITY, '14:00', '16:00');

  const workers = [];
  for (let i = 0; i < CLIENTS; i += REGISTRATION_BATCH) {
    workers.push(...await Promise.all(Array.from({ length: REGISTRATION_BATCH }, () => registerUser(server, 'racer'))));
  }

  const started = Date.now();
  // Every client on its own connection, all requests in flight together.
  const answers = await Promise.all(workers.map((w) => book(server, w.token, slot.id)));
  t.diagnostic(`${CLIENTS} booking requests answered in ${Date.now() - started} ms`);
  const byStatus = {};
  for (const a of answers) byStatus[`${a.status} ${a.json?.status ?? a.json?.error?.code}`] = (byStatus[`${a.status} ${a.json?.status ?? a.json?.error?.code}`] ?? 0) + 1;
  assert.deepEqual(byStatus, { '201 confirmed': CAPACITY, '409 slot_full': CLIENTS - CAPACITY });

  const [seen] = await slotsOn(server, site, '2026-12-06');
  assert.deepEqual([seen.booked, seen.remaining, seen.capacity], [CAPACITY, 0, CAPACITY]);
  const roster = await server.call('GET', `/api/v1/admin/sites/${site}/roster?date=2026-12-06`, { token: admin });
  assert.equal(roster.status, 200);
  const [rosterSlot] = roster.json.slots;
  assert.equal(rosterSlot.booked, CAPACITY);
  const confirmed = rosterSlot.bookings.filter((b) => b.status === 'confirmed');
  assert.equal(confirmed.length, CAPACITY, 'booked == confirmed bookings');
  assert.equal(rosterSlot.bookings.length, CAPACITY, 'no refused request left a row');
  const winners = new Set(answers.filter((a) => a.status === 201).map((a) => a.json.user.id));
  assert.deepEqual(new Set(confirmed.map((b) => b.user.id)), winners);
  assert.equal(new Set(confirmed.map((b) => b.id)).size, CAPACITY);
});
