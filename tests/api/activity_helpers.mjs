// tests/api/activity_helpers.mjs — what the activity tests share: instants relative to T0, creating an activity as
// staff, signing up and cancelling, and the lists a test reads back (api docs: docs/api-activities.md).
import assert from 'node:assert/strict';

import { T0 } from './harness.mjs';

/** T0 moved by `hours` (may be fractional or negative), as an ISO-8601 instant. */
export const at = (hours) => new Date(Date.parse(T0) + hours * 3600e3).toISOString();

/** POST /admin/activities with sensible defaults (sign-up open at T0, starting a day later); asserts 201. */
export async function createActivity(server, token, fields) {
  const body = { kind: 'sports', title: '测试活动', description: '说明', starts_at: at(24), ends_at: at(26),
                 signup_opens_at: at(-1), signup_closes_at: at(20), places: 10, ...fields };
  const response = await server.call('POST', '/api/v1/admin/activities', { token, body });
  assert.equal(response.status, 201, response.text);
  return response.json;
}

/** POST /activities/{id}/signups (body optional). */
export const signUp = (server, token, id, body, headers) =>
  server.call('POST', `/api/v1/activities/${id}/signups`, { token, body: body ?? {}, headers });

/** DELETE /activities/{id}/signups/mine. */
export const cancelMine = (server, token, id) => server.call('DELETE', `/api/v1/activities/${id}/signups/mine`, { token });

/** GET /activities/{id}; asserts 200. */
export async function activity(server, id, token) {
  const response = await server.call('GET', `/api/v1/activities/${id}`, { token });
  assert.equal(response.status, 200, response.text);
  return response.json;
}

/** GET /admin/activities/{id}/signups as staff; resolves to the whole response. */
export const staffSignups = (server, token, id) => server.call('GET', `/api/v1/admin/activities/${id}/signups`, { token });

/** POST /admin/activities/{id}/signups/{signup}/check-in. */
export const checkIn = (server, token, id, signup) =>
  server.call('POST', `/api/v1/admin/activities/${id}/signups/${signup}/check-in`, { token });
