// tests/e2e/campaign.test.mjs — a message campaign in a real browser (issue 16.4): a worker opens 留言征集 from 首页,
// writes a message in the open demo campaign and sees it waiting for review — and not among the shown messages; the
// union's staff approve it on another device; the worker then finds it among the newest and likes it once. On a
// phone and a desktop. Screenshots go to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openApp, mark, clickMark, typeInto, signIn, staffAccount, scrollToMark,
         phoneAndDesktop, apiCall, waitForFeature, screenshot } from './harness.mjs';

const env = useServerAndBrowser();

const layouts = phoneAndDesktop;

const api = (method, url, options) => apiCall(env, method, url, options);

const waitFor = (page, predicate, what) => waitForFeature(page, 'campaign', predicate, what);

const shot = screenshot;

for (const layout of layouts) {
  test(`${layout.name}: write in the open campaign, staff approve it elsewhere, find it among the newest and like it`, async () => {
    const account = { username: `camp_${layout.short}`, password: 'Camp-Pass-2026' };
    assert.equal((await api('POST', '/api/v1/auth/register', { body: { ...account, display_name: '陈师傅' } })).status, 201);
    const open = (await api('GET', '/api/v1/campaigns')).json.items.find((c) => c.status === 'open');
    assert.ok(open, 'the demo has an open campaign');
    const text = `跑外卖五年了，工会驿站让我们有了歇脚的地方（${layout.short}）`;

    const { page, errors, context } = await openApp(env.browser, env.server.url, layout.options, { hash: '' });
    await signIn(page, account);
    await waitFor(page, (s) => s.screen === 'home' && mark(s, 'tile_campaigns'), 'the 留言征集 tile');
    await clickMark(page, 'tile_campaigns', undefined, '留言征集');
    await waitFor(page, (s) => s.screen === 'campaigns' && mark(s, 'campaign_open', open.id), 'the open campaign listed');
    await shot(page, `campaign-list-${layout.name}`);
    await clickMark(page, 'campaign_open', open.id, 'the open campaign');
    await waitFor(page, (s) => s.campaign?.view === 'detail' && s.campaign.messages.length > 0 && mark(s, 'campaign_write'),
                  'the campaign with its messages');
    await shot(page, `campaign-detail-${layout.name}`);
    await clickMark(page, 'campaign_write', undefined, '我要留言');
    await typeInto(page, 'campaign_draft', text);
    await clickMark(page, 'campaign_submit', undefined, '提交留言');
    let state = await waitFor(page, (s) => s.campaign.posted === 1 && s.campaign.mine.length === 1, 'my message sent');
    const mine = state.campaign.mine[0];
    assert.equal(mine.status, 'pending');
    assert.ok(!state.campaign.messages.some((m) => m.id === mine.id), 'not shown before review');
    const shown = await api('GET', `/api/v1/campaigns/${open.id}/messages?order=newest`);
    assert.ok(!shown.json.items.some((m) => m.id === mine.id), 'nor listed to anyone');

    // The union's staff approve it on another device.
    const desk = await openApp(env.browser, env.server.url, layout.options, { hash: '' });
    await signIn(desk.page, staffAccount);
    await waitFor(desk.page, (s) => s.screen === 'home', 'home after signing in');
    await desk.page.evaluate((id) => { window.location.hash = `#/campaigns/${id}/review`; }, open.id);
    await waitFor(desk.page, (s) => s.screen === 'campaigns' && s.campaign?.view === 'review' &&
                                    s.campaign.pending.includes(mine.id) && mark(s, 'campaign_pending'),
                  'the message in the review queue');
    await shot(desk.page, `campaign-review-${layout.name}`);
    // The queue is oldest first: the new message is at its end.
    await scrollToMark(desk.page, 'campaign_pending', 'campaign_approve', mine.id);
    await clickMark(desk.page, 'campaign_approve', mine.id, '通过');
    await waitFor(desk.page, (s) => !s.campaign.pending.includes(mine.id), 'approved');
    assert.deepEqual(desk.errors, []);
    await desk.context.close();

    // Back on the worker's phone: shown among the newest, liked once.
    await page.evaluate(() => { window.location.hash = '#/campaigns'; });
    await waitFor(page, (s) => s.campaign?.view === 'list', 'the campaigns');
    await page.evaluate((id) => { window.location.hash = `#/campaigns/${id}`; }, open.id);
    await waitFor(page, (s) => s.campaign?.view === 'detail' && s.campaign.mine[0]?.status === 'approved', 'my message approved');
    await clickMark(page, 'campaign_order', 1, '最新');
    await waitFor(page, (s) => s.campaign.messages[0]?.id === mine.id && mark(s, 'campaign_title'), 'mine first among the newest');
    await scrollToMark(page, 'campaign_title', 'campaign_like', mine.id);
    await clickMark(page, 'campaign_like', mine.id, '赞');
    state = await waitFor(page, (s) => s.campaign.messages[0]?.liked === true, 'liked');
    assert.equal(state.campaign.messages[0].likes, 1);
    await shot(page, `campaign-liked-${layout.name}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
