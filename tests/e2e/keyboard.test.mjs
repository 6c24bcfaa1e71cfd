// tests/e2e/keyboard.test.mjs — keyboard users: Tab reaches every kind of control of the map screen in
// turn (search, type filters, the list, the site's actions), the focused control wears a visible union-red
// ring, and Enter/Space act on it as a click would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appState, clickMark, mark, openApp, screenshotDir, staffAccount, useServerAndBrowser, waitForStableList,
  waitForState } from './harness.mjs';

const env = useServerAndBrowser();

/** The marked control holding the keyboard focus, or null. */
const focused = (state) => (state.marks || []).find((m) => m.focused) || null;

/** Presses Tab (Shift+Tab when `back`) until `wanted(mark)` holds for the focused control; returns the names
 *  passed on the way. */
async function tabTo(page, wanted, what, { back = false, limit = 60 } = {}) {
  const passed = [];
  const key = (m) => (m ? `${m.name}:${m.id}` : '');
  let last = key(focused(await appState(page)));
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    // The move resolves in a later frame: wait for the focus to leave the last control (it may land on an
    // unmarked one, then the state shows none after the loop has gone idle).
    let f = null;
    for (const end = Date.now() + 1500; Date.now() < end;) {
      await page.clock.runFor(50);
      f = focused(await appState(page));
      if (key(f) !== last) break;
    }
    last = key(f);
    passed.push(f ? f.name : '(unmarked)');
    if (f && wanted(f)) return { mark: f, passed };
  }
  throw new Error(`Tab never reached ${what}; passed ${passed.join(', ')}`);
}

/** Share of the columns along `rect`'s top and bottom edges that show a union-red ring, from a screenshot of the page. */
async function redRingShare(page, rect) {
  const png = await page.screenshot();
  const scratch = await page.context().newPage();  // about:blank has no CSP: decode the PNG there
  const share = await scratch.evaluate(async ({ b64, rect }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const red = (x, y) => {
      const [r, g, b] = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
      return r > 150 && g < 90 && b < 100;
    };
    // A column counts when a red pixel is within 5 px of the top (or bottom) edge: ImGui draws the ring
    // just outside most controls and just inside list rows.
    const near = (x, y) => [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5].some((d) => red(x, y + d));
    let hits = 0, total = 0;
    for (let x = rect.x + 8; x < rect.x + rect.w - 8; x += 4) {
      total += 2;
      hits += near(x, rect.y) + near(x, rect.y + rect.h - 1);
    }
    return hits / total;
  }, { b64: png.toString('base64'), rect });
  await scratch.close();
  return share;
}

test('desktop: Tab walks the controls with a visible focus ring; Enter acts', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 800 } });
  await waitForStableList(page, (s) => s.rows && s.rows.length > 2, 'the site list');

  // From the page's start, Tab reaches the search field, the type filters and the list rows.
  const toSearch = await tabTo(page, (m) => m.name === 'search', 'the search field');
  const toChip = await tabTo(page, (m) => m.name === 'type_chip', 'a type filter');
  const toRow = await tabTo(page, (m) => m.name === 'site_row', 'a site in the list');
  const seen = new Set([...toSearch.passed, ...toChip.passed, ...toRow.passed]);
  for (const name of ['search', 'type_chip', 'site_row']) assert.ok(seen.has(name), `Tab passed ${name}`);

  // The focus ring is drawn, in the brand red, around the focused row; before Tab it was not there.
  const row = toRow.mark;
  assert.ok(await redRingShare(page, row) > 0.6, 'a red focus ring around the focused row');
  await page.screenshot({ path: `${screenshotDir}/keyboard-focus-desktop.png` });

  // Enter selects the focused site, as a click would.
  await page.keyboard.press('Enter');
  await waitForState(page, (s) => s.selected === row.id, 'the focused site selected by Enter');

  // Back with Shift+Tab to a type filter, toggled with Space.
  const before = await appState(page);
  const chip = (await tabTo(page, (m) => m.name === 'type_chip' && m.id > 0, 'a type filter chip',
                            { back: true })).mark;
  assert.ok(await redRingShare(page, chip) > 0.6, 'a red focus ring around the focused chip');
  await page.keyboard.press('Space');
  await waitForState(page, (s) => s.listed < before.listed, 'the list filtered by the chip');

  // The mouse hides the ring again (ImGui shows it only while the keyboard is used): a click on the panel's
  // subtitle, below and left of the language switch.
  const language = (await appState(page)).marks.find((m) => m.name === 'language');
  await page.mouse.click(language.x - 120, language.y + language.h + 14);
  await waitForState(page, (s) => !focused(s), 'no focus ring after a click');
  assert.deepEqual(errors, []);
  await context.close();
});

// Issue 14.11: the first staff login, typed fast (name, Tab, password, Enter), was refused: the password's first
// character reached the app in the frame its field became active and was lost.
test('desktop: name, Tab, password and Enter typed fast sign in', async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 800 } });
  await waitForStableList(page, (s) => s.listed > 300, 'sites listed');
  const sent = [];
  page.on('request', (r) => { if (r.url().endsWith('/api/v1/auth/login')) sent.push(JSON.parse(r.postData())); });
  await clickMark(page, 'account');
  await waitForState(page, (s) => s.auth_open && mark(s, 'auth_username')?.active, 'the name field, ready to type');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'gy-text');
  await page.keyboard.type(staffAccount.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(staffAccount.password);
  await page.keyboard.press('Enter');
  const state = await waitForState(page, (s) => s.signed_in || s.feedback === 'login_failed',
                                   'an answer to the sign-in');
  assert.deepEqual(sent, [{ username: staffAccount.username, password: staffAccount.password }], 'what was typed, whole');
  assert.equal(state.signed_in, staffAccount.username);
  assert.deepEqual(errors, []);
  await context.close();
});
