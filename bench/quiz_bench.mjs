// bench/quiz_bench.mjs — issue 16's target (item 3) on a running gongyou-server (started by quiz_bench.sh with
// --demo --test-clock … --fast-password-hash): a quiz's leaderboard (masked names, score, time) must answer in under
// 20 ms at p95 with 2,000 players, the seed's order of magnitude. The players are seeded through the API (register,
// start, submit random answers; about a third try twice), 16 requests in flight; the test clock is moved on between
// starts and submits so that the times on the board differ. Then, as membership_bench does, one keep-alive client
// sends sequential requests: GET /api/v1/health as the reference, the board anonymous, the board signed in as a
// player (the server reads the whole board to find the caller's rank), and the quiz list (which counts players).
// Exits non-zero when an answer is implausible (ranks, masks, the player count).
//
//   node bench/quiz_bench.mjs BASE_URL ADMIN_TOKEN [--players N] [--requests N]
import http from 'node:http';

import { jsonCall } from './json_call.mjs';

const args = process.argv.slice(2);
const base = new URL(args[0]);
const adminToken = args[1];
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PLAYERS = option('--players', 2000), REQUESTS = option('--requests', 400);
const IN_FLIGHT = 16, WAVE = 200, STEPS = 8, STEP_S = 15;  // a wave's attempts are submitted over 8 clock steps of 15 s
const seedAgent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const seedCall = (method, path, { token, body } = {}) => jsonCall(base, method, path, { token, body, agent: seedAgent });
const call = (method, path, { token, body } = {}) => jsonCall(base, method, path, { token, body, agent });

async function must(promise, status, what) {
  const r = await promise;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}

/** fn(item, index) for every item, at most `n` at a time. */
async function inPool(n, items, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  }));
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const random = (n) => Math.floor(Math.random() * n);
const elapsed = (started) => Number(process.hrtime.bigint() - started) / 1e6;

// The test clock, moved by whole seconds; printed as Asia/Shanghai time, which the server parses back.
let clock = Date.parse('2026-12-01T08:00:00+08:00');
async function moveClock(seconds) {
  clock += seconds * 1000;
  const now = new Date(clock + 8 * 3600e3).toISOString().replace(/\.\d{3}Z$/, '+08:00');
  await must(call('POST', '/api/v1/test/clock', { body: { now } }), 200, 'test clock');
}

/** Random answers: an option index, or for a multiple choice a non-empty sorted set of them. */
function randomAnswers(questions) {
  const answers = {};
  for (const q of questions) {
    if (q.kind === 'multiple') {
      const chosen = q.options.map((_, i) => i).filter(() => Math.random() < 0.5);
      answers[q.id] = chosen.length ? chosen : [random(q.options.length)];
    } else {
      answers[q.id] = random(q.options.length);
    }
  }
  return answers;
}

// --- The quiz and its players

const quiz = await must(call('POST', '/api/v1/admin/quizzes', {
  token: adminToken,
  body: { title: '基准测试答题', starts_at: '2026-12-01T08:00:00+08:00', ends_at: '2026-12-08T08:00:00+08:00',
          question_count: 10, time_limit_s: 600, attempts_per_day: 3, pass_score: 60, prize_count: 20,
          laws: ['劳动合同法', '新就业形态'] },
}), 201, 'create quiz');

const seedStarted = process.hrtime.bigint();
const KINDS = ['骑手', '快递员', '网约车司机', '货车司机'];
const players = Array.from({ length: PLAYERS },
  (_, i) => ({ i, name: `${KINDS[i % KINDS.length]}${String(i + 1).padStart(4, '0')}` }));
await inPool(IN_FLIGHT, players, async (p) => {
  const username = `quizbench${String(p.i).padStart(5, '0')}`;
  p.token = (await must(seedCall('POST', '/api/v1/auth/register',
    { body: { username, password: 'Bench-Pass-2026', display_name: p.name } }), 201, 'register')).token;
});
const registerMs = elapsed(seedStarted);

// Every player once, then about a third again: in waves of WAVE attempts, all started at one instant and submitted
// over STEPS clock steps, so durations run from STEP_S to STEPS × STEP_S seconds.
const submitMs = [];
const attempts = [...players, ...players.filter((p) => p.i % 3 === 0)];
for (let w = 0; w < attempts.length; w += WAVE) {
  const wave = attempts.slice(w, w + WAVE).map((p) => ({ p, step: random(STEPS) }));
  await inPool(IN_FLIGHT, wave, async (a) => {
    a.attempt = await must(seedCall('POST', `/api/v1/quizzes/${quiz.id}/attempts`, { token: a.p.token }), 201, 'start');
  });
  for (let step = 0; step < STEPS; ++step) {
    await moveClock(STEP_S);
    await inPool(IN_FLIGHT, wave.filter((a) => a.step === step), async (a) => {
      const started = process.hrtime.bigint();
      const result = await must(seedCall('POST', `/api/v1/quiz-attempts/${a.attempt.id}/submit`,
        { token: a.p.token, body: { answers: randomAnswers(a.attempt.questions) } }), 200, 'submit');
      submitMs.push(elapsed(started));
      a.p.best = Math.max(a.p.best ?? -1, result.score);
    });
  }
}
const seedMs = elapsed(seedStarted);
submitMs.sort((a, b) => a - b);
seedAgent.destroy();

// --- Measurements

async function series(name, path, token) {
  const ms = [];
  for (let i = 0; i < 20; ++i) await must(call('GET', path, { token }), 200, name);  // warm-up
  for (let i = 0; i < REQUESTS; ++i) {
    const started = process.hrtime.bigint();
    const r = await call('GET', path, { token });
    ms.push(elapsed(started));
    if (r.status !== 200) throw new Error(`${name}: ${r.status}`);
  }
  ms.sort((a, b) => a - b);
  return { name, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99) };
}

// The signed-in reader: a player in the middle of the board, far below the 50 rows sent.
const board = `/api/v1/quizzes/${quiz.id}/leaderboard?limit=50`;
const anonymous = await must(call('GET', board), 200, 'leaderboard');
const full = await must(call('GET', `/api/v1/quizzes/${quiz.id}/leaderboard?limit=200`), 200, 'leaderboard 200');
const reader = players[Math.floor(PLAYERS / 2)];
const signedIn = await must(call('GET', board, { token: reader.token }), 200, 'leaderboard signed in');
const list = await must(call('GET', '/api/v1/quizzes'), 200, 'quizzes');

const health = await series('GET /health', '/api/v1/health');
const results = [
  health,
  await series('GET /quizzes/{id}/leaderboard?limit=50 (anonymous)', board),
  await series('GET /quizzes/{id}/leaderboard?limit=50 (signed in)', board, reader.token),
  await series(`GET /quizzes (list, ${list.items.length} quizzes)`, '/api/v1/quizzes'),
];
agent.destroy();

// --- Plausibility

const problems = [];
const check = (ok, what) => { if (!ok) problems.push(what); };
const masked = (s) => typeof s === 'string' && /^\p{Script=Han}\*\*$/u.test(s) && KINDS.some((k) => k[0] === [...s][0]);
const best = Math.max(...players.map((p) => p.best));
check(anonymous.players === PLAYERS, `leaderboard players ${anonymous.players}, seeded ${PLAYERS}`);
check(anonymous.items.length === Math.min(50, PLAYERS), `${anonymous.items.length} leaderboard items, not 50`);
check(anonymous.me === null, 'an anonymous board has a me');
check(full.items.length === Math.min(200, PLAYERS), `${full.items.length} items asked 200`);
full.items.forEach((item, k) => {
  const before = full.items[k - 1];
  check(item.rank === k + 1, `item ${k} has rank ${item.rank}`);
  check(masked(item.display_name), `item ${k}: display name ${JSON.stringify(item.display_name)} is not masked`);
  check(Number.isInteger(item.score) && item.score >= 0 && item.score <= 100, `item ${k}: score ${item.score}`);
  check(Number.isInteger(item.duration_s) && item.duration_s >= STEP_S && item.duration_s <= STEPS * STEP_S,
        `item ${k}: duration_s ${item.duration_s}`);
  check(!before || before.score > item.score || (before.score === item.score && before.duration_s <= item.duration_s),
        `item ${k} is out of order after item ${k - 1}`);
});
check(full.items[0]?.score === best, `the top score ${full.items[0]?.score}, the best submitted ${best}`);
check(JSON.stringify(signedIn.items) === JSON.stringify(anonymous.items), 'the signed-in board shows other items');
check(signedIn.me && signedIn.me.me === true && signedIn.me.score === reader.best && signedIn.me.rank >= 1 &&
      signedIn.me.rank <= PLAYERS && masked(signedIn.me.display_name),
      `the reader's me ${JSON.stringify(signedIn.me)} (their best ${reader.best})`);
const listed = list.items.find((q) => q.id === quiz.id);
check(listed?.players === PLAYERS, `the list counts ${listed?.players} players, seeded ${PLAYERS}`);

// --- Report

const withSecond = attempts.length - PLAYERS;
console.log(`quiz: ${PLAYERS} players seeded (${withSecond} of them twice: ${attempts.length} attempts) in ` +
            `${(seedMs / 1000).toFixed(1)} s (registering ${(registerMs / 1000).toFixed(1)} s), ${IN_FLIGHT} in flight; ` +
            `submit p50 ${percentile(submitMs, 50).toFixed(2)} ms, p95 ${percentile(submitMs, 95).toFixed(2)} ms`);
console.log(`  board: top ${full.items[0].display_name} ${full.items[0].score} points in ${full.items[0].duration_s} s; ` +
            `the reader (${reader.name}) is ${signedIn.me?.display_name} at rank ${signedIn.me?.rank} of ${anonymous.players}`);
console.log(`  ${REQUESTS} sequential requests each, one keep-alive client`);
for (const r of results) {
  const ratio = r === health ? '' : `   ${(r.p95 / health.p95).toFixed(1)}× /health`;
  const leaderboard = r.name.includes('leaderboard');
  const verdict = !leaderboard ? '' : r.p95 < 20 ? '   (target < 20 ms: met)' : '   (target < 20 ms: NOT met)';
  console.log(`  ${r.name.padEnd(52)} p50 ${r.p50.toFixed(2).padStart(6)} ms   p95 ${r.p95.toFixed(2).padStart(6)} ms` +
              `   p99 ${r.p99.toFixed(2).padStart(6)} ms${ratio}${verdict}`);
}
const boards = results.filter((r) => r.name.includes('leaderboard'));
const worst = Math.max(...boards.map((r) => r.p95));
console.log(`${worst < 20 ? 'PASS' : 'FAIL'}: leaderboard p95 under 20 ms at ${PLAYERS} players ` +
            `(worst p95 ${worst.toFixed(2)} ms, ${boards.find((r) => r.p95 === worst).name.match(/\((.*)\)/)[1]})`);
if (problems.length) {
  console.error(`implausible answers (${problems.length}):`);
  for (const p of problems.slice(0, 20)) console.error(`  ${p}`);
  process.exit(1);
}
