// tests/api/full_disk.test.mjs — SQLite's disk fills up under a running server (issue 20.4; skipped on PostgreSQL,
// whose outage is db_outage.test.mjs): writes answer 503 unavailable in the api.md shape, reads keep working,
// nothing acknowledged is lost, and once space is back writes work again without a restart.
// The disk is a real small file system: a 24 MiB tmpfs mounted for this test (mount needs root; the test is skipped
// without it), filled with a filler file until ENOSPC. A read-only remount cannot stand in for "the file turns
// read-only": Linux refuses it (EBUSY) while the server holds the database open for writing, and chmod does not stop
// root; SQLITE_READONLY is mapped to 503 like SQLITE_FULL (server/store/sqlite/sqlite_connection.cpp).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { assertError, book, registerUser, slotsOn, startBookingServer, workersHomes } from './booking_helpers.mjs';
import { pgCluster } from './harness.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Mounts a tmpfs of `size` at a new folder; resolves to its path, or null when this machine does not let us. */
function mountSmallDisk(size) {
  if (pgCluster || userInfo().uid !== 0) return null;
  const point = mkdtempSync(path.join(tmpdir(), 'gongyou-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', point], { encoding: 'utf8' });
  if (mounted.status !== 0) { rmdirSync(point); return null; }
  return point;
}

/** Fills the file system of `dir` until ENOSPC; returns the filler's path. */
function fillDisk(dir) {
  const filler = path.join(dir, 'filler');
  const fd = openSync(filler, 'w');
  try {
    for (let chunk = 1 << 20; chunk >= 512; chunk >>= 1) {
      const bytes = Buffer.alloc(chunk, 0x55);
      for (;;) {
        try { writeSync(fd, bytes); } catch (e) { if (e.code === 'ENOSPC') break; throw e; }
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}

const disk = mountSmallDisk('24m');
const skip = pgCluster ? 'SQLite only (PostgreSQL: db_outage.test.mjs)' : disk ? false : 'needs root to mount a small tmpfs';
let server;
before(async () => {
  if (skip) return;
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = disk;  // the harness makes the server's folder (database, web root) in os.tmpdir()
  try { server = await startBookingServer(); } finally { if (saved === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = saved; }
});
after(async () => {
  if (server) assert.equal(await server.stop(), 0);
  if (disk) { spawnSync('umount', [disk]); rmSync(disk, { recursive: true, force: true }); }
});

test('a full disk: writes get 503 unavailable, reads work, nothing acknowledged is lost, writes work again without a restart', { skip }, async () => {
  const worker = await registerUser(server, 'before');
  const [home] = await workersHomes(server);
  const [slot] = await slotsOn(server, home, '2026-12-02');
  const booked = await book(server, worker.token, slot.id);
  assert.equal(booked.status, 201, booked.text);

  const filler = fillDisk(disk);
  // Writes now fail once SQLite needs a page the disk no longer has (the WAL's free space may take a few first).
  const acknowledged = [];
  let refused = null;
  for (let i = 0; i < 3000 && !refused; ++i) {
    const answer = await server.call('POST', '/api/v1/auth/register',
                                     { body: { username: `full${i}_${process.pid}`, password: 'Secret-pass-1', display_name: `满盘${i}` } });
    if (answer.status === 201) acknowledged.push(`full${i}_${process.pid}`);
    else refused = answer;
  }
  assert.ok(refused, 'a write is refused once the disk is full');
  assertError(refused, 503, 'unavailable', 'a write on a full disk');
  assert.ok(Number(refused.headers['retry-after']) >= 1, 'Retry-After');
  const bookingRefused = await book(server, worker.token, (await slotsOn(server, home, '2026-12-03'))[0].id);
  assertError(bookingRefused, 503, 'unavailable', 'a booking on a full disk');

  // Reads keep working, and they show what was acknowledged.
  assert.equal((await server.call('GET', `/api/v1/sites/${home}`)).status, 200);
  const mine = await server.call('GET', '/api/v1/me/bookings', { token: worker.token });
  assert.equal(mine.status, 200, mine.text);
  assert.ok(mine.json.items.some((b) => b.id === booked.json.id), 'the booking made before is still there');

  // Space is back: the same server writes again.
  unlinkSync(filler);
  let again;
  for (let i = 0; i < 50; ++i) {
    again = await book(server, worker.token, (await slotsOn(server, home, '2026-12-03'))[0].id);
    if (again.status !== 503) break;
    await sleep(100);
  }
  assert.equal(again.status, 201, again.text);

  // Nothing acknowledged was lost: after a kill -9 and a restart, the booking and the last registered users are there.
  await server.kill();
  await server.restart();
  const after = await server.call('GET', '/api/v1/me/bookings', { token: worker.token });
  assert.equal(after.status, 200, after.text);
  for (const id of [booked.json.id, again.json.id]) assert.ok(after.json.items.some((b) => b.id === id), `booking ${id} kept`);
  for (const username of acknowledged.slice(-3)) {
    const login = await server.call('POST', '/api/v1/auth/login', { body: { username, password: 'Secret-pass-1' } });
    assert.equal(login.status, 200, `${username}, registered (201) just before the disk filled, can log in`);
  }
});
