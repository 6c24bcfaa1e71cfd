// bench/json_call.mjs — the HTTP client of the Node benchmarks: one JSON request, resolved to its status and
// parsed body (an answer that is not JSON rejects, naming the request and the first bytes of what came).
import http from 'node:http';

/** `method path` on the server at `url` (a URL); options { token, body, agent } (agent false: a new connection). */
export function jsonCall(url, method, path, { token, body, agent = false } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (payload) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
    const req = http.request({ host: url.hostname, port: url.port, path, method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        try {
          resolve({ status: res.statusCode, json: text ? JSON.parse(text) : undefined });
        } catch {
          reject(new Error(`${method} ${path}: ${res.statusCode}, not JSON: ${text.slice(0, 200)}`));
        }
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}
