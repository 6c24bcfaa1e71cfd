// tests/e2e/staff.test.mjs — the staff screens in a real browser: a worker books through the API, the
// staff member signs in, opens the Workers' Home's staff screen (template editor and the day's roster),
// finds the booking on the roster and checks the worker in at the desk. Screenshots at 1280×800 and
// 390×844 go to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { holidayTableLastYear } from '../api/harness.mjs';
import { useServerAndBrowser, openApp, waitForState, waitForStableList, mark, clickMark, scrollToMark, typeInto, staffAccount,
         signIn, screenshotDir, clockStartMs, appState } from './harness.mjs';

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

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of a UTC instant in milliseconds. */
const shanghaiDate = (ms) => new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);

for (const layout of layouts) {
  test(`${layout.name}: staff see a booking on the roster and check the worker in`, async () => {
    // A worker books the next free slot of a Workers' Home from another device.
    const worker = await api('POST', '/api/v1/auth/register',
                             { body: { username: `w_${layout.name.slice(0, 5)}`, password: 'Worker-pass-26', display_name: '陈师傅' } });
    assert.equal(worker.status, 201);
    const home = (await api('GET', '/api/v1/sites?type=workers_home&limit=1')).json.items[0];
    const slots = (await api('GET', `/api/v1/sites/${home.id}/slots`)).json.items;
    const slot = slots.find((s) => Date.parse(s.start) > clockStartMs + 3600 * 1000 && s.remaining > 0);
    assert.ok(slot, 'the Workers\' Home has a free slot');
    const booking = await api('POST', '/api/v1/bookings', { token: worker.json.token, body: { slot_id: slot.id } });
    assert.equal(booking.status, 201, JSON.stringify(booking.json));

    const { page, errors, context } = await openApp(env.browser, env.server.url, layout.options);
    await waitForStableList(page, (s) => s.sites >= 300 && s.rows.length > 2, 'sites');
    await signIn(page, staffAccount);

    // Find the Workers' Home by name and open its staff screen.
    await typeInto(page, 'search', home.name);
    let state = await waitForState(page, (s) => s.query === home.name && s.rows.length > 0, 'search results');
    const row = state.rows[0];
    await page.mouse.click(row.x + row.w / 2, row.y + row.h / 2);
    await clickMark(page, 'staff_open', home.id, 'the staff button');
    state = await waitForState(page, (s) => s.screen === 'staff' && mark(s, 'save_template'), 'the staff screen');
    // A box at the top while the statutory holiday table ends within 31 days of today, or has ended (docs/holidays.md).
    const tableEnd = Date.parse(`${holidayTableLastYear()}-12-31T23:59:59+08:00`);
    assert.equal(Boolean(mark(state, 'holiday_table_notice')), tableEnd - clockStartMs < 31 * 86400000,
                 'the holiday-table notice is shown exactly when the table runs out');

    // The roster starts today; step to the booked slot's day.
    const days = Math.round((Date.parse(shanghaiDate(Date.parse(slot.start))) - Date.parse(shanghaiDate(clockStartMs))) / 86400000);
    for (let i = 0; i < days; i++) await clickMark(page, 'roster_next');
    state = await waitForState(page, (s) => s.roster.some((b) => b.id === booking.json.id), 'the booking on the roster');
    // 签到 is there from 15 minutes before the slot (the pass window), not hours before: the worker arrives, both
    // clocks move on, and it shows.
    await scrollToMark(page, 'save_template', 'staff_cancel', booking.json.id);
    assert.ok(!mark(await appState(page), 'check_in', booking.json.id), 'no check-in hours before the slot');
    const arrival = Date.parse(slot.start) - 5 * 60 * 1000;
    await api('POST', '/api/v1/test/clock', { body: { now: new Date(arrival).toISOString() } });
    await page.clock.fastForward(arrival - await page.evaluate(() => Date.now()));  // the minute timer wakes a frame
    await waitForState(page, (s) => mark(s, 'check_in', booking.json.id), 'the check-in button');
    await page.screenshot({ path: path.join(screenshotDir, `staff-roster-${layout.name}.png`) });

    await clickMark(page, 'check_in', booking.json.id, 'the check-in button');
    state = await waitForState(page, (s) => s.roster.some((b) => b.id === booking.json.id && b.status === 'checked_in'),
                               'the worker checked in');
    const mine = await api('GET', `/api/v1/bookings/${booking.json.id}`, { token: worker.json.token });
    assert.equal(mine.json.status, 'checked_in', 'the server recorded the desk check-in');
    await api('POST', '/api/v1/test/clock', { body: { now: new Date(clockStartMs).toISOString() } });  // the next layout's day
    assert.deepEqual(errors, [], 'no console errors');
    await context.close();
  });
}
