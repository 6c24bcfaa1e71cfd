// tests/api/harness.mjs — starts the real gongyou-server on a free port with a temporary database
// (--demo) and a temporary web root of small files, and talks to it through node:http. A server can be
// started with an admin account, killed with SIGKILL and restarted on the same database.
// With GONGYOU_TEST_PG=postgresql://USER@HOST:PORT (set by run_postgres.mjs), each server gets a fresh
// PostgreSQL database on that cluster instead of a SQLite file, and it is dropped by stop().
// Every server starts on a test clock standing at T0 (--test-clock T0, before the demo is seeded or a slot is
// made), so that no test depends on the real date or time of day; a test may pick another start or move it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import { clusterClient } from './pg_cluster.mjs';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const binary = process.env.GONGYOU_SERVER || path.join(repo, 'build/native/server/gongyou-server');

/** Files of the temporary web root: name -> contents. Hashed names get .br and .gz siblings. */
export const webFiles = {
  'index.html': '<!doctype html><html><head><title>工友</title><script src="app.0123abcd.js"></script></head></html>\n',
  'app.0123abcd.js': 'console.log("工友 app");\n'.repeat(20),
  'app.0123abcd.wasm': Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
  'style.css': 'body { margin: 0; }\n',
  'manifest.webmanifest': '{"name":"工友"}\n',
  'sw.js': 'self.addEventListener("fetch", () => {});\n',
};
/** A file next to the web root that no URL may reach. */
export const secretText = 'root:x:0:0:secret outside the web root';

function makeWebRoot(dir) {
  const root = path.join(dir, 'web');
  mkdirSync(root);
  for (const [name, contents] of Object.entries(webFiles)) writeFileSync(path.join(root, name), contents);
  const js = Buffer.from(webFiles['app.0123abcd.js']);
  writeFileSync(path.join(root, 'app.0123abcd.js.br'), zlib.brotliCompressSync(js));
  writeFileSync(path.join(root, 'app.0123abcd.js.gz'), zlib.gzipSync(js));
  writeFileSync(path.join(dir, 'secret.txt'), secretText);
  return root;
}

/** Tuesday 2026-12-01 08:00 in Hui'an: where every test server's clock starts (Workers' Homes open Tu–Su 09:00–21:00). */
export const T0 = '2026-12-01T08:00:00+08:00';

/** The last year of the statutory holiday table, core/data/china_public_holidays.txt, read as its header describes. */
export function holidayTableLastYear() {
  const text = readFileSync(path.join(repo, 'core/data/china_public_holidays.txt'), 'utf8');
  const years = text.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean)
    .map((line) => Number(line.slice(0, 4)));
  return Math.max(...years);
}

/** The flags that start a server's clock at `clock` (an ISO-8601 instant), or none for the system clock (null). */
function clockArgs(clock) {
  return clock === null ? [] : ['--test-clock', clock];
}

/** The admin account that startServer({ admin: true }) creates with --create-admin. */
export const adminAccount = { username: 'admin', password: 'Admin-Pass-2026' };

/** Runs gongyou-server once with `args` and `input` on stdin; resolves to { status, stderr }. */
export function runServerCommand(args, input) {
  const result = spawnSync(binary, args, { input, encoding: 'utf8', timeout: 30000 });
  return { status: result.status, stderr: result.stderr };
}

/** The PostgreSQL cluster the tests run on (GONGYOU_TEST_PG), or null for SQLite. */
export const pgCluster = process.env.GONGYOU_TEST_PG ? clusterClient(process.env.GONGYOU_TEST_PG) : null;
let databases = 0;

/** A fresh database for a server in `dir`: a SQLite file there, or a new database on the test cluster. */
export function freshDatabase(dir) {
  if (!pgCluster) return { db: path.join(dir, 'api.db'), drop() {} };
  const name = `gy_${process.pid}_${++databases}`;
  return { db: pgCluster.create(name), drop() { pgCluster.drop(name); } };
}

/** Spawns the server on `db` and resolves when it prints its address. What it prints on stderr is passed on to
 *  ours and kept (log()). */
async function launch(db, webRoot, extraArgs) {
  // The member key file beside the web root, in the test's own folder (the default for a PostgreSQL URL would be the
  // working directory, i.e. the checkout), unless the test names one.
  const keyArgs = extraArgs.includes('--member-key-file') ? [] : ['--member-key-file', path.join(path.dirname(webRoot), 'member.key')];
  const child = spawn(binary, ['--exit-with-parent', '--port', '0', '--db', db, '--demo', '--web-root', webRoot, ...keyArgs, ...extraArgs],
                      { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; process.stderr.write(chunk); });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start in 20 s')), 20000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/^listening on http:\/\/127\.0\.0\.1:(\d+)\n/);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    exited.then((code) => reject(new Error(`server exited early with ${code}`)));
  });
  return { child, exited, port, log: () => log };
}

/** Runs --create-admin for adminAccount on `db`, with the hashing flag of `extraArgs` and the clock at `clock`. */
function createAdmin(db, extraArgs, clock) {
  const made = runServerCommand(['--db', db, '--create-admin', adminAccount.username, ...clockArgs(clock),
                                 ...extraArgs.filter((a) => a === '--fast-password-hash')],
                                `${adminAccount.password}\n`);
  if (made.status !== 0) throw new Error(`--create-admin failed: ${made.stderr}`);
}

/**
 * Starts gongyou-server with a fresh database and web root, plus any `extraArgs`.
 * options.admin: first create adminAccount with --create-admin.
 * options.clock: the instant the server's test clock starts at (default T0); null runs it on the system clock,
 * without --test-clock (only for a test of that mode: nothing it checks may depend on the date).
 * Resolves to { port, dir, request(path, options), call(method, path, options), log(), stop(), kill(), restart() }:
 * log() is what the server printed on stderr since it last started; stop() sends SIGTERM, removes the directory
 * and resolves to the exit code; kill() sends SIGKILL and keeps the database; restart() starts the server again
 * on the same database with the same flags (its clock at the start instant again).
 */
export async function startServer(extraArgs = [], { admin = false, clock = T0 } = {}) {
  if (!existsSync(binary)) throw new Error(`no server binary at ${binary}: build it first`);
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-api-'));
  const webRoot = makeWebRoot(dir);
  const database = freshDatabase(dir);
  if (admin) createAdmin(database.db, extraArgs, clock);
  const args = [...clockArgs(clock), ...extraArgs];
  let running = await launch(database.db, webRoot, args);
  const server = {
    dir,
    db: database.db,
    get port() { return running.port; },
    log: () => running.log(),
    request: (urlPath, options = {}) => request(running.port, urlPath, options),
    call: (method, urlPath, options = {}) => call(running.port, method, urlPath, options),
    async stop() {
      running.child.kill('SIGTERM');
      const code = await running.exited;
      rmSync(dir, { recursive: true, force: true });
      database.drop();
      return code;
    },
    async kill() {
      running.child.kill('SIGKILL');
      return running.exited;
    },
    async restart() {
      running = await launch(database.db, webRoot, args);
    },
  };
  return server;
}

/**
 * Starts gongyou-server --demo-scale (150,000 stations, 200,000 workplaces) on a fresh SQLite file, after creating
 * adminAccount when `admin` is set. Resolves to { port, log(), stop() }: log() is what the server printed on stderr
 * (its load lines); stop() sends SIGTERM, removes the folder and resolves to the exit code.
 */
export async function startScaleServer({ admin = false, extraArgs = [], startTimeoutMs = 90000 } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-scale-'));
  const db = path.join(dir, 'scale.db');
  if (admin) createAdmin(db, extraArgs, T0);
  const child = spawn(binary, ['--exit-with-parent', '--port', '0', '--db', db, '--demo-scale', ...clockArgs(T0), ...extraArgs],
                      { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in ${startTimeoutMs / 1000} s`)),
                             startTimeoutMs);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on http:\/\/127\.0\.0\.1:(\d+)\n/);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    exited.then((code) => reject(new Error(`server exited early with ${code}: ${log}`)));
  });
  return {
    port,
    log: () => log,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

/**
 * Starts `count` servers on one fresh database (PostgreSQL only: GONGYOU_TEST_PG), one after the other (the
 * first loads the demo data), each with `extraArgs`. Resolves to an array of servers like startServer()'s;
 * stopAll() stops every one and drops the database.
 */
export async function startInstances(count, extraArgs = [], { admin = false, clock = T0 } = {}) {
  if (!pgCluster) throw new Error('several instances on one database need GONGYOU_TEST_PG');
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-api-'));
  const webRoot = makeWebRoot(dir);
  const database = freshDatabase(dir);
  if (admin) createAdmin(database.db, extraArgs, clock);
  const servers = [];
  for (let i = 0; i < count; ++i) {
    const running = await launch(database.db, webRoot, [...clockArgs(clock), ...extraArgs]);
    servers.push({
      dir, db: database.db, port: running.port,
      request: (urlPath, options = {}) => request(running.port, urlPath, options),
      call: (method, urlPath, options = {}) => call(running.port, method, urlPath, options),
      async stop() { running.child.kill('SIGTERM'); return running.exited; },
    });
  }
  servers.stopAll = async () => {
    const codes = await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
    database.drop();
    return codes;
  };
  return servers;
}

/**
 * A JSON API call: options { token, body (object, or a string/Buffer sent as is), headers, agent, timeout }.
 * Resolves like request(), with `json` already parsed (or undefined when the body is not JSON).
 */
export async function call(port, method, urlPath, { token, body, headers = {}, agent, timeout = 15000 } = {}) {
  const allHeaders = { ...headers };
  if (token) allHeaders.Authorization = `Bearer ${token}`;
  let payload = body;
  if (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)) payload = JSON.stringify(body);
  if (payload !== undefined) {
    allHeaders['Content-Type'] ??= 'application/json';
    allHeaders['Content-Length'] = Buffer.byteLength(payload);
  }
  const response = await request(port, urlPath, { method, headers: allHeaders, body: payload, agent, timeout });
  let parsed;
  try { parsed = JSON.parse(response.text); } catch { parsed = undefined; }
  return { ...response, json: parsed };
}

/**
 * One HTTP request; the path is sent exactly as given (no normalization of "..").
 * options: { method, headers, body, agent, timeout } -> { status, headers, body (Buffer), text, json }.
 */
export function request(port, urlPath, { method = 'GET', headers = {}, body, agent, timeout = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, headers, agent: agent ?? false, timeout },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const buffer = Buffer.concat(chunks);
          resolve({
            status: res.statusCode, headers: res.headers, body: buffer, text: buffer.toString('utf8'),
            json() { return JSON.parse(buffer.toString('utf8')); },
          });
        });
        res.on('error', reject);
      });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeout} ms: ${method} ${urlPath}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Great-circle distance in metres, the same formula and radius as core/geo.h. */
export function haversineMetres(a, b) {
  const R = 6371008.8, rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad, dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Walking minutes for a straight-line distance: core/geo.h's 80 m/min and detour factor 1.3. */
export const walkMinutes = (metres) => (metres * 1.3) / 80;

/** Asserts the api.md error shape: JSON {"error":{"code","message"}}. Returns the error object. */
export function errorOf(response, assert) {
  assert.match(response.headers['content-type'], /^application\/json/);
  const body = response.json();
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(typeof body.error.code, 'string');
  assert.ok(body.error.message.length > 0, 'error message is not empty');
  return body.error;
}
