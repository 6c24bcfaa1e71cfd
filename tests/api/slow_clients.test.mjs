// tests/api/slow_clients.test.mjs — slow and greedy clients (issue 20.3). 300 connections that send half a request
// header and then a line every 2 s (re-opened when dropped) do not slow /health or a booking from a normal client
// (p99 < 200 ms), even on a server with only 64 threads: waiting connections hold no thread. A header that trickles
// past --header-timeout-ms gets 408; connections beyond --connections-per-address and requests beyond
// --requests-per-address get 429 rate_limited in the api.md shape. The slow clients come from other loopback
// addresses (127.0.0.2…) than the normal client (127.0.0.1), as an attacker's would.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';

import { book, registerUser, slotsOn, startBookingServer, workersHomes } from './booking_helpers.mjs';
import { errorOf, request } from './harness.mjs';

const SLOW_CONNECTIONS = 300, SLOW_ADDRESSES = ['127.0.0.2', '127.0.0.3', '127.0.0.4'], LINE_EVERY_MS = 2000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];

/** Holds `count` slowloris connections: half a header, then a header line every LINE_EVERY_MS; a dropped connection is
 *  opened again. stop() ends them; opened() counts the connections made. */
function slowloris(port, count) {
  const sockets = new Set();
  let stopped = false, opened = 0;
  const open = (i) => {
    if (stopped) return;
    ++opened;
    const socket = net.connect({ host: '127.0.0.1', port, localAddress: SLOW_ADDRESSES[i % SLOW_ADDRESSES.length] });
    sockets.add(socket);
    let line = 0;
    const timer = setInterval(() => socket.write(`X-Slow-${++line}: ${'a'.repeat(20)}\r\n`), LINE_EVERY_MS);
    socket.on('connect', () => socket.write('GET /api/v1/health HTTP/1.1\r\nHost: gongyou\r\n'));
    socket.on('data', () => {});
    socket.on('error', () => {});
    socket.on('close', () => { clearInterval(timer); sockets.delete(socket); setTimeout(() => open(i), 50); });
  };
  for (let i = 0; i < count; ++i) open(i);
  return {
    opened: () => opened,
    open: () => sockets.size,
    stop() { stopped = true; for (const s of sockets) s.destroy(); },
  };
}

/** Milliseconds one call takes. */
async function timed(call) {
  const start = performance.now();
  const response = await call();
  return { ms: performance.now() - start, response };
}

/** A raw connection from `localAddress` that sends `text` (if any); resolves to { socket, answer: Promise<string> }
 *  where the answer is everything the server sent until it closed. */
function rawConnection(port, localAddress, text) {
  const socket = net.connect({ host: '127.0.0.1', port, localAddress });
  let received = '';
  const answer = new Promise((resolve) => {
    socket.on('data', (chunk) => { received += chunk; });
    socket.on('close', () => resolve(received));
    socket.on('error', () => {});
  });
  const connected = new Promise((resolve) => socket.on('connect', resolve));
  if (text) connected.then(() => socket.write(text));
  return { socket, connected, answer };
}

/** The status and parsed error body of a raw HTTP answer. */
function parseRaw(answer) {
  const [head, body] = [answer.slice(0, answer.indexOf('\r\n\r\n')), answer.slice(answer.indexOf('\r\n\r\n') + 4)];
  const headers = Object.fromEntries(head.split('\r\n').slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(head.split(' ')[1]), headers, json: () => JSON.parse(body) };
}

let server;
before(async () => { server = await startBookingServer(['--max-threads', '64']); });
after(async () => assert.equal(await server.stop(), 0));

test(`${SLOW_CONNECTIONS} slow-header connections: /health and a booking answer a normal client within 200 ms at p99`, async (t) => {
  const worker = await registerUser(server, 'steady');
  const [home] = await workersHomes(server);
  const slots = await slotsOn(server, home, '2026-12-02');
  const attack = slowloris(server.port, SLOW_CONNECTIONS);
  try {
    for (let i = 0; i < 100 && attack.open() < SLOW_CONNECTIONS; ++i) await sleep(50);
    await sleep(LINE_EVERY_MS + 500);  // a line or two has trickled in on every connection
    assert.ok(attack.open() >= SLOW_CONNECTIONS * 0.9, `the slow connections are held open (${attack.open()})`);
    const health = [];
    for (let i = 0; i < 100; ++i) {
      const { ms, response } = await timed(() => request(server.port, '/api/v1/health', { timeout: 15000 }));
      assert.equal(response.status, 200);
      health.push(ms);
    }
    const bookings = [];
    for (const slot of slots.slice(0, 10)) {
      const { ms, response } = await timed(() => book(server, worker.token, slot.id));
      assert.equal(response.status, 201, response.text);
      bookings.push(ms);
      const cancelled = await server.call('DELETE', `/api/v1/bookings/${response.json.id}`, { token: worker.token });
      assert.equal(cancelled.status, 200, cancelled.text);
    }
    t.diagnostic(`${attack.open()} slow connections open, ${attack.opened()} opened; /health p50 ${percentile(health, 50).toFixed(1)} ms, ` +
                 `p99 ${percentile(health, 99).toFixed(1)} ms; booking p50 ${percentile(bookings, 50).toFixed(1)} ms, ` +
                 `max ${Math.max(...bookings).toFixed(1)} ms`);
    assert.ok(percentile(health, 99) < 200, `/health p99 ${percentile(health, 99).toFixed(1)} ms`);
    assert.ok(percentile(bookings, 99) < 200, `booking p99 ${percentile(bookings, 99).toFixed(1)} ms`);
  } finally {
    attack.stop();
  }
});

let limited;
before(async () => {
  limited = await startBookingServer(['--header-timeout-ms', '1000', '--connections-per-address', '5',
                                      '--requests-per-address', '1', '--request-burst', '10']);
});
after(async () => assert.equal(await limited.stop(), 0));

test('a header that trickles in for longer than --header-timeout-ms gets 408 request_timeout and is closed', async () => {
  const start = performance.now();
  const slow = rawConnection(limited.port, '127.0.0.5', 'GET /api/v1/health HTTP/1.1\r\nHost: gongyou\r\n');
  const trickle = setInterval(() => slow.socket.write('X-Slow: a\r\n'), 200);
  try {
    const answer = parseRaw(await slow.answer);
    const elapsed = performance.now() - start;
    assert.equal(answer.status, 408);
    assert.equal(errorOf(answer, assert).code, 'request_timeout');
    assert.ok(elapsed >= 900 && elapsed < 5000, `closed after ${elapsed.toFixed(0)} ms (limit 1000 ms)`);
  } finally {
    clearInterval(trickle);
  }
  // A connection that never sends anything is closed quietly at the same deadline.
  const silent = rawConnection(limited.port, '127.0.0.5');
  assert.equal(await silent.answer, '');
});

test('connections beyond --connections-per-address get 429 rate_limited; other addresses and freed places are served', async () => {
  const held = Array.from({ length: 5 }, () => rawConnection(limited.port, '127.0.0.6'));
  await Promise.all(held.map((c) => c.connected));
  await sleep(100);
  const sixth = rawConnection(limited.port, '127.0.0.6', 'GET /api/v1/health HTTP/1.1\r\nHost: gongyou\r\n\r\n');
  const refused = parseRaw(await sixth.answer);
  assert.equal(refused.status, 429);
  assert.equal(errorOf(refused, assert).code, 'rate_limited');
  assert.equal(refused.headers['retry-after'], '1');
  const other = rawConnection(limited.port, '127.0.0.7', 'GET /api/v1/health HTTP/1.1\r\nHost: gongyou\r\nConnection: close\r\n\r\n');
  assert.equal(parseRaw(await other.answer).status, 200, 'another address is not limited');
  held[0].socket.destroy();
  await sleep(200);
  const again = rawConnection(limited.port, '127.0.0.6', 'GET /api/v1/health HTTP/1.1\r\nHost: gongyou\r\nConnection: close\r\n\r\n');
  assert.equal(parseRaw(await again.answer).status, 200, 'a freed place is served');
  for (const c of held) c.socket.destroy();
});

test('requests beyond --requests-per-address (after the burst) get 429 rate_limited with Retry-After', async () => {
  const start = performance.now();
  const statuses = [];
  let refused;
  for (let i = 0; i < 20; ++i) {
    const answer = await new Promise((resolve) => {
      const c = rawConnection(limited.port, '127.0.0.8', 'GET /api/v1/health HTTP/1.1\r\nHost: gongyou\r\nConnection: close\r\n\r\n');
      c.answer.then((text) => resolve(parseRaw(text)));
    });
    statuses.push(answer.status);
    if (answer.status === 429) refused ??= answer;
  }
  const seconds = (performance.now() - start) / 1000;
  const allowed = statuses.filter((s) => s === 200).length;
  assert.ok(allowed >= 10, `the burst of 10 is served (${statuses})`);
  assert.ok(allowed <= 10 + Math.ceil(seconds) + 1, `then about 1 per second (${allowed} in ${seconds.toFixed(1)} s)`);
  assert.ok(refused, 'some requests are refused');
  assert.equal(errorOf(refused, assert).code, 'rate_limited');
  assert.ok(Number(refused.headers['retry-after']) >= 1);
  const other = rawConnection(limited.port, '127.0.0.9', 'GET /api/v1/health HTTP/1.1\r\nHost: gongyou\r\nConnection: close\r\n\r\n');
  assert.equal(parseRaw(await other.answer).status, 200, 'another address is not limited');
});
