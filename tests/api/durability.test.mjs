// tests/api/durability.test.mjs — a 201 survives SIGKILL: the booking, the session and the idempotency
// record are on disk when the answer is sent, and a restart on the same database finds them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertError, book, registerUser, setClock, slotsOn, startBookingServer, T0, workersHomes } from './booking_helpers.mjs';

let server;
before(async () => { server = await startBookingServer(); });
after(async () => assert.equal(await server.stop(), 0));

test('kill -9 right after a 201: the booking is there after a restart', async () => {
  const worker = await registerUser(server);
  const [site] = await workersHomes(server, 1);
  const [slot] = await slotsOn(server, site, '2026-12-02');
  const booked = await book(server, worker.token, slot.id);
  assert.equal(booked.status, 201);
  assert.equal(await server.kill(), 'SIGKILL');

  await server.restart();
  await setClock(server, T0);
  const found = await server.call('GET', `/api/v1/bookings/${booked.json.id}`, { token: worker.token });
  assert.equal(found.status, 200, 'the session survived too');
  assert.deepEqual(found.json, booked.json);
  const [again] = await slotsOn(server, site, '2026-12-02');
  assert.equal(again.booked, 1);
});

test('the door-pass key is made once: a pass issued before a restart opens the door after it', async () => {
  const worker = await registerUser(server);
  const [site] = await workersHomes(server, 1);
  const [slot] = await slotsOn(server, site, '2026-12-04');
  const booking = (await book(server, worker.token, slot.id)).json;
  const pass = (await server.call('GET', `/api/v1/bookings/${booking.id}/pass`, { token: worker.token })).json;
  await server.kill();
  await server.restart();
  await setClock(server, pass.valid_from);
  const opened = await server.call('POST', `/api/v1/doors/${site}/open`, { body: { token: pass.token } });
  assert.equal(opened.status, 200, opened.text);
  assert.equal(opened.json.open, true);
  await setClock(server, T0);
});

test('an idempotent booking replays after kill -9 and restart; another body still gets 422', async () => {
  const worker = await registerUser(server);
  const [site] = await workersHomes(server, 2).then((ids) => ids.slice(1));
  const [first, second] = await slotsOn(server, site, '2026-12-03');
  const original = await book(server, worker.token, first.id, { key: 'phone-retry-7' });
  assert.equal(original.status, 201);
  await server.kill();

  await server.restart();
  await setClock(server, T0);
  const replay = await book(server, worker.token, first.id, { key: 'phone-retry-7' });
  assert.equal(replay.status, 201);
  assert.deepEqual(replay.json, original.json);
  assertError(await book(server, worker.token, second.id, { key: 'phone-retry-7' }), 422, 'idempotency_key_reused');
  const mine = (await server.call('GET', '/api/v1/me/bookings', { token: worker.token })).json.items;
  assert.equal(mine.length, 1);
});
