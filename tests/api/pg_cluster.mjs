// tests/api/pg_cluster.mjs — a throwaway PostgreSQL cluster for the API tests: initdb + pg_ctl in a temporary
// directory on a free port (TCP on 127.0.0.1, trust authentication), removed when stopped. PostgreSQL refuses
// to run as root, so as root the server programs run as the `postgres` user (made by Debian's package).
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

const bin = process.env.GONGYOU_PG_BIN || '/usr/lib/postgresql/15/bin';

/** A TCP port that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
  });
}

/** Runs a PostgreSQL program (as `postgres` when we are root); throws with its output when it fails. */
function run(program, args) {
  const asRoot = userInfo().uid === 0;
  const command = asRoot ? 'runuser' : path.join(bin, program);
  const fullArgs = asRoot ? ['-u', 'postgres', '--', path.join(bin, program), ...args] : args;
  const result = spawnSync(command, fullArgs, { encoding: 'utf8', timeout: 60000 });
  if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${result.stderr || result.stdout || result.error}`);
  return result.stdout;
}

/** A watchdog in a session of its own: once this process is gone, even by SIGKILL (a test runner's timeout), it stops
 *  the cluster in `data` (immediate shutdown) and removes `dir`. Nothing when the cluster was stopped normally. */
function stopWhenWeDie(data, dir) {
  const asRoot = userInfo().uid === 0;
  const pgCtl = `${asRoot ? 'runuser -u postgres -- ' : ''}${path.join(bin, 'pg_ctl')}`;
  const script = 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; ' +
                 `[ -f "$2/postmaster.pid" ] && ${pgCtl} -D "$2" -m immediate -w stop; rm -rf "$3"`;
  spawn('sh', ['-c', script, 'watchdog', String(process.pid), data, dir], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * Starts a cluster; resolves to { url, port, dir, createDatabase(name), dropDatabase(name), stop(), restart() }.
 * url is the server's base URL without a database name (postgresql://postgres@127.0.0.1:PORT).
 */
export async function startCluster() {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-pg-'));
  if (userInfo().uid === 0) {
    const pg = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(pg.stdout), Number(gid.stdout));
  }
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  // fsync off: a test cluster never outlives a crash of the machine; it only makes the tests faster.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off ` +
                  '-c full_page_writes=off -c synchronous_commit=off';
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  start();
  stopWhenWeDie(data, dir);
  const url = `postgresql://postgres@127.0.0.1:${port}`;
  const client = (program, ...args) => run(program, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', ...args]);
  return {
    url, port, dir,
    createDatabase(name) { client('createdb', name); return `${url}/${name}`; },
    dropDatabase(name) { client('dropdb', '--force', name); },
    /** Stops the server (fast shutdown: clients are disconnected) and starts it again on the same data. */
    restart({ downMs = 0 } = {}) {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      if (downMs) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, downMs);
      start();
    },
    stopServer() { run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']); },
    startServer: start,
    stop() {
      try { run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']); } finally { rmSync(dir, { recursive: true, force: true }); }
    },
  };
}

/** createdb/dropdb on the cluster at `url` (postgresql://USER@HOST:PORT), run as the current user. */
export function clusterClient(url) {
  const { hostname, port, username } = new URL(url);
  const client = (program, ...args) => {
    const result = spawnSync(path.join(bin, program), ['-h', hostname, '-p', port, '-U', username || 'postgres', ...args],
                             { encoding: 'utf8', timeout: 60000 });
    if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${result.stderr || result.error}`);
  };
  return {
    /** Makes an empty database and returns its URL. */
    create(name) { client('createdb', name); return `${url}/${name}`; },
    /** Removes a database, disconnecting its clients. */
    drop(name) { client('dropdb', '--force', '--if-exists', name); },
  };
}
