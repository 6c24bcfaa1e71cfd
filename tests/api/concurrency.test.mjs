// tests/api/concurrency.test.mjs — 64 keep-alive clients at once get every answer without stalls
// (cpp-httplib holds a thread per kept-alive connection), and SIGTERM still ends the server cleanly.
import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';

import { startServer } from './harness.mjs';

const CLIENTS = 64, REQUESTS_PER_CLIENT = 20;
// A stall would last a whole keep-alive timeout (5 s): far above this.
const DEADLINE_MS = 4000;

test('64 concurrent keep-alive clients, 20 nearest queries each', async (t) => {
  const server = await startServer();
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  let stopped = false;
  try {
    let connections = 0;
    const createConnection = agent.createConnection.bind(agent);
    agent.createConnection = (...args) => { ++connections; return createConnection(...args); };

    const started = Date.now();
    const client = async (c) => {
      for (let r = 0; r < REQUESTS_PER_CLIENT; ++r) {
        const lat = 24.9 + ((c * 7 + r) % 20) * 0.01, lon = 118.7 + ((c * 3 + r) % 20) * 0.01;
        const response = await server.request(`/api/v1/sites/nearest?lat=${lat}&lon=${lon}&k=10`,
                                              { agent, timeout: DEADLINE_MS });
        assert.equal(response.status, 200);
        assert.equal(response.json().items.length, 10);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    const elapsed = Date.now() - started;
    t.diagnostic(`${CLIENTS * REQUESTS_PER_CLIENT} requests in ${elapsed} ms over ${connections} connections`);
    assert.ok(elapsed < DEADLINE_MS, `all ${CLIENTS * REQUESTS_PER_CLIENT} requests took ${elapsed} ms`);
    assert.ok(connections <= CLIENTS, `connections were kept alive (${connections} opened)`);

    assert.deepEqual((await server.request('/api/v1/health')).json(), { status: 'ok' });
    // SIGTERM with 64 idle keep-alive connections still open: a prompt, clean exit.
    const stopping = Date.now();
    stopped = true;
    assert.equal(await server.stop(), 0);
    assert.ok(Date.now() - stopping < 2000, 'stopped without waiting out the keep-alive timeout');
  } finally {
    agent.destroy();
    if (!stopped) await server.stop();
  }
});
