// tests/e2e/quiz.test.mjs — a prize quiz in a real browser (issue 16): a worker opens 有奖答题 from 首页, starts the
// open demo quiz on a phone, answers question by question with thumb-sized options, submits (asked twice) and sees
// each right option with its article; nothing the browser received before the submit said which option was right.
// The draw of the closed demo quiz is then checked on the device (its proof page says so). Screenshots go to
// build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openApp, appState, mark, clickMark, confirmMark, signIn, staffAccount, phoneAndDesktop,
         apiCall, waitForFeature, screenshot } from './harness.mjs';

const env = useServerAndBrowser();

const layouts = phoneAndDesktop;

const api = (method, url, options) => apiCall(env, method, url, options);

const waitFor = (page, predicate, what) => waitForFeature(page, 'quiz', predicate, what);

const shot = screenshot;

for (const layout of layouts) {
  test(`${layout.name}: take the open quiz from 首页, submit, read the right answers and their articles`, async () => {
    const account = { username: `quiz_${layout.short}`, password: 'Quiz-Pass-2026' };
    assert.equal((await api('POST', '/api/v1/auth/register', { body: { ...account, display_name: '王师傅' } })).status, 201);
    const open = (await api('GET', '/api/v1/quizzes')).json.items.find((q) => q.status === 'open');
    assert.ok(open, 'the demo has an open quiz');

    const { page, errors, context } = await openApp(env.browser, env.server.url, layout.options, { hash: '' });
    // Everything the browser is told about attempts before the submit: no right option in it.
    const beforeSubmit = [];
    let submitted = false;
    page.on('response', async (response) => {
      if (!/\/api\/v1\/(quiz-attempts|quizzes)\//.test(response.url()) || submitted) return;
      try { beforeSubmit.push(await response.text()); } catch { /* a body already gone */ }
    });
    await signIn(page, account);
    await waitFor(page, (s) => s.screen === 'home' && mark(s, 'tile_quizzes'), 'the 有奖答题 tile');
    await clickMark(page, 'tile_quizzes', undefined, '有奖答题');
    await waitFor(page, (s) => s.screen === 'quizzes' && mark(s, 'quiz_open', open.id), 'the open quiz listed');
    await shot(page, `quiz-list-${layout.name}`);
    await clickMark(page, 'quiz_open', open.id, 'the open quiz');
    await waitFor(page, (s) => s.quiz?.view === 'detail' && mark(s, 'quiz_start', open.id), 'the quiz page');
    await shot(page, `quiz-detail-${layout.name}`);
    await clickMark(page, 'quiz_start', open.id, '开始答题');
    let state = await waitFor(page, (s) => s.quiz?.view === 'attempt' && s.quiz.attempt && mark(s, 'quiz_option', 0),
                              'the first question');
    const total = state.quiz.attempt.questions;
    assert.equal(total, open.question_count);
    for (let n = 0; n < total; ++n) {
      await waitFor(page, (s) => s.quiz.attempt.current === n && mark(s, 'quiz_option', 0), `question ${n + 1}`);
      const option = mark(await appState(page), 'quiz_option', 0);
      if (layout.short === 'phn') assert.ok(option.h >= 44, `an option is thumb-sized: ${option.h} px`);
      await clickMark(page, 'quiz_option', n % 2, `an option of question ${n + 1}`);
      await waitFor(page, (s) => s.quiz.attempt.answered === n + 1, `question ${n + 1} answered`);
      if (n === 1) await shot(page, `quiz-question-${layout.name}`);
      if (n + 1 < total) await clickMark(page, 'quiz_next', undefined, '下一题');
    }
    // Saved as chosen: the server already holds every answer before the submit.
    const token = (await api('POST', '/api/v1/auth/login', { body: account })).json.token;
    const running = await api('GET', `/api/v1/quiz-attempts/${state.quiz.attempt.id}`, { token });
    assert.equal(Object.keys(running.json.answers).length, total, JSON.stringify(running.json.answers));
    submitted = true;
    await confirmMark(page, 'quiz_submit', state.quiz.attempt.id, '交卷');
    state = await waitFor(page, (s) => s.quiz.attempt?.submitted && mark(s, 'quiz_score'), 'the result');
    const result = await api('GET', `/api/v1/quiz-attempts/${state.quiz.attempt.id}`, { token });
    assert.equal(state.quiz.attempt.score, result.json.score);
    assert.equal(mark(state, 'quiz_score').id, result.json.score);
    await shot(page, `quiz-result-${layout.name}`);
    for (const text of beforeSubmit)
      for (const word of ['"correct_option', '"explanation', '"right"'])
        assert.ok(!text.includes(word), `before the submit the browser got ${word}: ${text.slice(0, 200)}`);
    assert.ok(beforeSubmit.length >= total, 'the attempt and the saves were seen');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the closed quiz\'s draw: its proof is recomputed on the device, desktop and phone', async () => {
  const admin = (await api('POST', '/api/v1/auth/login', { body: staffAccount })).json.token;
  const closed = (await api('GET', '/api/v1/quizzes')).json.items.find((q) => q.status === 'closed');
  const drawn = await api('POST', `/api/v1/admin/quizzes/${closed.id}/draw`, { token: admin, body: { winners: 5 } });
  assert.equal(drawn.status, 200, JSON.stringify(drawn.json));
  for (const layout of layouts) {
    const { page, errors, context } = await openApp(env.browser, env.server.url, layout.options, { hash: `#/quizzes/${closed.id}/draw` });
    const state = await waitFor(page, (s) => s.screen === 'quizzes' && s.quiz?.draw_verified !== undefined, 'the draw');
    assert.equal(state.quiz.draw_verified, true);
    assert.equal(mark(state, 'quiz_draw_verified')?.id, 1);
    await shot(page, `quiz-draw-${layout.name}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
