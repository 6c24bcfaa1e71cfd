// tests/api/accounts.test.mjs — register, login, logout, /me, the password rule, tokens that expire and
// are revoked, admin-only endpoints (401 / 403) and --create-admin, through real HTTP.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { adminToken, assertError, registerUser, setClock, startBookingServer, T0 } from './booking_helpers.mjs';
import { runServerCommand } from './harness.mjs';

let server;
before(async () => { server = await startBookingServer(); });
after(async () => assert.equal(await server.stop(), 0));

const register = (body) => server.call('POST', '/api/v1/auth/register', { body });
const login = (username, password) => server.call('POST', '/api/v1/auth/login', { body: { username, password } });

test('register answers 201 with the user and a token that /me accepts', async () => {
  const response = await register({ username: 'li.ming-01', password: 'Gongyou-2026', display_name: '李明' });
  assert.equal(response.status, 201, response.text);
  const { user, token } = response.json;
  assert.deepEqual(Object.keys(user).sort(), ['display_name', 'id', 'role', 'username']);
  assert.equal(user.username, 'li.ming-01');
  assert.equal(user.display_name, '李明');
  assert.equal(user.role, 'worker');
  assert.match(token, /^[A-Za-z0-9_-]{43}$/, '32 random bytes in base64url');
  const me = await server.call('GET', '/api/v1/me', { token });
  assert.equal(me.status, 200);
  // GET /me is the user plus their staff roles and membership (api-services.md "Roles").
  const { staff, member, real_name_status: realNameStatus, ...same } = me.json;
  assert.deepEqual(same, user);
  assert.deepEqual(staff, []);
  assert.equal(member, null);
  assert.equal(realNameStatus, 'none');
});

test('a taken username (in any letter case) gets 409 conflict', async () => {
  await registerUser(server, 'taken');
  const first = await register({ username: 'Zhang_San', password: 'Gongyou-2026', display_name: '张三' });
  assert.equal(first.status, 201);
  const again = await register({ username: 'zhang_san', password: 'Other-pass-9', display_name: '另一个张三' });
  assertError(again, 409, 'conflict', 'same name, other case');
});

test('weak passwords get 400 weak_password with a Chinese and English message', async () => {
  for (const [password, username] of [['Ab1', 'weak1'], ['abcdefghij', 'weak2'], ['12345678901', 'weak3'],
                                      ['ABCDEFGHIJ', 'weak4'], ['Weak5-pass', 'Weak5-pass'], ['短密码1', 'weak6']]) {
    const response = await register({ username, password, display_name: '弱密码' });
    assertError(response, 400, 'weak_password', password);
    assert.match(response.json.error.message, /密码/);
    assert.match(response.json.error.message, /password/);
  }
  // Two kinds of characters are enough; Chinese counts as a kind of its own.
  assert.equal((await register({ username: 'strong1', password: 'abcdefg1', display_name: '强' })).status, 201);
  assert.equal((await register({ username: 'strong2', password: '工友服务平台abc', display_name: '强' })).status, 201);
});

test('bad usernames, display names and bodies get 400 bad_request and create nothing', async () => {
  const good = { username: 'valid_name', password: 'Gongyou-2026', display_name: '好名字' };
  const bad = [
    { ...good, username: 'ab' }, { ...good, username: 'x'.repeat(33) }, { ...good, username: '王五' },
    { ...good, username: 'has space' }, { ...good, username: "x'; DROP TABLE users;--" },
    { ...good, display_name: '' }, { ...good, display_name: '长'.repeat(41) }, { ...good, display_name: 'tab\there' },
    { ...good, username: 42 }, { ...good, password: ['Gongyou-2026'] }, { ...good, display_name: null },
    { username: 'valid_name', password: 'Gongyou-2026' }, { ...good, password: 'Aa1-'.repeat(100) },
  ];
  for (const body of bad) assertError(await register(body), 400, 'bad_request', JSON.stringify(body).slice(0, 80));
  for (const raw of ['{"username":', 'null', '[]', '"text"', Buffer.from('{"username":"a\xff\xfe"}', 'latin1')]) {
    const response = await server.call('POST', '/api/v1/auth/register', { body: raw });
    assertError(response, 400, 'bad_request', String(raw));
  }
  assertError(await login('valid_name', 'Gongyou-2026'), 401, 'unauthorized', 'nothing was created');
  // 40 Chinese characters are fine, and hostile text is kept literally.
  const hostile = await register({ username: 'hostile', password: 'Gongyou-2026', display_name: '<script>alert(1)</script>' });
  assert.equal(hostile.status, 201);
  assert.equal(hostile.json.user.display_name, '<script>alert(1)</script>');
  assert.equal((await register({ ...good, username: 'forty', display_name: '长'.repeat(40) })).status, 201);
});

test('login: 200 with a new token, 401 on a wrong password or unknown user', async () => {
  const account = await registerUser(server, 'login');
  const response = await login(account.username, account.password);
  assert.equal(response.status, 200);
  assert.equal(response.json.user.id, account.user.id);
  assert.notEqual(response.json.token, account.token);
  assert.equal((await server.call('GET', '/api/v1/me', { token: response.json.token })).status, 200);
  assert.equal((await login(account.username.toUpperCase(), account.password)).status, 200, 'usernames ignore case');
  assertError(await login(account.username, 'Wrong-pass-1'), 401, 'unauthorized');
  assertError(await login('nobody_here', 'Wrong-pass-1'), 401, 'unauthorized');
});

test('logout revokes only that token', async () => {
  const account = await registerUser(server, 'logout');
  const second = (await login(account.username, account.password)).json.token;
  const out = await server.call('POST', '/api/v1/auth/logout', { token: account.token });
  assert.equal(out.status, 200);
  assert.deepEqual(out.json, { status: 'ok' });
  assertError(await server.call('GET', '/api/v1/me', { token: account.token }), 401, 'unauthorized', 'revoked');
  assertError(await server.call('POST', '/api/v1/auth/logout', { token: account.token }), 401, 'unauthorized');
  assert.equal((await server.call('GET', '/api/v1/me', { token: second })).status, 200, 'the other session lives');
});

test('missing, malformed and unknown tokens get 401 unauthorized', async () => {
  assertError(await server.call('GET', '/api/v1/me'), 401, 'unauthorized', 'no header');
  for (const authorization of ['Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer not-a-token', `Bearer ${'x'.repeat(500)}`]) {
    const response = await server.call('GET', '/api/v1/me', { headers: { Authorization: authorization } });
    assertError(response, 401, 'unauthorized', authorization.slice(0, 30));
  }
});

test('tokens expire after 30 days', async () => {
  const account = await registerUser(server, 'expiry');
  await setClock(server, '2026-12-30T07:59:00+08:00');
  assert.equal((await server.call('GET', '/api/v1/me', { token: account.token })).status, 200, '29 days later');
  await setClock(server, '2026-12-31T08:00:01+08:00');
  assertError(await server.call('GET', '/api/v1/me', { token: account.token }), 401, 'unauthorized', '30 days later');
  await setClock(server, T0);
});

test('admin endpoints: 401 without a token, 403 forbidden for a worker, 200 for the admin', async () => {
  const worker = await registerUser(server, 'notadmin');
  const admin = await adminToken(server);
  const site = (await server.call('GET', '/api/v1/sites?type=workers_home&limit=1')).json.items[0].id;
  const paths = [`/api/v1/admin/sites/${site}/template`, `/api/v1/admin/sites/${site}/exceptions`,
                 `/api/v1/admin/sites/${site}/roster?date=2026-12-01`, `/api/v1/admin/sites/${site}/roster.csv`];
  for (const urlPath of paths) {
    assertError(await server.call('GET', urlPath), 401, 'unauthorized', urlPath);
    assertError(await server.call('GET', urlPath, { token: worker.token }), 403, 'forbidden', urlPath);
    assert.equal((await server.call('GET', urlPath, { token: admin })).status, 200, urlPath);
  }
  const writes = [['PUT', `/api/v1/admin/sites/${site}/template`], ['PUT', `/api/v1/admin/sites/${site}/exceptions/2026-12-05`],
                  ['DELETE', `/api/v1/admin/sites/${site}/exceptions/2026-12-05`], ['POST', '/api/v1/admin/bookings/1/check-in']];
  for (const [method, urlPath] of writes) {
    assertError(await server.call(method, urlPath, { body: {} }), 401, 'unauthorized', urlPath);
    assertError(await server.call(method, urlPath, { token: worker.token, body: {} }), 403, 'forbidden', urlPath);
  }
  const me = await server.call('GET', '/api/v1/me', { token: admin });
  assert.equal(me.json.role, 'admin');
});

test('--create-admin refuses a weak password and promotes an existing user', async () => {
  const db = server.db;
  const weak = runServerCommand(['--db', db, '--create-admin', 'second_admin', '--fast-password-hash'], 'short\n');
  assert.notEqual(weak.status, 0);
  assert.match(weak.stderr, /密码/);
  const account = await registerUser(server, 'promoted');
  const made = runServerCommand(['--db', db, '--create-admin', account.username, '--fast-password-hash'], 'New-admin-pass-7\n');
  assert.equal(made.status, 0, made.stderr);
  const response = await login(account.username, 'New-admin-pass-7');
  assert.equal(response.status, 200);
  assert.equal(response.json.user.role, 'admin');
});
