// tests/e2e/offline.test.mjs — the offline shell in a real browser: after a visit, the page opens with
// the server down, shows the sites last loaded with an offline banner, and says that signing in (and so
// booking) needs a connection. Screenshot at 390×844.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, newContext, waitForState, clickMark, typeInto, screenshotDir } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('phone: the page opens offline with the last sites', async () => {
  const context = await newContext(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort('internetdisconnected'));
  const url = `${server.url}/?test=1`;
  await page.goto(url);
  await waitForState(page, (s) => s.sites >= 300 && !s.offline, 'the sites online');
  // The first visit installs the service worker; from the next one on it answers the page's requests.
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  await page.reload();
  await waitForState(page, (s) => s.sites >= 300 && !s.offline, 'the sites through the service worker');

  assert.equal(await server.stop(), 0);
  server = null;
  await page.reload();
  const state = await waitForState(page, (s) => s.sites >= 300 && s.offline, 'the last sites, offline');
  assert.equal(state.sites, 316);
  await page.screenshot({ path: path.join(screenshotDir, 'offline-phone-390x844.png') });

  // Signing in (needed to book) says that it needs the network.
  await clickMark(page, 'tab_me');
  await clickMark(page, 'me_sign_in');
  await waitForState(page, (s) => s.auth_open, 'the sign-in dialog');
  await typeInto(page, 'auth_username', 'demo');
  await typeInto(page, 'auth_password', 'Gongyou-2026');
  await clickMark(page, 'auth_submit');
  await waitForState(page, (s) => s.feedback === 'network', 'a clear no-network message');
  await context.close();
});
