// tests/api/studio_visits.test.mjs — 劳模之家 visits on the booking engine: group size within the site's
// rules, places counted by group size (never over capacity), pending until staff approve or deny, denial
// frees the places for the first waiting group, notifications, and staff-only rules.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { adminToken, assertError, registerUser, slotsOn, startBookingServer } from './booking_helpers.mjs';

let server, admin, studio;
before(async () => {
  server = await startBookingServer();  // Tuesday 2026-12-01 08:00; studios open Mo–Fr 09:00–17:00, 20 places
  admin = await adminToken(server);
  studio = (await server.call('GET', '/api/v1/sites?type=model_worker_studio&limit=1')).json.items[0].id;
});
after(async () => assert.equal(await server.stop(), 0));

const visit = (token, slot, group_size, extra = {}) =>
  server.call('POST', '/api/v1/bookings', { token, body: { slot_id: slot, group_size, ...extra } });
const staff = (id, what, body) => server.call('POST', `/api/v1/admin/bookings/${id}/${what}`, { token: admin, body });

test('studio slots carry the visit rules; group sizes outside them are refused', async () => {
  const [slot] = await slotsOn(server, studio, '2026-12-02');
  assert.deepEqual([slot.min_group, slot.max_group, slot.approval_required, slot.capacity], [1, 10, true, 20]);
  const rules = await server.call('GET', `/api/v1/admin/sites/${studio}/visit-rules`, { token: admin });
  assert.deepEqual(rules.json, { min_group: 1, max_group: 10, approval_required: true });
  const worker = await registerUser(server, 'visitor');
  for (const size of [0, -1, 501, 2.5]) assertError(await visit(worker.token, slot.id, size), 400, 'bad_request', `${size}`);
  assertError(await visit(worker.token, slot.id, 11), 400, 'group_size_out_of_range');
  assertError(await visit(worker.token, slot.id, '5'), 400, 'bad_request');
  // A Workers' Home takes single visitors only.
  const home = (await server.call('GET', '/api/v1/sites?type=workers_home&limit=1')).json.items[0].id;
  const [homeSlot] = await slotsOn(server, home, '2026-12-02');
  assertError(await visit(worker.token, homeSlot.id, 2), 400, 'group_size_out_of_range');
});

test('groups hold places; pending until approved; denial frees places for the first waiting group', async () => {
  const [, slot] = await slotsOn(server, studio, '2026-12-03');
  const [a, b, c, d] = await Promise.all(Array.from({ length: 4 }, () => registerUser(server, 'group')));
  const first = await visit(a.token, slot.id, 10);
  assert.deepEqual([first.status, first.json.status, first.json.group_size], [201, 'pending', 10]);
  const second = await visit(b.token, slot.id, 8);
  assert.equal(second.json.status, 'pending');
  assertError(await visit(c.token, slot.id, 3), 409, 'slot_full', '18 + 3 > 20');
  const waiting = await visit(c.token, slot.id, 3, { waitlist: true });
  assert.deepEqual([waiting.status, waiting.json.status, waiting.json.waitlist_position], [201, 'waitlisted', 1]);
  const fits = await visit(d.token, slot.id, 2);
  assert.equal(fits.json.status, 'pending', 'a group of 2 still fits');
  let seen = (await slotsOn(server, studio, '2026-12-03', b.token))[1];
  assert.deepEqual([seen.booked, seen.remaining, seen.waitlist, seen.my_booking.status], [20, 0, 1, 'pending']);

  // No door pass and no desk check-in while pending.
  assertError(await server.call('GET', `/api/v1/bookings/${first.json.id}/pass`, { token: a.token }), 409, 'not_confirmed', 'no pass before approval');
  assertError(await staff(first.json.id, 'check-in'), 409, 'conflict');
  // Staff only.
  assertError(await server.call('POST', `/api/v1/admin/bookings/${first.json.id}/approve`, { token: a.token }),
              403, 'forbidden');
  assertError(await staff(first.json.id, 'deny', {}), 400, 'bad_request', 'a reason is required');
  assertError(await staff(999999, 'approve'), 404, 'not_found');

  const approved = await staff(first.json.id, 'approve');
  assert.deepEqual([approved.status, approved.json.status], [200, 'confirmed']);
  assertError(await staff(first.json.id, 'approve'), 409, 'conflict', 'only pending');
  assert.equal((await server.call('GET', `/api/v1/bookings/${first.json.id}/pass`, { token: a.token })).status, 200);

  const denied = await staff(second.json.id, 'deny', { reason: '当日接待已满 <i>' });
  assert.deepEqual([denied.json.status, denied.json.reason], ['denied', '当日接待已满 <i>']);
  const promoted = await server.call('GET', `/api/v1/bookings/${waiting.json.id}`, { token: c.token });
  assert.equal(promoted.json.status, 'pending', 'the waiting group got the places and awaits approval');
  seen = (await slotsOn(server, studio, '2026-12-03'))[1];
  assert.deepEqual([seen.booked, seen.waitlist], [10 + 3 + 2, 0]);

  const kinds = async (user) => (await server.call('GET', '/api/v1/me/notifications', { token: user.token })).json.items.map((n) => n.kind);
  assert.deepEqual(await kinds(a), ['approved']);
  assert.deepEqual(await kinds(b), ['denied']);
  assert.deepEqual(await kinds(c), ['promoted']);
  assert.match((await server.call('GET', '/api/v1/me/notifications', { token: b.token })).json.items[0].message, /当日接待已满/);

  // Cancelling an approved group frees all its places.
  assert.equal((await server.call('DELETE', `/api/v1/bookings/${first.json.id}`, { token: a.token })).status, 200);
  assert.equal((await slotsOn(server, studio, '2026-12-03'))[1].booked, 5);
});

test('visit rules: staff set them (400 on bad values, 409 on a site that is not bookable)', async () => {
  const put = (site, body, token = admin) =>
    server.call('PUT', `/api/v1/admin/sites/${site}/visit-rules`, { token, body });
  const worker = await registerUser(server, 'rules');
  assertError(await put(studio, { min_group: 1, max_group: 5, approval_required: false }, worker.token), 403, 'forbidden');
  for (const body of [{ min_group: 0, max_group: 5, approval_required: true }, { min_group: 6, max_group: 5, approval_required: true },
                      { min_group: 1, max_group: 501, approval_required: true }, { min_group: 1, max_group: 5 }])
    assertError(await put(studio, body), 400, 'bad_request', JSON.stringify(body));
  const bookstore = (await server.call('GET', '/api/v1/sites?type=bookstore&limit=1')).json.items[0].id;
  assertError(await put(bookstore, { min_group: 1, max_group: 5, approval_required: false }), 409, 'conflict');
  assert.equal((await put(studio, { min_group: 2, max_group: 5, approval_required: false })).status, 200);
  const [slot] = await slotsOn(server, studio, '2026-12-04');
  assert.deepEqual([slot.min_group, slot.max_group, slot.approval_required], [2, 5, false]);
  assertError(await visit(worker.token, slot.id, 1), 400, 'group_size_out_of_range');
  const answer = await visit(worker.token, slot.id, 5);
  assert.deepEqual([answer.status, answer.json.status, answer.json.group_size], [201, 'confirmed', 5]);
});
