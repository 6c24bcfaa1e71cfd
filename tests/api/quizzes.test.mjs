// tests/api/quizzes.test.mjs — prize quizzes over HTTP (api-services.md "Quizzes", docs/api-quizzes.md), on SQLite
// and PostgreSQL: the demo quizzes' windows, an attempt that says nothing of the right options, one submit of many
// sent at once, the deadline by the test clock (a late submit, an abandoned attempt finished at its deadline), the
// attempts of a day across Asia/Shanghai midnight (also under concurrency), the leaderboard, the draw recomputed here
// from what was published (only verified members of the union at the bar, one entry each), prizes handed out once,
// the bank (edit of a shown question, CSV import in UTF-8 and GB18030 with bad rows by line), staff scope, bad input.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  adminToken, assertError, huianTree, memberOf, registerUser, setClock, staffOf, startMembershipServer, T0,
} from './membership_helpers.mjs';
import {
  answersFor, bank, createQuiz, demoQuiz, quizzes, recomputeWinners, saveAnswers, sha256, shanghaiPlus, startAttempt,
  startOk, submit,
} from './quiz_helpers.mjs';

let server;
let admin;
let tree;

before(async () => {
  server = await startMembershipServer();
  admin = await adminToken(server);
  tree = await huianTree(server);
});

after(async () => {
  await server?.stop();
});

/** Puts the clock back at T0 (tests move it). */
async function atT0() { await setClock(server, T0); }

test('the demo has one quiz open, one closed and one upcoming, each committed to its draw', async () => {
  await atT0();
  const items = await quizzes(server);
  assert.deepEqual(items.map((q) => q.status).sort(), ['closed', 'open', 'upcoming']);
  for (const q of items) {
    assert.match(q.draw_commitment, /^[0-9a-f]{64}$/);
    assert.ok(q.question_count > 0 && q.time_limit_s > 0 && q.attempts_per_day > 0, JSON.stringify(q));
    assert.ok(Date.parse(q.starts_at) < Date.parse(q.ends_at));
  }
  assert.equal(items[0].status, 'open', 'open quizzes are listed first');
  const closed = items.find((q) => q.status === 'closed');
  assert.ok(closed.players >= 3, `the closed quiz has players: ${closed.players}`);
  assert.equal(closed.drawn, false);
});

test('an attempt carries the questions and their options, never which one is right', async () => {
  await atT0();
  const open = await demoQuiz(server, 'open');
  const worker = await registerUser(server, 'quizzer');
  assertError(await startAttempt(server, undefined, open.id), 401, 'unauthorized', 'signed out');
  const response = await startAttempt(server, worker.token, open.id);
  assert.equal(response.status, 201, response.text);
  const attempt = response.json;
  assert.equal(attempt.quiz_id, open.id);
  assert.equal(attempt.questions.length, open.question_count);
  assert.equal(Date.parse(attempt.deadline) - Date.parse(T0), open.time_limit_s * 1000);
  const ids = new Set(attempt.questions.map((q) => q.id));
  assert.equal(ids.size, attempt.questions.length, 'no question twice');
  for (const q of attempt.questions) {
    assert.deepEqual(Object.keys(q).sort(), ['id', 'kind', 'options', 'text']);
    assert.ok(q.options.length >= 2);
  }
  for (const word of ['correct', 'right', 'explanation', 'article', 'answer_key'])
    assert.ok(!response.text.includes(`"${word}`), `the attempt mentions ${word}`);
  // Reading it back says no more, and nobody else may read it.
  const again = await server.call('GET', `/api/v1/quiz-attempts/${attempt.id}`, { token: worker.token });
  assert.equal(again.status, 200, again.text);
  assert.ok(!again.text.includes('"correct'));
  const other = await registerUser(server, 'snoop');
  assertError(await server.call('GET', `/api/v1/quiz-attempts/${attempt.id}`, { token: other.token }), 404, 'not_found');
  assertError(await submit(server, other.token, attempt.id, {}), 404, 'not_found', 'another person submits');
  // The bank's options are the attempt's options, in some order.
  const banked = await bank(server, admin);
  for (const q of attempt.questions)
    assert.deepEqual([...q.options].sort(), [...banked.get(q.id).options].sort());
});

test('upcoming and closed quizzes take no attempts', async () => {
  await atT0();
  const worker = await registerUser(server, 'early');
  assertError(await startAttempt(server, worker.token, (await demoQuiz(server, 'upcoming')).id), 409, 'not_open');
  assertError(await startAttempt(server, worker.token, (await demoQuiz(server, 'closed')).id), 409, 'not_open');
  assertError(await startAttempt(server, worker.token, 999999), 404, 'not_found');
});

test('the submit grades by the bank and shows each right option with its article', async () => {
  await atT0();
  const open = await demoQuiz(server, 'open');
  const banked = await bank(server, admin);
  const worker = await registerUser(server, 'scholar');
  const attempt = await startOk(server, worker.token, open.id);
  await setClock(server, shanghaiPlus(T0, 95));
  const response = await submit(server, worker.token, attempt.id, answersFor(attempt, banked, { wrong: 2 }));
  assert.equal(response.status, 200, response.text);
  const result = response.json;
  assert.equal(result.total, open.question_count);
  assert.equal(result.correct, open.question_count - 2);
  assert.equal(result.score, Math.round((100 * (open.question_count - 2)) / open.question_count));
  assert.equal(result.duration_s, 95);
  result.questions.forEach((q, n) => {
    assert.equal(q.right, n >= 2, `question ${n}`);
    assert.ok(q.law && q.article && q.explanation, JSON.stringify(q));
    const b = banked.get(q.id);
    const rightTexts = b.correct_options.map((i) => b.options[i]).sort();
    assert.deepEqual(q.correct_options.map((i) => q.options[i]).sort(), rightTexts);
    if (q.kind !== 'multiple') assert.equal(q.correct_option, q.correct_options[0]);
  });
  assertError(await submit(server, worker.token, attempt.id, {}), 409, 'conflict', 'a second submit');
});

test('of twenty submits sent at once exactly one is graded', async () => {
  await atT0();
  const open = await demoQuiz(server, 'open');
  const banked = await bank(server, admin);
  const worker = await registerUser(server, 'racer');
  const attempt = await startOk(server, worker.token, open.id);
  const answers = answersFor(attempt, banked);
  const responses = await Promise.all(Array.from({ length: 20 }, () => submit(server, worker.token, attempt.id, answers)));
  const statuses = responses.map((r) => r.status).sort();
  assert.deepEqual(statuses, [200, ...Array(19).fill(409)], statuses.join(','));
  for (const r of responses.filter((x) => x.status === 409)) assert.equal(r.json.error.code, 'conflict');
  const mine = await server.call('GET', `/api/v1/quizzes/${open.id}/attempts`, { token: worker.token });
  assert.equal(mine.json.items.length, 1);
  assert.equal(mine.json.items[0].score, 100);
});

test('the server\'s clock decides the deadline: a late submit is too_late, an abandoned attempt counts what was saved', async () => {
  await atT0();
  const open = await demoQuiz(server, 'open');
  const banked = await bank(server, admin);
  const late = await registerUser(server, 'late');
  const lateAttempt = await startOk(server, late.token, open.id);
  const right = answersFor(lateAttempt, banked);
  const firstId = lateAttempt.questions[0].id;
  const saved = await saveAnswers(server, late.token, lateAttempt.id, { [firstId]: right[firstId] });
  assert.equal(saved.status, 200, saved.text);
  // Within the grace (a few seconds) it still counts...
  const onTime = await registerUser(server, 'ontime');
  const onTimeAttempt = await startOk(server, onTime.token, open.id);
  await setClock(server, shanghaiPlus(T0, open.time_limit_s + 2));
  const graced = await submit(server, onTime.token, onTimeAttempt.id, answersFor(onTimeAttempt, banked));
  assert.equal(graced.status, 200, graced.text);
  // ... past it the submit is refused and the attempt stands with its saved answers, at its deadline.
  await setClock(server, shanghaiPlus(T0, open.time_limit_s + 60));
  assertError(await submit(server, late.token, lateAttempt.id, right), 409, 'too_late');
  assertError(await saveAnswers(server, late.token, lateAttempt.id, right), 409, 'too_late', 'saving late');
  const result = (await server.call('GET', `/api/v1/quiz-attempts/${lateAttempt.id}`, { token: late.token })).json;
  assert.equal(result.submitted, true);
  assert.equal(result.auto_submitted, true);
  assert.equal(result.correct, 1, 'only the saved answer counts');
  assert.equal(Date.parse(result.submitted_at), Date.parse(lateAttempt.deadline));
  assertError(await submit(server, late.token, lateAttempt.id, right), 409, 'too_late', 'asked again');

  // Abandoned: nobody asks again, the housekeeping round finishes it; the leaderboard shows it.
  await atT0();
  const gone = await registerUser(server, 'gone');
  const goneAttempt = await startOk(server, gone.token, open.id);
  const goneRight = answersFor(goneAttempt, banked);
  assert.equal((await saveAnswers(server, gone.token, goneAttempt.id, goneRight)).status, 200);
  await setClock(server, shanghaiPlus(T0, open.time_limit_s + 120));  // setting the clock runs a housekeeping round
  const board = await server.call('GET', `/api/v1/quizzes/${open.id}/leaderboard?limit=200`, { token: gone.token });
  assert.equal(board.status, 200, board.text);
  assert.equal(board.json.me?.score, 100, board.text);
  assert.equal(board.json.me.duration_s, open.time_limit_s);
});

test('attempts per day count in Asia/Shanghai days, also when started all at once', async () => {
  const start = '2026-12-01T23:50:00+08:00';
  await setClock(server, '2026-12-01T12:00:00+08:00');
  const quiz = await createQuiz(server, admin, {
    title: '每日两次', attempts_per_day: 2, starts_at: '2026-12-01T08:00:00+08:00', ends_at: '2026-12-05T08:00:00+08:00',
  });
  const worker = await registerUser(server, 'daily');
  await setClock(server, start);
  const burst = await Promise.all(Array.from({ length: 12 }, () => startAttempt(server, worker.token, quiz.id)));
  const codes = burst.map((r) => r.status).sort();
  assert.deepEqual(codes, [201, 201, ...Array(10).fill(409)], codes.join(','));
  for (const r of burst.filter((x) => x.status === 409)) assert.equal(r.json.error.code, 'attempt_limit');
  await setClock(server, '2026-12-01T23:59:59+08:00');
  assertError(await startAttempt(server, worker.token, quiz.id), 409, 'attempt_limit', 'the last second of the day');
  await setClock(server, '2026-12-02T00:00:00+08:00');  // 16:00 UTC: a new day in Shanghai, not in UTC
  assert.equal((await startAttempt(server, worker.token, quiz.id)).status, 201, 'midnight in Shanghai');
  const detail = await server.call('GET', `/api/v1/quizzes/${quiz.id}`, { token: worker.token });
  assert.equal(detail.json.me.attempts_today, 1);
  assert.equal(detail.json.me.attempts_left, 1);
});

test('the leaderboard: each person\'s best, by score then time, names masked', async () => {
  await setClock(server, '2026-12-01T09:00:00+08:00');
  const quiz = await createQuiz(server, admin, {
    title: '排行榜', starts_at: '2026-12-01T08:00:00+08:00', ends_at: '2026-12-02T08:00:00+08:00',
  });
  const banked = await bank(server, admin);
  const runs = [['slowperfect', 0, 200], ['fastperfect', 0, 60], ['half', 2, 30]];
  const people = {};
  for (const [name, wrong, seconds] of runs) {
    const who = await registerUser(server, name);
    people[name] = who;
    await setClock(server, '2026-12-01T09:00:00+08:00');
    const attempt = await startOk(server, who.token, quiz.id);
    await setClock(server, shanghaiPlus('2026-12-01T09:00:00+08:00', seconds));
    assert.equal((await submit(server, who.token, attempt.id, answersFor(attempt, banked, { wrong }))).status, 200);
  }
  // A second, worse attempt does not replace the best.
  await setClock(server, '2026-12-01T10:00:00+08:00');
  const retry = await startOk(server, people.fastperfect.token, quiz.id);
  assert.equal((await submit(server, people.fastperfect.token, retry.id, answersFor(retry, banked, { wrong: 4 }))).status, 200);
  const board = await server.call('GET', `/api/v1/quizzes/${quiz.id}/leaderboard`);
  assert.equal(board.status, 200, board.text);
  assert.deepEqual(board.json.items.map((r) => [r.rank, r.score, r.duration_s]), [[1, 100, 60], [2, 100, 200], [3, 50, 30]]);
  for (const row of board.json.items) {
    assert.match(row.display_name, /^.\*{1,2}$/u, row.display_name);
    assert.deepEqual(Object.keys(row).sort(), ['display_name', 'duration_s', 'rank', 'score']);
  }
});

test('the draw: after the close, once, recomputable here; only verified members of the union at the bar enter', async () => {
  await setClock(server, '2026-12-01T09:00:00+08:00');
  const { towns } = tree;
  const [{ town, grassroots }] = towns;
  const townStaff = await staffOf(server, admin, town.id, 'quizstaff');
  const quiz = await createQuiz(server, townStaff.token, {
    union_id: town.id, title: '镇工会答题', starts_at: '2026-12-01T08:00:00+08:00', ends_at: '2026-12-01T18:00:00+08:00',
    pass_score: 60, prize_count: 2,
  });
  assert.equal(quiz.union_id, town.id);
  const banked = await bank(server, admin);
  const play = async (account, wrong) => {
    const attempt = await startOk(server, account.token, quiz.id);
    assert.equal((await submit(server, account.token, attempt.id, answersFor(attempt, banked, { wrong }))).status, 200);
  };
  const verified = [];
  for (let i = 0; i < 4; ++i) {
    const m = await memberOf(server, townStaff.token, grassroots[i % grassroots.length].id, { prefix: `entrant${i}` });
    const v = await server.call('POST', `/api/v1/admin/members/${m.user.id}/verify`, { token: townStaff.token });
    assert.equal(v.status, 200, v.text);
    verified.push(m);
    await play(m, 0);
    if (i === 0) await play(m, 0);  // two attempts: still one entry
  }
  const unverified = await memberOf(server, townStaff.token, grassroots[0].id, { prefix: 'unverified' });
  await play(unverified, 0);
  const belowBar = await memberOf(server, townStaff.token, grassroots[1].id, { prefix: 'belowbar' });
  await server.call('POST', `/api/v1/admin/members/${belowBar.user.id}/verify`, { token: townStaff.token });
  await play(belowBar, 3);  // 1 of 4 right: 25 < 60
  const otherTown = towns[1];
  const outside = await memberOf(server, admin, otherTown.grassroots[0].id, { prefix: 'othertown' });
  await server.call('POST', `/api/v1/admin/members/${outside.user.id}/verify`, { token: admin });
  await play(outside, 0);
  const stranger = await registerUser(server, 'nomember');
  await play(stranger, 0);

  assertError(await server.call('POST', `/api/v1/admin/quizzes/${quiz.id}/draw`, { token: admin, body: { winners: 2 } }),
              409, 'not_closed');
  assertError(await server.call('GET', `/api/v1/quizzes/${quiz.id}/draw`), 404, 'not_found', 'before the draw');
  assertError(await server.call('POST', `/api/v1/admin/quizzes/${quiz.id}/draw`, { token: stranger.token, body: { winners: 2 } }),
              403, 'forbidden', 'a worker draws');
  const siblingStaff = await staffOf(server, admin, otherTown.town.id, 'siblingstaff');
  await setClock(server, '2026-12-01T18:10:00+08:00');
  assertError(await server.call('POST', `/api/v1/admin/quizzes/${quiz.id}/draw`, { token: siblingStaff.token, body: { winners: 2 } }),
              404, 'not_found', 'a sibling town draws');

  const draws = await Promise.all([1, 2, 3].map(() =>
    server.call('POST', `/api/v1/admin/quizzes/${quiz.id}/draw`, { token: townStaff.token, body: { winners: 2 } })));
  for (const d of draws) assert.equal(d.status, 200, d.text);
  const draw = draws[0].json;
  for (const d of draws) assert.deepEqual(d.json, draw, 'concurrent draws return the one draw');
  assert.equal(sha256(draw.seed), quiz.draw_commitment, 'the seed is the one committed to');
  assert.equal(draw.entrants.length, 4, 'four verified members of the town at the bar, one entry each');
  assert.equal(new Set(draw.entrants).size, 4);
  const sorted = [...draw.entrants].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  assert.deepEqual(draw.entrants, sorted);
  assert.equal(draw.entrants_hash, sha256(sorted.join('\n')));
  assert.deepEqual(draw.winners.map((w) => w.entrant), recomputeWinners(draw.seed, draw.entrants, 2));
  assert.match(draw.algorithm, /SHA-256/);
  for (const w of draw.winners) assert.match(w.display_name, /^.\*{1,2}$/u);
  const published = await server.call('GET', `/api/v1/quizzes/${quiz.id}/draw`);
  assert.equal(published.status, 200);
  assert.deepEqual(published.json, draw);
  assert.equal((await quizzes(server)).find((q) => q.id === quiz.id).drawn, true);

  // Winners are told, with a code; staff hand a prize out once.
  const prizes = [];
  for (const m of verified) {
    const mine = (await server.call('GET', '/api/v1/me/quiz-prizes', { token: m.token })).json.items;
    const notes = (await server.call('GET', '/api/v1/me/notifications', { token: m.token })).json.items;
    const note = notes.find((n) => n.kind === 'quiz_prize');
    if (mine.length === 0) { assert.equal(note, undefined); continue; }
    assert.equal(note.quiz_id, quiz.id);
    assert.ok(note.message.includes(mine[0].code));
    assert.match(mine[0].code, /^[2-9A-HJ-NP-Z]{8}$/);
    prizes.push(mine[0]);
  }
  assert.equal(prizes.length, 2);
  const list = await server.call('GET', `/api/v1/admin/quizzes/${quiz.id}/prizes`, { token: townStaff.token });
  assert.equal(list.status, 200, list.text);
  assert.equal(list.json.items.length, 2);
  assertError(await server.call('GET', `/api/v1/admin/quizzes/${quiz.id}/prizes`, { token: siblingStaff.token }), 404, 'not_found');
  const code = prizes[0].code;
  const handOuts = await Promise.all(Array.from({ length: 8 }, () =>
    server.call('POST', `/api/v1/admin/quizzes/${quiz.id}/prizes/hand-out`, { token: townStaff.token, body: { code: code.toLowerCase() } })));
  assert.deepEqual(handOuts.map((r) => r.status).sort(), [200, ...Array(7).fill(409)]);
  assertError(await server.call('POST', `/api/v1/admin/quizzes/${quiz.id}/prizes/hand-out`, { token: townStaff.token, body: { code: 'AAAAAAAA' } }),
              404, 'not_found', 'a wrong code');
});

test('the demo\'s closed quiz draws over its players, and anyone can check it', async () => {
  await atT0();
  const closed = await demoQuiz(server, 'closed');
  const response = await server.call('POST', `/api/v1/admin/quizzes/${closed.id}/draw`, { token: admin, body: { winners: 3 } });
  assert.equal(response.status, 200, response.text);
  const draw = response.json;
  assert.ok(draw.entrants.length >= 3, `qualified entrants: ${draw.entrants.length}`);
  assert.equal(draw.winners.length, 3);
  assert.equal(sha256(draw.seed), closed.draw_commitment);
  assert.deepEqual(draw.winners.map((w) => w.entrant), recomputeWinners(draw.seed, draw.entrants, 3));
  const again = await server.call('POST', `/api/v1/admin/quizzes/${closed.id}/draw`, { token: admin, body: { winners: 5 } });
  assert.deepEqual(again.json.winners, draw.winners, 'a repeat returns the first draw');
});

test('the bank: staff add, edit and retire; a shown question is kept for its attempts and the edit is a new one', async () => {
  await setClock(server, '2026-12-01T09:00:00+08:00');
  const { towns } = tree;
  const staff = await staffOf(server, admin, towns[0].town.id, 'bankstaff');
  const sibling = await staffOf(server, admin, towns[1].town.id, 'bankpeer');
  const body = { kind: 'single', law: '测试法', article: '第一条', topic: '测试', text: '测试题目？',
                 options: ['甲', '乙', '丙'], correct_options: [1], explanation: '因为乙。' };
  const added = await server.call('POST', '/api/v1/admin/quiz-questions', { token: staff.token, body });
  assert.equal(added.status, 201, added.text);
  const q = added.json;
  assert.equal(q.union_id, towns[0].town.id);
  assertError(await server.call('PUT', `/api/v1/admin/quiz-questions/${q.id}`, { token: sibling.token, body }), 404, 'not_found', 'a sibling edits');
  assertError(await server.call('GET', `/api/v1/admin/quiz-questions?union_id=${towns[0].town.id}`, { token: sibling.token }), 403, 'forbidden');
  const worker = await registerUser(server, 'bankworker');
  assertError(await server.call('GET', '/api/v1/admin/quiz-questions', { token: worker.token }), 403, 'forbidden');
  // Not shown yet: edited in place.
  const edited = await server.call('PUT', `/api/v1/admin/quiz-questions/${q.id}`, { token: staff.token, body: { ...body, text: '改过的题目？' } });
  assert.equal(edited.status, 200, edited.text);
  assert.equal(edited.json.id, q.id);
  // Shown in an attempt, then edited: a new question; the attempt's result keeps the text it was shown.
  const quiz = await createQuiz(server, staff.token, {
    union_id: towns[0].town.id, laws: ['测试法'], question_count: 1, starts_at: '2026-12-01T08:00:00+08:00', ends_at: '2026-12-02T08:00:00+08:00',
  });
  const attempt = await startOk(server, worker.token, quiz.id);
  assert.equal(attempt.questions[0].id, q.id);
  const versioned = await server.call('PUT', `/api/v1/admin/quiz-questions/${q.id}`, { token: staff.token, body: { ...body, text: '第三版？', correct_options: [2] } });
  assert.equal(versioned.status, 200, versioned.text);
  assert.notEqual(versioned.json.id, q.id);
  assert.equal(versioned.json.replaces, q.id);
  const shown = attempt.questions[0];
  const rightShown = shown.options.indexOf('乙');
  const result = await submit(server, worker.token, attempt.id, { [q.id]: rightShown });
  assert.equal(result.json.questions[0].text, '改过的题目？');
  assert.equal(result.json.score, 100, 'graded on the version shown');
  const retired = await server.call('DELETE', `/api/v1/admin/quiz-questions/${versioned.json.id}`, { token: staff.token });
  assert.equal(retired.status, 200, retired.text);
  assertError(await startAttempt(server, worker.token, quiz.id), 409, 'not_open', 'nothing left to draw');
  // Bad questions are refused with the reason.
  for (const bad of [{ ...body, correct_options: [5] }, { ...body, options: ['甲'] }, { ...body, kind: 'essay' },
                     { ...body, text: '' }, { ...body, options: ['甲', '甲'] }, { ...body, kind: 'multiple', correct_options: [0] }]) {
    const r = await server.call('POST', '/api/v1/admin/quiz-questions', { token: staff.token, body: bad });
    assert.equal(r.status, 400, `${JSON.stringify(bad)}: ${r.text}`);
  }
});

test('CSV import: UTF-8 or GB18030, every bad row named by its line, nothing stored unless all are good', async () => {
  const { towns } = tree;
  const staff = await staffOf(server, admin, towns[0].town.id, 'importer');
  const header = '题型,法律,条款,主题,题目,选项A,选项B,选项C,选项D,答案,解析\n';
  const good = `${header}单选,导入法,第一条,导入,导入的第一题？,甲,乙,丙,,B,解析一\n判断,导入法,第二条,导入,导入的判断题。,,,,,错,解析二\n`;
  const count = async () => (await server.call('GET', '/api/v1/admin/quiz-questions?law=%E5%AF%BC%E5%85%A5%E6%B3%95', { token: staff.token })).json.items.length;
  const before = await count();
  const bad = `${header}单选,导入法,,,好的,甲,乙,,,A,\n问答,导入法,,,坏的题型,甲,乙,,,A,\n单选,导入法,,,答案不在选项中,甲,乙,,,D,\n`;
  const refused = await server.call('POST', `/api/v1/admin/quiz-questions/import?union_id=${towns[0].town.id}`,
                                    { token: staff.token, body: bad, headers: { 'Content-Type': 'text/csv' } });
  assert.equal(refused.status, 422, refused.text);
  assert.deepEqual(refused.json.error.rows.map((r) => r.row), [3, 4]);
  assert.equal(await count(), before, 'nothing stored');
  const utf8 = await server.call('POST', `/api/v1/admin/quiz-questions/import?union_id=${towns[0].town.id}`,
                                 { token: staff.token, body: good, headers: { 'Content-Type': 'text/csv' } });
  assert.equal(utf8.status, 201, utf8.text);
  assert.equal(utf8.json.imported, 2);
  // The same file as Excel on Chinese Windows saves it: GB18030 bytes, made here from the WHATWG table Node carries.
  const gbBytes = encodeGb18030(good.replaceAll('导入的', '国标的'));
  const gbResponse = await server.call('POST', `/api/v1/admin/quiz-questions/import?union_id=${towns[0].town.id}`,
                                       { token: staff.token, body: gbBytes, headers: { 'Content-Type': 'text/csv' } });
  assert.equal(gbResponse.status, 201, gbResponse.text);
  const imported = await server.call('GET', `/api/v1/admin/quiz-questions?q=${encodeURIComponent('国标的第一题')}`, { token: staff.token });
  assert.equal(imported.json.items.length, 1, imported.text);
  assert.deepEqual(imported.json.items[0].options, ['甲', '乙', '丙']);
  assertError(await server.call('POST', `/api/v1/admin/quiz-questions/import?union_id=${towns[1].town.id}`,
                                { token: staff.token, body: good }), 403, 'forbidden', 'into a sibling\'s bank');
});

/** GB18030 bytes of a text: ASCII as it is, other characters through TextDecoder's GB18030 table searched once. */
function encodeGb18030(text) {
  const decoder = new TextDecoder('gb18030');
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfe; ++lead)
    for (let trail = 0x40; trail <= 0xfe; ++trail) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (!table.has(ch)) table.set(ch, [lead, trail]);
    }
  const bytes = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const pair = table.get(ch);
      assert.ok(pair, `GBK has ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

test('bad answers are refused with a reason and change nothing', async () => {
  await atT0();
  const open = await demoQuiz(server, 'open');
  const worker = await registerUser(server, 'hostile');
  const attempt = await startOk(server, worker.token, open.id);
  const [first] = attempt.questions;
  const single = attempt.questions.find((q) => q.kind !== 'multiple') ?? first;
  const cases = [
    ['answers not an object', { answers: [1, 2] }],
    ['an unknown question', { answers: { 999999999: 0 } }],
    ['an index past the options', { answers: { [first.id]: first.options.length } }],
    ['a negative index', { answers: { [first.id]: -1 } }],
    ['a string index', { answers: { [first.id]: '0' } }],
    ['a fraction', { answers: { [first.id]: 0.5 } }],
    ['two options for one choice', { answers: { [single.id]: [0, 1] } }],
    ['<script> as a key', { answers: { '<script>alert(1)</script>': 0 } }],
  ];
  for (const [what, body] of cases) {
    const r = await server.call('POST', `/api/v1/quiz-attempts/${attempt.id}/submit`, { token: worker.token, body });
    assert.equal(r.status, 400, `${what}: ${r.text}`);
  }
  const broken = await server.call('POST', `/api/v1/quiz-attempts/${attempt.id}/submit`,
                                   { token: worker.token, body: '{"answers": {', headers: { 'Content-Type': 'application/json' } });
  assert.equal(broken.status, 400, broken.text);
  const huge = await server.call('POST', `/api/v1/quiz-attempts/${attempt.id}/submit`,
                                 { token: worker.token, body: JSON.stringify({ answers: {}, pad: 'x'.repeat(2 << 20) }) });
  assert.equal(huge.status, 413, huge.text);
  const still = await server.call('GET', `/api/v1/quiz-attempts/${attempt.id}`, { token: worker.token });
  assert.equal(still.json.submitted, false, 'nothing changed');
  assertError(await server.call('POST', '/api/v1/quiz-attempts/abc/submit', { token: worker.token, body: {} }), 404, 'not_found');
});
