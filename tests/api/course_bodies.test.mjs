// tests/api/course_bodies.test.mjs — every endpoint with a body added by docs/api-courses.md refuses malformed
// JSON, broken UTF-8 and 2 MiB bodies with the api.md error shape, and changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { adminToken, assertError, registerUser, startBookingServer } from './booking_helpers.mjs';

let server;
before(async () => { server = await startBookingServer(); });
after(async () => assert.equal(await server.stop(), 0));

test('enrollments, lessons, lecture requests, decisions, denials and visit rules refuse bad bodies', async () => {
  const admin = await adminToken(server);
  const worker = await registerUser(server, 'bodies');
  const course = (await server.call('GET', '/api/v1/courses?format=online&limit=1')).json.items[0].id;
  assert.equal((await server.call('POST', `/api/v1/courses/${course}/enrollments`, { token: worker.token })).status, 201,
               'no body at all is fine');
  const studio = (await server.call('GET', '/api/v1/sites?type=model_worker_studio&limit=1')).json.items[0].id;
  const lecture = (await server.call('GET', '/api/v1/admin/lecture-requests?status=pending&limit=1',
                                     { token: admin })).json.items[0].id;
  const endpoints = [['POST', `/api/v1/courses/${course}/enrollments`, worker.token],
    ['PUT', `/api/v1/me/courses/${course}/lessons/1`, worker.token], ['POST', '/api/v1/lecture-requests', worker.token],
    ['POST', `/api/v1/admin/lecture-requests/${lecture}/decision`, admin], ['POST', '/api/v1/admin/bookings/1/deny', admin],
    ['PUT', `/api/v1/admin/sites/${studio}/visit-rules`, admin]];
  for (const [method, urlPath, token] of endpoints) {
    for (const body of ['{', 'null', '[1,2]', '"text"', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])])
      assertError(await server.call(method, urlPath, { token, body }), 400, 'bad_request', `${urlPath} ${body}`);
    assertError(await server.call(method, urlPath, { token, body: Buffer.alloc(2 * 1024 * 1024, '{') }), 413,
                'payload_too_large', urlPath);
  }
  const mine = (await server.call('GET', '/api/v1/me/courses', { token: worker.token })).json.items;
  assert.deepEqual([mine.length, mine[0].lessons_done], [1, 0]);
  assert.equal((await server.call('GET', '/api/v1/me/lecture-requests', { token: worker.token })).json.items.length, 0);
  assert.equal((await server.call('GET', `/api/v1/lecture-requests/${lecture}`, { token: admin })).json.status, 'pending');
  const rules = await server.call('GET', `/api/v1/admin/sites/${studio}/visit-rules`, { token: admin });
  assert.deepEqual(rules.json, { min_group: 1, max_group: 10, approval_required: true });
});
