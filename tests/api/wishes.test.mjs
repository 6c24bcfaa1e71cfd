// tests/api/wishes.test.mjs — micro-wishes (微心愿) and hotlines over HTTP (docs/api-wishes.md, docs/api-hotlines.md),
// on SQLite and PostgreSQL, one server for the file: the contract's Wishes section word for word (a member's wish is
// pending, vetted by the staff of the wisher's union, shown on the public wall without anyone's real name, phone or
// ID, claimed by exactly one of 50 concurrent claimants, handed over), the wall's figures from the demo's seed-002
// data, both contacts only to the wisher's union staff (each read audited), another worker and a sibling union's
// staff get 404 and learn nothing, hostile input, and the hotlines' "open now" by the test clock.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

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

const wish = (token, body) => server.call('POST', '/api/v1/wishes', { token, body });
const review = (token, id, body) => server.call('POST', `/api/v1/admin/wishes/${id}/review`, { token, body });
const claim = (token, id, body) => server.call('POST', `/api/v1/wishes/${id}/claims`, { token, body });
const fulfilled = (token, id) => server.call('POST', `/api/v1/admin/wishes/${id}/fulfilled`, { token });

/** A verified member of the first town's first grassroots union (or of `unionId`). */
async function verifiedMember(unionId = tree.towns[0].grassroots[0].id) {
  const member = await memberOf(server, admin, unionId);
  const verified = await server.call('POST', `/api/v1/admin/members/${member.user.id}/verify`, { token: admin });
  assert.equal(verified.status, 200, verified.text);
  return member;
}

async function wall(query = 'status=open') {
  const response = await server.call('GET', `/api/v1/wishes?${query}&limit=100`);
  assert.equal(response.status, 200, response.text);
  return response.json;
}

/** Asserts that no real name, phone or ID number of `people` (nor any user id) appears in `text`. */
function assertNothingPersonal(text, people, what) {
  for (const p of people) {
    for (const secret of [p.realName, p.phone, p.idNumber].filter(Boolean))
      assert.ok(!text.includes(secret), `${what} shows ${secret}`);
  }
  assert.ok(!/"(user_id|phone|claimant|wisher)"/.test(text), `${what} names a person: ${text.slice(0, 300)}`);
}

test('the demo wall: seed 002\'s figures from the data, open wishes across the towns, nobody\'s contact', async () => {
  await setClock(server, T0);
  const figures = await server.call('GET', '/api/v1/wishes/figures');
  assert.equal(figures.status, 200, figures.text);
  assert.equal(figures.json.wishes_fulfilled, 1800, 'seed 002: 1,800 wishes fulfilled');
  assert.equal(figures.json.workers_helped, 1500, 'seed 002: 1,500 workers helped');
  assert.ok(figures.json.towns.length >= 2, JSON.stringify(figures.json.towns));
  const open = await wall();
  assert.equal(open.figures.wishes_fulfilled, 1800);
  assert.ok(open.items.length >= 30, `${open.items.length} open wishes`);
  assert.ok(open.items.every((w) => w.status === 'open' && /^.{1,2}师傅$|^工友$/u.test(w.display_name)), JSON.stringify(open.items[0]));
  assert.ok(new Set(open.items.map((w) => w.town.id)).size >= 2, 'open wishes in more than one town');
  assertNothingPersonal(JSON.stringify(open), [], 'the wall');
  const town = open.items[0].town.id;
  const inTown = await wall(`status=open&town=${town}`);
  assert.ok(inTown.items.length > 0 && inTown.items.every((w) => w.town.id === town));
  const study = await wall('status=open&category=study');
  assert.ok(study.items.every((w) => w.category === 'study'));
  const thanked = await wall('status=fulfilled');
  assert.ok(thanked.items.some((w) => typeof w.thanks === 'string' && w.thanks.length > 0), 'thank-you notes on the fulfilled list');
  for (const bad of ['status=pending', 'status=rejected', 'status=nonsense', 'category=cars', 'cursor=abc', 'limit=0'])
    assertError(await server.call('GET', `/api/v1/wishes?${bad}`), 400, 'bad_request', bad);
});

test('the contract: a member\'s wish is vetted, shown masked, claimed by exactly one of 50, handed over', async () => {
  await setClock(server, T0);
  const unionId = tree.towns[0].grassroots[0].id;
  const wisher = await verifiedMember(unionId);
  const staff = await staffOf(server, admin, unionId);
  const siblingStaff = await staffOf(server, admin, tree.towns[1].grassroots[0].id);
  const other = await registerUser(server, 'other');

  // Not a verified member: 403; bad bodies: 400, nothing stored.
  assertError(await wish(other.token, { title: '书包', story: '孩子上学', estimated_yuan: 100 }), 403, 'forbidden');
  for (const body of [{}, { title: '', story: 'x', estimated_yuan: 10 }, { title: 'x'.repeat(41), story: 's', estimated_yuan: 10 },
    { title: '书包', story: 's', estimated_yuan: 0 }, { title: '书包', story: 's', estimated_yuan: 5001 },
    { title: '书包', story: 's', estimated_yuan: '100' }, { title: '书\u0000包', story: 's', estimated_yuan: 10 },
    { title: '书包', story: 's', estimated_yuan: 10, category: 'cars' }, []])
    assertError(await wish(wisher.token, body), 400, 'bad_request', JSON.stringify(body));
  const broken = await server.call('POST', '/api/v1/wishes', { token: wisher.token, body: '{"title": "\xff' });
  assert.equal(broken.status, 400, broken.text);

  const created = await wish(wisher.token, { title: '给孩子一个新书包', story: '孩子今年上一年级。\n旧书包破了。', estimated_yuan: 120, category: 'study' });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.status, 'pending');
  assert.equal(created.json.display_name, `${wisher.realName[0]}师傅`, 'surname + 师傅');
  const id = created.json.id;
  // Pending: on no wall, 404 to anyone but its wisher; nobody can claim it.
  assert.ok(!(await wall('status=open')).items.some((w) => w.id === id));
  assertError(await server.call('GET', `/api/v1/wishes/${id}`, { token: other.token }), 404, 'not_found');
  assert.equal((await server.call('GET', `/api/v1/wishes/${id}`, { token: wisher.token })).status, 200);
  assertError(await claim(other.token, id), 404, 'not_found', 'a pending wish is not there for others');

  // Only staff of the wisher's union vet it: a sibling union's staff and a worker get 404 and nothing changes.
  assertError(await review(siblingStaff.token, id, { decision: 'approve' }), 404, 'not_found');
  assertError(await review(other.token, id, { decision: 'approve' }), 403, 'forbidden');
  assertError(await server.call('GET', `/api/v1/admin/wishes/${id}`, { token: siblingStaff.token }), 404, 'not_found');
  assertError(await fulfilled(siblingStaff.token, id), 404, 'not_found');
  assertError(await review(staff.token, id, { decision: 'maybe' }), 400, 'bad_request');
  assertError(await review(staff.token, id, { decision: 'reject' }), 400, 'bad_request', 'a rejection needs a reason');
  const approved = await review(staff.token, id, { decision: 'approve' });
  assert.equal(approved.status, 200, approved.text);
  assert.equal(approved.json.status, 'open');
  assertError(await review(staff.token, id, { decision: 'reject', reason: '重复' }), 409, 'conflict', 'vetted once');
  assertError(await fulfilled(staff.token, id), 409, 'conflict', 'not claimed yet');

  const onWall = (await wall('status=open')).items.find((w) => w.id === id);
  assert.ok(onWall, 'the vetted wish is on the wall');
  assert.equal(onWall.town.id, tree.towns[0].town.id);
  assertNothingPersonal(JSON.stringify(await wall('status=open')), [wisher], 'the wall');

  // The wisher cannot claim their own wish.
  assertError(await claim(wisher.token, id), 403, 'forbidden');
  // 50 concurrent claimants: exactly one 201, 49 already_claimed.
  const claimants = [];
  for (let i = 0; i < 50; i += 10) claimants.push(...await Promise.all(Array.from({ length: 10 }, () => registerUser(server, 'donor'))));
  const answers = await Promise.all(claimants.map((c, i) => claim(c.token, id, i === 0 ? undefined : { phone: `1390000${String(1000 + i)}` })));
  const winners = answers.filter((a) => a.status === 201);
  assert.equal(winners.length, 1, answers.map((a) => a.status).join(','));
  for (const a of answers) if (a.status !== 201) assertError(a, 409, 'already_claimed');
  assert.equal(winners[0].json.status, 'claimed');
  const winner = claimants[answers.indexOf(winners[0])];
  assertNothingPersonal(winners[0].text, [wisher], 'the claim answer');

  // The claimant's and the wisher's contacts go to the wisher's union staff only, and the read is audited.
  const queue = await server.call('GET', `/api/v1/admin/wishes?status=claimed&union_id=${unionId}`, { token: staff.token });
  assert.equal(queue.status, 200, queue.text);
  const arranged = queue.json.items.find((w) => w.id === id);
  assert.equal(arranged.wisher.phone, wisher.phone);
  assert.equal(arranged.claimant.user_id, winner.user.id);
  const audit = await auditEntries(server, admin);
  assert.ok(audit.some((e) => e.action === 'wish_contacts_read' && e.actor.user_id === staff.user.id && e.union_id === unionId),
            JSON.stringify(audit.slice(0, 3)));
  assertError(await server.call('GET', `/api/v1/admin/wishes?union_id=${unionId}`, { token: siblingStaff.token }), 403, 'forbidden');
  const siblingQueue = await server.call('GET', '/api/v1/admin/wishes?status=claimed', { token: siblingStaff.token });
  assert.ok(!siblingQueue.json.items.some((w) => w.id === id), 'a sibling union\'s queue does not hold it');
  assertNothingPersonal(JSON.stringify((await server.call('GET', `/api/v1/wishes/${id}`, { token: other.token })).json), [wisher], 'the wish');
  const claims = await server.call('GET', '/api/v1/me/wish-claims', { token: winner.token });
  assert.deepEqual(claims.json.items.map((w) => w.id), [id]);
  assertError(await claim(other.token, id), 409, 'already_claimed');

  // Handed over once; the wisher thanks once; the wall's figures count it.
  const before = (await server.call('GET', '/api/v1/wishes/figures')).json;
  const done = await fulfilled(staff.token, id);
  assert.equal(done.status, 200, done.text);
  assert.equal(done.json.status, 'fulfilled');
  assertError(await fulfilled(staff.token, id), 409, 'conflict');
  assertError(await claim(other.token, id), 409, 'already_claimed');
  assertError(await server.call('POST', `/api/v1/wishes/${id}/thanks`, { token: other.token, body: { text: '谢谢' } }), 404, 'not_found');
  const thanks = await server.call('POST', `/api/v1/wishes/${id}/thanks`, { token: wisher.token, body: { text: '谢谢好心人！' } });
  assert.equal(thanks.status, 200, thanks.text);
  assertError(await server.call('POST', `/api/v1/wishes/${id}/thanks`, { token: wisher.token, body: { text: '再谢' } }), 409, 'conflict');
  const after = (await server.call('GET', '/api/v1/wishes/figures')).json;
  assert.equal(after.wishes_fulfilled, before.wishes_fulfilled + 1);
  assert.equal(after.workers_helped, before.workers_helped + 1);
  const mine = await server.call('GET', '/api/v1/me/wishes', { token: wisher.token });
  assert.equal(mine.json.items[0].status, 'fulfilled');
  assert.equal(mine.json.items[0].thanks, '谢谢好心人！');
});

test('a declined wish tells its wisher why; a claim of a wish that is not open is a conflict', async () => {
  await setClock(server, T0);
  const wisher = await verifiedMember();
  const created = await wish(wisher.token, { title: '一台洗衣机', story: '家里一直手洗。', estimated_yuan: 1600 });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.json.category, 'other', 'the default category');
  const declined = await review(admin, created.json.id, { decision: 'reject', reason: '单位已解决' });
  assert.equal(declined.json.status, 'rejected');
  const mine = (await server.call('GET', '/api/v1/me/wishes', { token: wisher.token })).json.items;
  assert.equal(mine.find((w) => w.id === created.json.id).reason, '单位已解决');
  const other = await registerUser(server, 'other');
  assertError(await claim(other.token, created.json.id), 404, 'not_found');
  assertError(await claim(wisher.token, created.json.id), 403, 'forbidden');
  assertError(await claim(other.token, 999999), 404, 'not_found');
  assertError(await claim(other.token, 'abc'), 404, 'not_found');
  assertError(await claim(undefined, created.json.id), 401, 'unauthorized');
  // An open demo wish claimed with a malformed phone: 400, still open.
  const open = (await wall()).items[0];
  assertError(await claim(other.token, open.id, { phone: '12345' }), 400, 'invalid_phone');
  assert.equal((await server.call('GET', `/api/v1/wishes/${open.id}`)).json.status, 'open');
});

test('hotlines: five lines with a tel: link and "open now" by the server\'s clock and the holiday table', async () => {
  // 2026-12-01 is a Tuesday: 08:00 is before every line opens; 10:00 all are open; 22:00 only none.
  const at = async (iso) => {
    await setClock(server, iso);
    const response = await server.call('GET', '/api/v1/hotlines');
    assert.equal(response.status, 200, response.text);
    return Object.fromEntries(response.json.items.map((l) => [l.key, l]));
  };
  const early = await at('2026-12-01T08:00:00+08:00');
  assert.deepEqual(Object.keys(early), ['legal', 'care', 'hardship', 'culture', 'counselling']);
  assert.ok(Object.values(early).every((l) => !l.open_now), 'closed at 08:00');
  assert.equal(early.legal.tel, `tel:${early.legal.number.replace(/\D/g, '')}`);
  assert.match(early.legal.number, /^0595-\d{8}$/);
  assert.equal(early.counselling.counselling, true);
  const morning = await at('2026-12-01T10:00:00+08:00');
  assert.ok(Object.values(morning).every((l) => l.open_now), 'all open at 10:00 on a Tuesday');
  const evening = await at('2026-12-01T20:00:00+08:00');
  assert.deepEqual(Object.values(evening).filter((l) => l.open_now).map((l) => l.key), ['care', 'counselling']);
  const newYear = await at('2027-01-01T10:00:00+08:00');  // a statutory holiday
  assert.equal(newYear.legal.open_now, false, 'the legal line rests on public holidays');
  assert.equal(newYear.care.open_now, true);
  await setClock(server, T0);
});
