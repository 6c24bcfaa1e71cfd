// bench/booking_load.mjs — booking load on a running gongyou-server (started by booking_load.sh with
// --demo --test-clock 2026-12-01T08:00:00+08:00 --fast-password-hash): N keep-alive clients, each its own user, book a slot and cancel
// it in a loop (two write transactions per cycle, each with an fsync). GET /api/v1/health is measured with
// the same clients and the same Node client code as the ceiling, and the ratio is printed.
//
//   node bench/booking_load.mjs BASE_URL [--duration SECONDS] [--clients N] [--clock-on URL,URL...] [--result-line]
//                                                                       [--phase-file PATH]
// --clock-on: the instances behind BASE_URL (a proxy) whose test clocks must be set too (each process has its own).
// --result-line: also print the figures as one line "RESULT {json}" for a script to read.
// --phase-file PATH: writes "bookings" into PATH when the booking phase starts (for a script that samples it).
import fs from 'node:fs';
import http from 'node:http';

import { jsonCall } from './json_call.mjs';

const args = process.argv.slice(2);
const base = new URL(args[0] ?? 'http://127.0.0.1:8080');
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DURATION_S = option('--duration', 10), CLIENTS = option('--clients', 64);
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

function call(method, path, { token, body } = {}) {
  return jsonCall(base, method, path, { token, body, agent });
}

/** Latencies (ms) of one kind of request and its answers by status. */
class Series {
  constructor(name) { this.name = name; this.ms = []; this.statuses = {}; }
  add(ms, status) { this.ms.push(ms); this.statuses[status] = (this.statuses[status] ?? 0) + 1; }
  percentile(p) {
    const sorted = [...this.ms].sort((a, b) => a - b);
    return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
  }
  line(seconds) {
    const rps = this.ms.length / seconds;
    const statuses = Object.entries(this.statuses).map(([s, n]) => `${n}×${s}`).join(' ');
    return `  ${this.name.padEnd(30)} ${rps.toFixed(0).padStart(7)} req/s   p50 ${this.percentile(50).toFixed(2).padStart(7)} ms` +
           `   p99 ${this.percentile(99).toFixed(2).padStart(7)} ms   (${statuses})`;
  }
}

async function timed(series, promise) {
  const started = process.hrtime.bigint();
  const response = await promise;
  series.add(Number(process.hrtime.bigint() - started) / 1e6, response.status);
  return response;
}

/** Runs `loop(client)` for every client until the deadline; resolves to the elapsed seconds. */
async function phase(loop) {
  const deadline = Date.now() + DURATION_S * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => { while (Date.now() < deadline) await loop(c); }));
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** POST /api/v1/test/clock on another instance (not through the proxy). */
function setClockOn(url, now) {
  return jsonCall(new URL(url), 'POST', '/api/v1/test/clock', { body: { now } }).then((r) => r.status);
}

async function main() {
  const now = '2026-12-01T08:00:00+08:00';
  const clockIndex = args.indexOf('--clock-on');
  for (const url of clockIndex >= 0 ? args[clockIndex + 1].split(',') : []) {
    if (await setClockOn(url, now) !== 200) throw new Error(`${url} must run with --test-clock`);
  }
  const clock = await call('POST', '/api/v1/test/clock', { body: { now } });
  if (clock.status !== 200) throw new Error('the server must run with --test-clock');
  const users = await Promise.all(Array.from({ length: CLIENTS }, async (_, i) => {
    const r = await call('POST', '/api/v1/auth/register',
                         { body: { username: `bench${i}_${process.pid}`, password: 'Bench-pass-1', display_name: `压测${i}` } });
    if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json.token;
  }));
  const sites = (await call('GET', '/api/v1/sites?type=workers_home&limit=20')).json.items.map((s) => s.id);
  const slots = [];
  for (const site of sites) {
    const listing = await call('GET', `/api/v1/sites/${site}/slots?from=2026-12-02&to=2026-12-13`);
    slots.push(...listing.json.items.map((s) => s.id));
  }

  const health = new Series('GET /api/v1/health');
  const healthSeconds = await phase(() => timed(health, call('GET', '/api/v1/health')));

  const booking = new Series('POST /bookings'), cancelling = new Series('DELETE /bookings/{id}');
  const phaseFile = args.indexOf('--phase-file');
  if (phaseFile >= 0) fs.writeFileSync(args[phaseFile + 1], 'bookings\n');
  let next = 0;
  const bookingSeconds = await phase(async (c) => {
    const slot = slots[(next++ * 7919) % slots.length];
    const made = await timed(booking, call('POST', '/api/v1/bookings', { token: users[c], body: { slot_id: slot } }));
    if (made.status === 201) await timed(cancelling, call('DELETE', `/api/v1/bookings/${made.json.id}`, { token: users[c] }));
  });

  console.log(`booking load: ${CLIENTS} keep-alive clients (one user each), ${DURATION_S}s per phase, ` +
              `${slots.length} slots, Node client on the same machine`);
  console.log(health.line(healthSeconds));
  console.log(booking.line(bookingSeconds));
  console.log(cancelling.line(bookingSeconds));
  const writes = (booking.ms.length + cancelling.ms.length) / bookingSeconds;
  const ratio = (booking.ms.length / bookingSeconds) / (health.ms.length / healthSeconds);
  console.log(`  write requests (book + cancel): ${writes.toFixed(0)} req/s, each one committed durably (fsync)`);
  console.log(`  bookings / health ceiling: ${(ratio * 100).toFixed(1)} %`);
  if (args.includes('--result-line')) {
    // One machine-readable line for the scripts that compare runs (bench/store_compare.sh).
    console.log('RESULT ' + JSON.stringify({
      health: health.ms.length / healthSeconds, bookings: booking.ms.length / bookingSeconds, writes,
      bookP99: booking.percentile(99), cancelP99: cancelling.percentile(99), bookingSeconds,
    }));
  }
  agent.destroy();
}

main().catch((e) => { console.error(e); process.exit(1); });
