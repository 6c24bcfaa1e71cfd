// tests/e2e/courses.test.mjs — the classroom (中心学堂) in a real browser: search the catalog by pinyin
// initials, open a course, sign in and enroll, mark a lesson done, see my courses, ask for a lecture at
// the map's center, and (desktop) staff accept it. Screenshots of each screen at 1280×800 and 390×844
// go to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useServerAndBrowser, openApp, waitForState, waitForStableList, clickMark, typeInto, scrollToMark, staffAccount,
         screenshotDir } from './harness.mjs';

const env = useServerAndBrowser();

const layouts = [
  { name: 'desktop-1280x800', options: { viewport: { width: 1280, height: 800 } } },
  { name: 'phone-390x844', options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
];

/** Registers a worker through the API (each layout enrolls with its own account). */
async function newWorker(tag) {
  const account = { username: `worker_${tag.slice(0, 5)}`, password: 'Worker-pass-26' };
  const response = await fetch(`${env.server.url}/api/v1/auth/register`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...account, display_name: '林师傅' }) });
  assert.equal(response.status, 201);
  return account;
}

async function signIn(page, account) {
  await waitForState(page, (s) => s.auth_open, 'the sign-in dialog');
  await typeInto(page, 'auth_username', account.username);
  await typeInto(page, 'auth_password', account.password);
  await clickMark(page, 'auth_submit');
  await waitForState(page, (s) => s.signed_in === account.username && !s.auth_open, 'signed in');
}

for (const layout of layouts) {
  test(`${layout.name}: catalog, enroll, progress, lecture request`, async () => {
    const { page, errors, context } = await openApp(env.browser, env.server.url, layout.options);
    const shot = (name) => page.screenshot({ path: path.join(screenshotDir, `courses-${name}-${layout.name}.png`) });
    await waitForStableList(page, (s) => s.sites >= 300 && s.rows.length > 2, 'sites');

    // The catalog, then a search by pinyin initials: ldf = 劳动法.
    await clickMark(page, 'tab_courses');
    let state = await waitForState(page, (s) => s.courses.list.length > 10 && s.courses.categories >= 50, 'the catalog');
    await shot('catalog');
    await typeInto(page, 'course_search', 'ldf');
    state = await waitForState(page, (s) => s.courses.list.length > 0 && s.courses.list.every((c) => c.title.includes('劳动法')),
                               'courses found by pinyin initials');
    await shot('search');

    // A course: sign in when enrolling, then enroll.
    const course = state.courses.list[0];
    await clickMark(page, 'course_row', course.id, 'the course row');
    await waitForState(page, (s) => s.courses.view === 'detail' && s.courses.detail === course.id, 'the course detail');
    await clickMark(page, 'enroll', course.id, 'the enroll button');
    await signIn(page, await newWorker(layout.name));
    await clickMark(page, 'enroll', course.id, 'the enroll button');
    state = await waitForState(page, (s) => s.feedback === 'enrolled' || s.feedback === 'course_waitlisted', 'enrolled');
    state = await waitForState(page, (s) => s.courses.mine.some((m) => m.id === course.id), 'the course in my courses');
    if (state.courses.mine.find((m) => m.id === course.id).status === 'confirmed') {
      await clickMark(page, 'lesson', 1, 'the first lesson\'s box');
      await waitForState(page, (s) => s.courses.mine.find((m) => m.id === course.id)?.done === 1, 'one lesson done');
    }
    await shot('detail');
    await clickMark(page, 'course_tab_mine');
    await waitForState(page, (s) => s.courses.view === 'mine', 'my courses');
    await shot('mine');

    // A lecture request at the map's center.
    await clickMark(page, 'course_tab_requests');
    await clickMark(page, 'ask_lecture');
    await typeInto(page, 'request_topic', `《劳动法》进企业 ${layout.name.slice(0, 5)}`);
    await typeInto(page, 'request_address', '惠安县螺城镇建设路8号 <b>车间</b>');
    await clickMark(page, 'pick_place');
    await shot('request');
    await scrollToMark(page, 'pick_place', 'submit_request');
    await clickMark(page, 'submit_request');
    state = await waitForState(page, (s) => s.feedback === 'request_sent' && s.courses.view === 'requests' &&
                                            s.courses.requests.length > 0, 'the request sent');
    await shot('requests');
    assert.deepEqual(errors, [], 'no console errors');
    await context.close();
  });
}

test('desktop-1280x800: staff review a lecture request', async () => {
  const { page, errors, context } = await openApp(env.browser, env.server.url, layouts[0].options);
  await waitForStableList(page, (s) => s.sites >= 300 && s.rows.length > 2, 'sites');
  await clickMark(page, 'account');
  await signIn(page, staffAccount);
  await clickMark(page, 'tab_courses');
  await clickMark(page, 'course_tab_staff');
  let state = await waitForState(page, (s) => s.courses.view === 'staff_requests' && s.courses.requests.some((r) => r.status === 'pending'),
                                 'pending requests');
  const pending = state.courses.requests.find((r) => r.status === 'pending');
  await clickMark(page, 'accept', pending.id, 'the accept button');
  state = await waitForState(page, (s) => s.courses.requests.some((r) => r.id === pending.id && r.status === 'accepted'),
                             'the request accepted');
  await page.screenshot({ path: path.join(screenshotDir, 'courses-staff-desktop-1280x800.png') });
  assert.deepEqual(errors, [], 'no console errors');
  await context.close();
});
