import { openApp, launchBrowser, startServer, waitForState, appState } from './harness.mjs';
const server = await startServer(); const browser = await launchBrowser();
const all = []; let cursor = '';
for (;;) { const r = await (await fetch(`${server.url}/api/v1/sites?limit=200${cursor ? '&cursor=' + cursor : ''}`)).json(); all.push(...r.items); if (!r.next_cursor) break; cursor = r.next_cursor; }
all.sort((a, b) => (b.facilities.length + b.address.length / 10) - (a.facilities.length + a.address.length / 10));
const site = all[0]; console.log(site.name, site.facilities.length);
for (const [w, h, n] of [[390, 844, 'phone'], [1280, 800, 'desk']]) {
  const { page } = await openApp(browser, server.url, { viewport: { width: w, height: h }, deviceScaleFactor: 2 });
  await waitForState(page, (s) => s.listed > 0, 'sites');
  await page.evaluate((id) => { location.hash = `#/site/${id}`; }, site.id);
  await waitForState(page, (s) => s.selected === site.id, 'sel');
  await page.waitForTimeout(1500);
  const s = await appState(page);
  console.log(n, JSON.stringify(s.marks.filter((m) => m.name === 'details')), s.rows?.length);
  await page.screenshot({ path: `/tmp/details-${n}.png` });
}
await browser.close(); await server.stop();
