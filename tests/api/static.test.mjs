// tests/api/static.test.mjs — the front end served from --web-root: MIME types, precompressed siblings,
// cache lifetimes, security headers, the single-page fallback, and no way out of the root.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';

import { errorOf, secretText, startServer, webFiles } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => assert.equal(await server.stop(), 0, 'server exits 0 on SIGTERM'));

const js = '/app.0123abcd.js';

test('MIME types', async () => {
  const expected = {
    '/app.0123abcd.wasm': 'application/wasm',
    [js]: 'text/javascript; charset=utf-8',
    '/index.html': 'text/html; charset=utf-8',
    '/style.css': 'text/css; charset=utf-8',
    '/manifest.webmanifest': 'application/manifest+json',
  };
  for (const [urlPath, type] of Object.entries(expected)) {
    const response = await server.request(urlPath);
    assert.equal(response.status, 200, urlPath);
    assert.equal(response.headers['content-type'], type, urlPath);
    assert.equal(response.headers['x-content-type-options'], 'nosniff', urlPath);
  }
  const wasm = await server.request('/app.0123abcd.wasm');
  assert.deepEqual(wasm.body, webFiles['app.0123abcd.wasm']);
});

test('precompressed siblings: br preferred, then gzip, else identity', async () => {
  const original = Buffer.from(webFiles['app.0123abcd.js']);
  const br = await server.request(js, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.deepEqual(zlib.brotliDecompressSync(br.body), original);
  const gzip = await server.request(js, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.deepEqual(zlib.gunzipSync(gzip.body), original);
  const refused = await server.request(js, { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' } });
  const identity = await server.request(js);
  for (const response of [refused, identity]) {
    assert.equal(response.headers['content-encoding'], undefined);
    assert.deepEqual(response.body, original);
  }
  for (const response of [br, gzip, identity]) {
    assert.equal(response.headers.vary, 'Accept-Encoding');
    assert.equal(response.headers['content-type'], 'text/javascript; charset=utf-8');
  }
});

test('cache lifetimes: hashed names immutable, index.html no-cache, others short', async () => {
  assert.equal((await server.request(js)).headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal((await server.request('/app.0123abcd.wasm')).headers['cache-control'],
               'public, max-age=31536000, immutable');
  assert.equal((await server.request('/index.html')).headers['cache-control'], 'no-cache');
  assert.equal((await server.request('/')).headers['cache-control'], 'no-cache');
  assert.equal((await server.request('/sw.js')).headers['cache-control'], 'no-cache', 'the service worker updates at once');
  assert.match((await server.request('/style.css')).headers['cache-control'], /^public, max-age=\d{1,4}$/);
});

test('HTML carries the Content-Security-Policy; / and extension-less paths are index.html', async () => {
  for (const urlPath of ['/', '/index.html', '/map', '/sites/12']) {
    const response = await server.request(urlPath);
    assert.equal(response.status, 200, urlPath);
    assert.equal(response.text, webFiles['index.html'], urlPath);
    const csp = response.headers['content-security-policy'];
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(response.headers['referrer-policy'], 'same-origin');
  }
  assert.equal((await server.request(js)).headers['content-security-policy'], undefined);
});

test('a missing file with an extension is 404 in the error shape', async () => {
  const response = await server.request('/missing.0123abcd.js');
  assert.equal(response.status, 404);
  assert.equal(errorOf(response, assert).code, 'not_found');
});

test('no path leaves the web root', async () => {
  const attempts = [
    '/../secret.txt', '/../../etc/passwd', '/../../../../../../etc/passwd', '/%2e%2e/secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/sub/../../secret.txt',
    '/..%5csecret.txt', '/index.html%00.js', '/%00', '/./index.html/../../secret.txt',
  ];
  for (const urlPath of attempts) {
    const response = await server.request(urlPath);
    assert.ok([400, 404].includes(response.status), `${urlPath}: ${response.status}`);
    assert.ok(!response.text.includes('root:'), `${urlPath} leaked a file`);
    assert.ok(!response.text.includes(secretText), urlPath);
    errorOf(response, assert);
  }
  // An absolute-looking path stays inside the root: with no extension it is a page route.
  const absolute = await server.request('//etc/passwd');
  assert.equal(absolute.text, webFiles['index.html']);
});

test('static files are read-only', async () => {
  const response = await server.request('/index.html', { method: 'POST', body: 'x' });
  assert.equal(response.status, 405);
  assert.equal(errorOf(response, assert).code, 'method_not_allowed');
});
