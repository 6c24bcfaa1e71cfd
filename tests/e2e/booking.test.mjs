// tests/e2e/booking.test.mjs — the booking flow in a real browser: choose a Workers' Home, open its
// slot grid, sign in when asked, book in two taps, see the door pass (QR), cancel. Screenshots of
// the grid and the pass at 1280×800 and 390×844 go to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser, openApp, appState, waitForState, waitForStableList, mark, clickMark, confirmMark, typeInto,
         screenshotDir, clockStartMs } from './harness.mjs';

const env = useServerAndBrowser();

const layouts = [
  { name: 'desktop-1280x800', options: { viewport: { width: 1280, height: 800 } } },
  { name: 'phone-390x844', options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
];

for (const layout of layouts) {
  test(`${layout.name}: book a Workers' Home slot in two taps, show the pass, cancel`, async () => {
    const { page, errors, context } = await openApp(env.browser, env.server.url, layout.options);
    await waitForStableList(page, (s) => s.sites >= 300 && s.rows.length > 2, 'sites');

    // Find a Workers' Home through the search box and open its slot grid.
    await typeInto(page, 'search', '职工之家');
    let state = await waitForState(page, (s) => s.query === '职工之家' && s.rows.length > 0, 'search results');
    const row = state.rows[0];
    await page.mouse.click(row.x + row.w / 2, row.y + row.h / 2);
    await clickMark(page, 'book_slots', undefined, 'the book button of a Workers\' Home');
    state = await waitForState(page, (s) => s.screen === 'slots' && s.slots.length > 0, 'the slot grid');
    await page.screenshot({ path: path.join(screenshotDir, `booking-grid-${layout.name}.png`) });

    // First tap on a slot that starts more than two hours from now (so it can still be cancelled).
    const later = state.slots.find((s) => s.start * 1000 > clockStartMs + 2 * 3600 * 1000 && s.remaining > 0
                                          && mark(state, 'slot', s.id));
    assert.ok(later, 'a bookable slot is on screen');
    await clickMark(page, 'slot', later.id, 'the slot cell');
    // Not signed in yet: the app asks, then keeps the chosen slot.
    state = await waitForState(page, (s) => s.auth_open, 'the sign-in dialog');
    await typeInto(page, 'auth_username', 'demo');
    await typeInto(page, 'auth_password', 'Gongyou-2026');
    await clickMark(page, 'auth_submit');
    state = await waitForState(page, (s) => s.signed_in === 'demo' && !s.auth_open, 'signed in');

    // Second tap: confirm.
    await clickMark(page, 'confirm', later.id, 'the confirm button');
    state = await waitForState(page, (s) => s.feedback === 'booked', 'booked');
    const booked = await page.evaluate(async () => {
      const token = localStorage.getItem('gongyou.token');
      const r = await fetch('/api/v1/me/bookings', { headers: { Authorization: 'Bearer ' + token } });
      return (await r.json()).items;
    });
    const mine = booked.find((b) => b.slot_id === later.id && b.status === 'confirmed');
    assert.ok(mine && mine.status === 'confirmed', 'the server holds a confirmed booking of that slot');
    await page.screenshot({ path: path.join(screenshotDir, `booking-done-${layout.name}.png`) });

    // My bookings: the pass is a QR code drawn by the UI.
    await clickMark(page, 'tab_me');
    await clickMark(page, 'show_pass', mine.id, 'the pass button');
    state = await waitForState(page, (s) => s.pass && mark(s, 'qr', mine.id), 'the QR pass');
    const qr = mark(state, 'qr', mine.id);
    assert.ok(qr.w >= 150, 'the QR code is large enough to scan');
    await page.clock.runFor(200);
    const shot = await page.screenshot({ path: path.join(screenshotDir, `booking-pass-${layout.name}.png`) });
    const dark = await page.evaluate(async ({ png, r, scale }) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + png;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const d = g.getImageData(r.x * scale, r.y * scale, r.w * scale, r.h * scale).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 60 && d[i + 1] < 60 && d[i + 2] < 60) n++;
      return n / (d.length / 4);
    }, { png: shot.toString('base64'), r: qr, scale: layout.options.deviceScaleFactor || 1 });
    assert.ok(dark > 0.25 && dark < 0.7, `the QR area holds dark modules (${(dark * 100).toFixed(0)}%)`);
    // The token on screen opens the door of that site.
    // (Called from the test, as the lock would, not from the page.)
    const response = await fetch(`${env.server.url}/api/v1/doors/${mine.site_id}/open`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: state.pass }) });
    const door = { status: response.status, body: await response.json() };
    assert.equal(door.status, 403, 'too early for the door: the slot is hours away');
    assert.equal(door.body.error.code, 'pass_not_yet_valid');

    // Back; the visit into the phone's calendar: a file is saved, and the page says so.
    await clickMark(page, 'pass_back');
    const download = page.waitForEvent('download');
    await clickMark(page, 'add_to_calendar', mine.id, 'the calendar button');
    assert.equal((await download).suggestedFilename(), `gongyou-booking-${mine.id}.ics`);
    await waitForState(page, (s) => s.feedback === 'calendar_downloaded', 'the page says the file is saved');
    // Cancel: it asks twice.
    await confirmMark(page, 'cancel_booking', mine.id, 'the cancel button');
    state = await waitForState(page, (s) => s.feedback === 'cancelled', 'cancelled');
    assert.deepEqual(errors, [], 'no console errors');
    await context.close();
  });
}
