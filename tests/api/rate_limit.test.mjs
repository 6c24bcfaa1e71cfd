// tests/api/rate_limit.test.mjs — wrong passwords are limited per username (5 in 15 minutes) and per client
// address (20 in 15 minutes) with 429 rate_limited and Retry-After; the counts live in the database.
// Its own server: every test here logs in from 127.0.0.1, which the address limit then blocks.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertError, registerUser, setClock, startBookingServer } from './booking_helpers.mjs';

let server;
// 127.0.0.1 is a trusted proxy here: requests without X-Forwarded-For still count as 127.0.0.1.
before(async () => { server = await startBookingServer(['--trusted-proxy', '127.0.0.1']); });
after(async () => assert.equal(await server.stop(), 0));

const login = (username, password) => server.call('POST', '/api/v1/auth/login', { body: { username, password } });

test('5 wrong passwords for one username: the 6th attempt gets 429 with Retry-After, even with the right password', async () => {
  const account = await registerUser(server, 'limited');
  const other = await registerUser(server, 'unlimited');
  await setClock(server, '2026-12-01T08:00:00+08:00');
  for (let i = 0; i < 5; ++i) assertError(await login(account.username, `Wrong-pass-${i}`), 401, 'unauthorized', `attempt ${i + 1}`);
  const limited = await login(account.username, account.password);
  assertError(limited, 429, 'rate_limited', 'sixth attempt');
  assert.equal(limited.headers['retry-after'], '900', 'the oldest of the 5 failures leaves the window in 15 minutes');
  assert.equal((await login(other.username, other.password)).status, 200, 'another username is not limited');
  await setClock(server, '2026-12-01T08:10:00+08:00');
  assert.equal((await login(account.username, account.password)).headers['retry-after'], '300');
  await setClock(server, '2026-12-01T08:15:01+08:00');
  assert.equal((await login(account.username, account.password)).status, 200, 'allowed again after 15 minutes');
});

test('20 wrong passwords from one address: every login from it gets 429 until the window passes', async () => {
  await setClock(server, '2026-12-02T08:00:00+08:00');
  const account = await registerUser(server, 'victim');
  for (let i = 0; i < 20; ++i) assertError(await login(`stranger${i}`, 'Wrong-pass-1'), 401, 'unauthorized', `attempt ${i + 1}`);
  const blocked = await login(account.username, account.password);
  assertError(blocked, 429, 'rate_limited', 'address limit');
  assert.ok(Number(blocked.headers['retry-after']) > 0);
  await setClock(server, '2026-12-02T08:15:01+08:00');
  assert.equal((await login(account.username, account.password)).status, 200);
});

test('behind a trusted proxy the address limit counts X-Forwarded-For clients, not the proxy', async () => {
  await setClock(server, '2026-12-03T08:00:00+08:00');
  const account = await registerUser(server, 'proxied');
  const from = (address, username, password) =>
    server.call('POST', '/api/v1/auth/login', { body: { username, password }, headers: { 'X-Forwarded-For': address } });
  for (let i = 0; i < 20; ++i) assertError(await from('203.0.113.7', `stranger${i}`, 'Wrong-pass-1'), 401, 'unauthorized');
  assertError(await from('203.0.113.7', account.username, account.password), 429, 'rate_limited');
  assert.equal((await from('198.51.100.2', account.username, account.password)).status, 200, 'another client behind the proxy');
  assert.equal((await from('10.0.0.1, 198.51.100.9', account.username, account.password)).status, 200, 'the last entry counts');
});
