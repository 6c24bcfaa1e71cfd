// tests/e2e/coverage.test.mjs — the staff coverage analysis in a real browser: the staff member signs in, opens
// 管理 → 覆盖分析, sees every town with its members and share (the same figures as the API, lowest share first),
// asks for one more "where next" suggestion, shows the suggestions as numbered pins on the map and downloads the
// GeoJSON export. Screenshots at 1280×800 and 390×844 go to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useServerAndBrowser, openApp, waitForState, waitForStableList, clickMark, scrollToMark, staffAccount,
         signIn, screenshotDir } from './harness.mjs';

const env = useServerAndBrowser();

const layouts = [
  { name: 'desktop-1280x800', options: { viewport: { width: 1280, height: 800 } } },
  { name: 'phone-390x844', options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
];

async function staffApi(url) {
  const login = await fetch(`${env.server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(staffAccount) });
  const { token } = await login.json();
  const response = await fetch(env.server.url + url, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200);
  return response.json();
}

for (const layout of layouts) {
  test(`${layout.name}: staff see coverage per town, ask where next, pin it on the map and export GeoJSON`, async () => {
    const { page, errors, context } = await openApp(env.browser, env.server.url, layout.options);
    await waitForStableList(page, (s) => s.sites >= 300 && s.rows.length > 2, 'sites');
    await signIn(page, staffAccount);

    await clickMark(page, 'tab_me');
    await clickMark(page, 'me_coverage');
    let state = await waitForState(page, (s) => s.screen === 'coverage' && s.coverage_analysis.towns.length === 16 &&
                                              s.coverage_analysis.suggestions.length === 5 && !s.coverage_analysis.loading,
                                   'the coverage screen with 16 towns and 5 suggestions');
    const towns = (await staffApi('/api/v1/coverage/towns')).towns;
    assert.deepEqual(state.coverage_analysis.towns, towns.map((t) => ({ town: t.town, members: t.members, covered: t.covered })));

    await clickMark(page, 'k_plus');
    state = await waitForState(page, (s) => s.coverage_analysis.k === 6 && s.coverage_analysis.suggestions.length === 6,
                               'six suggestions');
    const expected = (await staffApi('/api/v1/coverage/suggestions?k=6')).items;
    assert.deepEqual(state.coverage_analysis.suggestions.map((s) => s.members_added), expected.map((s) => s.members_added));

    await scrollToMark(page, 'k_value', 'suggestions_on_map');
    await clickMark(page, 'suggestions_on_map');
    await waitForState(page, (s) => s.coverage_analysis.on_map, 'the pins asked for');
    await page.waitForFunction(() => document.querySelectorAll('.gy-suggestion').length === 6);
    const ranks = await page.$$eval('.gy-suggestion', (pins) => pins.map((p) => p.textContent));
    assert.deepEqual(ranks, ['1', '2', '3', '4', '5', '6']);
    await page.clock.runFor(800);  // the map's fit animation
    await page.screenshot({ path: path.join(screenshotDir, `coverage-${layout.name}.png`) });

    const [download] = await Promise.all([page.waitForEvent('download'), clickMark(page, 'export_geojson')]);
    assert.equal(download.suggestedFilename(), 'gongyou-coverage.geojson');
    const geojson = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(geojson.type, 'FeatureCollection');
    assert.ok(geojson.features.some((f) => f.properties.kind === 'ring'));
    assert.ok(geojson.features.some((f) => f.properties.kind === 'workplace'));

    // Back to the site list: the pins go with the coverage screen.
    await clickMark(page, 'tab_map');
    await page.waitForFunction(() => document.querySelectorAll('.gy-suggestion').length === 0);
    assert.deepEqual(errors, [], 'no console errors');
    await context.close();
  });
}
