// tests/e2e/links.test.mjs — deep links and history in a real browser: a shared link opens the same
// view, choosing sites adds history entries, back and forward move between them, an edited hash opens
// a Workers' Home's slot grid or a course category.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newContext, pageErrorText, useServerAndBrowser, waitForState } from './harness.mjs';

const env = useServerAndBrowser();

test('desktop: links, back and forward', async () => {
  const get = async (url) => (await fetch(env.server.url + url)).json();
  const [first, second] = (await get('/api/v1/sites?type=workers_home&limit=2')).items;
  const context = await newContext(env.browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort('internetdisconnected'));
  const errors = [];
  page.on('pageerror', (e) => errors.push(pageErrorText(e)));

  // A shared link to a site opens it selected.
  await page.goto(`${env.server.url}/?test=1#/site/${first.id}`);
  await waitForState(page, (s) => s.selected === first.id, 'the linked site selected');

  // Choosing another site (through its own link, as a click would) adds a history entry; back returns.
  await page.evaluate((id) => { location.hash = `#/site/${id}`; }, second.id);
  await waitForState(page, (s) => s.selected === second.id, 'the second site');
  await page.goBack();
  await waitForState(page, (s) => s.selected === first.id, 'back to the first site');
  await page.goForward();
  await waitForState(page, (s) => s.selected === second.id, 'forward to the second site');

  // The slot grid of a Workers' Home, and a course category, by link.
  await page.evaluate((id) => { location.hash = `#/home/${id}/book`; }, first.id);
  await waitForState(page, (s) => s.screen === 'slots' && s.slots.length > 0, 'the slot grid by link');
  const category = (await get('/api/v1/course-categories')).items.find((c) => c.parent_id !== null);
  await page.evaluate((id) => { location.hash = `#/courses/${id}`; }, category.id);
  await waitForState(page, (s) => s.screen === 'courses' && s.courses.list.length > 0, 'a category by link');

  // A hostile or broken link is rewritten in place to where the app is.
  await page.evaluate(() => { location.hash = '#/site/<img src=x onerror=alert(1)>'; });
  await page.waitForFunction((id) => location.hash === `#/courses/${id}`, category.id);
  assert.deepEqual(errors, []);
  await context.close();
});
