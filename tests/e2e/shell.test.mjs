// tests/e2e/shell.test.mjs — the app shell in a real browser: the page opens on 首页 (service tiles, the nearest
// site, the next booking), the four sections (a bottom tab bar with 44 px targets on a phone, the panel's header on
// a desktop), 我的 with the account, bookings and messages, and the back button moving between sections.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser, openApp, waitForState, mark, clickMark, signIn, screenshotDir, clockStartMs,
         sectionMark } from './harness.mjs';

const env = useServerAndBrowser();

const layouts = [
  { name: 'desktop-1280x800', options: { viewport: { width: 1280, height: 800 } } },
  { name: 'phone-390x844', options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
];

/** Calls the API from the test, as another device would. */
async function api(method, url, { token, body } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(env.server.url + url, { method, headers, body: body && JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

for (const layout of layouts) {
  test(`${layout.name}: home, the sections, 我的 and back`, async () => {
    // A worker with a booking, made from another device.
    const worker = { username: `shell_${layout.name.slice(0, 5)}`, password: 'Worker-pass-26' };
    const made = await api('POST', '/api/v1/auth/register', { body: { ...worker, display_name: '王师傅' } });
    assert.equal(made.status, 201);
    const home = (await api('GET', '/api/v1/sites?type=workers_home&limit=1')).json.items[0];
    const slot = (await api('GET', `/api/v1/sites/${home.id}/slots`)).json.items
      .find((s) => Date.parse(s.start) > clockStartMs + 3600e3 && s.remaining > 0);
    const booking = await api('POST', '/api/v1/bookings', { token: made.json.token, body: { slot_id: slot.id } });
    assert.equal(booking.status, 201);

    const { page, errors, context } = await openApp(env.browser, env.server.url, layout.options, { hash: '' });
    let state = await waitForState(page, (s) => s.screen === 'home' && mark(s, 'home_nearest') && mark(s, 'tile_sites'),
                                   'the home screen with its tiles and the nearest site');
    for (const tile of ['tile_sites', 'tile_courses', 'tile_lecture', 'tile_my_bookings'])
      assert.ok(mark(state, tile), `${tile} is shown`);
    assert.ok(!mark(state, 'tile_staff'), 'a worker sees no staff tiles');
    const phone = layout.name.startsWith('phone');
    for (const tab of ['tab_home', 'tab_map', 'tab_courses', 'tab_me']) {
      const m = mark(state, tab);
      assert.ok(m, `${tab} is drawn`);
      if (phone) assert.ok(m.w >= 44 && m.h >= 44, `${tab} is a 44 px target (${m.w}×${m.h})`);
    }
    await page.screenshot({ path: path.join(screenshotDir, `home-${layout.name}.png`) });

    await signIn(page, worker);
    state = await waitForState(page, (s) => s.screen === 'home' && mark(s, 'home_next_booking', booking.json.id),
                               'the next booking on the home screen');

    // 我的: the account, the booking with its pass button.
    await clickMark(page, 'tab_me');
    state = await waitForState(page, (s) => s.screen === 'me' && mark(s, 'me_name') && mark(s, 'show_pass', booking.json.id),
                               '我的 with the booking');
    assert.equal(await page.evaluate(() => location.hash), '#/me');
    await page.screenshot({ path: path.join(screenshotDir, `me-${layout.name}.png`) });

    // The sections and the back button.
    await clickMark(page, 'tab_courses');
    await waitForState(page, (s) => s.screen === 'courses', 'the classroom');
    await clickMark(page, 'tab_map');
    await waitForState(page, (s) => s.screen === 'map' && s.rows.length > 0, 'the map and its list');
    await page.goBack();
    await waitForState(page, (s) => s.screen === 'courses', 'back to the classroom');
    await page.goBack();
    await waitForState(page, (s) => s.screen === 'me', 'back to 我的');
    await clickMark(page, sectionMark('home'));
    await waitForState(page, (s) => s.screen === 'home', 'home again');
    assert.deepEqual(errors, [], 'no console errors');
    await context.close();
  });
}
