// tests/e2e/studio.test.mjs — a studio visit (劳模之家) in a real browser: a worker asks to visit with a
// group of 3, the visit waits for approval, staff approve it on the roster. Screenshots at 1280×800.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser, openApp, waitForState, waitForStableList, mark, clickMark, typeInto, staffAccount,
         signIn, signOut, screenshotDir, clockStartMs } from './harness.mjs';

const env = useServerAndBrowser();
const desktop = { viewport: { width: 1280, height: 800 } };

async function api(method, url, { token, body } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(env.server.url + url, { method, headers, body: body && JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

async function openSite(page, name, button) {
  await typeInto(page, 'search', name, { replace: true });
  const state = await waitForState(page, (s) => s.query === name && s.rows.length > 0, 'search results');
  const row = state.rows[0];
  await page.mouse.click(row.x + row.w / 2, row.y + row.h / 2);
  await clickMark(page, button, undefined, `the ${button} button`);
}

const shanghaiDate = (ms) => new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);

test('desktop: a group visit to a model worker studio, approved by staff', async () => {
  const worker = { username: 'visitor_lin', password: 'Worker-pass-26' };
  assert.equal((await api('POST', '/api/v1/auth/register', { body: { ...worker, display_name: '林师傅' } })).status, 201);
  const studio = (await api('GET', '/api/v1/sites?type=model_worker_studio&limit=100')).json.items.find((s) => s.bookable);
  assert.ok(studio, 'a bookable studio');

  const { page, errors, context } = await openApp(env.browser, env.server.url, desktop);
  await waitForStableList(page, (s) => s.sites >= 300 && s.rows.length > 2, 'sites');
  await signIn(page, worker);
  await openSite(page, studio.name, 'book_slots');
  let state = await waitForState(page, (s) => s.screen === 'slots' && s.slots.length > 0, 'the slot grid');
  const slot = state.slots.find((s) => s.start * 1000 > clockStartMs + 2 * 3600 * 1000 && s.remaining >= 3 && mark(state, 'slot', s.id));
  assert.ok(slot, 'a free slot on screen');
  await clickMark(page, 'slot', slot.id, 'the slot');
  // Three visitors: two taps on the field's "+" (its rightmost square).
  for (let n = 2; n <= 3; n++) {
    const field = mark(await waitForState(page, (s) => mark(s, 'group_size'), 'the group field'), 'group_size');
    await page.mouse.click(field.x + field.w - field.h / 2, field.y + field.h / 2);
    await waitForState(page, (s) => s.group_size === n, `a group of ${n}`);
  }
  await page.screenshot({ path: path.join(screenshotDir, 'studio-visit-desktop-1280x800.png') });
  await clickMark(page, 'confirm', slot.id, 'the visit button');
  await waitForState(page, (s) => s.feedback === 'visit_pending', 'the visit waiting for approval');

  const login = await api('POST', '/api/v1/auth/login', { body: worker });
  const mine = (await api('GET', '/api/v1/me/bookings?scope=all', { token: login.json.token })).json.items
    .find((b) => b.slot_id === slot.id);
  assert.equal(mine.status, 'pending');
  assert.equal(mine.group_size, 3);

  // Staff approve it on the roster of that day.
  await signOut(page);
  await clickMark(page, 'tab_map');
  await signIn(page, staffAccount);
  await openSite(page, studio.name, 'staff_open');
  await waitForState(page, (s) => s.screen === 'staff' && mark(s, 'save_template'), 'the staff screen');
  const days = Math.round((Date.parse(shanghaiDate(slot.start * 1000)) - Date.parse(shanghaiDate(clockStartMs))) / 86400000);
  for (let i = 0; i < days; i++) await clickMark(page, 'roster_next');
  await clickMark(page, 'approve_visit', mine.id, 'the approve button');
  await waitForState(page, (s) => s.roster.some((b) => b.id === mine.id && b.status === 'confirmed'), 'the visit approved');
  await page.screenshot({ path: path.join(screenshotDir, 'studio-approved-desktop-1280x800.png') });
  const after = await api('GET', `/api/v1/bookings/${mine.id}`, { token: login.json.token });
  assert.equal(after.json.status, 'confirmed');
  assert.deepEqual(errors, [], 'no console errors');
  await context.close();
});
