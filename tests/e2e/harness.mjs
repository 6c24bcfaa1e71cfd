// tests/e2e/harness.mjs — starts the real server on a free port with a temporary database and the
// built web root, and launches Debian's Chromium headless with SwiftShader WebGL2. The server's clock stands at
// CLOCK_START (--test-clock) and every page's clock starts there too (Playwright's clock, then running), so that
// no browser test depends on the real date or time of day.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { chromium } = require(path.join(repo, 'node_modules/playwright-core'));

export const webRoot = process.env.GONGYOU_WEB_ROOT || path.join(repo, 'build/web');
export const screenshotDir = process.env.GONGYOU_SCREENSHOTS || path.join(repo, 'build/screenshots');

/** Tuesday 2026-12-01 08:00 in Hui'an: the server's clock stands here, and each page's clock starts here. */
export const CLOCK_START = '2026-12-01T08:00:00+08:00';
/** CLOCK_START in ms since the epoch: "now" for a test's own date arithmetic (the server's time). */
export const clockStartMs = Date.parse(CLOCK_START);

/** The staff account that useServerAndBrowser() creates with --create-admin. */
export const staffAccount = { username: 'staff', password: 'Staff-Pass-2026' };

/** Starts gongyou-server with the demo data (`data`: '--demo' for the county, '--demo-scale' for the 150,000
 *  stations) and staffAccount as an admin; resolves to { url, stop() }. */
export async function startServer({ data = '--demo', startTimeoutMs = 20000 } = {}) {
  const binary = process.env.GONGYOU_SERVER || path.join(repo, 'build/native/server/gongyou-server');
  if (!existsSync(path.join(webRoot, 'index.html'))) throw new Error(`no built web root at ${webRoot}: run make web`);
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-e2e-'));
  const clock = ['--test-clock', CLOCK_START];
  const made = spawnSync(binary, ['--db', path.join(dir, 'e2e.db'), '--create-admin', staffAccount.username, ...clock],
                         { input: `${staffAccount.password}\n`, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`--create-admin failed: ${made.stderr}`);
  const child = spawn(binary, ['--exit-with-parent', '--port', '0', '--db', path.join(dir, 'e2e.db'), data, '--web-root', webRoot, ...clock],
                      { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in ${startTimeoutMs / 1000} s`)), startTimeoutMs);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((r) => child.on('exit', (code) => r(code)));
      child.kill('SIGTERM');
      const code = await exited;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}

/** For a test file: one server and one browser for all its tests; the server must exit 0 on SIGTERM. */
export function useServerAndBrowser(serverOptions) {
  const env = {};
  before(async () => {
    mkdirSync(screenshotDir, { recursive: true });
    env.server = await startServer(serverOptions);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    if (env.server) assert.equal(await env.server.stop(), 0, 'server exits cleanly on SIGTERM');
  });
  return env;
}

/** Launches headless Chromium the way this machine supports it (see shared/notes/toolchain.md). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--use-gl=swiftshader', '--enable-unsafe-swiftshader',
           '--ignore-gpu-blocklist', '--enable-webgl'],
  });
}

/** The text of an uncaught page error; its stack goes to the test log (a C++ throw's wasm-function[N] frames
 *  are named by build/wasm/wasm/gongyou.js.symbols). */
export function pageErrorText(error) {
  process.stderr.write(`page error: ${error && error.stack ? error.stack : String(error)}\n`);
  return String(error);
}

/** A new browser context whose clock starts at CLOCK_START and then runs (Date, performance and timers). */
export async function newContext(browser, contextOptions) {
  const context = await browser.newContext(contextOptions);
  await context.clock.install({ time: clockStartMs });
  return context;
}

/** Opens the app in a new page at `hash` (the map unless told: most tests start from the site list; '' opens the
 *  home screen a worker first sees): tile requests fail as on this offline machine; console errors are collected. */
export async function openApp(browser, url, contextOptions, { hash = '#/map' } = {}) {
  const context = await newContext(browser, contextOptions);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Map tiles are expected to fail here (no internet); the app must then show its plain background.
    if (/tile\.openstreetmap\.org/.test(msg.location().url || '')) return;
    errors.push(msg.text());
  });
  page.on('pageerror', (e) => errors.push(pageErrorText(e)));
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort('internetdisconnected'));
  await page.goto(url + '/?test=1' + hash);
  return { context, page, errors };
}

/** The app's test hook snapshot (wasm/main.cpp publish_test_state). */
export async function appState(page) {
  return page.evaluate(() => JSON.parse(window.gongyouTest && window.gongyouTest.state || 'null'));
}

/** Waits until `predicate(state)` holds, polling the test hook. */
export async function waitForState(page, predicate, what, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  let state = null;
  while (Date.now() < end) {
    state = await appState(page);
    if (state?.id_conflicts) throw new Error(`ImGui found ${state.id_conflicts} widgets sharing an id (see the page)`);
    if (state && predicate(state)) return state;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(state)?.slice(0, 400)}`);
}

/** Waits until the list has stopped changing (the map's first fit re-sorts it) for `quietMs`, then returns the
 *  state. A page that is resized reports the map's move only after Leaflet's 200 ms debounce: wait longer there. */
export async function waitForStableList(page, predicate, what, { quietMs = 250 } = {}) {
  let previous = await waitForState(page, predicate, what);
  let since = Date.now();
  for (const end = Date.now() + 25000; Date.now() < end;) {
    await page.waitForTimeout(125);
    const current = await appState(page);
    if (JSON.stringify(current.rows) !== JSON.stringify(previous.rows) || !predicate(current)) since = Date.now();
    else if (Date.now() - since >= quietMs) return current;
    previous = current;
  }
  throw new Error(`the list of ${what} never settled`);
}

/** The rectangle of a marked control (ui/test_marks.h), optionally of one object; null if not drawn. */
export function mark(state, name, id) {
  return (state.marks || []).find((m) => m.name === name && (id === undefined || m.id === id)) || null;
}

/** Clicks the center of a marked control once it is drawn and has stopped moving (a window that
 *  appears is sized on its first frames; a list re-sorts when an answer arrives). */
export async function clickMark(page, name, id, what = name) {
  const same = (a, b) => a && b && a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
  let m = mark(await waitForState(page, (s) => mark(s, name, id), `${what} drawn`), name, id);
  for (const end = Date.now() + 15000; Date.now() < end;) {
    await page.waitForTimeout(150);
    const now = mark(await appState(page), name, id);
    if (same(now, m)) {
      await page.mouse.click(m.x + m.w / 2, m.y + m.h / 2);
      return m;
    }
    m = now || mark(await waitForState(page, (s) => mark(s, name, id), `${what} drawn`), name, id);
  }
  throw new Error(`${what} never stopped moving`);
}

/** Taps a destructive button twice, as a worker confirms it: the first tap turns it into its confirming words
 *  (ui/confirm_tap.h), the second, once it has settled there, acts. */
export async function confirmMark(page, name, id, what = name) {
  await clickMark(page, name, id, what);
  await clickMark(page, name, id, `${what}, confirming`);
}

/** Scrolls the window holding the marked control `anchor` with the mouse wheel (over where the anchor was first
 *  drawn: it may scroll away itself) until `name` is drawn. */
export async function scrollToMark(page, anchor, name, id) {
  let state = await appState(page);
  const a = mark(state, anchor);
  if (!a) throw new Error(`${anchor} is not drawn: nowhere to scroll`);
  for (let i = 0; i < 20; i++) {
    if (mark(state, name, id)) return;
    await page.mouse.move(a.x + a.w / 2, a.y + a.h / 2);
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(150);
    state = await appState(page);
  }
  throw new Error(`${name} never scrolled into view`);
}

/** Types text into a marked ImGui text field (click, then text as a keyboard or IME would commit it);
 *  `replace` selects what the field holds first (Ctrl+A), so the text replaces it. */
export async function typeInto(page, name, text, { replace = false } = {}) {
  await clickMark(page, name);
  await waitForState(page, (s) => mark(s, name)?.active, `${name} editing`);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'gy-text');
  if (replace) await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** The tab bar's mark of the section a screen belongs to (app/navigation.h section_of). */
export function sectionMark(screen) {
  return { home: 'tab_home', quizzes: 'tab_home', campaigns: 'tab_home', activities: 'tab_home', map: 'tab_map', slots: 'tab_map', courses: 'tab_courses' }[screen] || 'tab_me';
}

/** Signs in as `account` ({ username, password }): the header's account button on a desktop, 我的's sign-in button
 *  on a phone (then back to the section the test was in). */
export async function signIn(page, account) {
  const before = await appState(page);
  const phone = !mark(before, 'account');
  if (phone) {
    await clickMark(page, 'tab_me');
    await clickMark(page, 'me_sign_in');
  } else {
    await clickMark(page, 'account');
  }
  await waitForState(page, (s) => s.auth_open, 'the sign-in dialog');
  await typeInto(page, 'auth_username', account.username);
  await typeInto(page, 'auth_password', account.password);
  await clickMark(page, 'auth_submit');
  await waitForState(page, (s) => s.signed_in === account.username && !s.auth_open, 'signed in');
  if (phone && sectionMark(before.screen) !== 'tab_me') await clickMark(page, sectionMark(before.screen));
}

/** Signs out: the header's account button on a desktop, 我的's sign-out button on a phone (each asks twice). */
export async function signOut(page) {
  if (mark(await appState(page), 'account')) {
    await confirmMark(page, 'account');
  } else {
    await clickMark(page, 'tab_me');
    await confirmMark(page, 'me_sign_out');
  }
  await waitForState(page, (s) => !s.signed_in, 'signed out');
}

/** Waits until the map has stopped moving (a pan's inertia, a fly-to): its center and zoom read the same twice. */
export async function mapSettled(page, timeoutMs = 10000) {
  let last = JSON.stringify(await mapCenter(page));
  for (const end = Date.now() + timeoutMs; Date.now() < end;) {
    await page.waitForTimeout(100);
    const now = JSON.stringify(await mapCenter(page));
    if (now === last) return JSON.parse(now);
    last = now;
  }
  throw new Error('the map never stopped moving');
}

/** The Leaflet map's center and zoom. */
export async function mapCenter(page) {
  return page.evaluate(() => window.gongyouTest.mapCenter());
}

/** The two screens the feature tests run on: a phone held upright (touch, 2× pixels) and a desktop. */
export const phoneAndDesktop = [
  { name: 'phone-390x844', short: 'phn', options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
  { name: 'desktop-1280x800', short: 'dsk', options: { viewport: { width: 1280, height: 800 } } },
];

/** A JSON call to the test server of `env` (useServerAndBrowser()): { status, json }. */
export async function apiCall(env, method, url, { token, body } = {}) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(env.server.url + url, { method, headers, body: body && JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

/** waitForState, saying on a timeout which screen, which controls and what of the test hook's `part` (its feature's
 *  state: "quiz", "campaign", ...) were drawn. */
export async function waitForFeature(page, part, predicate, what) {
  try {
    return await waitForState(page, predicate, what);
  } catch (error) {
    const state = await appState(page);
    throw new Error(`${error.message.slice(0, 60)}…; screen ${state.screen}, ${part} ${JSON.stringify(state[part])}, ` +
                    `feedback ${state.feedback}, drawn: ${state.marks.map((m) => `${m.name}#${m.id}`).join(' ')}`);
  }
}

/** Saves a screenshot of `page` as build/screenshots/NAME.png. */
export const screenshot = (page, name) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
