// tests/e2e/scale.test.mjs — the map at national scale (gongyou-server --demo-scale, 150,000 stations) in a real
// browser: the clusters of the first view add up to every station, zooming in shows single stations with their
// rings, clicking one fetches and shows its details, the coverage layer shows over a city; desktop and phone
// screenshots (build/screenshots/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser, openApp, waitForState, clickMark, typeInto, screenshotDir } from './harness.mjs';

const TOTAL = 150000;
const env = useServerAndBrowser({ data: '--demo-scale', startTimeoutMs: 120000 });

const clustered = (s) => s.cluster_map && s.cluster_map.markers.length > 0 && s.rows.length > 3;
const sum = (markers) => markers.reduce((n, m) => n + m[0], 0);
/** Sum of the counts of the markers on the map's canvas: a cluster's count, 1 for each single site. */
const drawnTotal = (page) => page.evaluate(() => window.gongyouTest.mapMarkers().reduce((n, m) => n + m.count, 0));

test('desktop: clusters add up to every station, zoom in to single stations, details of one', async () => {
  const started = Date.now();
  const { page, errors, context } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 800 } });
  let state = await waitForState(page, clustered, 'clusters drawn and the nearest sites listed', 60000);
  console.log(`150,000 stations: clusters drawn ${Date.now() - started} ms after opening the page`);
  assert.equal(state.cluster_map.total, TOTAL);
  assert.equal(sum(state.cluster_map.markers), TOTAL, 'the first view holds every station');
  assert.ok(state.cluster_map.markers.length < 600, `${state.cluster_map.markers.length} markers, not 150,000`);
  assert.equal(state.cluster_map.rings, false, 'no rings at country zoom');
  assert.equal(await drawnTotal(page), TOTAL, 'the counts on the map add up to every station');
  assert.ok(state.rows.length > 3 && state.listed === 100, `the list holds the 100 nearest (${state.listed})`);
  await page.clock.runFor(300);
  await page.screenshot({ path: path.join(screenshotDir, 'scale-desktop-1280x800.png') });

  // Search reaches all 150,000 stations, not only the 100 listed: the pinyin initials of 爱心驿站 list the
  // nearest stations of that name; clearing the search lists the nearest of every name again.
  await typeInto(page, 'search', 'axyz');
  state = await waitForState(page, (s) => s.listed_names.length > 10 && s.listed_names.every((n) => n.includes('爱心驿站')),
                             'the nearest 爱心驿站 listed');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await waitForState(page, (s) => s.listed === 100 && s.listed_names.some((n) => !n.includes('爱心驿站')),
                     'every name listed again');

  // The coverage layer over a city: switched on in the panel, drawn from zoom 11, off again.
  const site = await page.evaluate(async () => (await fetch('/api/v1/sites/4242')).json());
  await page.evaluate(([lat, lon]) => { Module.gyMap.map.setView([lat, lon], 12, { animate: false }); }, [site.lat, site.lon]);
  await clickMark(page, 'coverage');
  state = await waitForState(page, (s) => s.coverage.on && s.coverage.drawn, 'the coverage layer drawn');
  assert.equal(await page.locator('img.gy-coverage').count(), 1, 'one coverage image over the map');
  await page.clock.runFor(300);
  await page.screenshot({ path: path.join(screenshotDir, 'scale-coverage-1280x800.png') });
  await clickMark(page, 'coverage');
  await waitForState(page, (s) => !s.coverage.on, 'the coverage layer off');
  assert.equal(await page.locator('img.gy-coverage').count(), 0, 'the coverage image removed');

  // Zoom in on one station (beyond the last clustered zoom): single stations, each with its ring.
  await page.evaluate(([lat, lon]) => { Module.gyMap.map.setView([lat, lon], 17, { animate: false }); }, [site.lat, site.lon]);
  state = await waitForState(page, (s) => s.cluster_map.rings && s.cluster_map.markers.some((m) => m[1] === 4242),
                             'single stations with rings');
  assert.ok(state.cluster_map.markers.every((m) => m[0] === 1), 'zoomed in, every marker is one station');
  const singles = await page.evaluate(() => window.gongyouTest.mapMarkers().filter((m) => m.count === 1).length);
  assert.ok(singles >= 1, `${singles} single markers drawn`);

  // Clicking the station fetches its details by id.
  const point = await page.evaluate(([lat, lon]) => window.gongyouTest.pointOf(lat, lon), [site.lat, site.lon]);
  await page.mouse.click(point.x, point.y);
  state = await waitForState(page, (s) => s.selected === 4242, 'the clicked station selected');
  assert.equal(state.selected_name, site.name);
  assert.equal(state.selected_address, site.address);
  await page.clock.runFor(400);
  await page.screenshot({ path: path.join(screenshotDir, 'scale-selected-1280x800.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone: clusters above the bottom sheet', async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url,
    { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const state = await waitForState(page, clustered, 'clusters drawn', 60000);
  assert.equal(sum(state.cluster_map.markers), TOTAL);
  await page.clock.runFor(300);
  await page.screenshot({ path: path.join(screenshotDir, 'scale-phone-390x844.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
