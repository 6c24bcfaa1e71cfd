// tests/harness/cleanup.test.mjs — nothing is left running (issue 20.5): a test or bench that is interrupted by
// Ctrl+C (SIGINT to its whole process group), SIGTERM, or killed outright (SIGKILL to its process group, as a
// runner's timeout does) leaves no gongyou-server, PostgreSQL cluster or nginx behind.
// Each case runs the real script with TMPDIR pointing at a folder of its own: every file and every process the
// script starts names that folder (--db, -D, -c), so "left running" is "a process whose command line names it".
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The processes (pid and command line) whose command line or working directory names `dir`. */
function processesNaming(dir) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      if (cmdline.includes(dir)) found.push(`${entry}: ${cmdline}`);
    } catch { /* ended meanwhile */ }
  }
  return found;
}

/** The processes still in process group `pgid`. */
function processesInGroup(pgid) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') found.push(`${entry}: ${stat.slice(0, stat.lastIndexOf(')') + 1)}`);
    } catch { /* ended meanwhile */ }
  }
  return found;
}

/** Polls `probe` every 200 ms until it returns something truthy; throws after `ms` with `what`. */
async function waitFor(probe, ms, what) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(200);
  }
}

/** Polls until nothing names `dir` and the group `pgid` is empty; fails with what is still running after `ms`. */
async function assertNothingLeft(dir, pgid, ms) {
  const deadline = Date.now() + ms;
  let left = [];
  while (Date.now() < deadline) {
    left = [...processesNaming(dir), ...processesInGroup(pgid)];
    if (left.length === 0) return;
    await sleep(200);
  }
  assert.deepEqual(left, [], 'processes left running');
}

/** Our environment without the test runner's own variables (a `node --test` started from a test would otherwise
 *  report to our runner instead of running as a runner of its own). */
function childEnvironment() {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

/** Starts `command args` in a process group of its own with TMPDIR set to a fresh folder; resolves to
 *  { dir, child, output(), exited }. */
function startInGroup(command, args, env = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-cleanup-'));
  chmodSync(dir, 0o755);  // the postgres user must reach the clusters made inside
  const child = spawn(command, args, { cwd: repo, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
                                       env: { ...childEnvironment(), TMPDIR: dir, ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return { dir, child, output: () => output, exited };
}

/** The files and folders left in `dir` (the script's own temporary folders should be gone). */
const leftovers = (dir) => (existsSync(dir) ? readdirSync(dir) : []);

test('an API test process killed with SIGKILL takes its server with it (--exit-with-parent)', async () => {
  const run = startInGroup(process.execPath, ['--test', 'tests/harness/fixtures/server_then_wait.test.mjs']);
  try {
    await waitFor(() => existsSync(path.join(run.dir, 'ready')), 30000, `the fixture server\n${run.output()}`);
    assert.ok(processesNaming(run.dir).some((p) => p.includes('gongyou-server')), 'the server runs');
    // Only the test runner's own process: the server is a grandchild and hears nothing of it but its parent's death.
    const fileRunners = processesInGroup(run.child.pid).filter((p) => p.endsWith('(node)') && !p.startsWith(`${run.child.pid}:`));
    for (const p of fileRunners) process.kill(Number(p.split(':')[0]), 'SIGKILL');
    process.kill(run.child.pid, 'SIGKILL');
    await assertNothingLeft(run.dir, run.child.pid, 10000);
  } finally {
    try { process.kill(-run.child.pid, 'SIGKILL'); } catch { /* gone */ }
    rmSync(run.dir, { recursive: true, force: true });
  }
});

test('the PostgreSQL API run killed with SIGKILL to its whole group leaves no cluster and no server', async () => {
  const run = startInGroup(process.execPath, ['tests/api/run_postgres.mjs', 'tests/harness/fixtures/server_then_wait.test.mjs']);
  try {
    await waitFor(() => existsSync(path.join(run.dir, 'ready')), 60000, 'the fixture server on PostgreSQL');
    assert.ok(processesNaming(run.dir).some((p) => /postgres|postmaster/.test(p)), 'the cluster runs');
    process.kill(-run.child.pid, 'SIGKILL');
    await assertNothingLeft(run.dir, run.child.pid, 20000);
    await waitFor(() => !leftovers(run.dir).some((name) => name.startsWith('gongyou-pg-')), 10000, 'the cluster folder removed');
  } finally {
    try { process.kill(-run.child.pid, 'SIGKILL'); } catch { /* gone */ }
    rmSync(run.dir, { recursive: true, force: true });
  }
});

test('bench/booking_load.sh stopped by Ctrl+C (SIGINT to its group) stops its server and removes its folder', async () => {
  const run = startInGroup('bash', ['bench/booking_load.sh', '--duration', '60', '--clients', '4']);
  try {
    await waitFor(() => processesInGroup(run.child.pid).some((p) => p.includes('(node)')), 30000, 'the load to start');
    process.kill(-run.child.pid, 'SIGINT');
    assert.equal(await run.exited, 130, `the script exits with 128 + SIGINT\n${run.output()}`);
    await assertNothingLeft(run.dir, run.child.pid, 15000);
    assert.deepEqual(leftovers(run.dir), [], 'its temporary folder is removed');
  } finally {
    try { process.kill(-run.child.pid, 'SIGKILL'); } catch { /* gone */ }
    rmSync(run.dir, { recursive: true, force: true });
  }
});

test('bench/store_compare.sh: SIGTERM once PostgreSQL runs stops everything; SIGKILL to its group too', async (t) => {
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    await t.test(signal, async () => {
      const run = startInGroup('bash', ['bench/store_compare.sh', '--duration', '1', '--clients', '16']);
      try {
        await waitFor(() => processesNaming(run.dir).some((p) => /postgres|postmaster/.test(p)), 120000,
                      `the bench's PostgreSQL cluster\n${run.output()}`);
        await sleep(3000);  // pgbench, then the servers on the cluster
        if (signal === 'SIGTERM') process.kill(run.child.pid, 'SIGTERM');  // the script alone: its trap must act
        else process.kill(-run.child.pid, 'SIGKILL');  // nobody's trap runs: the watchdogs and --exit-with-parent
        await run.exited;
        await assertNothingLeft(run.dir, run.child.pid, 30000);
        if (signal === 'SIGTERM') assert.deepEqual(leftovers(run.dir), [], 'its temporary folder is removed');
      } finally {
        try { process.kill(-run.child.pid, 'SIGKILL'); } catch { /* gone */ }
        rmSync(run.dir, { recursive: true, force: true });
      }
    });
  }
});
