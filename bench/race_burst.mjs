// bench/race_burst.mjs — the booking race as a benchmark: N clients (64) each with its own account and its own
// connection send POST /bookings for one slot of 10 places at the same instant; measured is the time from the
// first request sent until every client has its answer. Repeated on fresh slots (one event day each) and the
// median printed. The server must run with --test-clock and have the admin account given with --admin.
//
//   node bench/race_burst.mjs BASE_URL --admin USER:PASSWORD [--clients N] [--capacity N] [--bursts N]
//                                      [--first-day D] [--clock-on URL,URL...] [--result-line]
// The bursts use event days 2026-12-D, D+1, ... (default D = 2) at the last Workers' Home; another run on the
// same database takes other days.
import http from 'node:http';

import { jsonCall } from './json_call.mjs';

const args = process.argv.slice(2);
const base = new URL(args[0] ?? 'http://127.0.0.1:8080');
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const CLIENTS = Number(option('--clients', 64)), CAPACITY = Number(option('--capacity', 10));
const BURSTS = Number(option('--bursts', 5)), FIRST_DAY = Number(option('--first-day', 2));
const [adminUser, adminPassword] = String(option('--admin', '')).split(':');

function call(method, path, { token, body, agent = false, url = base } = {}) {
  return jsonCall(url, method, path, { token, body, agent });
}

async function main() {
  const now = '2026-12-01T08:00:00+08:00';
  for (const url of String(option('--clock-on', '')).split(',').filter(Boolean))
    if ((await call('POST', '/api/v1/test/clock', { body: { now }, url: new URL(url) })).status !== 200)
      throw new Error(`${url} must run with --test-clock`);
  if ((await call('POST', '/api/v1/test/clock', { body: { now } })).status !== 200)
    throw new Error('the server must run with --test-clock');
  const login = await call('POST', '/api/v1/auth/login', { body: { username: adminUser, password: adminPassword } });
  if (login.status !== 200) throw new Error(`admin login: ${login.status}`);
  const admin = login.json.token;
  // The last Workers' Home: booking_load.mjs books the first 20, and an event day replaces a day's slots.
  const site = (await call('GET', '/api/v1/sites?type=workers_home&limit=100')).json.items.map((s) => s.id).at(-1);
  const times = [], outcomes = [];
  for (let burst = 0; burst < BURSTS; ++burst) {
    const date = `2026-12-${String(FIRST_DAY + burst).padStart(2, '0')}`;
    const made = await call('PUT', `/api/v1/admin/sites/${site}/exceptions/${date}`,
                            { token: admin, body: { kind: 'event', note: 'race', open: '14:00', close: '16:00', capacity: CAPACITY } });
    if (made.status !== 200) throw new Error(`event day: ${made.status} ${JSON.stringify(made.json)}`);
    const [slot] = (await call('GET', `/api/v1/sites/${site}/slots?from=${date}&to=${date}`)).json.items;
    const tokens = [];
    for (let i = 0; i < CLIENTS; i += 16) {
      tokens.push(...await Promise.all(Array.from({ length: Math.min(16, CLIENTS - i) }, async (_, j) => {
        const r = await call('POST', '/api/v1/auth/register',
                             { body: { username: `race${burst}_${i + j}_${process.pid}`, password: 'Bench-pass-1', display_name: '赛跑' } });
        if (r.status !== 201) throw new Error(`register: ${r.status}`);
        return r.json.token;
      })));
    }
    // Each client its own keep-alive connection, opened and warmed before the burst, so that only the bookings
    // are timed.
    const agents = tokens.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    await Promise.all(agents.map((agent) => call('GET', '/api/v1/health', { agent })));
    const started = process.hrtime.bigint();
    const answers = await Promise.all(tokens.map((token, i) => call('POST', '/api/v1/bookings', { token, agent: agents[i], body: { slot_id: slot.id } })));
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    for (const agent of agents) agent.destroy();
    const confirmed = answers.filter((a) => a.status === 201).length;
    const refused = answers.filter((a) => a.status === 409 && a.json?.error?.code === 'slot_full').length;
    if (confirmed !== CAPACITY || refused !== CLIENTS - CAPACITY)
      throw new Error(`burst ${burst}: ${confirmed} confirmed and ${refused} slot_full, expected ${CAPACITY} and ${CLIENTS - CAPACITY}`);
    outcomes.push(`${confirmed}×201 ${refused}×409`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`race: ${CLIENTS} clients at once on one slot of ${CAPACITY} places, ${BURSTS} bursts: all answered in ` +
              `${median.toFixed(1)} ms (median; ${sorted.map((t) => t.toFixed(0)).join(', ')} ms), each ${outcomes[0]}`);
  if (args.includes('--result-line')) console.log('RESULT ' + JSON.stringify({ medianMs: median, times }));
}

main().catch((e) => { console.error(e); process.exit(1); });
