// tests/api/lectures.test.mjs — lecture requests (送课上门): validation with api.md's error shape, texts stored
// verbatim, ownership, staff decisions (403 for workers) with notifications, and the per-town dashboard.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { adminToken, assertError, registerUser, startBookingServer } from './booking_helpers.mjs';

let server, admin, contact;
before(async () => {
  server = await startBookingServer();  // the clock stands at 2026-12-01 08:00 (+08:00)
  admin = await adminToken(server);
  contact = await registerUser(server, 'contact');
});
after(async () => assert.equal(await server.stop(), 0));

const post = (body, token = contact.token, headers = {}) =>
  server.call('POST', '/api/v1/lecture-requests', { token, body, headers });
const decide = (id, body, token = admin) =>
  server.call('POST', `/api/v1/admin/lecture-requests/${id}/decision`, { token, body });
const get = (path, token = admin) => server.call('GET', path, { token });

// 螺城 (the county seat), near its sites.
const valid = {
  topic: '手机摄影讲座', preferred_dates: ['2026-12-10', '2026-12-12'], audience_size: 80,
  lat: 25.031, lon: 118.798, address: '惠安县螺城镇八二三中路 88 号职工活动室', note: '下班后\n约 90 分钟',
};

test('a valid request: 201 pending, with its town; listed for its requester; others get 404', async () => {
  const answer = await post(valid);
  assert.equal(answer.status, 201, answer.text);
  const r = answer.json;
  assert.deepEqual(Object.keys(r).sort(), ['address', 'audience_size', 'course_id', 'created_at', 'id', 'lat', 'lon',
    'note', 'preferred_dates', 'reason', 'requester', 'scheduled_at', 'status', 'topic', 'town', 'updated_at']);
  assert.deepEqual([r.status, r.topic, r.audience_size, r.note, r.scheduled_at], ['pending', valid.topic, 80, valid.note, null]);
  assert.deepEqual(r.preferred_dates, valid.preferred_dates);
  assert.equal(r.town, '螺城镇');
  assert.equal(r.requester.id, contact.user.id);
  assert.deepEqual((await get('/api/v1/me/lecture-requests', contact.token)).json.items.map((x) => x.id), [r.id]);
  const stranger = await registerUser(server, 'stranger');
  assertError(await get(`/api/v1/lecture-requests/${r.id}`, stranger.token), 404, 'not_found');
  assert.equal((await get(`/api/v1/lecture-requests/${r.id}`, contact.token)).status, 200);
  assert.equal((await get(`/api/v1/lecture-requests/${r.id}`)).status, 200, 'staff see it');
  assertError(await post(valid, null), 401, 'unauthorized');
  // A topic from the catalog: the course's title.
  const course = (await get('/api/v1/courses?q=ldf&limit=1')).json.items[0];
  const fromCatalog = await post({ ...valid, topic: undefined, course_id: course.id });
  assert.deepEqual([fromCatalog.status, fromCatalog.json.topic, fromCatalog.json.course_id], [201, course.title, course.id]);
  // Far from every site: no town.
  assert.equal((await post({ ...valid, lat: 39.9, lon: 116.4 })).json.town, '');
});

test('bad input: 400 bad_request, nothing stored; HTML and SQL kept verbatim as JSON text', async () => {
  const before = (await get('/api/v1/me/lecture-requests', contact.token)).json.items.length;
  const cases = {
    'no topic or course': { ...valid, topic: undefined },
    'empty topic': { ...valid, topic: '' },
    'long topic': { ...valid, topic: '讲'.repeat(101) },
    'unknown course': { ...valid, course_id: 999999 },
    'no dates': { ...valid, preferred_dates: [] },
    'dates not an array': { ...valid, preferred_dates: '2026-12-10' },
    'four dates': { ...valid, preferred_dates: ['2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'] },
    'past date': { ...valid, preferred_dates: ['2026-11-30'] },
    'today': { ...valid, preferred_dates: ['2026-12-01'] },
    'over a year ahead': { ...valid, preferred_dates: ['2027-12-02'] },
    'impossible date': { ...valid, preferred_dates: ['2026-02-30'] },
    'repeated date': { ...valid, preferred_dates: ['2026-12-10', '2026-12-10'] },
    'audience 0': { ...valid, audience_size: 0 },
    'audience negative': { ...valid, audience_size: -5 },
    'audience huge': { ...valid, audience_size: 1e9 },
    'audience fraction': { ...valid, audience_size: 12.5 },
    'audience string': { ...valid, audience_size: '80' },
    'lat 91': { ...valid, lat: 91 },
    'lon -181': { ...valid, lon: -181 },
    'lat string': { ...valid, lat: '25.0' },
    'no address': { ...valid, address: undefined },
    'address with control characters': { ...valid, address: 'a\u0007b' },
    'long note': { ...valid, note: '注'.repeat(1001) },
  };
  for (const [what, body] of Object.entries(cases)) assertError(await post(body), 400, 'bad_request', what);
  for (const raw of ['{"topic":', '[1,2]', 'null', '\xff\xfe', '']) assertError(await post(raw), 400, 'bad_request', raw);
  const huge = JSON.stringify({ ...valid, note: 'x'.repeat(2 * 1024 * 1024) });
  assertError(await post(huge), 413, 'payload_too_large');
  assert.equal((await get('/api/v1/me/lecture-requests', contact.token)).json.items.length, before, 'nothing stored');

  const hostile = "<script>alert('x')</script>'; DROP TABLE lecture_requests; --";
  const stored = await post({ ...valid, topic: hostile.slice(0, 100), address: hostile, note: `${hostile}\n"quoted"` });
  assert.equal(stored.status, 201, stored.text);
  assert.match(stored.headers['content-type'], /^application\/json/);
  const again = (await get(`/api/v1/lecture-requests/${stored.json.id}`, contact.token)).json;
  assert.deepEqual([again.topic, again.address, again.note], [hostile.slice(0, 100), hostile, `${hostile}\n"quoted"`]);
});

test('staff decisions: 403 for workers, transitions, 409 for the rest, the requester notified', async () => {
  const r = (await post(valid)).json;
  assertError(await decide(r.id, { action: 'accept' }, contact.token), 403, 'forbidden');
  assertError(await get('/api/v1/admin/lecture-requests', contact.token), 403, 'forbidden');
  assertError(await get('/api/v1/admin/lecture-dashboard', contact.token), 403, 'forbidden');
  assertError(await decide(r.id, { action: 'accept' }, null), 401, 'unauthorized');
  for (const body of [{ action: 'approve' }, { action: 'schedule' }, { action: 'schedule', scheduled_at: '2026-11-30T19:00:00+08:00' },
                      { action: 'schedule', scheduled_at: 'tomorrow' }, { action: 'decline' }, { action: 'decline', reason: '' }, {}])
    assertError(await decide(r.id, body), 400, 'bad_request', JSON.stringify(body));
  assertError(await decide(999999, { action: 'accept' }), 404, 'not_found');

  let answer = await decide(r.id, { action: 'accept' });
  assert.deepEqual([answer.status, answer.json.status], [200, 'accepted']);
  assertError(await decide(r.id, { action: 'accept' }), 409, 'conflict');
  answer = await decide(r.id, { action: 'schedule', scheduled_at: '2026-12-10T19:00:00+08:00' });
  assert.deepEqual([answer.json.status, answer.json.scheduled_at], ['scheduled', '2026-12-10T19:00:00+08:00']);
  const notes = (await get('/api/v1/me/notifications', contact.token)).json.items;
  assert.deepEqual(notes.slice(0, 2).map((n) => [n.kind, n.lecture_request_id, n.booking_id]),
                   [['lecture_update', r.id, null], ['lecture_update', r.id, null]]);
  assert.match(notes[0].message, /2026-12-10 19:00/);

  const d = (await post(valid)).json;
  answer = await decide(d.id, { action: 'decline', reason: '讲师档期已满 <b>' });
  assert.deepEqual([answer.json.status, answer.json.reason], ['declined', '讲师档期已满 <b>']);
  assertError(await decide(d.id, { action: 'schedule', scheduled_at: '2026-12-10T19:00:00+08:00' }), 409, 'conflict');
  assert.match((await get('/api/v1/me/notifications', contact.token)).json.items[0].message, /讲师档期已满/);

  const pending = (await get('/api/v1/admin/lecture-requests?status=pending&limit=2')).json;
  assert.ok(pending.items.every((x) => x.status === 'pending') && pending.next_cursor !== null);
  const next = (await get(`/api/v1/admin/lecture-requests?status=pending&limit=2&cursor=${pending.next_cursor}`)).json;
  assert.ok(next.items.every((x) => x.id < pending.items[1].id), 'newest first, no repeats');
  assertError(await get('/api/v1/admin/lecture-requests?status=lost'), 400, 'bad_request');
});

test('dashboard: requests and lectures delivered per town, including the demo requests', async () => {
  const before = (await get('/api/v1/admin/lecture-dashboard')).json;
  assert.ok(before.towns.length >= 16, 'every town with sites');
  const demoDelivered = before.total.delivered;
  assert.ok(demoDelivered > 0, 'the demo data has delivered lectures');
  for (const row of before.towns)
    assert.equal(row.requests, row.pending + row.accepted + row.scheduled + row.delivered + row.declined, row.town);
  const luocheng = () => before.towns.find((t) => t.town === '螺城镇');
  const start = luocheng().requests;
  const r = (await post(valid)).json;
  await decide(r.id, { action: 'schedule', scheduled_at: '2026-12-01T09:00:00+08:00' });
  await server.call('POST', '/api/v1/test/clock', { body: { now: '2026-12-01T10:00:00+08:00' } });
  const after = (await get('/api/v1/admin/lecture-dashboard')).json;
  const row = after.towns.find((t) => t.town === '螺城镇');
  assert.equal(row.requests, start + 1);
  assert.equal(after.total.delivered, demoDelivered + 1, 'a scheduled lecture whose time passed is delivered');
  assert.equal((await get(`/api/v1/lecture-requests/${r.id}`)).json.status, 'delivered');
  assertError(await decide(r.id, { action: 'decline', reason: '太晚' }), 409, 'conflict');
  assert.equal(after.total.requests, after.towns.reduce((n, t) => n + t.requests, 0));
});
