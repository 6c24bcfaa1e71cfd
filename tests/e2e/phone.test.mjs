// tests/e2e/phone.test.mjs — the phone layout under a thumb: a long site card keeps the list in view and
// closes back to the filters, two fingers pinch-zoom the map, and turning the phone switches between the
// bottom sheet and the side panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appState, clickMark, mapCenter, mark, openApp, screenshotDir, useServerAndBrowser, waitForStableList,
  waitForState } from './harness.mjs';

const env = useServerAndBrowser();
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/** The demo site with the longest details (most facilities, longest address). */
async function longestSite() {
  const all = [];
  for (let cursor = ''; ;) {
    const page = await (await fetch(`${env.server.url}/api/v1/sites?limit=200${cursor && `&cursor=${cursor}`}`)).json();
    all.push(...page.items);
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  const weight = (s) => s.facilities.length * 20 + s.address.length;
  return all.reduce((a, b) => (weight(b) > weight(a) ? b : a));
}

// The first view was fitted while the sheet still covered most of the screen, and the county then sat small in the
// top corner above the settled sheet (issue 14.9: the map fits what it shows).
test('phone: the first view fills the map above the sheet with the whole county', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url, phone);
  await waitForStableList(page, (s) => s.listed > 300, 'sites listed');
  const box = await page.waitForFunction(() => {
    const r = window.gongyouTest.regionBox();
    if (!r || !r.insets) return null;
    const freeWidth = 390 - r.insets.left, freeHeight = 844 - r.insets.bottom;
    const inside = r.left >= r.insets.left - 1 && r.right <= 391 && r.top >= -1 && r.bottom <= freeHeight + 1;
    const fills = r.right - r.left >= 0.8 * (freeWidth - 16) || r.bottom - r.top >= 0.8 * (freeHeight - 16);
    return inside && fills ? r : null;
  }, null, { timeout: 10000 }).then((h) => h.jsonValue()).catch(async (e) => {
    throw new Error(`${e.message}; the region drawn at ${JSON.stringify(await page.evaluate(() => window.gongyouTest.regionBox()))}`);
  });
  assert.ok(box.insets.bottom > 200, 'the sheet covers the lower part');
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone: a long site card leaves the list in view; closing it brings the filters back', async () => {
  const site = await longestSite();
  const { context, page, errors } = await openApp(env.browser, env.server.url, phone);
  await waitForState(page, (s) => mark(s, 'type_chip'), 'the type filters');
  await page.evaluate((id) => { location.hash = `#/site/${id}`; }, site.id);
  const open = await waitForState(page, (s) => s.selected === site.id && mark(s, 'details', site.id) &&
                                              mark(s, 'site_row'), 'the card and the list under it');
  // The card's fields end above the sheet's bottom, the list shows at least one full row, and the filters
  // have made room.
  const details = mark(open, 'details', site.id);
  const rows = open.marks.filter((m) => m.name === 'site_row');
  assert.ok(details.y + details.h < 844, 'the details card fits in the sheet');
  assert.ok(rows.some((r) => r.y > details.y + details.h && r.y + r.h <= 844), 'a whole list row below the card');
  assert.equal(mark(open, 'type_chip'), null, 'the filters give way to the card');
  await page.screenshot({ path: `${screenshotDir}/site-card-phone.png` });

  // The close button is a full touch target and puts the card away: filters back, the link is the map's.
  const close = mark(open, 'close_site', site.id);
  assert.ok(close.w >= 44 && close.h >= 44, `close button ${close.w}×${close.h} CSS px`);
  await page.touchscreen.tap(close.x + close.w / 2, close.y + close.h / 2);
  await waitForState(page, (s) => s.selected === null && mark(s, 'type_chip'), 'the card closed');
  await page.waitForFunction(() => location.hash === '#/map');
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone: two fingers pinch-zoom the map above the sheet', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url, phone);
  await waitForState(page, (s) => s.listed > 0, 'the sites');
  await page.clock.runFor(500);  // the map's first fit
  const before = await mapCenter(page);
  const cdp = await context.newCDPSession(page);
  const cx = 195, cy = 180;  // above the sheet (it covers the lower 60 %)
  const fingers = (d) => [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(30) });
  for (let d = 40; d <= 150; d += 10) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
    await page.clock.runFor(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const zoomed = await page.waitForFunction((z) => {
    const now = window.gongyouTest.mapCenter().zoom;
    return now >= z + 1 ? now : false;
  }, before.zoom, { timeout: 5000 }).then((h) => h.jsonValue());
  assert.ok(zoomed >= before.zoom + 1, `zoom ${before.zoom} -> ${zoomed}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone turned: landscape gets the side panel, portrait the bottom sheet again', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url, phone);
  const portrait = await waitForState(page, (s) => mark(s, 'search'), 'the search field');
  assert.ok(mark(portrait, 'search').y > 844 * 0.35, 'portrait: the panel is a sheet at the bottom');

  await page.setViewportSize({ width: 844, height: 390 });
  const landscape = await waitForState(page, (s) => mark(s, 'search') && mark(s, 'search').y < 390 * 0.5 &&
                                                    mark(s, 'search').x + mark(s, 'search').w < 844 / 2,
                                       'the side panel on the left');
  assert.ok(mark(landscape, 'search').x < 40);
  // Short as it is, the panel still shows a whole list row under its compact filters.
  const listed = await waitForState(page, (s) => s.marks.some((m) => m.name === 'site_row' && m.y + m.h <= 390),
                                    'a whole list row in landscape');
  // The type chips are a row that scrolls sideways: the first few show, each whole.
  assert.ok(listed.marks.filter((m) => m.name === 'type_chip' && m.x + m.w <= 844 / 2).length >= 4,
            'the filters are there too');
  assert.equal(listed.marks.filter((m) => m.name === 'tab_home').length, 1, 'the sections once, not twice');
  await page.screenshot({ path: `${screenshotDir}/landscape-phone.png` });

  await page.setViewportSize({ width: 390, height: 844 });
  await waitForState(page, (s) => mark(s, 'search') && mark(s, 'search').y > 844 * 0.35, 'the sheet again');
  // Still usable after the turns: a tap on a list row selects it.
  // (the resize moved the map's center, so the list re-sorts first: once the sheet has settled and refitted the
  // region, and again when Leaflet reports the resize's move, 200 ms later)
  const state = await waitForStableList(page, (s) => mark(s, 'site_row'), 'the list after the turns', { quietMs: 1000 });
  const row = mark(state, 'site_row');
  await clickMark(page, 'site_row', row.id);
  await waitForState(page, (s) => s.selected === row.id, 'the row selected');
  assert.deepEqual(errors, [], JSON.stringify(await appState(page)).slice(0, 100));
  await context.close();
});

test('phone: a site card calls, finds the way in a map app, and shares its link', async () => {
  const site = await longestSite();
  const { context, page, errors } = await openApp(env.browser, env.server.url, phone);
  await waitForState(page, (s) => s.listed > 0, 'the sites');
  // Record the links the page follows instead of leaving for them (this machine is offline anyway).
  await page.evaluate(() => {
    window.gyFollowed = [];
    HTMLAnchorElement.prototype.click = function () { window.gyFollowed.push([this.href, this.target, this.rel]); };
  });
  await page.evaluate((id) => { location.hash = `#/site/${id}`; }, site.id);
  await waitForState(page, (s) => s.selected === site.id && mark(s, 'directions', site.id), 'the card');
  for (const name of ['call', 'directions', 'share']) {
    const m = mark(await appState(page), name, site.id);
    assert.ok(m.h >= 44, `${name}: ${m.h} CSS px high`);
  }

  await clickMark(page, 'call', site.id);
  await page.waitForFunction(() => window.gyFollowed.length === 1);
  const [tel] = (await page.evaluate(() => window.gyFollowed))[0];
  assert.equal(tel, `tel:${site.phone.replace(/[^0-9]/g, '')}`);

  await clickMark(page, 'directions', site.id);
  await clickMark(page, 'map_amap', site.id);
  await page.waitForFunction(() => window.gyFollowed.length === 2);
  const [amap, target, rel] = (await page.evaluate(() => window.gyFollowed))[1];
  const url = new URL(amap);
  assert.equal(url.host, 'uri.amap.com');
  assert.equal(url.searchParams.get('name'), site.name, 'the name arrives whole, percent-encoded');
  const [lon, lat] = url.searchParams.get('position').split(',').map(Number);
  assert.ok(Math.abs(lon - site.lon) > 1e-4 && Math.abs(lon - site.lon) < 0.01, 'GCJ-02, shifted by metres, not kilometres');
  assert.ok(Math.abs(lat - site.lat) < 0.01);
  assert.equal(target, '_blank');
  assert.match(rel, /noopener/);

  await clickMark(page, 'share', site.id);
  await waitForState(page, (s) => s.shared === site.id, 'the link shared');
  assert.deepEqual(errors, []);
  await context.close();
});

test('phone: the filter menu narrows the list to a facility and to sites open now', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url, phone);
  const all = (await waitForState(page, (s) => s.listed > 300, 'the sites')).listed;
  await clickMark(page, 'filters');
  const menu = await waitForState(page, (s) => mark(s, 'filter_facility', 0), 'the filter menu');
  assert.ok(mark(menu, 'filter_facility', 0).h >= 44, 'menu rows are touch targets');
  await clickMark(page, 'filter_facility', 0);  // 饮用水
  const water = (await waitForState(page, (s) => s.listed < all, 'sites with drinking water')).listed;
  assert.ok(water > 0);
  await clickMark(page, 'filter_open_now');
  await waitForState(page, (s) => s.listed <= water, 'and open now');
  await page.screenshot({ path: `${screenshotDir}/filters-phone.png` });
  await clickMark(page, 'filter_facility', 0);
  await clickMark(page, 'filter_open_now');
  await waitForState(page, (s) => s.listed === all, 'every site again');
  assert.deepEqual(errors, []);
  await context.close();
});
