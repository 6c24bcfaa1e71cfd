// tests/e2e/activity.test.mjs — union activities in a real browser (issue 16.5): a worker opens 活动报名 from 首页 on a
// phone and on a desktop, opens an activity that still has places, signs up, sees 已报名 and finds it in 我的活动; on
// a 惠工鹊桥 matchmaking event the declaration (age, single, phone) is typed in and the phone never comes back in any
// answer the browser receives. Screenshots go to build/screenshots/ (copied to docs/screenshots/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openApp, appState, mark, clickMark, signIn, scrollToMark, typeInto, phoneAndDesktop,
         apiCall, waitForFeature, screenshot } from './harness.mjs';

const env = useServerAndBrowser();

const layouts = phoneAndDesktop;

const api = (method, url, options) => apiCall(env, method, url, options);

const waitFor = (page, predicate, what) => waitForFeature(page, 'activity', predicate, what);

const shot = screenshot;

async function register(short, prefix) {
  const account = { username: `${prefix}_${short}`, password: 'Activity-Pass-2026' };
  const made = await api('POST', '/api/v1/auth/register', { body: { ...account, display_name: '陈师傅' } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  return account;
}

for (const layout of layouts) {
  test(`${layout.name}: sign up for an activity from 首页 and find it in 我的活动`, async () => {
    const account = await register(layout.short, 'act');
    const listed = (await api('GET', '/api/v1/activities')).json.items;
    const target = listed.find((a) => a.signup === 'open' && !a.members_only && a.kind !== 'matchmaking' &&
                                      a.places !== null && a.places_left >= 2 && a.site);
    assert.ok(target, 'the demo has an open activity at a site with places');

    const { page, errors, context } = await openApp(env.browser, env.server.url, layout.options, { hash: '' });
    await signIn(page, account);
    await waitFor(page, (s) => s.screen === 'home' && mark(s, 'tile_activities'), 'the 活动报名 tile');
    await clickMark(page, 'tile_activities', undefined, '活动报名');
    await waitFor(page, (s) => s.screen === 'activities' && s.activity?.listed === listed.length, 'the activities listed');
    await shot(page, `activity-list-${layout.name}`);
    await scrollToMark(page, 'activity_kind_all', 'activity_open', target.id);
    await clickMark(page, 'activity_open', target.id, 'the activity');
    await waitFor(page, (s) => s.activity?.view === 'detail' && mark(s, 'activity_sign_up', target.id), 'its page');
    if (layout.short === 'phn') assert.ok(mark(await appState(page), 'activity_sign_up', target.id).h >= 44, 'a thumb-sized button');
    await shot(page, `activity-detail-${layout.name}`);
    await clickMark(page, 'activity_sign_up', target.id, '我要报名');
    const state = await waitFor(page, (s) => s.activity?.my_status === 'confirmed' && mark(s, 'activity_my_status', target.id) &&
                                s.activity.places_left === target.places_left - 1, '已报名 and one place fewer');
    assert.equal(state.activity.places_left, target.places_left - 1);
    await shot(page, `activity-signed-up-${layout.name}`);
    const token = (await api('POST', '/api/v1/auth/login', { body: account })).json.token;
    const mine = (await api('GET', '/api/v1/me/activities', { token })).json.items;
    assert.deepEqual(mine.map((m) => [m.activity_id, m.status]), [[target.id, 'confirmed']]);
    // 我的 lists it with its status; a tap opens it again.
    await clickMark(page, 'tab_me', undefined, '我的');
    await waitFor(page, (s) => s.screen === 'me' && s.activity?.my_activities?.length === 1, '我的活动');
    if (!mark(await appState(page), 'me_activity', target.id)) await scrollToMark(page, 'me_sign_out', 'me_activity', target.id);
    await shot(page, `activity-mine-${layout.name}`);
    await clickMark(page, 'me_activity', target.id, 'my activity');
    await waitFor(page, (s) => s.screen === 'activities' && s.activity?.opened === target.id, 'back on its page');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('惠工鹊桥 on a phone: the declaration is typed in and the phone never comes back to the browser', async () => {
  const layout = layouts[0];
  const account = await register('mm', 'single');
  const event = (await api('GET', '/api/v1/activities?kind=matchmaking')).json.items
    .find((a) => a.signup === 'open' && a.places_left > 0);
  assert.ok(event, 'an open matchmaking event with places');
  const { page, errors, context } = await openApp(env.browser, env.server.url, layout.options, { hash: '' });
  const seen = [];
  page.on('response', async (response) => {
    if (!/\/api\/v1\//.test(response.url())) return;
    try { seen.push(await response.text()); } catch { /* a body already gone */ }
  });
  await signIn(page, account);
  await clickMark(page, 'tile_activities', undefined, '活动报名');
  await clickMark(page, 'activity_kind', 5, 'the 惠工鹊桥 chip');  // ActivityKind::matchmaking
  await waitFor(page, (s) => s.activity?.listed > 0 && mark(s, 'activity_kind_all'), 'the matchmaking events');
  await scrollToMark(page, 'activity_kind_all', 'activity_open', event.id);
  await clickMark(page, 'activity_open', event.id, 'the event');
  await waitFor(page, (s) => s.activity?.opened === event.id && mark(s, 'activity_age'), 'the declaration form');
  await typeInto(page, 'activity_age', String(event.age_range.min + 3));
  // The form sits below the event's description: on a phone it scrolls into view field by field.
  const reach = async (from, name, id) => { if (!mark(await appState(page), name, id)) await scrollToMark(page, from, name, id); };
  await reach('activity_age', 'activity_phone');
  await typeInto(page, 'activity_phone', '13912340000');
  await reach('activity_phone', 'activity_single');
  await clickMark(page, 'activity_single', undefined, '单身声明');
  await reach('activity_single', 'activity_sign_up', event.id);
  await waitFor(page, (s) => mark(s, 'activity_sign_up', event.id), '我要报名 enabled');
  await shot(page, `activity-matchmaking-${layout.name}`);
  await clickMark(page, 'activity_sign_up', event.id, '我要报名');
  await waitFor(page, (s) => s.activity?.my_status === 'confirmed', '已报名');
  for (const text of seen) assert.ok(!text.includes('13912340000'), `the phone came back: ${text.slice(0, 200)}`);
  assert.ok(seen.length > 2);
  assert.deepEqual(errors, []);
  await context.close();
});
