// tests/api/quiz_helpers.mjs — shared steps of the quiz tests (../shared/design/api-services.md "Quizzes",
// docs/api-quizzes.md): the demo quizzes by status, the bank as staff see it (the only place the right options are
// read before a submit), answering an attempt right or wrong from the bank, quizzes made by the test with windows on
// the test's clock, and the draw recomputed here from what the server published (node:crypto, not the server's code).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

/** The lowercase hex SHA-256 of a string's UTF-8 bytes. */
export const sha256 = (text) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

/** The winners of a draw, recomputed from seed and entrants as its `algorithm` says (api-services.md "Draw"). */
export function recomputeWinners(seed, entrants, winners) {
  const left = [...entrants].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const drawn = [];
  for (let k = 0; k < winners && left.length > 0; ++k) {
    const digest = createHash('sha256').update(Buffer.from(`${seed}:${k}`, 'utf8')).digest();
    const x = digest.readBigUInt64BE(0);
    const i = Number(x % BigInt(left.length));
    drawn.push(left.splice(i, 1)[0]);
  }
  return drawn;
}

/** GET /quizzes, asserting 200; resolves to the items. */
export async function quizzes(server, token) {
  const response = await server.call('GET', '/api/v1/quizzes', { token });
  assert.equal(response.status, 200, response.text);
  return response.json.items;
}

/** The first demo quiz in `status` (open, closed, upcoming). */
export async function demoQuiz(server, status) {
  const found = (await quizzes(server)).find((q) => q.status === status);
  assert.ok(found, `a demo quiz ${status}`);
  return found;
}

/** Every question of the bank as the admin sees it (with correct_options), by id. */
export async function bank(server, admin) {
  const byId = new Map();
  let after = 0;
  for (let page = 0; page < 100; ++page) {
    const response = await server.call('GET', `/api/v1/admin/quiz-questions?limit=200&retired=1&after=${after}`, { token: admin });
    assert.equal(response.status, 200, response.text);
    for (const q of response.json.items) byId.set(q.id, q);
    if (response.json.next_after === null) break;
    after = response.json.next_after;
  }
  return byId;
}

/** The shown indexes of the right options of one attempt question, found from the bank by option text. */
export function rightShown(question, banked) {
  const rightTexts = banked.correct_options.map((i) => banked.options[i]);
  return question.options.map((text, i) => (rightTexts.includes(text) ? i : -1)).filter((i) => i >= 0);
}

/** An answers object for an attempt: every question right (or, with `wrong`, the first `wrong` of them wrong). */
export function answersFor(attempt, bankById, { wrong = 0 } = {}) {
  const answers = {};
  attempt.questions.forEach((q, n) => {
    const banked = bankById.get(q.id);
    assert.ok(banked, `question ${q.id} is in the bank`);
    const right = rightShown(q, banked);
    const pick = n < wrong ? [q.options.findIndex((_, i) => !right.includes(i))] : right;
    answers[q.id] = q.kind === 'multiple' ? pick : pick[0];
  });
  return answers;
}

/** POST /quizzes/{id}/attempts. */
export const startAttempt = (server, token, quizId) => server.call('POST', `/api/v1/quizzes/${quizId}/attempts`, { token });

/** Starts an attempt, asserting 201; resolves to it. */
export async function startOk(server, token, quizId) {
  const response = await startAttempt(server, token, quizId);
  assert.equal(response.status, 201, response.text);
  return response.json;
}

/** POST /quiz-attempts/{id}/submit. */
export const submit = (server, token, attemptId, answers) =>
  server.call('POST', `/api/v1/quiz-attempts/${attemptId}/submit`, { token, body: { answers } });

/** PUT /quiz-attempts/{id}/answers. */
export const saveAnswers = (server, token, attemptId, answers) =>
  server.call('PUT', `/api/v1/quiz-attempts/${attemptId}/answers`, { token, body: { answers } });

/** Creates a quiz of the admin's (or a staff member's) union; the window in ISO-8601, other fields defaulted. */
export async function createQuiz(server, token, fields) {
  const body = { title: '测试答题', question_count: 4, time_limit_s: 300, attempts_per_day: 3, pass_score: 60,
                 prize_count: 2, laws: ['劳动法'], ...fields };
  const response = await server.call('POST', '/api/v1/admin/quizzes', { token, body });
  assert.equal(response.status, 201, response.text);
  return response.json;
}

/** ISO-8601 in Asia/Shanghai of T0 plus `seconds`. */
export function shanghaiPlus(iso, seconds) {
  const t = new Date(Date.parse(iso) + seconds * 1000);
  const local = new Date(t.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}
