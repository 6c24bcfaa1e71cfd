// tests/api/relief.test.mjs — complaints (职工维权, docs/api-complaints.md) and hardship aid (困难帮扶,
// docs/api-hardship.md) over HTTP, on SQLite and PostgreSQL, one server for the file: the whole path of each, every
// endpoint answering 404 to another worker and to a sibling union's staff (learning nothing, not even that the case
// exists), random distinct case numbers, the name kept out of every answer but the handling staff's audited read,
// one decision of concurrent replies and approvals, one open application per person under concurrency, consent,
// withdrawal, the public notice's masked names, the yearly re-check by the test clock, the stats, hostile input.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import {
  adminToken, assertError, auditEntries, huianTree, memberOf, registerUser, setClock, staffOf, startMembershipServer, T0,
} from './membership_helpers.mjs';
import { pgCluster } from './harness.mjs';
import { shanghaiPlus } from './quiz_helpers.mjs';

let server;
let admin;
let tree;
let mine;     // a town with at least two grassroots unions
let sibling;  // another town
let townStaff, siblingStaff, grassStaff, grassSiblingStaff;

before(async () => {
  server = await startMembershipServer();
  admin = await adminToken(server);
  tree = await huianTree(server);
  [mine, sibling] = tree.towns;
  townStaff = await staffOf(server, admin, mine.town.id, 'town');
  siblingStaff = await staffOf(server, admin, sibling.town.id, 'sibtown');
  grassStaff = await staffOf(server, admin, mine.grassroots[0].id, 'grass');
  grassSiblingStaff = await staffOf(server, admin, mine.grassroots[1].id, 'grasssib');
});

after(async () => {
  await server?.stop();
});

const CASE = /^(WQ|BF)[0-9A-HJKMNP-TV-Z]{12}$/;
const file = (token, body, headers) => server.call('POST', '/api/v1/complaints', { token, body, headers });
const complaintBody = (fields = {}) => ({ handler: 'own', category: 'wages', text: '老板拖欠三个月工资，共计一万二千元。', employer: '某某鞋业有限公司', ...fields });

async function fileOk(token, fields) {
  const response = await file(token, complaintBody(fields));
  assert.equal(response.status, 201, response.text);
  assert.match(response.json.case_no, CASE);
  return response.json;
}

/** Asserts that no part of `response` names the case or the text (a 404 that tells nothing). */
function assertTellsNothing(response, caseNo, what) {
  assertError(response, 404, 'not_found', what);
  assert.ok(!response.text.includes(caseNo), `${what}: the answer names the case`);
}

test('complaints: filed to one\'s own union or the county, anonymous by default, random distinct case numbers', async () => {
  await setClock(server, T0);
  const member = await memberOf(server, admin, mine.grassroots[0].id);
  const handlers = await server.call('GET', '/api/v1/complaints/handlers', { token: member.token });
  assert.equal(handlers.status, 200, handlers.text);
  assert.equal(handlers.json.own.id, mine.grassroots[0].id);
  assert.equal(handlers.json.county.id, tree.huian.id);
  assert.equal(handlers.json.categories.length, 8);
  const outsider = await registerUser(server, 'nomember');
  const outsiderHandlers = (await server.call('GET', '/api/v1/complaints/handlers', { token: outsider.token })).json;
  assert.equal(outsiderHandlers.own, null, 'only a member has an own union');
  assertError(await file(outsider.token, complaintBody()), 409, 'not_a_member');
  const own = await fileOk(member.token);
  assert.equal(own.anonymous, true, 'anonymous to the employer by default');
  assert.equal(own.status, 'submitted');
  assert.equal(own.union.id, mine.grassroots[0].id);
  assert.equal(own.name, undefined, 'no name in the worker\'s answer either');
  const county = await fileOk(outsider.token, { handler: 'county', anonymous: false, category: 'injury' });
  assert.equal(county.union.id, tree.huian.id);
  const numbers = new Set([own.case_no, county.case_no]);
  const many = await Promise.all(Array.from({ length: 20 }, () => fileOk(outsider.token, { handler: 'county' })));
  for (const c of many) numbers.add(c.case_no);
  assert.equal(numbers.size, 22, 'distinct');
  const tails = [...numbers].map((n) => n.slice(2)).sort();
  assert.ok(tails.some((t, i) => i > 0 && t.slice(0, 6) !== tails[i - 1].slice(0, 6)), 'not a counter');
  const mineList = (await server.call('GET', '/api/v1/me/complaints', { token: outsider.token })).json.items;
  assert.equal(mineList.length, 21);
  assert.deepEqual(mineList.filter((c) => c.case_no === county.case_no).map((c) => c.category), ['injury']);
});

test('complaints: nobody but the worker and the handling staff learns the case exists; the name only in the audited read', async () => {
  await setClock(server, T0);
  const member = await memberOf(server, admin, mine.grassroots[0].id);
  const c = await fileOk(member.token);
  const other = await registerUser(server, 'otherworker');
  const ghost = 'WQ' + '0'.repeat(12);
  for (const [token, who] of [[other.token, 'another worker'], [siblingStaff.token, 'a sibling town\'s staff'],
    [grassSiblingStaff.token, 'a sibling grassroots union\'s staff']]) {
    assertTellsNothing(await server.call('GET', `/api/v1/complaints/${c.case_no}`, { token }), c.case_no, `${who} reads`);
    assertTellsNothing(await server.call('POST', `/api/v1/complaints/${c.case_no}/rating`, { token, body: { rating: 5 } }), c.case_no, `${who} rates`);
    if (token !== other.token) {
      assertTellsNothing(await server.call('GET', `/api/v1/admin/complaints/${c.case_no}`, { token }), c.case_no, `${who} staff read`);
      assertTellsNothing(await server.call('POST', `/api/v1/admin/complaints/${c.case_no}/reply`, { token, body: { reply: '越权' } }), c.case_no, `${who} replies`);
      assertTellsNothing(await server.call('POST', `/api/v1/admin/complaints/${c.case_no}/close`, { token }), c.case_no, `${who} closes`);
      const queue = await server.call('GET', '/api/v1/admin/complaints?status=all', { token });
      assert.ok(!queue.text.includes(c.case_no), `${who}: not in their queue`);
      // A real case and a made-up one answer alike.
      const real = await server.call('GET', `/api/v1/admin/complaints/${c.case_no}`, { token });
      const fake = await server.call('GET', `/api/v1/admin/complaints/${ghost}`, { token });
      assert.equal(real.text.replace(c.case_no, ''), fake.text.replace(ghost, ''), `${who}: a real case answers like none`);
    }
  }
  assertError(await server.call('GET', '/api/v1/admin/complaints', { token: other.token }), 403, 'forbidden');
  assertError(await server.call('GET', `/api/v1/admin/complaints?union_id=${mine.grassroots[0].id}`, { token: siblingStaff.token }), 403, 'forbidden');
  // The handling union's staff (and the town above) see it; the list carries no name, the audited read does.
  const queue = (await server.call('GET', `/api/v1/admin/complaints?union_id=${mine.grassroots[0].id}`, { token: grassStaff.token })).json.items;
  const listed = queue.find((x) => x.case_no === c.case_no);
  assert.ok(listed, 'in the handling union\'s queue');
  assert.equal(listed.name, undefined);
  assert.equal(listed.text, undefined, 'texts only in the audited read');
  assert.ok(!JSON.stringify(queue).includes(member.realName));
  const detail = await server.call('GET', `/api/v1/admin/complaints/${c.case_no}`, { token: townStaff.token });
  assert.equal(detail.status, 200, detail.text);
  assert.equal(detail.json.name, member.realName);
  assert.equal(detail.json.text, complaintBody().text);
  const audit = await auditEntries(server, admin);
  assert.ok(audit.some((e) => e.action === 'complaint_read' && e.object_id !== undefined && e.detail === c.case_no), 'audited');
  // The text is sealed: not in the SQLite file in clear.
  if (!pgCluster) assert.ok(!readFileSync(server.db).includes(Buffer.from(complaintBody().text)), 'sealed at rest');
});

test('complaints: the queue oldest first with the time waiting, one reply of concurrent ones, a rating once, stats', async () => {
  const union = mine.grassroots[1].id;
  const member = await memberOf(server, admin, union);
  await setClock(server, T0);
  const first = await fileOk(member.token, { category: 'contract' });
  await setClock(server, shanghaiPlus(T0, 3600));
  const second = await fileOk(member.token, { category: 'safety' });
  await setClock(server, shanghaiPlus(T0, 7200));
  const queue = (await server.call('GET', `/api/v1/admin/complaints?union_id=${union}`, { token: grassSiblingStaff.token })).json.items;
  assert.deepEqual(queue.map((x) => x.case_no), [first.case_no, second.case_no], 'oldest first');
  assert.deepEqual(queue.map((x) => x.waiting_seconds), [7200, 3600]);
  assertError(await server.call('POST', `/api/v1/complaints/${first.case_no}/rating`, { token: member.token, body: { rating: 4 } }), 409, 'conflict', 'rated before the reply');
  const replies = await Promise.all(Array.from({ length: 4 }, (_, i) => server.call('POST', `/api/v1/admin/complaints/${first.case_no}/reply`,
    { token: i % 2 ? townStaff.token : grassSiblingStaff.token, body: { reply: `答复 ${i}：已联系企业，工资本周内补发。` } })));
  assert.deepEqual(replies.map((r) => r.status).sort(), [200, 409, 409, 409], 'one reply is taken');
  const seen = (await server.call('GET', `/api/v1/complaints/${first.case_no}`, { token: member.token })).json;
  assert.equal(seen.status, 'replied');
  assert.match(seen.reply, /^答复 \d：/);
  assert.equal(seen.can_rate, true);
  for (const bad of [0, 6, 2.5, '5', null]) {
    assertError(await server.call('POST', `/api/v1/complaints/${first.case_no}/rating`, { token: member.token, body: { rating: bad } }), 400, 'bad_request', `rating ${bad}`);
  }
  const rated = await Promise.all([4, 2].map((rating) => server.call('POST', `/api/v1/complaints/${first.case_no}/rating`, { token: member.token, body: { rating, comment: '满意' } })));
  assert.deepEqual(rated.map((r) => r.status).sort(), [200, 409], 'rated once');
  const after = (await server.call('GET', `/api/v1/complaints/${first.case_no}`, { token: member.token })).json;
  assert.equal(after.status, 'closed');
  assert.equal(after.can_rate, false);
  await setClock(server, shanghaiPlus(T0, 10800));
  assert.equal((await server.call('POST', `/api/v1/admin/complaints/${second.case_no}/reply`, { token: grassSiblingStaff.token, body: { reply: '已转劳动监察大队。' } })).status, 200);
  assert.equal((await server.call('POST', `/api/v1/admin/complaints/${second.case_no}/close`, { token: grassSiblingStaff.token })).status, 200);
  assertError(await server.call('POST', `/api/v1/admin/complaints/${second.case_no}/close`, { token: grassSiblingStaff.token }), 409, 'conflict');
  const stats = await server.call('GET', `/api/v1/admin/complaints/stats?union_id=${union}`, { token: grassSiblingStaff.token });
  assert.equal(stats.status, 200, stats.text);
  const row = stats.json.items.find((x) => x.id === union);
  assert.equal(row.count, 2);
  assert.equal(row.replied, 2);
  assert.equal(row.median_reply_seconds, 7200);
  assert.equal(row.p90_reply_seconds, 7200);
  assert.ok(row.rating_average === 4 || row.rating_average === 2, JSON.stringify(row));
  assert.ok(!stats.text.includes(member.realName));
  assertError(await server.call('GET', `/api/v1/admin/complaints/stats?union_id=${union}`, { token: siblingStaff.token }), 403, 'forbidden');
});

test('complaints: malformed and hostile input is refused and changes nothing', async () => {
  await setClock(server, T0);
  const worker = await registerUser(server, 'hostile');
  const cases = [
    ['{not json', 400], [JSON.stringify(complaintBody({ handler: 'county', category: 'bribes' })), 400],
    [JSON.stringify(complaintBody({ handler: 'boss' })), 400], [JSON.stringify(complaintBody({ handler: 'county', text: 12 })), 400],
    [JSON.stringify(complaintBody({ handler: 'county', text: '欠'.repeat(2001) })), 422],
    [JSON.stringify(complaintBody({ handler: 'county', text: '   ' })), 422],
    [JSON.stringify(complaintBody({ handler: 'county', text: 'a\u0000b' })), 422],
    [Buffer.concat([Buffer.from('{"handler":"county","category":"wages","text":"'), Buffer.from([0xE5, 0xB7]), Buffer.from('"}')]), 400],
    [JSON.stringify(complaintBody({ handler: 'county', employer: 'x'.repeat(101) })), 400],
  ];
  for (const [body, status] of cases) {
    const response = await server.call('POST', '/api/v1/complaints', { token: worker.token, body });
    assert.equal(response.status, status, `${String(body).slice(0, 60)}: ${response.text}`);
  }
  assert.equal((await server.call('GET', '/api/v1/me/complaints', { token: worker.token })).json.items.length, 0);
  const markup = await fileOk(worker.token, { handler: 'county', text: '<script>alert(1)</script> 加班费' });
  assert.equal(markup.text, '<script>alert(1)</script> 加班费', 'kept as plain text');
  assertError(await server.call('GET', '/api/v1/complaints/WQ..%2F..%2Fetc', { token: worker.token }), 404, 'not_found');
  assertError(await server.call('POST', '/api/v1/complaints', { body: complaintBody() }), 401, 'unauthorized');
});

// ---- hardship aid ----

const applyBody = (fields = {}) => ({ category: 'illness', household_size: 4, monthly_income: 2600, amount_asked: 5000,
  facts: '爱人患尿毒症，每周透析三次，孩子上初中。', consent: true, ...fields });
const applyFor = (token, fields) => server.call('POST', '/api/v1/hardship/applications', { token, body: applyBody(fields) });
const check = (token, c, body) => server.call('POST', `/api/v1/admin/hardship/applications/${c}/check`, { token, body });
const approval = (token, c, body) => server.call('POST', `/api/v1/admin/hardship/applications/${c}/approval`, { token, body });
const aid = (token, c, body) => server.call('POST', `/api/v1/admin/hardship/applications/${c}/aid`, { token, body });

async function applyOk(token, fields) {
  const response = await applyFor(token, fields);
  assert.equal(response.status, 201, response.text);
  assert.match(response.json.case_no, CASE);
  return response.json;
}

test('hardship: consent, members only, one open application under concurrency, withdrawal before the check', async () => {
  await setClock(server, T0);
  const outsider = await registerUser(server, 'poor');
  assertError(await applyFor(outsider.token), 409, 'not_a_member');
  const member = await memberOf(server, admin, mine.grassroots[0].id);
  for (const consent of [undefined, false, 'true', 1]) {
    assertError(await applyFor(member.token, { consent }), 422, 'consent_required', `consent ${consent}`);
  }
  for (const [fields, status] of [[{ category: 'gambling' }, 400], [{ household_size: 0 }, 400], [{ household_size: 21 }, 400],
    [{ monthly_income: -1 }, 400], [{ amount_asked: 0 }, 400], [{ amount_asked: 100001 }, 400], [{ amount_asked: '5000' }, 400],
    [{ facts: '' }, 422], [{ facts: '难'.repeat(2001) }, 422]]) {
    const response = await applyFor(member.token, fields);
    assert.equal(response.status, status, `${JSON.stringify(fields).slice(0, 60)}: ${response.text}`);
  }
  const raced = await Promise.all(Array.from({ length: 5 }, () => applyFor(member.token)));
  assert.deepEqual(raced.map((r) => r.status).sort(), [201, 409, 409, 409, 409], 'one open application per person');
  const created = raced.find((r) => r.status === 201).json;
  assert.equal(created.status, 'submitted');
  assert.equal(created.facts, applyBody().facts);
  assert.equal(created.can_withdraw, true);
  assert.deepEqual(created.timeline.map((s) => s.step), ['submitted']);
  const other = await registerUser(server, 'peer');
  assertError(await server.call('DELETE', `/api/v1/hardship/applications/${created.case_no}`, { token: other.token }), 404, 'not_found');
  const gone = await server.call('DELETE', `/api/v1/hardship/applications/${created.case_no}`, { token: member.token });
  assert.equal(gone.status, 204, gone.text);
  assertError(await server.call('GET', `/api/v1/hardship/applications/${created.case_no}`, { token: member.token }), 404, 'not_found');
  assertError(await server.call('GET', `/api/v1/admin/hardship/applications/${created.case_no}`, { token: admin }), 404, 'not_found', 'deleted, facts and all');
  const again = await applyOk(member.token);
  assert.equal((await check(grassStaff.token, again.case_no, { decision: 'pass', note: '情况属实' })).status, 200);
  assertError(await server.call('DELETE', `/api/v1/hardship/applications/${again.case_no}`, { token: member.token }), 409, 'conflict', 'after the check');
});

test('hardship: check by the grassroots union, approval by the one above, aid; each level in its scope; one decision of many', async () => {
  await setClock(server, T0);
  const member = await memberOf(server, admin, mine.grassroots[1].id);
  const a = await applyOk(member.token, { category: 'disaster', amount_asked: 8000 });
  const other = await registerUser(server, 'nosy');
  const ghost = 'BF' + '0'.repeat(12);
  for (const [token, who] of [[siblingStaff.token, 'sibling town'], [grassStaff.token, 'sibling grassroots union']]) {
    for (const [method, p, body] of [['GET', '', undefined], ['POST', '/check', { decision: 'pass' }],
      ['POST', '/approval', { decision: 'approve', amount_granted: 100 }], ['POST', '/aid', { amount: 1, date: '2026-12-01', kind: 'cash' }],
      ['POST', '/recheck', {}]]) {
      const response = await server.call(method, `/api/v1/admin/hardship/applications/${a.case_no}${p}`, { token, body });
      assertTellsNothing(response, a.case_no, `${who} ${method} ${p}`);
      const fake = await server.call(method, `/api/v1/admin/hardship/applications/${ghost}${p}`, { token, body });
      assert.equal(response.text.replace(a.case_no, ''), fake.text.replace(ghost, ''), `${who}: a real case answers like none`);
    }
    const list = await server.call('GET', '/api/v1/admin/hardship/applications', { token });
    assert.ok(!list.text.includes(a.case_no), `${who}: not listed`);
  }
  assertTellsNothing(await server.call('GET', `/api/v1/hardship/applications/${a.case_no}`, { token: other.token }), a.case_no, 'another worker');
  assertTellsNothing(await server.call('DELETE', `/api/v1/hardship/applications/${a.case_no}`, { token: other.token }), a.case_no, 'another worker withdraws');
  assertError(await server.call('GET', `/api/v1/admin/hardship/applications?union_id=${mine.grassroots[1].id}`, { token: siblingStaff.token }), 403, 'forbidden');
  // The list names nobody in full and carries no facts.
  const list = (await server.call('GET', `/api/v1/admin/hardship/applications?union_id=${mine.grassroots[1].id}`, { token: grassSiblingStaff.token })).json.items;
  const listed = list.find((x) => x.case_no === a.case_no);
  assert.equal(listed.facts, undefined);
  assert.notEqual(listed.name, member.realName);
  assert.equal(listed.can_check, true);
  // The approval is not the grassroots union's.
  assertError(await approval(grassSiblingStaff.token, a.case_no, { decision: 'approve', amount_granted: 6000 }), 403, 'forbidden');
  assertError(await check(grassSiblingStaff.token, a.case_no, { decision: 'return' }), 400, 'bad_request', 'a return needs a reason');
  const checks = await Promise.all(Array.from({ length: 4 }, () => check(grassSiblingStaff.token, a.case_no, { decision: 'pass', note: '已入户核实' })));
  assert.deepEqual(checks.map((r) => r.status).sort(), [200, 409, 409, 409], 'checked once');
  const approvals = await Promise.all([
    approval(townStaff.token, a.case_no, { decision: 'approve', amount_granted: 6000 }),
    approval(townStaff.token, a.case_no, { decision: 'approve', amount_granted: 7000 }),
    approval(admin, a.case_no, { decision: 'reject', reason: '不符合条件' }),
  ]);
  assert.deepEqual(approvals.map((r) => r.status).sort(), [200, 409, 409], 'one approval decision');
  const decided = approvals.find((r) => r.status === 200).json;
  if (decided.status === 'approved') {
    assertError(await aid(townStaff.token, a.case_no, { amount: 6000, date: '2026-13-01', kind: 'cash' }), 400, 'bad_request');
    assertError(await aid(townStaff.token, a.case_no, { amount: 6000, date: '2026-12-02', kind: 'loan' }), 400, 'bad_request');
    const given = await aid(townStaff.token, a.case_no, { amount: decided.amount_granted, date: '2026-12-02', kind: 'cash' });
    assert.equal(given.status, 200, given.text);
    assertError(await aid(townStaff.token, a.case_no, { amount: 1, date: '2026-12-02', kind: 'goods' }), 409, 'conflict', 'aided once');
    const seen = (await server.call('GET', `/api/v1/hardship/applications/${a.case_no}`, { token: member.token })).json;
    assert.equal(seen.status, 'aided');
    assert.deepEqual(seen.timeline.map((s) => s.step), ['submitted', 'checked', 'approved', 'aided']);
    assert.equal(seen.aid.kind, 'cash');
    assert.equal(seen.timeline[1].note, '已入户核实');
  } else {
    assert.equal(decided.status, 'rejected');
    const seen = (await server.call('GET', `/api/v1/hardship/applications/${a.case_no}`, { token: member.token })).json;
    assert.deepEqual(seen.timeline.map((s) => s.step), ['submitted', 'checked', 'rejected']);
  }
  const detail = await server.call('GET', `/api/v1/admin/hardship/applications/${a.case_no}`, { token: townStaff.token });
  assert.equal(detail.json.name, member.realName);
  assert.equal(detail.json.facts, applyBody().facts);
  const audit = await auditEntries(server, admin);
  assert.ok(audit.some((e) => e.action === 'hardship_read' && e.detail === a.case_no), 'the read of the facts is audited');
  if (!pgCluster) assert.ok(!readFileSync(server.db).includes(Buffer.from(applyBody().facts)), 'facts sealed at rest');
});

test('hardship: the public notice masks names and shows no amounts; the re-check is flagged a year after the aid', async () => {
  await setClock(server, T0);
  const member = await memberOf(server, admin, mine.grassroots[0].id);
  const a = await applyOk(member.token, { category: 'education' });
  assert.equal((await check(grassStaff.token, a.case_no, { decision: 'pass' })).status, 200);
  assert.equal((await approval(townStaff.token, a.case_no, { decision: 'approve', amount_granted: 3000 })).status, 200);
  assert.equal((await aid(townStaff.token, a.case_no, { amount: 3000, date: '2026-12-01', kind: 'visit' })).status, 200);
  const notices = await server.call('GET', '/api/v1/hardship/notices');
  assert.equal(notices.status, 200, notices.text);
  assert.ok(!notices.text.includes(member.realName), 'no full name');
  const item = notices.json.items.find((x) => x.name === `${member.realName[0]}**`);
  assert.ok(item, JSON.stringify(notices.json.items));
  assert.equal(item.town, mine.town.name);
  assert.deepEqual(Object.keys(item).sort(), ['approved_on', 'category', 'name', 'town'], 'no amounts, no case number');
  const flagged = async (token) => (await server.call('GET', '/api/v1/admin/hardship/applications?status=recheck', { token })).json;
  assert.ok(!(await flagged(grassStaff.token)).items.some((x) => x.case_no === a.case_no), 'not due yet');
  assertError(await server.call('POST', `/api/v1/admin/hardship/applications/${a.case_no}/recheck`, { token: grassStaff.token, body: {} }), 409, 'not_due');
  await setClock(server, shanghaiPlus(T0, 365 * 86400));
  // A year on, sessions have expired: the staff member signs in again.
  const login = await server.call('POST', '/api/v1/auth/login', { body: { username: grassStaff.username, password: grassStaff.password } });
  assert.equal(login.status, 200, login.text);
  const staff = { token: login.json.token };
  const due = await flagged(staff.token);
  assert.ok(due.items.some((x) => x.case_no === a.case_no && x.recheck_due), 'flagged a year later');
  assert.ok(due.recheck_due >= 1);
  assert.equal((await server.call('POST', `/api/v1/admin/hardship/applications/${a.case_no}/recheck`, { token: staff.token, body: {} })).status, 200);
  assert.ok(!(await flagged(staff.token)).items.some((x) => x.case_no === a.case_no), 'cleared for another year');
  await setClock(server, T0);
});
