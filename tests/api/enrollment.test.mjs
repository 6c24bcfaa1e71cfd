// tests/api/enrollment.test.mjs — enrolling: online without a cap; in person through the booking engine
// (60 clients on a class of 10: exactly 10 confirmed, the rest waitlisted or full, the counters agree);
// leaving promotes the first waiter; lesson progress; idempotency; another user's enrollment is 404.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { adminToken, assertError, registerUser, setClock, startBookingServer } from './booking_helpers.mjs';

let server;
before(async () => { server = await startBookingServer(); });
after(async () => assert.equal(await server.stop(), 0));

const get = (path, token) => server.call('GET', path, { token });
const enroll = (course, token, body, headers = {}) =>
  server.call('POST', `/api/v1/courses/${course}/enrollments`, { token, body, headers });

/** An in-person course with `capacity` places; the clock is set to two days before it starts. */
async function classOf(capacity, skip = 0) {
  let cursor = null;
  const found = [];
  do {
    const page = await get(`/api/v1/courses?format=in_person&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    found.push(...page.json.items.filter((c) => c.capacity === capacity && c.enrolled === 0));
    cursor = page.json.next_cursor;
  } while (cursor);
  const course = found[skip];
  assert.ok(course, `an in-person class of ${capacity}`);
  const start = Date.parse(course.starts_at);
  const clock = new Date(start - 2 * 86400e3 + 8 * 3600e3).toISOString().replace('Z', '+08:00');
  await setClock(server, clock);
  return course;
}

test('online: no cap, 201 confirmed, listed in my courses, 409 conflict twice, leave and rejoin', async () => {
  const course = (await get('/api/v1/courses?format=online&limit=1')).json.items[0];
  const workers = await Promise.all(Array.from({ length: 30 }, () => registerUser(server, 'online')));
  const answers = await Promise.all(workers.map((w) => enroll(course.id, w.token)));
  assert.ok(answers.every((a) => a.status === 201 && a.json.status === 'confirmed'));
  const first = answers[0].json;
  assert.deepEqual(Object.keys(first).sort(), ['booking_id', 'course', 'done_lessons', 'enrolled_at', 'lessons_done',
    'lessons_total', 'status', 'waitlist_position']);
  assert.deepEqual([first.booking_id, first.lessons_done, first.course.id], [null, 0, course.id]);
  assert.equal((await get(`/api/v1/courses/${course.id}`)).json.enrolled, course.enrolled + 30);
  assertError(await enroll(course.id, workers[0].token), 409, 'conflict');
  const mine = await get('/api/v1/me/courses', workers[0].token);
  assert.deepEqual(mine.json.items.map((e) => e.course.id), [course.id]);
  assert.equal((await get(`/api/v1/courses/${course.id}`, workers[0].token)).json.my_enrollment.status, 'confirmed');
  assert.equal((await server.call('DELETE', `/api/v1/me/courses/${course.id}`, { token: workers[0].token })).status, 200);
  assertError(await server.call('DELETE', `/api/v1/me/courses/${course.id}`, { token: workers[0].token }), 404, 'not_found');
  assert.equal((await get('/api/v1/me/courses', workers[0].token)).json.items.length, 0);
  assert.equal((await enroll(course.id, workers[0].token)).status, 201, 'enroll again after leaving');
  assertError(await enroll(999999, workers[0].token), 404, 'not_found');
  assertError(await enroll(course.id), 401, 'unauthorized');
  assertError(await enroll(course.id, workers[1].token, '{"waitlist":'), 400, 'bad_request');
  assertError(await enroll(course.id, workers[1].token, { waitlist: 'yes' }), 400, 'bad_request');
});

test('progress: lessons marked done and undone; bad lessons 404; another user 404', async () => {
  const course = (await get('/api/v1/courses?format=online&limit=1&sort=newest')).json.items[0];
  const [me, other] = [await registerUser(server, 'learner'), await registerUser(server, 'other')];
  const mark = (index, done, token = me.token) =>
    server.call('PUT', `/api/v1/me/courses/${course.id}/lessons/${index}`, { token, body: { done } });
  assertError(await mark(1, true), 404, 'not_found', 'not enrolled yet');
  assert.equal((await enroll(course.id, me.token, {})).status, 201);
  let answer = await mark(1, true);
  assert.equal(answer.status, 200, answer.text);
  answer = await mark(course.lessons_total, true);
  assert.deepEqual([answer.json.lessons_done, answer.json.lessons_total, answer.json.done_lessons],
                   [2, course.lessons_total, [1, course.lessons_total]]);
  assert.equal((await mark(1, true)).json.lessons_done, 2, 'marking twice changes nothing');
  assert.deepEqual((await mark(1, false)).json.done_lessons, [course.lessons_total]);
  assertError(await mark(course.lessons_total + 1, true), 404, 'not_found');
  assertError(await mark(0, true), 404, 'not_found');
  assertError(await mark(1, 'true'), 400, 'bad_request');
  assertError(await server.call('PUT', `/api/v1/me/courses/${course.id}/lessons/1`, { token: me.token, body: 'x' }),
              400, 'bad_request');
  assertError(await mark(1, true, other.token), 404, 'not_found', "another user's course");
  assertError(await get(`/api/v1/me/courses/${course.id}`, other.token), 404, 'not_found');
  assertError(await server.call('DELETE', `/api/v1/me/courses/${course.id}`, { token: other.token }), 404, 'not_found');
  const progress = (await get(`/api/v1/me/courses/${course.id}`, me.token)).json;
  assert.deepEqual(progress.done_lessons, [course.lessons_total], 'the other user changed nothing');
});

test('in person: 60 clients on a class of 10 → exactly 10 confirmed; leaving promotes the first waiter', async () => {
  const course = await classOf(10);
  const workers = await Promise.all(Array.from({ length: 60 }, () => registerUser(server, 'racer')));
  // Even-numbered clients ask to wait when full, the others do not.
  const answers = await Promise.all(workers.map((w, i) => enroll(course.id, w.token, { waitlist: i % 2 === 0 })));
  const counts = {};
  for (const a of answers) counts[`${a.status} ${a.json.status ?? a.json.error.code}`] = (counts[`${a.status} ${a.json.status ?? a.json.error.code}`] ?? 0) + 1;
  assert.equal(counts['201 confirmed'], 10, JSON.stringify(counts));
  assert.equal((counts['201 waitlisted'] ?? 0) + (counts['409 slot_full'] ?? 0), 50, JSON.stringify(counts));
  const confirmed = answers.filter((a) => a.json.status === 'confirmed');
  const waiters = answers.map((a, i) => ({ a, w: workers[i] })).filter(({ a }) => a.json.status === 'waitlisted');
  assert.ok(answers.every((a, i) => a.status !== 409 || i % 2 === 1), 'only those who did not ask to wait are refused');

  const seen = (await get(`/api/v1/courses/${course.id}`)).json;
  assert.deepEqual([seen.enrolled, seen.remaining_places, seen.waitlist], [10, 0, waiters.length]);
  // Each enrollment is a booking of the class slot, readable as such.
  const booking = await get(`/api/v1/bookings/${confirmed[0].json.booking_id}`,
                            workers[answers.indexOf(confirmed[0])].token);
  assert.deepEqual([booking.json.kind, booking.json.course_id, booking.json.status], ['class', course.id, 'confirmed']);
  assert.equal(new Set(confirmed.map((a) => a.json.booking_id)).size, 10);
  const positions = waiters.map(({ a }) => a.json.waitlist_position).sort((x, y) => x - y);
  assert.deepEqual(positions, positions.map((_, i) => i + 1), 'waitlist positions 1..n');
  // Class enrollments are not slot bookings of the site, nor in /me/bookings.
  const winner = workers[answers.indexOf(confirmed[0])];
  assert.equal((await get('/api/v1/me/bookings', winner.token)).json.items.length, 0);

  const first = waiters.find(({ a }) => a.json.waitlist_position === 1);
  assert.equal((await server.call('DELETE', `/api/v1/me/courses/${course.id}`, { token: winner.token })).status, 200);
  const promoted = (await get(`/api/v1/me/courses/${course.id}`, first.w.token)).json;
  assert.equal(promoted.status, 'confirmed', 'the first waiter got the place');
  const notes = (await get('/api/v1/me/notifications', first.w.token)).json.items;
  assert.equal(notes[0].kind, 'promoted');
  const after = (await get(`/api/v1/courses/${course.id}`)).json;
  assert.deepEqual([after.enrolled, after.remaining_places, after.waitlist], [10, 0, waiters.length - 1]);
  assertError(await get(`/api/v1/bookings/${confirmed[1].json.booking_id}`, first.w.token), 404, 'not_found');
  // Waiters cannot mark lessons yet.
  const second = waiters.find(({ a }) => a.json.waitlist_position === 2);
  assertError(await server.call('PUT', `/api/v1/me/courses/${course.id}/lessons/1`,
                                { token: second.w.token, body: { done: true } }), 409, 'conflict');
});

test('in person: idempotent retries, slot_closed after the start, too_late to leave, no no-show release', async () => {
  const course = await classOf(20);
  const [a, b] = [await registerUser(server, 'idem'), await registerUser(server, 'late')];
  const headers = { 'Idempotency-Key': 'enroll-once-1' };
  const firstTry = await enroll(course.id, a.token, { waitlist: true }, headers);
  const retry = await enroll(course.id, a.token, { waitlist: true }, headers);
  assert.equal(firstTry.status, 201);
  assert.deepEqual([retry.status, retry.json.booking_id, retry.headers['idempotent-replayed']],
                   [201, firstTry.json.booking_id, 'true']);
  assertError(await enroll(course.id, a.token, { waitlist: false }, headers), 422, 'idempotency_key_reused');
  assert.equal((await get(`/api/v1/courses/${course.id}`)).json.enrolled, 1);
  // 30 minutes before the start: too late to leave, still possible to enroll.
  const start = Date.parse(course.starts_at);
  const iso = (ms) => new Date(ms + 8 * 3600e3).toISOString().replace(/\.\d+Z$/, '+08:00');
  await setClock(server, iso(start - 30 * 60e3));
  assertError(await server.call('DELETE', `/api/v1/me/courses/${course.id}`, { token: a.token }), 409, 'too_late');
  // Well after the start: no enrolling, and the confirmed enrollment is not released as a no-show.
  await setClock(server, iso(start + 3 * 3600e3));
  assertError(await enroll(course.id, b.token), 409, 'slot_closed');
  const mine = (await get(`/api/v1/me/courses/${course.id}`, a.token)).json;
  assert.equal(mine.status, 'confirmed');
  const booking = (await get(`/api/v1/bookings/${mine.booking_id}`, a.token)).json;
  assert.equal(booking.status, 'confirmed', 'class bookings are never no-shows');
  const admin = await adminToken(server);
  assert.equal((await get(`/api/v1/bookings/${mine.booking_id}`, admin)).status, 200);
});
