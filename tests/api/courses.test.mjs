// tests/api/courses.test.mjs — the course catalog: the category tree and its counts, search by Chinese
// substring and by pinyin initials, filters, the three orders, and cursor paging without repeats or gaps.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { assertError, startBookingServer } from './booking_helpers.mjs';

let server;
before(async () => { server = await startBookingServer(); });
after(async () => assert.equal(await server.stop(), 0));

const get = (path, token) => server.call('GET', path, { token });

/** Every course of a listing, following next_cursor; asserts no page repeats an id. */
async function allPages(query, limit = 37) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < 100; ++page) {
    const suffix = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await get(`/api/v1/courses?${query}&limit=${limit}${suffix}`);
    assert.equal(response.status, 200, response.text);
    assert.ok(response.json.items.length <= limit);
    items.push(...response.json.items);
    cursor = response.json.next_cursor;
    if (cursor === null) break;
  }
  assert.equal(new Set(items.map((c) => c.id)).size, items.length, `no duplicates in ${query}`);
  return items;
}

test('categories: a two-level tree of 50+ with course counts that add up', async () => {
  const response = await get('/api/v1/course-categories');
  assert.equal(response.status, 200);
  const categories = response.json.items;
  assert.ok(categories.length >= 50, `${categories.length} categories`);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const tops = categories.filter((c) => c.parent_id === null);
  assert.ok(tops.length >= 6);
  for (const c of categories) {
    assert.deepEqual(Object.keys(c).sort(), ['course_count', 'id', 'name', 'parent_id']);
    if (c.parent_id !== null) assert.equal(byId.get(c.parent_id).parent_id, null, 'two levels only');
  }
  for (const top of tops) {
    const subs = categories.filter((c) => c.parent_id === top.id);
    assert.ok(subs.length > 0);
    assert.equal(top.course_count, subs.reduce((n, s) => n + s.course_count, 0), top.name);
    const index = categories.indexOf(top);
    assert.deepEqual(categories.slice(index + 1, index + 1 + subs.length), subs, 'subcategories follow their top');
  }
  const all = await allPages('sort=title', 100);
  assert.ok(all.length >= 300, `${all.length} courses`);
  assert.equal(tops.reduce((n, t) => n + t.course_count, 0), all.length);
  const sub = categories.find((c) => c.parent_id !== null);
  const inSub = await allPages(`category=${sub.id}`);
  assert.equal(inSub.length, sub.course_count);
  assert.ok(inSub.every((c) => c.category_id === sub.id));
  const top = tops[2];
  const inTop = await allPages(`category=${top.id}`);
  assert.equal(inTop.length, top.course_count);
  assert.ok(inTop.every((c) => byId.get(c.category_id).parent_id === top.id));
});

test('course list items and detail: online lessons, in-person sessions at a site', async () => {
  const online = (await get('/api/v1/courses?format=online&limit=5')).json.items;
  const inPerson = (await get('/api/v1/courses?format=in_person&limit=5')).json.items;
  assert.equal(online.length, 5);
  assert.equal(inPerson.length, 5);
  assert.deepEqual(Object.keys(online[0]).sort(), ['capacity', 'category_id', 'ends_at', 'enrolled', 'format', 'hours',
    'id', 'lessons_total', 'my_enrollment', 'published_at', 'remaining_places', 'site_id', 'site_name', 'starts_at',
    'summary', 'teacher', 'title', 'waitlist']);
  for (const c of online) {
    assert.equal(c.format, 'online');
    assert.deepEqual([c.site_id, c.capacity, c.remaining_places, c.starts_at], [null, null, null, null]);
  }
  for (const c of inPerson) {
    assert.equal(c.format, 'in_person');
    assert.ok(c.site_id > 0 && c.capacity > 0 && c.remaining_places === c.capacity - c.enrolled);
    assert.match(c.starts_at, /\+08:00$/);
  }
  const detail = (await get(`/api/v1/courses/${online[0].id}`)).json;
  assert.equal(detail.lessons.length, detail.lessons_total);
  assert.deepEqual(detail.lessons.map((l) => l.index), detail.lessons.map((_, i) => i + 1));
  for (const l of detail.lessons) {
    assert.ok(['video', 'text'].includes(l.kind));
    assert.ok(l.kind === 'video' ? l.url.startsWith('https://') : l.text.length > 0);
  }
  assert.equal(detail.site, null);
  const classDetail = (await get(`/api/v1/courses/${inPerson[0].id}`)).json;
  assert.ok(classDetail.lessons.length >= 2);
  assert.ok(classDetail.lessons.every((l) => l.kind === 'session' && l.start < l.end));
  assert.equal(classDetail.lessons[0].start, classDetail.starts_at);
  assert.equal(classDetail.site.id, classDetail.site_id);
  assert.ok(Math.abs(classDetail.site.lat - 25) < 0.5 && Math.abs(classDetail.site.lon - 118.8) < 0.5);
  const site = (await get(`/api/v1/sites/${classDetail.site_id}`)).json;
  assert.ok(site.bookable, 'classes meet at bookable sites');
  assertError(await get('/api/v1/courses/999999'), 404, 'not_found');
  assertError(await get('/api/v1/courses/abc'), 404, 'not_found');
});

test('search: Chinese substring, pinyin initials (ldf finds 劳动法), teacher, combined filters', async () => {
  const chinese = await allPages(`q=${encodeURIComponent('劳动法')}`);
  assert.ok(chinese.length >= 1);
  assert.ok(chinese.every((c) => c.title.includes('劳动法') || c.teacher.includes('劳动法')));
  const initials = await allPages('q=ldf');
  const found = new Set(initials.map((c) => c.id));
  for (const c of chinese.filter((c) => c.title.includes('劳动法'))) assert.ok(found.has(c.id), `ldf finds ${c.title}`);
  assert.deepEqual(await allPages('q=LDF'), initials, 'initials ignore case');
  // Whole syllables too (issue 14.8): every 劳动法 course, and only courses the initials find as well.
  const whole = await allPages('q=laodongfa');
  const wholeIds = new Set(whole.map((c) => c.id));
  for (const c of chinese.filter((c) => c.title.includes('劳动法'))) assert.ok(wholeIds.has(c.id), `laodongfa finds ${c.title}`);
  assert.ok(whole.every((c) => found.has(c.id)), 'a whole-pinyin match is an initials match');
  assert.deepEqual(await allPages('q=LaoDongFa'), whole, 'whole pinyin ignores case');
  assert.deepEqual(await allPages('q=laodongfaxyz'), [], 'and needs every letter');
  const teacher = chinese[0].teacher;
  const byTeacher = await allPages(`q=${encodeURIComponent(teacher)}`);
  assert.ok(byTeacher.length >= 1 && byTeacher.every((c) => c.teacher.includes(teacher) || c.title.includes(teacher)));
  const literal = await allPages(`q=${encodeURIComponent("%_'; DROP TABLE courses;--")}`);
  assert.equal(literal.length, 0, 'LIKE and SQL characters are literal');
  const onlineSafety = await allPages(`q=${encodeURIComponent('安全')}&format=online`);
  assert.ok(onlineSafety.length > 0 && onlineSafety.every((c) => c.format === 'online' && c.title.includes('安全')));
});

test('orders: title, newest, popular; pages neither repeat nor skip', async () => {
  const byTitle = await allPages('sort=title', 23);
  const whole = (await get('/api/v1/courses?sort=title&limit=100')).json.items;
  assert.deepEqual(byTitle.slice(0, 100).map((c) => c.id), whole.map((c) => c.id), 'pages = one big page');
  const newest = await allPages('sort=newest', 41);
  assert.equal(newest.length, byTitle.length);
  for (let i = 1; i < newest.length; ++i) {
    const [a, b] = [newest[i - 1], newest[i]];
    assert.ok(a.published_at > b.published_at || (a.published_at === b.published_at && a.id > b.id), 'newest first');
  }
  const popular = await allPages('sort=popular', 50);
  assert.deepEqual(new Set(popular.map((c) => c.id)), new Set(byTitle.map((c) => c.id)), 'no gaps');
  for (let i = 1; i < popular.length; ++i)
    assert.ok(popular[i - 1].enrolled >= popular[i].enrolled, 'most enrolled first');
});

test('catalog: bad parameters are 400 with the error shape', async () => {
  const first = (await get('/api/v1/courses?sort=newest&limit=2')).json.next_cursor;
  for (const query of ['sort=cheapest', 'format=video', 'limit=0', 'limit=101', 'limit=x', 'category=999999',
                       'category=abc', `q=${'a'.repeat(101)}`, 'cursor=garbage', `cursor=${first}&sort=title`,
                       'sort=title&sort=newest']) {
    assertError(await get(`/api/v1/courses?${query}`), 400, 'bad_request', query);
  }
  assertError(await get('/api/v1/courses', 'not-a-token'), 401, 'unauthorized');
});
