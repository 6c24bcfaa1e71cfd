// bench/membership_bench.mjs — issue 15's target on a running gongyou-server (started by membership_bench.sh with
// --demo --demo-members 28000 --test-clock … --fast-password-hash): the federation's stats and the staff queue
// must answer in under 20 ms at p95 with 28,000 members in 324 grassroots unions. GET /api/v1/health is measured
// the same way (one keep-alive client, sequential requests) as the reference, and the ratio printed.
//
//   node bench/membership_bench.mjs BASE_URL ADMIN_TOKEN [--requests N] [--applicants N]
import http from 'node:http';

import { jsonCall } from './json_call.mjs';

const args = process.argv.slice(2);
const base = new URL(args[0]);
const adminToken = args[1];
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const REQUESTS = option('--requests', 400), APPLICANTS = option('--applicants', 300);
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const call = (method, path, { token, body } = {}) => jsonCall(base, method, path, { token, body, agent });

function checkCharacter(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return '10X98765432'[sum % 11];
}

async function must(promise, status, what) {
  const r = await promise;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}

// Pending applications for the queue: fresh accounts with profiles, each asking to join a grassroots union.
const roots = await must(call('GET', '/api/v1/unions'), 200, 'roots');
const huian = roots.items.find((u) => u.region === 'huian');
const grassroots = (await must(call('GET', `/api/v1/unions?parent=${huian.id}&level=grassroots&limit=200`), 200, 'grassroots')).items;
for (let i = 0; i < APPLICANTS; ++i) {
  const username = `bench${String(i).padStart(5, '0')}`;
  const { token } = await must(call('POST', '/api/v1/auth/register', { body: { username, password: 'Bench-Pass-2026', display_name: username } }), 201, 'register');
  const first17 = `350521${1990 + (i % 10)}0${1 + (i % 9)}${10 + (i % 19)}${String(i % 1000).padStart(3, '0')}`;
  await must(call('PUT', '/api/v1/me/member-profile', { token, body: { real_name: '测试', id_number: first17 + checkCharacter(first17), phone: `139${String(i).padStart(8, '0')}`, consent: true } }), 200, 'profile');
  await must(call('POST', '/api/v1/membership/applications', { token, body: { kind: 'join', union_id: grassroots[i % grassroots.length].id } }), 201, 'apply');
}

async function series(name, path, token) {
  const ms = [];
  for (let i = 0; i < 20; ++i) await must(call('GET', path, { token }), 200, name);  // warm-up
  for (let i = 0; i < REQUESTS; ++i) {
    const started = process.hrtime.bigint();
    const r = await call('GET', path, { token });
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (r.status !== 200) throw new Error(`${name}: ${r.status}`);
  }
  ms.sort((a, b) => a - b);
  const at = (p) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))];
  return { name, p50: at(50), p95: at(95) };
}

const stats = await must(call('GET', `/api/v1/admin/unions/${huian.id}/stats`, { token: adminToken }), 200, 'stats');
const health = await series('GET /health', '/api/v1/health');
const results = [
  health,
  await series(`GET /admin/unions/${huian.id}/stats (federation)`, `/api/v1/admin/unions/${huian.id}/stats`, adminToken),
  await series('GET /admin/membership/applications (queue)', `/api/v1/admin/membership/applications?union_id=${huian.id}&limit=100`, adminToken),
];
console.log(`membership: ${stats.members} members (${stats.verified} verified, ${(stats.verification_rate * 100).toFixed(2)} %), ` +
            `${stats.pending_applications} pending applications; ${REQUESTS} sequential requests each, one keep-alive client`);
for (const r of results) {
  const ratio = r === health ? '' : `   ${(r.p95 / health.p95).toFixed(1)}× /health`;
  const verdict = r === health ? '' : r.p95 < 20 ? '   (target < 20 ms: met)' : '   (target < 20 ms: NOT met)';
  console.log(`  ${r.name.padEnd(52)} p50 ${r.p50.toFixed(2).padStart(6)} ms   p95 ${r.p95.toFixed(2).padStart(6)} ms${ratio}${verdict}`);
}
agent.destroy();
