// tests/api/db_outage.test.mjs — PostgreSQL goes away under a running server (run by api_tests_postgres;
// skipped on SQLite): requests that need the database get 503 unavailable at once instead of hanging, requests
// that do not (health, static files) still work, and when PostgreSQL is back the server recovers by itself.
// A statement stuck behind a lock is cut off by the statement/lock timeout (--db-timeout-ms) with 503 too.
// Its own throwaway cluster, so that stopping it disturbs no other test.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';

import { book, registerUser, setClock, T0, workersHomes, slotsOn } from './booking_helpers.mjs';
import { pgCluster } from './harness.mjs';
import { startCluster } from './pg_cluster.mjs';

const skip = pgCluster ? false : 'needs PostgreSQL (api_tests_postgres)';
let cluster, server;

before(async () => {
  if (skip) return;
  cluster = await startCluster();
  process.env.GONGYOU_TEST_PG = cluster.url;  // read by the harness when it makes the server's database
  const harness = await import(`./harness.mjs?outage`);
  server = await harness.startServer(['--fast-password-hash', '--db-readers', '4',
                                                 '--db-timeout-ms', '400']);
  await setClock(server, T0);
});
after(async () => {
  if (server) assert.equal(await server.stop(), 0);
  if (cluster) cluster.stop();
});

test('PostgreSQL stops: 503 fast; it starts again: the same server answers 200 without a restart', { skip }, async () => {
  const worker = await registerUser(server, 'outage');
  const [site] = await workersHomes(server, 1);
  assert.equal((await server.call('GET', '/api/v1/me', { token: worker.token })).status, 200);

  cluster.stopServer();
  for (const [method, urlPath, body] of [['GET', '/api/v1/me'], ['GET', '/api/v1/me/bookings'],
                                          ['POST', '/api/v1/bookings', { slot_id: 1 }], ['GET', `/api/v1/sites/${site}/slots?from=2026-12-02&to=2026-12-02`]]) {
    const started = Date.now();
    const answer = await server.call(method, urlPath, { token: worker.token, body });
    assert.equal(answer.status, 503, `${method} ${urlPath} while the database is down: ${answer.text}`);
    assert.equal(answer.json.error.code, 'unavailable');
    assert.equal(answer.headers['retry-after'], '1');
    assert.ok(Date.now() - started < 1000, `${method} ${urlPath} answered in ${Date.now() - started} ms`);
  }
  assert.equal((await server.call('GET', '/api/v1/health')).status, 200, 'health needs no database');

  cluster.startServer();
  let recovered = false;
  for (let i = 0; i < 50 && !recovered; ++i) {
    recovered = (await server.call('GET', '/api/v1/me', { token: worker.token })).status === 200;
    if (!recovered) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(recovered, 'the server answers 200 again once PostgreSQL is back');
  // Every pooled connection works again: more requests at once than the pool has connections.
  const [slot] = await slotsOn(server, site, '2026-12-02');
  const answers = await Promise.all(Array.from({ length: 12 }, () => server.call('GET', '/api/v1/me', { token: worker.token })));
  assert.deepEqual([...new Set(answers.map((r) => r.status))], [200]);
  assert.equal((await book(server, worker.token, slot.id)).status, 201);
});

test('a statement stuck behind a lock gets 503 after --db-timeout-ms, and the connection is fine afterwards', { skip }, async () => {
  const [site] = await workersHomes(server, 1);
  const slotsPath = `/api/v1/sites/${site}/slots?from=2026-12-02&to=2026-12-02`;
  // Another client holds an exclusive lock on the slots table until told to roll back.
  const psql = spawn(process.env.GONGYOU_PG_BIN ? `${process.env.GONGYOU_PG_BIN}/psql` : '/usr/lib/postgresql/15/bin/psql',
                     [server.db, '-q', '-v', 'ON_ERROR_STOP=1'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const locked = new Promise((resolve) => psql.stdout.on('data', (d) => { if (String(d).includes('locked')) resolve(); }));
  psql.stdin.write("BEGIN; LOCK TABLE slots IN ACCESS EXCLUSIVE MODE; SELECT 'locked';\n");
  await locked;
  try {
    const started = Date.now();
    const answer = await server.call('GET', slotsPath);
    const took = Date.now() - started;
    assert.equal(answer.status, 503, answer.text);
    assert.ok(took >= 350 && took < 2000, `answered after the 400 ms timeout, in ${took} ms`);
  } finally {
    psql.stdin.end('ROLLBACK;\n');
    await new Promise((resolve) => psql.on('exit', resolve));
  }
  const answers = await Promise.all(Array.from({ length: 8 }, () => server.call('GET', slotsPath)));
  assert.deepEqual([...new Set(answers.map((r) => r.status))], [200]);
});
