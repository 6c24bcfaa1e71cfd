// tests/api/instances.test.mjs — two gongyou-server instances on one PostgreSQL database (run by
// api_tests_postgres; skipped on SQLite): the booking race split over both (exactly the capacity confirmed,
// nothing lost), and sessions, idempotency keys, login rate limits and waitlists shared between them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { adminToken, assertError, book, eventSlot, registerUser, setClock, slotsOn, T0, workersHomes }
  from './booking_helpers.mjs';
import { pgCluster, startInstances } from './harness.mjs';

const skip = pgCluster ? false : 'needs PostgreSQL (api_tests_postgres)';
let a, b, servers;

before(async () => {
  if (skip) return;
  servers = await startInstances(2, ['--fast-password-hash'], { admin: true });
  [a, b] = servers;
  for (const s of servers) await setClock(s, T0);  // the test clock lives in each process
});
after(async () => { if (servers) assert.deepEqual(await servers.stopAll(), [0, 0]); });

test('race over two instances: 120 clients on one slot of 10 → exactly 10 confirmed, 110 slot_full', { skip }, async () => {
  const admin = await adminToken(a);
  const [site] = await workersHomes(a, 1);
  const slot = await eventSlot(a, admin, site, '2026-12-06', 10, '14:00', '16:00');
  const workers = [];
  for (let i = 0; i < 120; i += 20)
    workers.push(...await Promise.all(Array.from({ length: 20 }, (_, j) => registerUser(servers[(i + j) % 2], 'duo'))));
  const answers = await Promise.all(workers.map((w, i) => book(servers[i % 2], w.token, slot.id)));
  const byStatus = {};
  for (const r of answers) byStatus[`${r.status} ${r.json?.status ?? r.json?.error?.code}`] = (byStatus[`${r.status} ${r.json?.status ?? r.json?.error?.code}`] ?? 0) + 1;
  assert.deepEqual(byStatus, { '201 confirmed': 10, '409 slot_full': 110 });
  const winners = answers.filter((r) => r.status === 201);
  for (const s of servers) {
    const [seen] = await slotsOn(s, site, '2026-12-06');
    assert.deepEqual([seen.booked, seen.remaining], [10, 0]);
  }
  const roster = await b.call('GET', `/api/v1/admin/sites/${site}/roster?date=2026-12-06`, { token: admin });
  const confirmed = roster.json.slots[0].bookings.filter((x) => x.status === 'confirmed');
  assert.equal(confirmed.length, 10);
  assert.deepEqual(new Set(confirmed.map((x) => x.user.id)), new Set(winners.map((r) => r.json.user.id)));
  assert.equal(roster.json.slots[0].bookings.length, 10, 'no refused request left a row');
});

test('a session made on one instance works on the other, and logging out on one ends it on both', { skip }, async () => {
  const worker = await registerUser(a, 'roamer');
  assert.equal((await b.call('GET', '/api/v1/me', { token: worker.token })).status, 200);
  assert.equal((await b.call('POST', '/api/v1/auth/logout', { token: worker.token })).status < 300, true);
  assertError(await a.call('GET', '/api/v1/me', { token: worker.token }), 401, 'unauthorized');
});

test('an Idempotency-Key sent to both instances at once books once; another body gets 422 on either', { skip }, async () => {
  const admin = await adminToken(a);
  const [, site] = await workersHomes(a, 2);
  const slot = await eventSlot(a, admin, site, '2026-12-06', 5);
  const worker = await registerUser(a, 'retrier');
  const tries = await Promise.all([a, b, a, b].map((s) => book(s, worker.token, slot.id, { key: 'same-key-1' })));
  assert.deepEqual(tries.map((r) => r.status), [201, 201, 201, 201]);
  assert.equal(new Set(tries.map((r) => r.json.id)).size, 1, 'one booking id for every try');
  const [seen] = await slotsOn(b, site, '2026-12-06');
  assert.equal(seen.booked, 1);
  assertError(await book(b, worker.token, slot.id, { key: 'same-key-1', waitlist: true }), 422, 'idempotency_key_reused');
});

test('wrong passwords count across instances: 5 spread over both, the 6th gets 429 on either', { skip }, async () => {
  const account = await registerUser(a, 'limited');
  const login = (s, password) => s.call('POST', '/api/v1/auth/login', { body: { username: account.username, password } });
  for (let i = 0; i < 5; ++i) assertError(await login(servers[i % 2], `Wrong-pass-${i}`), 401, 'unauthorized');
  assertError(await login(a, account.password), 429, 'rate_limited');
  assertError(await login(b, account.password), 429, 'rate_limited');
});

test('a waiter queued on one instance is promoted by a cancellation on the other', { skip }, async () => {
  const admin = await adminToken(a);
  const [, , site] = await workersHomes(a, 3);
  const slot = await eventSlot(b, admin, site, '2026-12-06', 1);
  const holder = await registerUser(a, 'holder');
  const waiter = await registerUser(b, 'waiter');
  const held = await book(a, holder.token, slot.id);
  assert.equal(held.json.status, 'confirmed');
  const queued = await book(b, waiter.token, slot.id, { waitlist: true });
  assert.equal(queued.json.status, 'waitlisted');
  assert.equal((await b.call('DELETE', `/api/v1/bookings/${held.json.id}`, { token: holder.token })).status, 200);
  const promoted = await a.call('GET', `/api/v1/bookings/${queued.json.id}`, { token: waiter.token });
  assert.equal(promoted.json.status, 'confirmed');
});
