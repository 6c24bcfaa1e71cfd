// tests/api/errors.test.mjs — bad input of every kind gets the api.md error shape with the right status,
// changes nothing, and leaves the server healthy; hostile search text is taken literally.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { errorOf, startServer, T0 } from './harness.mjs';

let server;
let siteCount;
const countSites = async () => (await server.request('/api/v1/sites?limit=1000')).json().items.length;

before(async () => {
  server = await startServer();
  siteCount = await countSites();
});
after(async () => assert.equal(await server.stop(), 0, 'server exits 0 on SIGTERM'));

const badQueries = [
  '/api/v1/sites?bbox=1,2,3',
  '/api/v1/sites?bbox=a,b,c,d',
  '/api/v1/sites?bbox=1,2,3,4,5',
  '/api/v1/sites?bbox=10,20,5,30',
  '/api/v1/sites?bbox=-200,0,0,10',
  '/api/v1/sites?bbox=NaN,0,1,1',
  '/api/v1/sites?type=nope',
  '/api/v1/sites?type=bookstore,,water_point',
  '/api/v1/sites?limit=-1',
  '/api/v1/sites?limit=0',
  '/api/v1/sites?limit=abc',
  '/api/v1/sites?limit=1001',
  '/api/v1/sites?limit=2.5',
  '/api/v1/sites?cursor=garbage',
  '/api/v1/sites?cursor=%FF%FE',
  '/api/v1/sites?limit=5&limit=6',
  '/api/v1/sites/nearest?lat=999&lon=118',
  '/api/v1/sites/nearest?lat=25&lon=-500',
  '/api/v1/sites/nearest?lat=NaN&lon=118',
  '/api/v1/sites/nearest?lat=Infinity&lon=118',
  '/api/v1/sites/nearest?lat=25',
  '/api/v1/sites/nearest?lon=118',
  '/api/v1/sites/nearest?lat=25&lon=118&k=0',
  '/api/v1/sites/nearest?lat=25&lon=118&k=abc',
  '/api/v1/sites/nearest?lat=25&lon=118&k=101',
  '/api/v1/sites/nearest?lat=25&lon=118&type=nope',
  '/api/v1/sites/nearest?lat=25&lon=118&max_minutes=-1',
  '/api/v1/sites/nearest?lat=%2025&lon=118',
];

test('malformed query strings get 400 bad_request', async () => {
  for (const urlPath of badQueries) {
    const response = await server.request(urlPath);
    assert.equal(response.status, 400, `${urlPath}: ${response.text}`);
    assert.equal(errorOf(response, assert).code, 'bad_request', urlPath);
  }
  assert.equal((await server.request('/api/v1/health')).status, 200);
});

test('hostile search text is matched literally and never fails', async () => {
  const all = (await server.request('/api/v1/sites?limit=1000')).json().items;
  const hostile = ["'; DROP TABLE sites;--", '<script>alert(1)</script>', '%', '_', '\\', '%%', "' OR 1=1 --", '"'];
  for (const q of hostile) {
    const response = await server.request(`/api/v1/sites?limit=1000&q=${encodeURIComponent(q)}`);
    assert.equal(response.status, 200, `${q}: ${response.text}`);
    const expected = all.filter((s) => s.name.includes(q) || s.address.includes(q) || s.town.includes(q));
    assert.deepEqual(response.json().items.map((s) => s.id), expected.map((s) => s.id), q);
  }
  const broken = await server.request('/api/v1/sites?q=%FF%FE');
  assert.equal(broken.status, 200, broken.text);
  assert.deepEqual(broken.json().items, []);
  assert.equal(await countSites(), siteCount, 'every site is still there');
});

test('a 2 MiB body gets 413 payload_too_large', async () => {
  const body = Buffer.alloc(2 * 1024 * 1024, 'x');
  const response = await server.request('/api/v1/sites', {
    method: 'POST', body, headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
  });
  assert.equal(response.status, 413);
  assert.equal(errorOf(response, assert).code, 'payload_too_large');
});

test('a method an endpoint does not have gets 405 method_not_allowed', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    const response = await server.request('/api/v1/sites', {
      method, body: '{"broken json', headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(response.status, 405, method);
    assert.equal(errorOf(response, assert).code, 'method_not_allowed');
    assert.match(response.headers.allow, /GET/);
  }
  assert.equal(await countSites(), siteCount);
});

test('unknown API paths get 404 not_found', async () => {
  for (const urlPath of ['/api/v1/nope', '/api/v1', '/api/v2/health', '/api/v1/sites/1/nope', '/api']) {
    const response = await server.request(urlPath);
    assert.equal(response.status, 404, urlPath);
    assert.equal(errorOf(response, assert).code, 'not_found');
  }
});

test('without --test-clock the test clock does not exist (404)', async () => {
  const body = JSON.stringify({ now: T0 });
  const send = (on) => on.request('/api/v1/test/clock', {
    method: 'POST', body, headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
  });
  const onSystemClock = await startServer([], { clock: null });
  try {
    const response = await send(onSystemClock);
    assert.equal(response.status, 404);
    assert.equal(errorOf(response, assert).code, 'not_found');
  } finally {
    assert.equal(await onSystemClock.stop(), 0);
  }
  assert.equal((await send(server)).status, 200, 'a test server has it (its clock started at T0)');
});

test('an unparsable request line gets 400 in the error shape, not a dropped connection', async () => {
  const net = await import('node:net');
  const text = await new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
    let data = '';
    const complete = () => {  // the whole response has arrived (the connection may stay open)
      const m = data.match(/\r\nContent-Length: (\d+)\r\n[^]*?\r\n\r\n([^]*)$/i);
      return m && Buffer.byteLength(m[2]) >= Number(m[1]);
    };
    socket.on('data', (d) => { data += d; if (complete()) { socket.destroy(); resolve(data); } });
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    socket.setTimeout(3000, () => { socket.destroy(); resolve(data); });
  });
  assert.match(text, /^HTTP\/1\.1 400/);
  assert.match(text, /"code":"bad_request"/);
});

test('every response carries nosniff and the referrer policy', async () => {
  for (const urlPath of ['/api/v1/health', '/api/v1/nope', '/api/v1/sites?limit=0']) {
    const response = await server.request(urlPath);
    assert.equal(response.headers['x-content-type-options'], 'nosniff', urlPath);
    assert.equal(response.headers['referrer-policy'], 'same-origin', urlPath);
  }
});

test('the server is still healthy with every site after all of the above', async () => {
  assert.deepEqual((await server.request('/api/v1/health')).json(), { status: 'ok' });
  assert.equal(await countSites(), siteCount);
});
