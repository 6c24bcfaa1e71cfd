// bench/slow_clients.mjs — a normal client's latency while slow clients hold connections (issue 20.3): N connections
// send half a request header, then a header line every 2 s, and are opened again whenever they are dropped; meanwhile
// one client sends GET /api/v1/health and books and cancels a slot, each on a new connection, and the p50/p99 are
// printed. The slow connections come from 127.0.0.2…127.0.0.11 (ten attacker addresses), the normal one from
// 127.0.0.1.
//
//   node bench/slow_clients.mjs BASE_URL [--connections 1000] [--duration 20]
import net from 'node:net';

import { jsonCall } from './json_call.mjs';

const args = process.argv.slice(2);
const base = new URL(args[0]);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : fallback; };
const CONNECTIONS = option('--connections', 1000), DURATION_S = option('--duration', 20);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

let stopped = false, opened = 0, open = 0;
function slow(i) {
  if (stopped) return;
  ++opened; ++open;
  const socket = net.connect({ host: base.hostname, port: base.port, localAddress: `127.0.0.${2 + (i % 10)}` });
  let line = 0;
  const timer = setInterval(() => socket.write(`X-Slow-${++line}: ${'a'.repeat(20)}\r\n`), 2000);
  socket.on('connect', () => socket.write('GET /api/v1/health HTTP/1.1\r\nHost: gongyou\r\n'));
  socket.on('data', () => {});
  socket.on('error', () => {});
  socket.on('close', () => { --open; clearInterval(timer); setTimeout(() => slow(i), 100); });
}

async function timed(call) {
  const start = performance.now();
  const answer = await call();
  return { ms: performance.now() - start, answer };
}

async function main() {
  const user = `slowbench${process.pid}`;
  const registered = await jsonCall(base, 'POST', '/api/v1/auth/register',
                                    { body: { username: user, password: 'Secret-pass-1', display_name: '测速' } });
  if (registered.status !== 201) throw new Error(`register: ${registered.status}`);
  const token = registered.json.token;
  const sites = await jsonCall(base, 'GET', '/api/v1/sites?type=workers_home&limit=1');
  const from = '2026-12-02';
  const slots = (await jsonCall(base, 'GET', `/api/v1/sites/${sites.json.items[0].id}/slots?from=${from}&to=${from}`)).json.items;

  for (let i = 0; i < CONNECTIONS; ++i) { slow(i); if (i % 100 === 99) await sleep(20); }
  await sleep(3000);
  const health = [], bookings = [], failures = {};
  const deadline = Date.now() + DURATION_S * 1000;
  let n = 0;
  while (Date.now() < deadline) {
    const h = await timed(() => jsonCall(base, 'GET', '/api/v1/health'));
    if (h.answer.status === 200) health.push(h.ms); else failures[h.answer.status] = (failures[h.answer.status] ?? 0) + 1;
    const slot = slots[n++ % slots.length];
    const b = await timed(() => jsonCall(base, 'POST', '/api/v1/bookings', { token, body: { slot_id: slot.id } }));
    if (b.answer.status === 201) {
      bookings.push(b.ms);
      await jsonCall(base, 'DELETE', `/api/v1/bookings/${b.answer.json.id}`, { token });
    } else {
      failures[`book ${b.answer.status}`] = (failures[`book ${b.answer.status}`] ?? 0) + 1;
    }
    await sleep(20);
  }
  stopped = true;
  console.log(`  ${CONNECTIONS} slow-header connections (a line every 2 s, re-opened when dropped: ${opened - CONNECTIONS} ` +
              `re-opened, ${open} open at the end)`);
  console.log(`    GET /api/v1/health   n=${health.length}  p50 ${percentile(health, 50).toFixed(1)} ms  p99 ${percentile(health, 99).toFixed(1)} ms`);
  console.log(`    POST /bookings       n=${bookings.length}  p50 ${percentile(bookings, 50).toFixed(1)} ms  p99 ${percentile(bookings, 99).toFixed(1)} ms`);
  if (Object.keys(failures).length) console.log(`    not answered as expected: ${JSON.stringify(failures)}`);
  process.exit(0);
}
main().catch((e) => { console.error(e); process.exit(1); });
