// tests/e2e/membership.test.mjs — joining a union in a real browser, end to end: a worker signs in, gives their real
// name with its separate consent, finds a grassroots union of 螺城镇 and applies in one tap; the town union's staff
// member (a demo account) signs in on another device, sees the application in the queue and approves it; the
// worker's 我的工会 then shows the union. Screenshots go to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser, openApp, waitForState, appState, mark, clickMark, scrollToMark, typeInto, signIn,
         screenshotDir } from './harness.mjs';

const env = useServerAndBrowser();
const townStaff = { username: 'luocheng_staff', password: 'Staff-Pass-2026' };  // README: the demo's 螺城镇 staff

const layouts = [
  { name: 'desktop-1280x800', short: 'dsk', options: { viewport: { width: 1280, height: 800 } } },
  { name: 'phone-390x844', short: 'phn', options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
];

async function api(method, url, { token, body } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(env.server.url + url, { method, headers, body: body && JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

/** A fictitious ID number with a valid GB 11643 check character. */
function idNumber(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return first17 + '10X98765432'[[...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0) % 11];
}

/** waitForState, saying on a timeout which screen and controls were drawn (the harness's message is cut short). */
async function waitFor(page, predicate, what) {
  try {
    return await waitForState(page, predicate, what);
  } catch (error) {
    const state = await appState(page);
    throw new Error(`${error.message.slice(0, 60)}…; screen ${state.screen}, feedback ${state.feedback}, drawn: ` +
                    state.marks.map((m) => `${m.name}#${m.id}`).join(' '));
  }
}

/** Opens a link, as a person following it would; again if the app was still busy moving elsewhere (the phone's
 *  sign-in closes its sheet onto the home screen after the answer arrives). */
async function go(page, hash, screen, what) {
  for (let i = 0; i < 5; ++i) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    try {
      return await waitForState(page, (s) => s.screen === screen, what, 3000);
    } catch {
      await page.evaluate(() => { location.hash = '#/'; });
    }
  }
  return waitFor(page, (s) => s.screen === screen, what);
}

/** Signs in (harness signIn); on a phone that ends with a tap back on the section it started from (no header
 *  account button there), which must land before the test follows a link, or it takes the app away from it. */
async function signInAndSettle(page, account) {
  const before = await appState(page);
  await signIn(page, account);
  if (!mark(before, 'account')) await waitFor(page, (s) => s.screen === before.screen, 'back where the sign-in started');
}

const shot = (page, name) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

layouts.forEach((layout, n) => {
  test(`${layout.name}: apply in one tap, the town union's staff approve, the member sees their union`, async () => {
    const account = { username: `join_${layout.short}`, password: 'Join-Pass-2026' };
    assert.equal((await api('POST', '/api/v1/auth/register', { body: { ...account, display_name: '林晓' } })).status, 201);
    // The union to join: a grassroots union under 螺城镇总工会, found as a worker would, by its town's initials.
    const town = (await api('GET', `/api/v1/unions?q=${encodeURIComponent('螺城镇总工会')}`)).json.items[0];
    const children = (await api('GET', `/api/v1/unions?parent=${town.id}&limit=200`)).json.items;
    const target = children.filter((u) => u.level === 'grassroots')[n];
    assert.ok(target, 'a grassroots union of 螺城镇');
    const number = idNumber(`35052119930${n + 1}15${String(120 + n)}`);

    // Opened on 我的, so that signing in on a phone ends there (harness signIn) and moves nowhere afterwards.
    const { page, errors, context } = await openApp(env.browser, env.server.url, layout.options, { hash: '#/me' });
    await signInAndSettle(page, account);
    await go(page, '#/me/profile', 'member_profile', 'the real-name form');
    await waitFor(page, (s) => mark(s, 'mem_real_name'), 'the real-name field');
    await typeInto(page, 'mem_real_name', '林晓');
    await typeInto(page, 'mem_id_number', number);
    await typeInto(page, 'mem_phone', '13905951234');
    await scrollToMark(page, 'mem_real_name', 'mem_consent');
    await shot(page, `membership-profile-${layout.name}`);
    await clickMark(page, 'mem_consent', undefined, 'the separate consent');
    await scrollToMark(page, 'mem_real_name', 'mem_save');
    await clickMark(page, 'mem_save', undefined, 'save');
    const saved = await waitFor(page, (s) => mark(s, 'mem_shown_id'), 'the saved profile (masks only)');
    assert.ok(saved.marks.length > 0);
    const profile = await api('GET', '/api/v1/me/member-profile',
                              { token: (await api('POST', '/api/v1/auth/login', { body: account })).json.token });
    assert.equal(profile.status, 200);
    assert.equal(profile.json.id_number_masked, `${number.slice(0, 4)}${'*'.repeat(10)}${number.slice(-4)}`);
    assert.ok(!(await page.content()).includes(number), 'the full ID number is nowhere in the page');

    // The worker walks the tree from the town union to the grassroots union and applies in one tap.
    await page.evaluate((id) => { location.hash = `#/unions/${id}`; }, town.id);
    await waitFor(page, (s) => s.screen === 'unions' && mark(s, 'mem_union_row'), 'the town union\'s unions');
    await scrollToMark(page, 'mem_union_row', 'mem_apply', target.id);
    await clickMark(page, 'mem_apply', target.id, `申请入会 at ${target.name}`);
    await clickMark(page, 'mem_send_application', target.id, 'send the application');
    const token = (await api('POST', '/api/v1/auth/login', { body: account })).json.token;
    for (let i = 0; i < 100 && (await api('GET', '/api/v1/me/membership/applications', { token })).json.items.length === 0; ++i)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await page.evaluate(() => { location.hash = '#/me/union'; });
    await waitFor(page, (s) => s.screen === 'my_union' && mark(s, 'my_application'), 'my pending application');
    await shot(page, `membership-pending-${layout.name}`);

    // The town union's staff member, on another device.
    const desk = await openApp(env.browser, env.server.url, layout.options);
    await signInAndSettle(desk.page, townStaff);
    await desk.page.evaluate(() => { location.hash = '#/staff/members'; });
    const mine = (await api('GET', '/api/v1/me/membership/applications',
                            { token: (await api('POST', '/api/v1/auth/login', { body: account })).json.token })).json.items[0];
    assert.equal(mine.status, 'pending');
    await waitFor(desk.page, (s) => s.screen === 'staff_members' && mark(s, 'mem_approve', mine.id), 'the application in the queue');
    await shot(desk.page, `membership-queue-${layout.name}`);
    await clickMark(desk.page, 'mem_approve', mine.id, 'approve');
    await waitFor(desk.page, (s) => !mark(s, 'mem_approve', mine.id), 'the application leaves the queue');

    // The member sees it: their union on 我的工会 (after a reload, as a member opening the app later would).
    await page.reload();
    await page.evaluate(() => { location.hash = '#/me/union'; });
    const member = await waitFor(page, (s) => s.screen === 'my_union' && mark(s, 'my_union_name', target.id),
                                      'my union after the approval');
    assert.ok(mark(member, 'my_union_name', target.id));
    await shot(page, `membership-member-${layout.name}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(desk.errors, []);
    await desk.context.close();
    await context.close();
  });
});
