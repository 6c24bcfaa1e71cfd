// tests/api/activities.test.mjs — union activities over HTTP (docs/api-activities.md), on SQLite and PostgreSQL: the
// demo programme, places and a FIFO waitlist under concurrency (40 sign-ups for 10 places, concurrent cancels that
// promote exactly as many waiters, a check-in sent ten times at once counted once), the sign-up window by the test
// clock, members-only activities, staff scope (a sibling union's staff get 404 and change nothing), 惠工鹊桥
// declarations whose phones reach the organizer's staff only (and are audited), and bad input that changes nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { activity, at, cancelMine, checkIn, createActivity, signUp, staffSignups } from './activity_helpers.mjs';
import {
  adminToken, assertError, auditEntries, huianTree, memberOf, registerUser, setClock, staffOf, startMembershipServer, T0,
} from './membership_helpers.mjs';

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

async function listed(query = '') {
  const response = await server.call('GET', `/api/v1/activities${query}`);
  assert.equal(response.status, 200, response.text);
  return response.json.items;
}

/** `count` new workers, registered a few at a time. */
async function workers(count, prefix) {
  const out = [];
  for (let i = 0; i < count; i += 10)
    out.push(...await Promise.all(Array.from({ length: Math.min(10, count - i) }, () => registerUser(server, prefix))));
  return out;
}

test('the demo has 70+ activities: upcoming first, online and at sites, some full with a waitlist, a few 惠工鹊桥', async () => {
  await atT0();
  const all = await listed('?scope=all');
  assert.ok(all.length >= 70, `${all.length} activities`);
  const upcoming = await listed();
  assert.ok(upcoming.length < all.length, 'past ones are left out by default');
  for (let i = 1; i < upcoming.length; ++i)
    assert.ok(Date.parse(upcoming[i - 1].starts_at) <= Date.parse(upcoming[i].starts_at), 'soonest first');
  for (const a of upcoming) assert.ok(Date.parse(a.ends_at) > Date.parse(T0), `${a.title} has not ended`);
  const atSite = all.filter((a) => a.site);
  assert.ok(atSite.length >= 10 && atSite.every((a) => !a.online && a.site.name && Number.isFinite(a.site.lat)));
  const online = all.filter((a) => a.online);
  assert.ok(online.length >= 10 && online.every((a) => a.site === null));
  assert.ok(online.some((a) => a.places === null && a.places_left === null), 'unlimited online activities');
  const full = all.filter((a) => a.places !== null && a.places_left === 0 && a.waitlist > 0);
  assert.ok(full.length >= 3, `${full.length} full ones with a waitlist`);
  for (const a of all) if (a.places !== null) assert.ok(a.confirmed <= a.places, `${a.title} is not overbooked`);
  const matchmaking = await listed('?kind=matchmaking&scope=all');
  assert.ok(matchmaking.length >= 3 && matchmaking.every((a) => a.kind === 'matchmaking' && a.age_range.min < a.age_range.max));
  assert.ok(matchmaking.some((a) => a.waitlist > 0), 'a full matchmaking event');
  assert.ok(!JSON.stringify(all).match(/1[3-9]\d{9}/), 'no phone number in the public list');
  assertError(await server.call('GET', '/api/v1/activities?kind=party'), 400, 'bad_request');
});

test('sign up: confirmed, once per person, replayed by its Idempotency-Key, shown in my activities', async () => {
  await atT0();
  const created = await createActivity(server, admin, { union_id: tree.huian.id, places: 2, title: '羽毛球赛' });
  assert.deepEqual([created.places, created.places_left, created.waitlist, created.signup], [2, 2, 0, 'open']);
  const [ana, ben, cai] = await workers(3, 'signer');
  assertError(await signUp(server, undefined, created.id), 401, 'unauthorized');
  const key = { 'Idempotency-Key': 'signup-ana-1' };
  const first = await signUp(server, ana.token, created.id, {}, key);
  assert.equal(first.status, 201, first.text);
  assert.equal(first.json.status, 'confirmed');
  const replay = await signUp(server, ana.token, created.id, {}, key);
  assert.equal(replay.status, 201);
  assert.equal(replay.json.id, first.json.id, 'the replay answers the first sign-up');
  assertError(await signUp(server, ana.token, created.id), 409, 'conflict', 'a second sign-up');
  assert.equal((await signUp(server, ben.token, created.id)).json.status, 'confirmed');
  const waiting = await signUp(server, cai.token, created.id);
  assert.deepEqual([waiting.status, waiting.json.status, waiting.json.waitlist_position], [201, 'waitlisted', 1]);
  const seen = await activity(server, created.id, cai.token);
  assert.deepEqual([seen.confirmed, seen.places_left, seen.waitlist, seen.me.status], [2, 0, 1, 'waitlisted']);
  assert.equal((await activity(server, created.id)).me, null, 'signed out: no sign-up');
  // Ana cancels: Cai is promoted in the same request and told so.
  const cancelled = await cancelMine(server, ana.token, created.id);
  assert.deepEqual([cancelled.status, cancelled.json.status], [200, 'cancelled']);
  assertError(await cancelMine(server, ana.token, created.id), 409, 'conflict', 'cancelled twice');
  assert.equal((await activity(server, created.id, cai.token)).me.status, 'confirmed');
  const notes = await server.call('GET', '/api/v1/me/notifications', { token: cai.token });
  assert.equal(notes.json.items[0].kind, 'activity_promoted');
  assert.equal(notes.json.items[0].activity_signup_id, waiting.json.id);
  // Ana signs up again and goes to the back of the queue, not back to her place.
  const again = await signUp(server, ana.token, created.id);
  assert.deepEqual([again.json.id, again.json.status, again.json.waitlist_position], [first.json.id, 'waitlisted', 1]);
  const mine = await server.call('GET', '/api/v1/me/activities', { token: cai.token });
  assert.equal(mine.status, 200);
  const item = mine.json.items.find((i) => i.activity_id === created.id);
  assert.equal(item.status, 'confirmed');
  assert.equal(item.activity.title, '羽毛球赛');
  assertError(await server.call('GET', '/api/v1/me/activities'), 401, 'unauthorized');
});

test('40 concurrent sign-ups for 10 places: exactly 10 confirmed, 30 waitlisted in order, nobody twice', async () => {
  await atT0();
  const created = await createActivity(server, admin, { union_id: tree.huian.id, places: 10, title: '抢报名' });
  const racers = await workers(40, 'racer');
  // Everyone twice at once: the unique key keeps one sign-up each.
  const answers = await Promise.all([...racers, ...racers].map((w) => signUp(server, w.token, created.id)));
  const by = {};
  for (const a of answers) by[`${a.status} ${a.json?.status ?? a.json?.error?.code}`] = (by[`${a.status} ${a.json?.status ?? a.json?.error?.code}`] ?? 0) + 1;
  assert.deepEqual(by, { '201 confirmed': 10, '201 waitlisted': 30, '409 conflict': 40 });
  const positions = answers.filter((a) => a.json?.status === 'waitlisted').map((a) => a.json.waitlist_position).sort((x, y) => x - y);
  assert.deepEqual(positions, Array.from({ length: 30 }, (_, i) => i + 1), 'positions 1..30, each once');
  const seen = await activity(server, created.id);
  assert.deepEqual([seen.confirmed, seen.places_left, seen.waitlist], [10, 0, 30]);
  const roster = await staffSignups(server, admin, created.id);
  assert.equal(roster.status, 200, roster.text);
  assert.equal(roster.json.items.length, 40);
  assert.equal(new Set(roster.json.items.map((s) => s.user.id)).size, 40, 'one row per person');

  // Five confirmed people cancel at once: exactly the first five waiters are promoted.
  const confirmed = roster.json.items.filter((s) => s.status === 'confirmed');
  const queue = roster.json.items.filter((s) => s.status === 'waitlisted').sort((a, b) => a.waitlist_position - b.waitlist_position);
  const tokenOf = new Map(racers.map((w) => [w.user.id, w.token]));
  const leavers = confirmed.slice(0, 5);
  const cancels = await Promise.all(leavers.map((s) => cancelMine(server, tokenOf.get(s.user.id), created.id)));
  assert.deepEqual(cancels.map((c) => c.status), [200, 200, 200, 200, 200]);
  const after = await staffSignups(server, admin, created.id);
  const nowConfirmed = new Set(after.json.items.filter((s) => s.status === 'confirmed').map((s) => s.user.id));
  assert.equal(nowConfirmed.size, 10, 'the places are full again');
  for (const s of queue.slice(0, 5)) assert.ok(nowConfirmed.has(s.user.id), `waiter ${s.waitlist_position} was promoted`);
  for (const s of queue.slice(5)) assert.ok(!nowConfirmed.has(s.user.id), `waiter ${s.waitlist_position} still waits`);
  const left = after.json.items.filter((s) => s.status === 'waitlisted').map((s) => s.waitlist_position).sort((x, y) => x - y);
  assert.deepEqual(left, Array.from({ length: 25 }, (_, i) => i + 1));
  const counts = await activity(server, created.id);
  assert.deepEqual([counts.confirmed, counts.waitlist], [10, 25]);

  // Ten check-ins of one sign-up at once count once.
  const target = [...nowConfirmed][0];
  const signupId = after.json.items.find((s) => s.user.id === target).id;
  const checks = await Promise.all(Array.from({ length: 10 }, () => checkIn(server, admin, created.id, signupId)));
  assert.equal(checks.filter((c) => c.status === 200).length, 1);
  for (const c of checks.filter((c) => c.status !== 200)) assertError(c, 409, 'already_checked_in');
  const checked = (await staffSignups(server, admin, created.id)).json.items.filter((s) => s.status === 'checked_in');
  assert.deepEqual(checked.map((s) => s.id), [signupId]);
  assert.equal((await activity(server, created.id)).confirmed, 10, 'a check-in keeps the place');
  assertError(await cancelMine(server, tokenOf.get(target), created.id), 409, 'conflict', 'cancel after check-in');
  assertError(await checkIn(server, admin, created.id, queue[5].id), 409, 'conflict', 'a waiter cannot check in');
});

test('the sign-up window follows the server clock; cancelling closes at the start', async () => {
  await atT0();
  const created = await createActivity(server, admin, {
    union_id: tree.huian.id, signup_opens_at: at(2), signup_closes_at: at(10), starts_at: at(12), ends_at: at(14),
  });
  const [early] = await workers(1, 'early');
  assert.equal(created.signup, 'not_yet_open');
  assertError(await signUp(server, early.token, created.id), 409, 'signup_closed', 'before it opens');
  await setClock(server, at(2));
  assert.equal((await signUp(server, early.token, created.id)).status, 201);
  await setClock(server, at(10));
  const [late] = await workers(1, 'late');
  assertError(await signUp(server, late.token, created.id), 409, 'signup_closed', 'at the close');
  assert.equal((await activity(server, created.id)).signup, 'closed');
  await setClock(server, at(12));
  assertError(await cancelMine(server, early.token, created.id), 409, 'too_late');
  await atT0();
});

test('members-only activities take verified members only', async () => {
  await atT0();
  const town = tree.towns[0];
  const created = await createActivity(server, admin, { union_id: tree.huian.id, members_only: true });
  const [stranger] = await workers(1, 'stranger');
  assertError(await signUp(server, stranger.token, created.id), 403, 'member_required');
  const member = await memberOf(server, admin, town.grassroots[0].id, { prefix: 'unverified' });
  assertError(await signUp(server, member.token, created.id), 403, 'member_required', 'not verified yet');
  const verify = await server.call('POST', `/api/v1/admin/members/${member.user.id}/verify`, { token: admin });
  assert.equal(verify.status, 200, verify.text);
  assert.equal((await signUp(server, member.token, created.id)).json.status, 'confirmed');
  assert.equal((await activity(server, created.id)).confirmed, 1, 'the refused ones took nothing');
});

test('staff act for their own subtree: a sibling town gets 404 and changes nothing', async () => {
  await atT0();
  const [town, sibling] = tree.towns;
  const staff = await staffOf(server, admin, town.town.id, 'actstaff');
  const peer = await staffOf(server, admin, sibling.town.id, 'actpeer');
  const created = await createActivity(server, staff.token, { union_id: town.town.id, title: '镇运动会' });
  assert.equal(created.union_id, town.town.id);
  const r = await server.call('POST', '/api/v1/admin/activities', {
    token: staff.token, body: { union_id: sibling.town.id, kind: 'sports', title: '越权', starts_at: at(24), ends_at: at(26), places: 5 },
  });
  assertError(r, 403, 'forbidden', 'creating for a sibling');
  const [worker] = await workers(1, 'townworker');
  const signup = (await signUp(server, worker.token, created.id)).json;
  assertError(await staffSignups(server, peer.token, created.id), 404, 'not_found');
  assertError(await checkIn(server, peer.token, created.id, signup.id), 404, 'not_found');
  assert.equal((await activity(server, created.id, worker.token)).me.status, 'confirmed', 'nothing changed');
  assertError(await server.call('GET', `/api/v1/admin/activities?union_id=${town.town.id}`, { token: peer.token }), 403, 'forbidden');
  const own = await server.call('GET', `/api/v1/admin/activities?union_id=${town.town.id}`, { token: staff.token });
  assert.deepEqual(own.json.items.map((a) => a.id), [created.id], 'the town staff list their own');
  const [plain] = await workers(1, 'plain');
  assertError(await staffSignups(server, plain.token, created.id), 403, 'forbidden', 'not staff at all');
  assert.equal((await checkIn(server, staff.token, created.id, signup.id)).status, 200);
});

test('惠工鹊桥: a declaration is required and checked; the phone reaches the organizer staff only, audited', async () => {
  await atT0();
  const town = tree.towns[0];
  const staff = await staffOf(server, admin, town.town.id, 'matchstaff');
  const peer = await staffOf(server, admin, tree.towns[1].town.id, 'matchpeer');
  const created = await createActivity(server, staff.token, {
    union_id: town.town.id, kind: 'matchmaking', title: '惠工鹊桥联谊会', places: 10, min_age: 22, max_age: 35,
  });
  assert.deepEqual(created.age_range, { min: 22, max: 35 });
  const [single, other] = await workers(2, 'single');
  const phone = '13912345678';
  assertError(await signUp(server, single.token, created.id), 400, 'declaration_required');
  assertError(await signUp(server, single.token, created.id, { declaration: { age: 30, single: false, phone } }), 400, 'not_single');
  assertError(await signUp(server, single.token, created.id, { declaration: { age: 21, single: true, phone } }), 400, 'age_out_of_range');
  assertError(await signUp(server, single.token, created.id, { declaration: { age: 36, single: true, phone } }), 400, 'age_out_of_range');
  assertError(await signUp(server, single.token, created.id, { declaration: { age: 30, single: true, phone: '12345' } }), 400, 'invalid_phone');
  assertError(await signUp(server, single.token, created.id, { declaration: { age: '30', single: true, phone } }), 400, 'bad_request');
  assertError(await signUp(server, single.token, created.id, { declaration: 'single' }), 400, 'bad_request');
  assert.equal((await activity(server, created.id)).confirmed, 0, 'refused declarations took nothing');
  const ok = await signUp(server, single.token, created.id, { declaration: { age: 30, single: true, phone: '139 1234 5678' } });
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.json.declared, true);
  assert.equal((await signUp(server, other.token, created.id, { declaration: { age: 25, single: true, phone: '13800000001' } })).status, 201);
  // Nothing a worker reads carries the phone: the answer, the detail, the list, my activities.
  const workerTexts = [
    ok.text,
    (await server.call('GET', `/api/v1/activities/${created.id}`, { token: other.token })).text,
    (await server.call('GET', `/api/v1/activities/${created.id}`, { token: single.token })).text,
    (await server.call('GET', '/api/v1/activities?kind=matchmaking')).text,
    (await server.call('GET', '/api/v1/me/activities', { token: single.token })).text,
  ];
  for (const text of workerTexts) {
    assert.ok(!text.includes('13912345678') && !text.includes('5678'), `no phone in ${text.slice(0, 80)}`);
    assert.ok(!text.includes('contact'), 'no contact field');
  }
  assertError(await staffSignups(server, peer.token, created.id), 404, 'not_found', 'a sibling union');
  const before = (await auditEntries(server, admin)).filter((e) => e.action === 'activity_contacts_read').length;
  const roster = await staffSignups(server, staff.token, created.id);
  assert.equal(roster.status, 200, roster.text);
  const mineRow = roster.json.items.find((s) => s.user.id === single.user.id);
  assert.deepEqual([mineRow.contact_phone, mineRow.declared_age], ['13912345678', 30]);
  const reads = (await auditEntries(server, admin)).filter((e) => e.action === 'activity_contacts_read');
  assert.equal(reads.length, before + 1, 'the staff read is audited');
});

test('bad input: a clear 4xx and nothing stored', async () => {
  await atT0();
  const count = async () => (await listed('?scope=all')).length;
  const n = await count();
  const base = { union_id: tree.huian.id, kind: 'sports', title: '好活动', starts_at: at(24), ends_at: at(26), places: 5 };
  const post = (body, headers) => server.call('POST', '/api/v1/admin/activities', { token: admin, body, headers });
  assertError(await post('{"title": '), 400, 'bad_request', 'malformed JSON');
  assertError(await post('[1,2]'), 400, 'bad_request', 'not an object');
  assertError(await post(Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])), 400, 'bad_request', 'broken UTF-8');
  for (const [field, value] of [['title', 42], ['title', ''], ['title', '很'.repeat(61)], ['title', 'a\u0007b'],
                                ['kind', 'party'], ['places', 0], ['places', -1], ['places', 1e9], ['places', 2.5],
                                ['places', '5'], ['starts_at', 'tomorrow'], ['ends_at', at(23)], ['union_id', 'x'],
                                ['members_only', 'yes'], ['site_id', 99999999], ['union_id', 99999999],
                                ['signup_closes_at', at(25)], ['description', 'x'.repeat(2001)]]) {
    const r = await post({ ...base, [field]: value });
    assert.ok(r.status === 400 || r.status === 404, `${field}=${JSON.stringify(value).slice(0, 20)}: ${r.status} ${r.text}`);
    assert.ok(r.json?.error?.code, r.text);
  }
  assertError(await post({ ...base, kind: 'matchmaking', min_age: 40, max_age: 30 }), 400, 'bad_request', 'min above max');
  assertError(await post({ ...base, kind: 'matchmaking', min_age: 10, max_age: 30 }), 400, 'bad_request', 'too young');
  assertError(await post({ ...base, places: undefined, site_id: 1 }), 400, 'bad_request', 'a site needs places');
  const huge = await post({ ...base, description: 'x'.repeat(1100000) });
  assert.equal(huge.status, 413);
  assert.equal(await count(), n, 'nothing was stored');
  // Hostile text is stored as text and returned as written.
  const hostile = '<script>alert(1)</script>"\'&';
  const created = await createActivity(server, admin, { union_id: tree.huian.id, title: hostile, description: '<img src=x onerror=alert(1)>\n第二行' });
  assert.equal((await activity(server, created.id)).title, hostile);
  // Sign-ups: bad ids and bodies.
  const [w] = await workers(1, 'badinput');
  assertError(await signUp(server, w.token, 'abc'), 404, 'not_found', 'an id that is not a number names nothing');
  assertError(await signUp(server, w.token, 99999999), 404, 'not_found');
  assertError(await signUp(server, w.token, created.id, '{"x":'), 400, 'bad_request');
  assertError(await server.call('GET', '/api/v1/activities/-1'), 404, 'not_found');
  assertError(await checkIn(server, admin, created.id, 'x'), 404, 'not_found');
  assertError(await checkIn(server, admin, created.id, 99999999), 404, 'not_found');
  assert.equal((await activity(server, created.id)).confirmed, 0);
});
