// tests/api/durability.test.mjs — a 201 survives SIGKILL: the booking, the session and the idempotency
// record are on disk when the answer is sent, and a restart on the same database finds them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { adminToken, assertError, book, registerUser, setClock, slotsOn, startBookingServer, T0, workersHomes }
  from './booking_helpers.mjs';

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

test('kill -9 in a storm of bookings and cancellations: every acknowledged one is there after a restart', async () => {
  const WORKERS = 24, ACKED_BEFORE_KILL = 150;
  const admin = await adminToken(server);
  const [, , site] = await workersHomes(server, 3);
  const days = ['2026-12-07', '2026-12-08', '2026-12-09'];
  const slots = (await Promise.all(days.map((day) => slotsOn(server, site, day)))).flat();
  assert.ok(slots.length >= 12, 'enough slots for the storm');
  const workers = await Promise.all(Array.from({ length: WORKERS }, () => registerUser(server, 'storm')));

  const booked = new Map(), cancelled = new Set();  // acknowledged: booking id -> 201 body; cancelled ids
  let killed = false, reachedTarget;
  const target = new Promise((resolve) => { reachedTarget = resolve; });
  const storm = workers.map(async (worker, w) => {
    for (let round = 0; !killed && round < 100; ++round) {
      const slot = slots[(w * 7 + round) % slots.length];
      try {
        const key = round % 2 ? `storm-${w}-${round}` : undefined;
        const made = await book(server, worker.token, slot.id, { key });
        if (made.status !== 201) continue;
        booked.set(made.json.id, { body: made.json, token: worker.token });
        if (booked.size >= ACKED_BEFORE_KILL) reachedTarget();
        const gone = await server.call('DELETE', `/api/v1/bookings/${made.json.id}`, { token: worker.token });
        if (gone.status === 200) cancelled.add(made.json.id);
      } catch {
        return;  // the server was killed with this request in flight
      }
    }
  });
  const stormEnded = Promise.all(storm);
  await Promise.race([target, stormEnded]);
  assert.ok(booked.size >= ACKED_BEFORE_KILL, `${booked.size} bookings acknowledged before the kill`);
  killed = true;
  assert.equal(await server.kill(), 'SIGKILL');
  await stormEnded;

  await server.restart();
  await setClock(server, T0);
  for (const [id, { body, token }] of booked) {
    const found = await server.call('GET', `/api/v1/bookings/${id}`, { token });
    assert.equal(found.status, 200, `acknowledged booking ${id} survived`);
    if (cancelled.has(id)) assert.equal(found.json.status, 'cancelled', `acknowledged cancellation of ${id} survived`);
    else assert.ok(['confirmed', 'cancelled'].includes(found.json.status), found.text);
    assert.deepEqual({ ...found.json, status: body.status, cancelled_at: null },
                     { ...body, cancelled_at: null }, 'the booking as it was answered');
  }
  // Whatever was in flight committed whole or not at all: every slot's counter matches its confirmed bookings.
  for (const day of days) {
    const roster = await server.call('GET', `/api/v1/admin/sites/${site}/roster?date=${day}`, { token: admin });
    assert.equal(roster.status, 200);
    for (const slot of roster.json.slots)
      assert.equal(slot.booked, slot.bookings.filter((b) => b.status === 'confirmed').length, `slot ${slot.id}`);
  }
});
