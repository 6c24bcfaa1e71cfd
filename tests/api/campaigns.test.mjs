// tests/api/campaigns.test.mjs — message campaigns over HTTP (docs/api-campaigns.md), on SQLite and PostgreSQL: the
// demo campaigns' windows and counts, moderation before anything is shown (先审后发: nothing pending or declined is
// ever listed or counted publicly), a message taken down stops counting, the per-person limit and likes under
// concurrency, one decision of concurrent reviews, views once a day per signed-in person, the window by the test
// clock, members-only campaigns, staff scope (404 / 403 outside it, nothing changed), hostile and malformed input.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  adminToken, assertError, huianTree, memberOf, registerUser, setClock, staffOf, startMembershipServer, T0,
} from './membership_helpers.mjs';
import { shanghaiPlus } from './quiz_helpers.mjs';

let server;
let admin;
let tree;

before(async () => {
  server = await startMembershipServer();
  admin = await adminToken(server);
  tree = await huianTree(server);
});

after(async () => {
  await server?.stop();
});

const atT0 = () => setClock(server, T0);

async function campaigns(token) {
  const response = await server.call('GET', '/api/v1/campaigns', { token });
  assert.equal(response.status, 200, response.text);
  return response.json.items;
}

const campaign = (id, token) => server.call('GET', `/api/v1/campaigns/${id}`, { token });
const post = (id, token, text, headers) =>
  server.call('POST', `/api/v1/campaigns/${id}/messages`, { token, body: { text }, headers });
const review = (token, id, body) =>
  server.call('POST', `/api/v1/admin/campaign-messages/${id}/review`, { token, body });
const like = (token, id, on = true) => server.call(on ? 'PUT' : 'DELETE', `/api/v1/campaign-messages/${id}/like`, { token });
const feature = (token, id, featured) =>
  server.call('PUT', `/api/v1/admin/campaign-messages/${id}/featured`, { token, body: { featured } });

/** Every shown message of a campaign in `order`, following next_cursor. */
async function shown(id, { token, order = 'featured', limit = 40 } = {}) {
  const items = [];
  let cursor = '';
  for (let page = 0; page < 100; ++page) {
    const response = await server.call('GET', `/api/v1/campaigns/${id}/messages?order=${order}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token });
    assert.equal(response.status, 200, response.text);
    items.push(...response.json.items);
    if (response.json.next_cursor === null) return items;
    cursor = encodeURIComponent(response.json.next_cursor);
  }
  throw new Error('too many pages');
}

/** The staff's list of one state (pending: the review queue). */
async function staffList(token, id, status = 'pending') {
  const response = await server.call('GET', `/api/v1/admin/campaigns/${id}/messages?status=${status}&limit=100`, { token });
  assert.equal(response.status, 200, response.text);
  return response.json.items;
}

/** A campaign of the federation made by the admin, open from the clock's now for `days`. */
async function openCampaign(fields = {}, now = T0, days = 10) {
  const body = { title: '测试征集', theme: '说说你的心里话', starts_at: now, ends_at: shanghaiPlus(now, days * 86400),
                 ...fields };
  const response = await server.call('POST', '/api/v1/admin/campaigns', { token: admin, body });
  assert.equal(response.status, 201, response.text);
  return response.json;
}

async function postOk(id, token, text) {
  const response = await post(id, token, text);
  assert.equal(response.status, 201, response.text);
  assert.equal(response.json.status, 'pending');
  return response.json;
}

test('the demo has one campaign open, one closed with 85 shown messages and one upcoming', async () => {
  await atT0();
  const items = await campaigns();
  assert.deepEqual(items.map((c) => c.status), ['open', 'upcoming', 'closed'], 'open first, then upcoming, then closed');
  const closed = items.find((c) => c.status === 'closed');
  assert.equal(closed.messages, 85);
  const listed = await shown(closed.id);
  assert.equal(listed.length, 85, 'the count is what is listed');
  assert.equal(new Set(listed.map((m) => m.id)).size, 85, 'no message on two pages');
  assert.equal(listed.reduce((sum, m) => sum + m.likes, 0), closed.likes);
  const open = items.find((c) => c.status === 'open');
  assert.ok(open.views >= 1100, `May Day's views: ${open.views}`);
  for (const m of listed) {
    assert.deepEqual(Object.keys(m).sort(), ['author', 'campaign_id', 'created_at', 'featured', 'id', 'likes', 'liked', 'text'].sort());
    assert.match(m.author, /\*/, 'authors are masked');
  }
  // Featured first, then most liked.
  const firstPlain = listed.findIndex((m) => !m.featured);
  assert.ok(firstPlain > 0 && listed.slice(firstPlain).every((m) => !m.featured));
  for (let i = firstPlain + 1; i < listed.length; ++i) assert.ok(listed[i - 1].likes >= listed[i].likes);
  // The demo's open campaign has messages waiting and one declined: staff see them, the public never does.
  const pending = await staffList(admin, open.id);
  assert.ok(pending.length >= 3, 'messages wait for review');
  const declined = await staffList(admin, open.id, 'rejected');
  const public_ = await shown(open.id);
  assert.equal(public_.length, open.messages);
  for (const m of [...pending, ...declined]) assert.ok(!public_.some((p) => p.id === m.id || p.text === m.text), m.text);
});

test('先审后发: a message is shown only once approved; pending, declined and taken-down ones are never listed or counted', async () => {
  await atT0();
  const c = await openCampaign({ title: '先审后发' });
  const writer = await registerUser(server, 'writer');
  const reader = await registerUser(server, 'reader');
  const first = await postOk(c.id, writer.token, '第一条留言：感谢工会驿站！');
  const second = await postOk(c.id, writer.token, '第二条留言：希望多建几个母婴室。');
  const counts = async () => (await campaign(c.id)).json;
  assert.equal((await counts()).messages, 0, 'pending messages are not counted');
  assert.deepEqual(await shown(c.id), [], 'nor listed');
  assert.deepEqual(await shown(c.id, { token: writer.token }), [], 'not even to their author in the public list');
  for (const who of [reader, writer]) assertError(await like(who.token, first.id), 404, 'not_found', 'a pending message cannot be liked');
  // The author sees both with where they stand.
  const mine = await server.call('GET', `/api/v1/campaigns/${c.id}/messages/mine`, { token: writer.token });
  assert.deepEqual(mine.json.items.map((m) => [m.id, m.status]), [[second.id, 'pending'], [first.id, 'pending']]);
  assert.deepEqual((await server.call('GET', `/api/v1/campaigns/${c.id}/messages/mine`, { token: reader.token })).json.items, []);

  assert.equal((await review(admin, first.id, { decision: 'approve' })).status, 200);
  const rejected = await review(admin, second.id, { decision: 'reject', reason: '与主题无关' });
  assert.equal(rejected.status, 200, rejected.text);
  assert.deepEqual((await shown(c.id)).map((m) => m.id), [first.id]);
  assert.equal((await counts()).messages, 1);
  const afterReview = (await server.call('GET', `/api/v1/campaigns/${c.id}/messages/mine`, { token: writer.token })).json.items;
  assert.deepEqual(afterReview.map((m) => [m.status, m.reason]), [['rejected', '与主题无关'], ['approved', '']]);

  // Liked, then taken down: gone from the list and from every public count, likes included.
  const liked = await like(reader.token, first.id);
  assert.deepEqual([liked.status, liked.json.liked, liked.json.likes], [200, true, 1]);
  assert.equal((await counts()).likes, 1);
  assert.equal((await review(admin, first.id, { decision: 'take_down', reason: '作者要求撤下' })).status, 200);
  assert.deepEqual(await shown(c.id), []);
  const now = await counts();
  assert.deepEqual([now.messages, now.likes], [0, 0]);
  assertError(await like(reader.token, first.id, false), 404, 'not_found', 'a taken-down message');
  // A declined message cannot be approved later by a stale screen, a pending one not taken down, a shown one not
  // declined (it is taken down, which says so).
  assertError(await review(admin, second.id, { decision: 'approve' }), 409, 'conflict');
  const third = await postOk(c.id, writer.token, '第三条');
  assertError(await review(admin, third.id, { decision: 'take_down', reason: '未展示' }), 409, 'conflict');
  assert.equal((await review(admin, third.id, { decision: 'approve' })).status, 200);
  assertError(await review(admin, third.id, { decision: 'reject', reason: '已展示' }), 409, 'conflict');
});

test('one decision of concurrent reviews; featuring only what is shown, featured first', async () => {
  await atT0();
  const c = await openCampaign({ title: '并发审核' });
  const writers = await Promise.all([1, 2, 3].map(() => registerUser(server, 'rv')));
  const messages = [];
  for (const [i, w] of writers.entries()) messages.push(await postOk(c.id, w.token, `留言 ${i + 1}`));
  const decisions = await Promise.all(Array.from({ length: 8 }, (_, i) =>
    review(admin, messages[0].id, i % 2 ? { decision: 'approve' } : { decision: 'reject', reason: '重复' })));
  assert.equal(decisions.filter((r) => r.status === 200).length, 1, decisions.map((r) => r.status).join());
  for (const r of decisions.filter((x) => x.status !== 200)) assertError(r, 409, 'conflict');
  const final = (await staffList(admin, c.id, decisions.find((r) => r.status === 200).json.status)).map((m) => m.id);
  assert.ok(final.includes(messages[0].id));

  assertError(await feature(admin, messages[1].id, true), 409, 'not_shown', 'a pending message');
  for (const m of messages.slice(1)) assert.equal((await review(admin, m.id, { decision: 'approve' })).status, 200);
  assert.equal((await feature(admin, messages[1].id, true)).status, 200);
  const list = await shown(c.id);
  assert.equal(list[0].id, messages[1].id, 'the featured message comes first');
  assert.equal(list[0].featured, true);
  assert.equal((await shown(c.id, { order: 'newest' }))[0].id, messages[2].id, 'newest first on request');
  assertError(await feature(admin, messages[1].id, 'yes'), 400, 'bad_request');
});

test('at most three messages per person, even sent all at once; likes once per person under concurrency', async () => {
  await atT0();
  const c = await openCampaign({ title: '并发留言' });
  const writer = await registerUser(server, 'burst');
  const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => post(c.id, writer.token, `并发留言 ${i}`)));
  assert.equal(answers.filter((r) => r.status === 201).length, 3, answers.map((r) => r.status).join());
  for (const r of answers.filter((x) => x.status !== 201)) assertError(r, 409, 'message_limit');
  const mine = (await server.call('GET', `/api/v1/campaigns/${c.id}/messages/mine`, { token: writer.token })).json.items;
  assert.equal(mine.length, 3);
  assert.equal((await campaign(c.id, writer.token)).json.me.messages_left, 0);

  const target = mine[0];
  assert.equal((await review(admin, target.id, { decision: 'approve' })).status, 200);
  const fan = await registerUser(server, 'fan');
  const repeated = await Promise.all(Array.from({ length: 10 }, () => like(fan.token, target.id)));
  assert.ok(repeated.every((r) => r.status === 200), repeated.map((r) => r.text).join());
  const fans = await Promise.all(Array.from({ length: 12 }, () => registerUser(server, 'fan')));
  await Promise.all(fans.map((f) => like(f.token, target.id)));
  const after = (await shown(c.id, { token: fan.token }))[0];
  assert.deepEqual([after.likes, after.liked], [13, true]);
  // Unliking twice at once takes one like away.
  await Promise.all([like(fan.token, target.id, false), like(fan.token, target.id, false)]);
  assert.equal((await shown(c.id))[0].likes, 12);
  assert.equal((await campaign(c.id)).json.likes, 12);
});

test('a retried post with the same Idempotency-Key leaves one message', async () => {
  await atT0();
  const c = await openCampaign({ title: '重试' });
  const writer = await registerUser(server, 'retry');
  const headers = { 'Idempotency-Key': 'campaign-retry-1' };
  const [a, b] = await Promise.all([post(c.id, writer.token, '只应有一条', headers), post(c.id, writer.token, '只应有一条', headers)]);
  assert.deepEqual([a.status, b.status], [201, 201], `${a.text} ${b.text}`);
  assert.equal(a.json.id, b.json.id);
  const mine = (await server.call('GET', `/api/v1/campaigns/${c.id}/messages/mine`, { token: writer.token })).json.items;
  assert.equal(mine.length, 1);
});

test('the window by the server clock: nothing before the start or from the end; the upcoming demo campaign refuses', async () => {
  const start = shanghaiPlus(T0, 86400);
  await atT0();
  const c = await openCampaign({ title: '窗口' }, start, 2);
  const writer = await registerUser(server, 'window');
  assert.equal((await campaign(c.id)).json.status, 'upcoming');
  assertError(await post(c.id, writer.token, '太早了'), 409, 'not_open', 'before the start');
  await setClock(server, start);
  await postOk(c.id, writer.token, '刚刚好');
  await setClock(server, shanghaiPlus(start, 2 * 86400));
  assert.equal((await campaign(c.id)).json.status, 'closed');
  assertError(await post(c.id, writer.token, '太晚了'), 409, 'not_open', 'at the end');
  await atT0();
  const upcoming = (await campaigns()).find((x) => x.status === 'upcoming' && x.title.includes('金点子'));
  assertError(await post(upcoming.id, writer.token, '金点子'), 403, 'members_only', 'members only, and not open');
});

test('views: a signed-in person once per Asia/Shanghai day, anyone signed out every time', async () => {
  await atT0();
  const c = await openCampaign({ title: '浏览量' });
  const reader = await registerUser(server, 'viewer');
  const views = async (token) => (await campaign(c.id, token)).json.views;
  assert.equal(await views(reader.token), 1);
  assert.equal(await views(reader.token), 1, 'a reload the same day');
  await Promise.all(Array.from({ length: 5 }, () => campaign(c.id, reader.token)));
  assert.equal(await views(), 2, 'signed out counts');
  assert.equal(await views(), 3);
  // 2026-12-01 23:59:59 and 2026-12-02 00:00:00 in Shanghai are two days.
  await setClock(server, '2026-12-01T23:59:59+08:00');
  assert.equal(await views(reader.token), 3, 'still the same Shanghai day');
  await setClock(server, '2026-12-02T00:00:00+08:00');
  assert.equal(await views(reader.token), 4, 'a new Shanghai day');
  await atT0();
});

test('members only: a verified member of the union writes, anyone else is told why and nothing is stored', async () => {
  await atT0();
  const town = tree.towns[0];
  const townStaff = await staffOf(server, admin, town.town.id, 'cstaff');
  const c = await (async () => {
    const response = await server.call('POST', '/api/v1/admin/campaigns', { token: townStaff.token, body: {
      union_id: town.town.id, title: '会员专享', starts_at: T0, ends_at: shanghaiPlus(T0, 86400), members_only: true } });
    assert.equal(response.status, 201, response.text);
    return response.json;
  })();
  const stranger = await registerUser(server, 'nonmember');
  const read = (await campaign(c.id, stranger.token)).json;
  assert.equal(read.me.may_write, false);
  assertError(await post(c.id, stranger.token, '我想留言'), 403, 'members_only');
  const otherTown = tree.towns[1];
  const outsider = await memberOf(server, admin, otherTown.grassroots[0].id);
  assertError(await post(c.id, outsider.token, '别的镇的会员'), 403, 'members_only');
  const member = await memberOf(server, admin, town.grassroots[0].id);
  await server.call('POST', `/api/v1/admin/members/${member.user.id}/verify`, { token: admin });
  assert.equal((await campaign(c.id, member.token)).json.me.may_write, true);
  const written = await postOk(c.id, member.token, '本镇会员的留言');
  assert.equal(written.author.includes('*'), true, 'the real name, masked');
  assert.equal((await staffList(admin, c.id)).length, 1);
});

test('staff scope: a sibling town\'s staff get 404 for the campaign and its messages, 403 creating for it, nothing changes', async () => {
  await atT0();
  const [mine, sibling] = tree.towns;
  const own = await staffOf(server, admin, mine.town.id, 'own');
  const other = await staffOf(server, admin, sibling.town.id, 'sib');
  const created = await server.call('POST', '/api/v1/admin/campaigns', { token: own.token, body: {
    union_id: mine.town.id, title: '本镇征集', starts_at: T0, ends_at: shanghaiPlus(T0, 86400) } });
  assert.equal(created.status, 201, created.text);
  const c = created.json;
  const writer = await registerUser(server, 'scoped');
  const m = await postOk(c.id, writer.token, '等待本镇审核');
  assertError(await server.call('GET', `/api/v1/admin/campaigns/${c.id}/messages`, { token: other.token }), 404, 'not_found');
  assertError(await review(other.token, m.id, { decision: 'approve' }), 404, 'not_found');
  assertError(await review(other.token, m.id, { decision: 'reject', reason: '越权' }), 404, 'not_found');
  assertError(await feature(other.token, m.id, true), 404, 'not_found');
  assertError(await server.call('POST', '/api/v1/admin/campaigns', { token: other.token, body: {
    union_id: mine.town.id, title: '越权', starts_at: T0, ends_at: shanghaiPlus(T0, 86400) } }), 403, 'forbidden');
  const staffView = (await server.call('GET', '/api/v1/admin/campaigns', { token: other.token })).json.items;
  assert.ok(!staffView.some((x) => x.id === c.id), 'not in the sibling\'s list');
  assertError(await server.call('GET', '/api/v1/admin/campaigns', { token: writer.token }), 403, 'forbidden', 'a worker');
  assertError(await review(writer.token, m.id, { decision: 'approve' }), 403, 'forbidden', 'a worker reviews');
  assert.deepEqual((await staffList(own.token, c.id)).map((x) => [x.id, x.status]), [[m.id, 'pending']], 'still pending');
  const ownList = (await server.call('GET', '/api/v1/admin/campaigns', { token: own.token })).json;
  assert.equal(ownList.items.find((x) => x.id === c.id).pending, 1);
  assert.equal((await review(own.token, m.id, { decision: 'approve' })).status, 200);
});

test('bad input gets a clear error and stores nothing; hostile text is kept exactly as written', async () => {
  await atT0();
  const c = await openCampaign({ title: '坏输入' });
  const writer = await registerUser(server, 'bad');
  assertError(await post(c.id, undefined, '没登录'), 401, 'unauthorized');
  for (const text of ['', '   \n ', '长'.repeat(501), 'a\u0000b', 'bell\u0007']) {
    assertError(await post(c.id, writer.token, text), 422, 'invalid_message', JSON.stringify(text.slice(0, 20)));
  }
  for (const body of [{ text: 42 }, { text: null }, { text: ['x'] }, {}, { texts: 'x' }]) {
    const response = await server.call('POST', `/api/v1/campaigns/${c.id}/messages`, { token: writer.token, body });
    assertError(response, 400, 'bad_request', JSON.stringify(body));
  }
  for (const raw of ['{"text":', 'null', '[]', '"text"', '{"text":"a",}']) {
    assertError(await server.call('POST', `/api/v1/campaigns/${c.id}/messages`, { token: writer.token, body: raw }), 400, 'bad_request', raw);
  }
  for (const bytes of [[0x80], [0xe7, 0x8e], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff]]) {
    const body = Buffer.concat([Buffer.from('{"text":"留言'), Buffer.from(bytes), Buffer.from('"}')]);
    assertError(await server.call('POST', `/api/v1/campaigns/${c.id}/messages`, { token: writer.token, body }), 400, 'bad_request', `bytes ${bytes}`);
  }
  const huge = Buffer.from(JSON.stringify({ text: '长'.repeat(400 * 1024) }));
  assertError(await server.call('POST', `/api/v1/campaigns/${c.id}/messages`, { token: writer.token, body: huge }), 413, 'payload_too_large');
  assertError(await post(999999, writer.token, '不存在'), 404, 'not_found');
  assertError(await post('abc', writer.token, '不存在'), 404, 'not_found');
  for (const query of ['cursor=abc', 'cursor=-1', 'cursor=1e3', 'order=random', 'order=oldest', 'limit=0', 'limit=1000']) {
    assertError(await server.call('GET', `/api/v1/campaigns/${c.id}/messages?${query}`), 400, 'bad_request', query);
  }
  assert.deepEqual((await server.call('GET', `/api/v1/campaigns/${c.id}/messages/mine`, { token: writer.token })).json.items, [],
                   'nothing was stored');

  // 500 characters exactly is fine, and markup, SQL and format strings come back byte for byte, as text.
  const hostile = ['长'.repeat(500), '<script>alert(1)</script><b>粗体</b>', "'); DROP TABLE campaign_messages;--"];
  for (const text of hostile) {
    const written = await postOk(c.id, writer.token, text);
    assert.equal(written.text, text);
    assert.equal((await review(admin, written.id, { decision: 'approve' })).status, 200);
  }
  const listed = await shown(c.id, { order: 'newest' });
  assert.deepEqual(listed.map((m) => m.text), [...hostile].reverse());
  // A review needs a known decision and, to decline, a reason.
  const another = await registerUser(server, 'bad');
  const m = await postOk(c.id, another.token, '待审');
  for (const body of [{}, { decision: 'maybe' }, { decision: 'reject' }, { decision: 'reject', reason: '' }, { decision: 42 }]) {
    assertError(await review(admin, m.id, body), 400, 'bad_request', JSON.stringify(body));
  }
  assert.equal((await staffList(admin, c.id)).some((x) => x.id === m.id), true, 'still pending');
  // Campaign fields are checked too.
  for (const fields of [{ title: '' }, { ends_at: T0 }, { starts_at: 'tomorrow' }, { ends_at: shanghaiPlus(T0, 400 * 86400) },
                        { union_id: 99999999 }, { members_only: 'yes' }]) {
    const response = await server.call('POST', '/api/v1/admin/campaigns', { token: admin, body: {
      title: '检查', starts_at: T0, ends_at: shanghaiPlus(T0, 86400), ...fields } });
    assert.ok([400, 404].includes(response.status), `${JSON.stringify(fields)}: ${response.text}`);
  }
  assert.deepEqual((await server.call('GET', '/api/v1/health')).json, { status: 'ok' });
});
