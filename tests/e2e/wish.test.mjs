// tests/e2e/wish.test.mjs — claiming a micro-wish in a real browser on a phone (issue 17.4): a signed-in worker
// opens 微心愿 from 首页, sees seed 002's figures on the wall, opens an open demo wish, claims it with 我来认领 (a
// confirm tap) and sees it claimed by them; a second worker who opened the same wish before cannot claim it (409
// already_claimed, shown claimed by someone else). Then the hotlines with their open-now badges. Screenshots of each
// screen at 390×844 and 1280×800 go to build/screenshots/ (docs/screenshots/ holds the reviewed copies).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openApp, mark, clickMark, scrollToMark, signIn, staffAccount, phoneAndDesktop, apiCall,
         waitForFeature, screenshot } from './harness.mjs';

const env = useServerAndBrowser();
const phone = phoneAndDesktop[0];
const desktop = phoneAndDesktop.find((l) => l !== phone);
const api = (method, url, options) => apiCall(env, method, url, options);
const waitFor = (page, predicate, what) => waitForFeature(page, 'wish', predicate, what);

async function register(name) {
  const account = { username: name, password: 'Wish-Pass-2026' };
  assert.equal((await api('POST', '/api/v1/auth/register', { body: { ...account, display_name: '陈师傅' } })).status, 201);
  return account;
}

test('phone: a worker claims a wish from the wall and sees it claimed; another cannot', async () => {
  const first = await register('wish_first');
  const second = await register('wish_second');
  const open = (await api('GET', '/api/v1/wishes?status=open')).json.items[0];
  assert.ok(open, 'the demo has open wishes');

  const a = await openApp(env.browser, env.server.url, phone.options, { hash: '' });
  await signIn(a.page, first);
  await waitFor(a.page, (s) => s.screen === 'home' && mark(s, 'tile_wishes'), 'the 微心愿 tile');
  await clickMark(a.page, 'tile_wishes', undefined, '微心愿');
  let state = await waitFor(a.page, (s) => s.screen === 'wishes' && s.wish.wall.includes(open.id) && mark(s, 'wish_figures'),
                            'the wall with the open wish');
  assert.equal(state.wish.wishes_fulfilled, 1800);
  assert.equal(state.wish.workers_helped, 1500);
  await screenshot(a.page, 'wish-wall-phone');

  // The second worker opens the same wish on their own phone first.
  const b = await openApp(env.browser, env.server.url, phone.options, { hash: '' });
  await signIn(b.page, second);
  await waitFor(b.page, (s) => s.screen === 'home', 'home');
  await b.page.evaluate((id) => { window.location.hash = `#/wishes/${id}`; }, open.id);
  await waitFor(b.page, (s) => s.wish?.wish?.status === 'open' && mark(s, 'wish_claim', open.id), 'the wish, open');

  await scrollToMark(a.page, 'wish_figures', 'wish_open', open.id);  // the cards follow the figures and the filters
  await clickMark(a.page, 'wish_open', open.id, '查看心愿');
  await waitFor(a.page, (s) => s.wish.view === 'detail' && mark(s, 'wish_claim', open.id), 'the wish with 我来认领');
  await screenshot(a.page, 'wish-detail-phone');
  await clickMark(a.page, 'wish_claim', open.id, '我来认领');
  state = await waitFor(a.page, (s) => mark(s, 'wish_claim', open.id), 'the confirm step');
  assert.equal(state.wish.wish.status, 'open', 'one tap claims nothing');
  await clickMark(a.page, 'wish_claim', open.id, '确认认领');
  await waitFor(a.page, (s) => s.wish.wish?.status === 'claimed' && s.wish.wish.claimed_by_me && mark(s, 'wish_claimed_by_me', open.id),
                'claimed by me');
  await screenshot(a.page, 'wish-claimed-phone');

  // The second worker's tap comes too late.
  await clickMark(b.page, 'wish_claim', open.id, '我来认领');
  await clickMark(b.page, 'wish_claim', open.id, '确认认领');
  state = await waitFor(b.page, (s) => s.wish.wish?.status === 'claimed' && !s.wish.wish.claimed_by_me && mark(s, 'wish_taken', open.id),
                        'shown claimed by someone else');
  assert.equal(state.feedback, 'already_claimed');
  const after = await api('GET', `/api/v1/wishes/${open.id}`);
  assert.equal(after.json.status, 'claimed');
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors.filter((e) => !e.includes('status of 409')), [], 'nothing but the lost claim\'s 409');
  await b.context.close();

  // The hotlines (the test clock stands at Tuesday 08:00: every line is still closed).
  await a.page.evaluate(() => { window.location.hash = '#/hotlines'; });
  await waitFor(a.page, (s) => s.wish.view === 'hotlines' && s.wish.hotlines === 5 && mark(s, 'hotline_call'), 'the hotlines');
  await screenshot(a.page, 'hotlines-phone');
  await a.page.evaluate(() => { window.location.hash = '#/wishes/new'; });
  await waitFor(a.page, (s) => s.wish.view === 'form' && mark(s, 'wish_form_title'), 'the form');
  await screenshot(a.page, 'wish-form-phone');
  await a.context.close();
});

test('screenshots: each wish screen at 1280×800 and the staff desk on both', async () => {
  for (const layout of [phone, desktop]) {
    const { page, errors, context } = await openApp(env.browser, env.server.url, layout.options, { hash: '' });
    await signIn(page, staffAccount);
    await waitFor(page, (s) => s.screen === 'home', 'home');
    await page.evaluate(() => { window.location.hash = '#/wishes/desk'; });
    await waitFor(page, (s) => s.wish?.view === 'desk' && mark(s, 'wish_vet_row'), 'the desk');
    await screenshot(page, `wish-desk-${layout.short}`);
    if (layout === desktop) {
      for (const [hash, view, name] of [['#/wishes', 'wall', 'wish-wall'], ['#/wishes/mine', 'mine', 'wish-mine'],
                                        ['#/wishes/new', 'form', 'wish-form'], ['#/hotlines', 'hotlines', 'hotlines']]) {
        await page.evaluate((h) => { window.location.hash = h; }, hash);
        await waitFor(page, (s) => s.wish?.view === view && s.marks.length > 3, name);
        await screenshot(page, `${name}-${layout.short}`);
      }
      const open = (await api('GET', '/api/v1/wishes?status=open')).json.items[0];
      await page.evaluate((id) => { window.location.hash = `#/wishes/${id}`; }, open.id);
      await waitFor(page, (s) => s.wish?.wish?.id === open.id && mark(s, 'wish_title', open.id), 'a wish');
      await screenshot(page, `wish-detail-${layout.short}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});
