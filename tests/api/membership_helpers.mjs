// tests/api/membership_helpers.mjs — shared steps of the membership tests (unions, real-name profiles, joining and
// transfer, staff scoped to their union; ../shared/design/api-services.md and docs/api-membership.md): a server, GB
// 11643 ID numbers made here with their check character, phones, the union tree found by walking it from the roots
// (never a hard-coded id), staff roles, profiles and applications, and a server started with both of its output
// streams kept (for the personal-data leak test).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { adminToken, assertError, registerUser, setClock } from './booking_helpers.mjs';
import { adminAccount, call, freshDatabase, pgCluster, runServerCommand, startServer, T0 } from './harness.mjs';

export { adminToken, assertError, registerUser, setClock, T0 };

const binary = process.env.GONGYOU_SERVER
  || path.join(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..'), 'build/native/server/gongyou-server');

/** The flags that keep a PostgreSQL server's member key file in a temporary folder of its own (on SQLite the
 *  default, beside the database file in the server's temporary folder, is used). */
function keyFileArgs() {
  if (!pgCluster) return { args: [], cleanup() {} };
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-key-'));
  return { args: ['--member-key-file', path.join(dir, 'member.key')], cleanup() { rmSync(dir, { recursive: true, force: true }); } };
}

/** Starts a server for the membership tests: --demo (the union tree), --fast-password-hash, an admin, the clock at T0. */
export async function startMembershipServer(extraArgs = []) {
  const key = keyFileArgs();
  const server = await startServer(['--fast-password-hash', ...key.args, ...extraArgs], { admin: true });
  const stop = server.stop;
  server.stop = async () => { const code = await stop(); key.cleanup(); return code; };
  return server;
}

/**
 * Starts the server like the harness does, but keeps everything it prints on stdout and stderr (the harness keeps
 * only stderr). Resolves to { port, dir, db, call(method, path, options), output(), stop() }.
 */
export async function startCapturedServer() {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-leak-'));
  const database = freshDatabase(dir);
  const keyArgs = pgCluster ? ['--member-key-file', path.join(dir, 'member.key')] : [];
  const made = runServerCommand(['--db', database.db, '--create-admin', adminAccount.username, '--test-clock', T0,
                                 '--fast-password-hash', ...keyArgs], `${adminAccount.password}\n`);
  if (made.status !== 0) throw new Error(`--create-admin failed: ${made.stderr}`);
  let output = made.stderr ?? '';
  const child = spawn(binary, ['--exit-with-parent', '--port', '0', '--db', database.db, '--demo', '--test-clock', T0,
                               '--fast-password-hash', ...keyArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 20 s')), 20000);
    const look = () => {
      const m = output.match(/listening on http:\/\/127\.0\.0\.1:(\d+)\n/);
      if (m) { clearTimeout(timer); child.stdout.off('data', look); resolve(Number(m[1])); }
    };
    child.stdout.on('data', look);
    exited.then((code) => reject(new Error(`server exited early with ${code}: ${output}`)));
  });
  return {
    port, dir, db: database.db,
    call: (method, urlPath, options = {}) => call(port, method, urlPath, options),
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      database.drop();
      return code;
    },
  };
}

// ---- ID numbers (GB 11643-1999) and phones ----

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of 17 digits: the weighted sum mod 11 indexes "10X98765432". */
export function checkCharacter(first17) {
  assert.match(first17, /^\d{17}$/);
  let sum = 0;
  for (let i = 0; i < 17; ++i) sum += Number(first17[i]) * WEIGHTS[i];
  return '10X98765432'[sum % 11];
}

/** 17 digits plus their check character. */
export const withCheck = (first17) => first17 + checkCharacter(first17);

/** True when `text` is 18 characters with a right check character and a real birth date (the test's own check). */
export function looksLikeValidIdNumber(text) {
  if (!/^\d{17}[\dX]$/.test(text) || checkCharacter(text.slice(0, 17)) !== text[17]) return false;
  const y = Number(text.slice(6, 10)), m = Number(text.slice(10, 12)), d = Number(text.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1850 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const usedIds = new Set();
let idCounter = 0;

/**
 * A fresh valid ID number no demo member has (the demo's are region 3505…): region 110105 (Beijing Chaoyang) or
 * another given, a birth date that moves with a counter and a random part, a random sequence number.
 * options.check: only a number whose check character is this one ('X' for the lower-case-x test).
 * options.birth: YYYYMMDD.
 */
export function freshIdNumber({ region = '110105', birth, check } = {}) {
  for (;;) {
    const n = ++idCounter;
    const born = birth ?? (() => {
      const day = new Date(Date.UTC(1970, 0, 1) + ((n * 7919 + process.pid + Math.floor(Math.random() * 9000)) % 12000) * 86400e3);
      return day.toISOString().slice(0, 10).replaceAll('-', '');
    })();
    const sequence = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
    const number = withCheck(`${region}${born}${sequence}`);
    if (check !== undefined && number[17] !== check) continue;
    if (usedIds.has(number)) continue;
    usedIds.add(number);
    return number;
  }
}

const usedPhones = new Set();
/** A fresh mobile number (11 digits starting with 1), by default under prefix 139. */
export function freshPhone(prefix = '139') {
  for (;;) {
    const phone = prefix + String(Math.floor(Math.random() * 10 ** (11 - prefix.length))).padStart(11 - prefix.length, '0');
    if (!usedPhones.has(phone)) { usedPhones.add(phone); return phone; }
  }
}

/** The mask the server shows for an ID number (docs/api-membership.md: the first 4 and the last 4, stars between). */
export const maskId = (number) => `${number.slice(0, 4)}${'*'.repeat(10)}${number.slice(14)}`;
/** The mask of a phone: the first 3 and the last 4 digits. */
export const maskPhone = (phone) => `${phone.slice(0, 3)}****${phone.slice(7)}`;

/** Asserts that `masked` shows an 18-character number with at most its first 4 and last 4 characters. */
export function assertMaskedId(masked, full, what = '') {
  assert.equal(typeof masked, 'string', what);
  assert.equal(masked.length, 18, `${what}: ${masked}`);
  for (let i = 0; i < 18; ++i) {
    if (i >= 4 && i < 14) assert.equal(masked[i], '*', `${what}: ${masked} shows character ${i + 1}`);
    else if (full !== undefined) assert.ok(masked[i] === full[i] || masked[i] === '*', `${what}: ${masked} vs ${full}`);
  }
}

// ---- the union tree, walked from the roots ----

/** GET /unions with a query string; asserts 200 and resolves to the items. */
export async function unions(server, query = '') {
  const response = await server.call('GET', `/api/v1/unions${query ? `?${query}` : ''}`);
  assert.equal(response.status, 200, `${query}: ${response.text}`);
  assert.ok(Array.isArray(response.json.items), response.text);
  return response.json.items;
}

/** The children of a union (up to 200). */
export const childrenOf = (server, id) => unions(server, `parent=${id}&limit=200`);

/** The root federation of a region ('huian' or 'dingxi'). */
export async function rootOf(server, region) {
  const roots = await unions(server);
  const root = roots.find((u) => u.region === region);
  assert.ok(root, `a root union of region ${region}: ${JSON.stringify(roots)}`);
  return root;
}

/** Every union below `id` (pre-order, children before grandchildren of the next child), by walking the tree. */
export async function descendantsOf(server, id) {
  const found = [];
  for (const child of await childrenOf(server, id)) {
    found.push(child);
    if (child.level !== 'grassroots' && child.child_count !== 0) found.push(...await descendantsOf(server, child.id));
  }
  return found;
}

/**
 * Walks Hui'an: its federation, the town unions below it, and for each town the grassroots unions below it
 * (directly or further down). Resolves to { huian, towns: [{ town, grassroots: [Union] }] } with only the towns
 * that have at least `minGrassroots` grassroots unions.
 */
export async function huianTree(server, minGrassroots = 2) {
  const huian = await rootOf(server, 'huian');
  const towns = [];
  for (const town of (await childrenOf(server, huian.id)).filter((u) => u.level === 'town')) {
    const grassroots = (await descendantsOf(server, town.id)).filter((u) => u.level === 'grassroots');
    if (grassroots.length >= minGrassroots) towns.push({ town, grassroots });
  }
  assert.ok(towns.length >= 2, 'Hui\'an has at least two town unions with grassroots unions');
  return { huian, towns };
}

/** GET /unions/{id}; asserts 200. */
export async function unionById(server, id) {
  const response = await server.call('GET', `/api/v1/unions/${id}`);
  assert.equal(response.status, 200, response.text);
  return response.json;
}

// ---- people ----

let nameCounter = 0;
const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const givens = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红';
/** A real name no other test uses (three Chinese characters from a counter). */
export function freshRealName() {
  const n = ++nameCounter + (process.pid % 97) * 1000;
  return surnames[n % surnames.length] + givens[Math.floor(n / surnames.length) % givens.length]
    + givens[Math.floor(n / (surnames.length * givens.length)) % givens.length];
}

/** PUT /me/member-profile with a body (object or raw string/Buffer). */
export const putProfile = (server, token, body, headers) =>
  server.call('PUT', '/api/v1/me/member-profile', { token, body, headers });
/** GET /me/member-profile. */
export const getProfile = (server, token) => server.call('GET', '/api/v1/me/member-profile', { token });

/**
 * Registers a worker and gives them a profile (fresh ID number and phone unless given); resolves to the account
 * plus { idNumber, phone, realName, profile }.
 */
export async function workerWithProfile(server, { prefix = 'member', idNumber = freshIdNumber(), phone = freshPhone(),
                                                  realName = freshRealName() } = {}) {
  const account = await registerUser(server, prefix);
  const response = await putProfile(server, account.token, { real_name: realName, id_number: idNumber, phone, consent: true });
  assert.equal(response.status, 200, response.text);
  return { ...account, idNumber, phone, realName, profile: response.json };
}

/** POST /membership/applications. */
export const apply = (server, token, body) => server.call('POST', '/api/v1/membership/applications', { token, body });
/** POST /admin/membership/applications/{id}/decision. */
export const decide = (server, token, id, body) =>
  server.call('POST', `/api/v1/admin/membership/applications/${id}/decision`, { token, body });
/** GET /admin/membership/applications?... ; resolves to the whole response. */
export const queue = (server, token, query) => server.call('GET', `/api/v1/admin/membership/applications?${query}`, { token });
/** The caller's own applications (GET /me/membership/applications), asserting 200. */
export async function myApplications(server, token) {
  const response = await server.call('GET', '/api/v1/me/membership/applications', { token });
  assert.equal(response.status, 200, response.text);
  return response.json.items;
}
/** GET /me, asserting 200. */
export async function me(server, token) {
  const response = await server.call('GET', '/api/v1/me', { token });
  assert.equal(response.status, 200, response.text);
  return response.json;
}

/** Applies (201 asserted); resolves to the Application. */
export async function applyOk(server, token, body) {
  const response = await apply(server, token, body);
  assert.equal(response.status, 201, `${JSON.stringify(body)}: ${response.text}`);
  assert.equal(response.json.status, 'pending');
  return response.json;
}

/** Decides (200 asserted); resolves to the Application. */
export async function decideOk(server, token, id, body = { decision: 'approve' }) {
  const response = await decide(server, token, id, body);
  assert.equal(response.status, 200, `${id} ${JSON.stringify(body)}: ${response.text}`);
  return response.json;
}

/** A worker with a profile who is a member of `unionId` (joined, approved by `approverToken`). */
export async function memberOf(server, approverToken, unionId, options = {}) {
  const worker = await workerWithProfile(server, options);
  const application = await applyOk(server, worker.token, { kind: 'join', union_id: unionId, reason: '入会申请' });
  const decided = await decideOk(server, approverToken, application.id);
  assert.equal(decided.status, 'approved', JSON.stringify(decided));
  return { ...worker, applicationId: application.id };
}

/** POST /admin/staff by the admin; asserts 201. */
export async function grantStaff(server, admin, username, unionId, role = 'union_staff') {
  const response = await server.call('POST', '/api/v1/admin/staff', { token: admin, body: { username, union_id: unionId, role } });
  assert.equal(response.status, 201, response.text);
  return response.json;
}

/** A new account made union staff of `unionId`; resolves to the account. */
export async function staffOf(server, admin, unionId, prefix = 'staff') {
  const account = await registerUser(server, prefix);
  const granted = await grantStaff(server, admin, account.username, unionId);
  assert.deepEqual([granted.user_id, granted.union_id, granted.role], [account.user.id, unionId, 'union_staff']);
  return account;
}

/** Every audit entry, newest first, following next_before. */
export async function auditEntries(server, admin) {
  const items = [];
  let before = null;
  for (let page = 0; page < 1000; ++page) {
    const response = await server.call('GET', `/api/v1/admin/audit?limit=200${before ? `&before=${before}` : ''}`, { token: admin });
    assert.equal(response.status, 200, response.text);
    items.push(...response.json.items);
    before = response.json.next_before;
    if (before === null || before === undefined) return items;
  }
  throw new Error('the audit log does not end');
}

/**
 * Runs the server on `db` with `args` until it says it listens (then stops it with SIGTERM) or exits by itself,
 * at most `timeoutMs`. Resolves to { listened, code, output } (output: stdout and stderr together).
 */
export function runServerUntilListening(db, args, timeoutMs = 20000) {
  return new Promise((resolve) => {
    const child = spawn(binary, ['--exit-with-parent', '--port', '0', '--db', db, '--test-clock', T0, ...args],
                        { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '', listened = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const look = (chunk) => {
      output += chunk;
      if (!listened && /listening on http:\/\/127\.0\.0\.1:\d+\n/.test(output)) { listened = true; child.kill('SIGTERM'); }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', (code, signal) => { clearTimeout(timer); resolve({ listened, code: code ?? signal, output }); });
  });
}
