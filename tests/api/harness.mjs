// tests/api/harness.mjs — starts the real gongyou-server on a free port with a temporary database
// (--demo) and a temporary web root of small files, and talks to it through node:http.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const binary = process.env.GONGYOU_SERVER || path.join(repo, 'build/native/server/gongyou-server');

/** Files of the temporary web root: name -> contents. Hashed names get .br and .gz siblings. */
export const webFiles = {
  'index.html': '<!doctype html><html><head><title>工友</title><script src="app.0123abcd.js"></script></head></html>\n',
  'app.0123abcd.js': 'console.log("工友 app");\n'.repeat(20),
  'app.0123abcd.wasm': Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
  'style.css': 'body { margin: 0; }\n',
  'manifest.webmanifest': '{"name":"工友"}\n',
};
/** A file next to the web root that no URL may reach. */
export const secretText = 'root:x:0:0:secret outside the web root';

function makeWebRoot(dir) {
  const root = path.join(dir, 'web');
  mkdirSync(root);
  for (const [name, contents] of Object.entries(webFiles)) writeFileSync(path.join(root, name), contents);
  const js = Buffer.from(webFiles['app.0123abcd.js']);
  writeFileSync(path.join(root, 'app.0123abcd.js.br'), zlib.brotliCompressSync(js));
  writeFileSync(path.join(root, 'app.0123abcd.js.gz'), zlib.gzipSync(js));
  writeFileSync(path.join(dir, 'secret.txt'), secretText);
  return root;
}

/**
 * Starts gongyou-server with a fresh database and web root, plus any `extraArgs`.
 * Resolves to { port, request(path, options), stop() }; stop() resolves to the exit code.
 */
export async function startServer(extraArgs = []) {
  if (!existsSync(binary)) throw new Error(`no server binary at ${binary}: build it first`);
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-api-'));
  const webRoot = makeWebRoot(dir);
  const child = spawn(binary, ['--port', '0', '--db', path.join(dir, 'api.db'), '--demo', '--web-root', webRoot, ...extraArgs],
                      { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start in 20 s')), 20000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/^listening on http:\/\/127\.0\.0\.1:(\d+)\n/);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    exited.then((code) => reject(new Error(`server exited early with ${code}`)));
  });
  return {
    port,
    request: (urlPath, options = {}) => request(port, urlPath, options),
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

/**
 * One HTTP request; the path is sent exactly as given (no normalization of "..").
 * options: { method, headers, body, agent, timeout } -> { status, headers, body (Buffer), text, json }.
 */
export function request(port, urlPath, { method = 'GET', headers = {}, body, agent, timeout = 5000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, headers, agent: agent ?? false, timeout },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const buffer = Buffer.concat(chunks);
          resolve({
            status: res.statusCode, headers: res.headers, body: buffer, text: buffer.toString('utf8'),
            json() { return JSON.parse(buffer.toString('utf8')); },
          });
        });
        res.on('error', reject);
      });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeout} ms: ${method} ${urlPath}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Great-circle distance in metres, the same formula and radius as core/geo.h. */
export function haversineMetres(a, b) {
  const R = 6371008.8, rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad, dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Walking minutes for a straight-line distance: core/geo.h's 80 m/min and detour factor 1.3. */
export const walkMinutes = (metres) => (metres * 1.3) / 80;

/** Asserts the api.md error shape: JSON {"error":{"code","message"}}. Returns the error object. */
export function errorOf(response, assert) {
  assert.match(response.headers['content-type'], /^application\/json/);
  const body = response.json();
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(typeof body.error.code, 'string');
  assert.ok(body.error.message.length > 0, 'error message is not empty');
  return body.error;
}
