// tests/api/membership_scope.test.mjs — union staff act only within their union's subtree
// (../shared/design/api-services.md: outside it, 404 for an object and 403 for a list asked for by union id;
// docs/api-membership.md "Who may do what"): staff roles granted by admins only, every staff endpoint tried by the
// staff of a sibling town on the other town's objects with nothing changed, town staff over their grassroots unions,
// the members list and export, the earlier admin-only endpoints closed to union staff, and the audit log.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { workersHomes } from './booking_helpers.mjs';
import {
  adminToken, applyOk, assertError, assertMaskedId, auditEntries, decide, decideOk, grantStaff,
  huianTree, maskId, maskPhone, me, memberOf, queue, registerUser, staffOf, startMembershipServer, T0, unionById,
  workerWithProfile,
} from './membership_helpers.mjs';

let server, admin, A, B, a1, a2, b1, staffA, staffA1, staffB, pending, member, pendingApplication;
before(async () => {
  server = await startMembershipServer();
  admin = await adminToken(server);
  const tree = await huianTree(server, 2);
  // Two sibling town unions, each with grassroots unions below it.
  [A, B] = tree.towns;
  [a1, a2] = A.grassroots;
  [b1] = B.grassroots;
  staffA = await staffOf(server, admin, A.town.id, 'townA');
  staffA1 = await staffOf(server, admin, a1.id, 'grassA1');
  staffB = await staffOf(server, admin, B.town.id, 'townB');
  pending = await workerWithProfile(server, { prefix: 'pendingA' });
  pendingApplication = await applyOk(server, pending.token, { kind: 'join', union_id: a1.id, reason: '入会' });
  member = await memberOf(server, admin, a1.id, { prefix: 'memberA' });
});
after(async () => assert.equal(await server.stop(), 0));

const get = (urlPath, token) => server.call('GET', urlPath, { token });
const post = (urlPath, token, body) => server.call('POST', urlPath, { token, body });

test('POST /admin/staff: admins only, 404 for an unknown user or union, 400 for a bad body; /me shows the role', async () => {
  const worker = await registerUser(server, 'notadmin');
  const target = await registerUser(server, 'tobestaff');
  const body = { username: target.username, union_id: A.town.id, role: 'union_staff' };
  assertError(await post('/api/v1/admin/staff', undefined, body), 401, 'unauthorized', 'no token');
  assertError(await post('/api/v1/admin/staff', worker.token, body), 403, 'forbidden', 'a worker');
  assertError(await post('/api/v1/admin/staff', staffA.token, body), 403, 'forbidden', 'union staff grant nothing');
  assertError(await post('/api/v1/admin/staff', admin, { ...body, username: `nobody_${process.pid}` }), 404, 'not_found', 'unknown user');
  assertError(await post('/api/v1/admin/staff', admin, { ...body, union_id: 999999999 }), 404, 'not_found', 'unknown union');
  for (const bad of [{ ...body, role: 'boss' }, { ...body, role: 'admin' }, { ...body, union_id: 'x' }, { username: target.username },
                     { ...body, username: 5 }]) {
    assertError(await post('/api/v1/admin/staff', admin, bad), 400, 'bad_request', JSON.stringify(bad));
  }
  assert.deepEqual((await me(server, target.token)).staff, [], 'nothing was granted');
  assert.equal((await me(server, target.token)).member, null);

  const granted = await grantStaff(server, admin, target.username, A.town.id);
  assert.deepEqual(granted, { user_id: target.user.id, union_id: A.town.id, role: 'union_staff' });
  assert.deepEqual((await me(server, target.token)).staff, [{ union_id: A.town.id, role: 'union_staff' }], 'the same token now acts as staff');
  const lawyer = await grantStaff(server, admin, worker.username, A.town.id, 'lawyer');
  assert.equal(lawyer.role, 'lawyer');
  assert.deepEqual((await me(server, staffA.token)).staff, [{ union_id: A.town.id, role: 'union_staff' }]);

  const list = await get(`/api/v1/admin/staff?union_id=${A.town.id}`, staffA.token);
  assert.equal(list.status, 200, list.text);
  assert.ok(list.json.items.some((s) => s.user_id === target.user.id && s.username === target.username && s.role === 'union_staff'));
  assert.ok(list.json.items.some((s) => s.user_id === staffA.user.id && s.union_id === A.town.id));
  assert.ok(list.json.items.every((s) => !('password' in s) && !('token' in s)));
  assertError(await get(`/api/v1/admin/staff?union_id=${A.town.id}`, target.token.slice(1)), 401, 'unauthorized', 'a bad token');
});

test('staff of town B on town A\'s objects: 404 for each object, 403 for each list by A\'s id, and nothing changes', async () => {
  const view = async () => ({
    queue: (await queue(server, staffA.token, `union_id=${A.town.id}&limit=200`)).json,
    decided: (await queue(server, staffA.token, `union_id=${a1.id}&status=all&limit=200`)).json,
    statsA: (await get(`/api/v1/admin/unions/${A.town.id}/stats`, staffA.token)).json,
    statsA1: (await get(`/api/v1/admin/unions/${a1.id}/stats`, staffA.token)).json,
    members: (await get(`/api/v1/admin/unions/${a1.id}/members?limit=200`, staffA.token)).json,
    member: (await get(`/api/v1/admin/members/${member.user.id}`, staffA.token)).json,
    applicant: (await get(`/api/v1/admin/members/${pending.user.id}`, staffA.token)).json,
    staff: (await get(`/api/v1/admin/staff?union_id=${A.town.id}`, staffA.token)).json,
    me: [await me(server, member.token), await me(server, pending.token)],
  });
  const before = await view();
  assert.ok(before.queue.items.some((a) => a.id === pendingApplication.id), 'A\'s staff see the pending application');
  const auditBefore = (await auditEntries(server, admin)).length;

  const lists = [
    `/api/v1/admin/membership/applications?union_id=${A.town.id}`,
    `/api/v1/admin/membership/applications?union_id=${a1.id}&status=all`,
    `/api/v1/admin/membership/applications?union_id=${A.town.id}&status=approved`,
    `/api/v1/admin/unions/${A.town.id}/stats`, `/api/v1/admin/unions/${a1.id}/stats`,
    `/api/v1/admin/unions/${a1.id}/members`, `/api/v1/admin/unions/${a1.id}/members?verified=false&limit=5`,
    `/api/v1/admin/unions/${A.town.id}/members`, `/api/v1/admin/unions/${a1.id}/members.csv`,
    `/api/v1/admin/staff?union_id=${A.town.id}`, `/api/v1/admin/staff?union_id=${a1.id}`,
    '/api/v1/admin/audit', '/api/v1/admin/audit?limit=5',
  ];
  for (const urlPath of lists) assertError(await get(urlPath, staffB.token), 403, 'forbidden', `B's staff: GET ${urlPath}`);
  const objects = [
    ['POST', `/api/v1/admin/membership/applications/${pendingApplication.id}/decision`, { decision: 'approve' }],
    ['POST', `/api/v1/admin/membership/applications/${pendingApplication.id}/decision`, { decision: 'reject', reason: '越权' }],
    ['GET', `/api/v1/admin/members/${member.user.id}`], ['GET', `/api/v1/admin/members/${pending.user.id}`],
    ['POST', `/api/v1/admin/members/${member.user.id}/verify`], ['POST', `/api/v1/admin/members/${pending.user.id}/verify`],
  ];
  for (const [method, urlPath, body] of objects) {
    assertError(await server.call(method, urlPath, { token: staffB.token, body }), 404, 'not_found', `B's staff: ${method} ${urlPath}`);
  }
  assertError(await post('/api/v1/admin/staff', staffB.token, { username: staffB.username, union_id: A.town.id, role: 'union_staff' }),
              403, 'forbidden', 'B\'s staff grant themselves A');
  // The queue without a union id shows B's staff nothing of A's.
  const unscoped = await get('/api/v1/admin/membership/applications?status=all&limit=200', staffB.token);
  if (unscoped.status === 200) assert.ok(!unscoped.json.items.some((a) => a.id === pendingApplication.id), unscoped.text);
  else assert.ok([400, 403].includes(unscoped.status), unscoped.text);

  // A grassroots union's staff reach neither their town (the parent) nor a sibling.
  for (const urlPath of [`/api/v1/admin/membership/applications?union_id=${A.town.id}`, `/api/v1/admin/unions/${A.town.id}/stats`,
                         `/api/v1/admin/membership/applications?union_id=${a2.id}`, `/api/v1/admin/unions/${a2.id}/members`,
                         `/api/v1/admin/unions/${a2.id}/members.csv`, `/api/v1/admin/unions/${b1.id}/stats`,
                         `/api/v1/admin/staff?union_id=${A.town.id}`]) {
    assertError(await get(urlPath, staffA1.token), 403, 'forbidden', `a1's staff: GET ${urlPath}`);
  }
  const elsewhere = await workerWithProfile(server, { prefix: 'pendingB' });
  const bApplication = await applyOk(server, elsewhere.token, { kind: 'join', union_id: b1.id });
  assertError(await decide(server, staffA1.token, bApplication.id, { decision: 'approve' }), 404, 'not_found', 'a1\'s staff on b1');
  assertError(await decide(server, staffA.token, bApplication.id, { decision: 'approve' }), 404, 'not_found', 'A\'s staff on b1');
  assertError(await get(`/api/v1/admin/members/${elsewhere.user.id}`, staffA.token), 404, 'not_found', 'A\'s staff read b1\'s applicant');
  assert.ok(!(await queue(server, staffA.token, `union_id=${A.town.id}&limit=200`)).json.items.some((a) => a.id === bApplication.id));

  const after = await view();
  assert.deepEqual(after, before, 'nothing changed, as A\'s staff see it');
  const audit = await auditEntries(server, admin);
  const byB = audit.filter((e) => e.actor.user_id === staffB.user.id || e.actor.user_id === staffA1.user.id);
  assert.deepEqual(byB.filter((e) => ['application_decision', 'member_verify', 'staff_grant'].includes(e.action)), [],
                   'no decision, verification or grant was recorded for the refused attempts');
  assert.ok(audit.length >= auditBefore);
});

test('town staff see and decide the applications of their grassroots unions; grassroots staff those of their own', async () => {
  const listed = await queue(server, staffA.token, `union_id=${A.town.id}&limit=200`);
  assert.equal(listed.status, 200, listed.text);
  const item = listed.json.items.find((a) => a.id === pendingApplication.id);
  assert.ok(item, 'the town\'s queue lists a grassroots union\'s application');
  assert.deepEqual(item.can_decide, [a1.id]);
  assert.equal(item.applicant.id_number_masked, maskId(pending.idNumber));
  assert.ok(listed.json.items.every((a) => A.grassroots.some((g) => g.id === a.union_id || g.id === a.from_union_id)),
            'only applications to or from unions below A');
  assert.ok((await queue(server, staffA1.token, `union_id=${a1.id}&limit=200`)).json.items.some((a) => a.id === pendingApplication.id));
  assert.ok(!(await queue(server, staffB.token, `union_id=${B.town.id}&limit=200`)).json.items.some((a) => a.id === pendingApplication.id));

  // The staff of the union an application goes to may read the applicant's profile.
  const applicant = await get(`/api/v1/admin/members/${pending.user.id}`, staffA.token);
  assert.equal(applicant.status, 200, applicant.text);
  assert.deepEqual([applicant.json.user_id, applicant.json.username, applicant.json.union_id, applicant.json.id_number_masked,
                    applicant.json.phone_masked], [pending.user.id, pending.username, null, maskId(pending.idNumber), maskPhone(pending.phone)]);
  assert.equal((await get(`/api/v1/admin/members/${pending.user.id}`, staffA1.token)).status, 200);

  // Stats of the town count its grassroots unions' members.
  const town = await get(`/api/v1/admin/unions/${A.town.id}/stats`, staffA.token);
  assert.equal(town.status, 200, town.text);
  const union = await unionById(server, A.town.id);
  assert.equal(town.json.members, union.member_count);
  assert.equal(town.json.union.id, A.town.id);
  assert.ok(town.json.pending_applications >= 1);
  assert.ok(town.json.verified <= town.json.members);

  const decided = await decideOk(server, staffA.token, pendingApplication.id);
  assert.equal(decided.status, 'approved');
  assert.deepEqual((await me(server, pending.token)).member, { union_id: a1.id, verified: false });
  assert.equal((await get(`/api/v1/admin/unions/${A.town.id}/stats`, staffA.token)).json.members, town.json.members + 1);
});

test('members list and CSV export: staff of the union, masks only, filters and a cursor', async () => {
  const verifiedOne = await memberOf(server, staffA1.token, a1.id, { prefix: 'listed' });
  assert.equal((await post(`/api/v1/admin/members/${verifiedOne.user.id}/verify`, staffA1.token)).status, 200);
  const everyone = await get(`/api/v1/admin/unions/${a1.id}/members?limit=200`, staffA1.token);
  assert.equal(everyone.status, 200, everyone.text);
  const items = everyone.json.items;
  assert.equal(everyone.json.next_cursor, null, 'all on one page');
  assert.equal(items.length, (await unionById(server, a1.id)).member_count, 'every member of the union');
  assert.deepEqual(items.map((m) => m.user_id), [...items.map((m) => m.user_id)].sort((x, y) => x - y), 'by user id');
  for (const m of items) {
    assert.equal(m.union_id, a1.id);
    assert.equal(m.union_name, a1.name);
    assertMaskedId(m.id_number_masked, undefined, `member ${m.user_id}`);
    assert.match(m.phone_masked, /^1\d\d\*{4}\d{4}$/);
  }
  const mine = items.find((m) => m.user_id === member.user.id);
  const documented = ['user_id', 'username', 'real_name', 'id_number_masked', 'phone_masked', 'verified', 'union_id', 'union_name'];
  assert.deepEqual(Object.fromEntries(documented.map((k) => [k, mine[k]])), { user_id: member.user.id, username: member.username, real_name: member.realName,
                           id_number_masked: maskId(member.idNumber), phone_masked: maskPhone(member.phone), verified: false,
                           union_id: a1.id, union_name: a1.name });
  assert.ok(!everyone.text.includes(member.idNumber) && !everyone.text.includes(member.phone));

  const yes = (await get(`/api/v1/admin/unions/${a1.id}/members?verified=true&limit=200`, staffA1.token)).json.items;
  const no = (await get(`/api/v1/admin/unions/${a1.id}/members?verified=false&limit=200`, staffA1.token)).json.items;
  assert.ok(yes.every((m) => m.verified) && no.every((m) => !m.verified));
  assert.ok(yes.some((m) => m.user_id === verifiedOne.user.id) && no.some((m) => m.user_id === member.user.id));
  assert.equal(yes.length + no.length, items.length);
  for (const q of [member.realName, member.username]) {
    const found = (await get(`/api/v1/admin/unions/${a1.id}/members?q=${encodeURIComponent(q)}`, staffA1.token)).json.items;
    assert.ok(found.some((m) => m.user_id === member.user.id), q);
    assert.ok(found.every((m) => m.real_name.includes(q) || m.username.includes(q)), q);
  }
  for (const q of ['%', '_', "'; DROP TABLE member_profiles;--", '\\']) {
    const found = await get(`/api/v1/admin/unions/${a1.id}/members?q=${encodeURIComponent(q)}`, staffA1.token);
    assert.equal(found.status, 200, found.text);
    assert.ok(found.json.items.every((m) => m.real_name.includes(q) || m.username.includes(q)), `${q} is taken literally`);
  }
  assert.deepEqual((await get(`/api/v1/admin/unions/${a1.id}/members?q=${member.idNumber}`, staffA1.token)).json.items, [],
                   'the ID number is not a search key');
  const paged = [];
  let cursor = null;
  for (let page = 0; page < 100; ++page) {
    const response = await get(`/api/v1/admin/unions/${a1.id}/members?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, staffA1.token);
    assert.equal(response.status, 200, response.text);
    assert.ok(response.json.items.length <= 2);
    paged.push(...response.json.items.map((m) => m.user_id));
    cursor = response.json.next_cursor;
    if (!cursor) break;
  }
  assert.deepEqual(paged, items.map((m) => m.user_id), 'the pages together are the list, once each');
  for (const query of ['verified=maybe', 'limit=0', 'limit=abc', 'limit=100000', 'cursor=garbage']) {
    assertError(await get(`/api/v1/admin/unions/${a1.id}/members?${query}`, staffA1.token), 400, 'bad_request', query);
  }
  assertError(await get('/api/v1/admin/unions/999999999/members', admin), 404, 'not_found', 'no such union');
  assert.equal((await get(`/api/v1/admin/unions/${a1.id}/members`, staffA.token)).status, 200, 'the town\'s staff');
  assert.equal((await get(`/api/v1/admin/unions/${a1.id}/members`, admin)).status, 200, 'an admin');
  const worker = await registerUser(server, 'nosy');
  assertError(await get(`/api/v1/admin/unions/${a1.id}/members`, worker.token), 403, 'forbidden', 'a worker');
  assertError(await get(`/api/v1/admin/unions/${a1.id}/members.csv`, worker.token), 403, 'forbidden', 'a worker');

  const csv = await get(`/api/v1/admin/unions/${a1.id}/members.csv`, staffA1.token);
  assert.equal(csv.status, 200, csv.text);
  assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  assert.deepEqual([...csv.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = csv.text.slice(1).split(/\r?\n/).filter(Boolean);
  assert.equal(lines[0], '工会,姓名,用户名,身份证号码,手机,实名状态,入会时间');
  assert.equal(lines.length - 1, items.length, 'one row per member');
  const row = lines.find((l) => l.split(',')[2] === member.username);
  assert.ok(row, 'the member\'s row');
  const cells = row.split(',');
  assert.deepEqual(cells.slice(0, 5), [a1.name, member.realName, member.username, maskId(member.idNumber), maskPhone(member.phone)]);
  assert.ok(!csv.text.includes(member.idNumber) && !csv.text.includes(member.phone));
  assert.notEqual(lines.find((l) => l.split(',')[2] === verifiedOne.username).split(',')[5], cells[5], 'the state differs');
});

test('union staff get 403 on the admin-only endpoints of the earlier features', async () => {
  const [site] = await workersHomes(server, 1);
  const reads = ['/api/v1/admin/lecture-requests', '/api/v1/admin/lecture-dashboard', `/api/v1/admin/sites/${site}/template`,
                 `/api/v1/admin/sites/${site}/exceptions`, `/api/v1/admin/sites/${site}/roster?date=2026-12-05`,
                 `/api/v1/admin/sites/${site}/roster.csv?date=2026-12-05`];
  for (const urlPath of reads) {
    for (const staff of [staffA, staffA1]) assertError(await get(urlPath, staff.token), 403, 'forbidden', `staff: GET ${urlPath}`);
    assert.equal((await get(urlPath, admin)).status, 200, `admin: GET ${urlPath}`);
  }
  const template = (await get(`/api/v1/admin/sites/${site}/template`, admin)).json;
  const writes = [['PUT', `/api/v1/admin/sites/${site}/template`, template],
                  ['PUT', `/api/v1/admin/sites/${site}/exceptions/2026-12-09`, { kind: 'closed', note: '越权' }],
                  ['POST', '/api/v1/admin/bookings/1/check-in', {}]];
  for (const [method, urlPath, body] of writes) {
    assertError(await server.call(method, urlPath, { token: staffA.token, body }), 403, 'forbidden', `staff: ${method} ${urlPath}`);
  }
  assert.deepEqual((await get(`/api/v1/admin/sites/${site}/exceptions`, admin)).json.items.filter((e) => e.date === '2026-12-09'), [],
                   'the refused write changed nothing');
});

test('a transfer between towns: each side\'s staff decide only their side, and who may read the member follows the membership', async () => {
  const mover = await memberOf(server, admin, b1.id, { prefix: 'crossing' });
  const read = (staff) => get(`/api/v1/admin/members/${mover.user.id}`, staff.token);
  const verify = (staff) => post(`/api/v1/admin/members/${mover.user.id}/verify`, staff.token);
  assertError(await read(staffA1), 404, 'not_found', 'a1\'s staff: a member of b1 with nothing pending');
  assert.equal((await read(staffB)).status, 200);

  const first = await applyOk(server, mover.token, { kind: 'transfer', union_id: a1.id, reason: '调到螺城上班' });
  assert.equal((await read(staffA1)).status, 200, 'the staff of the union a pending application goes to may read');
  const inA = (await queue(server, staffA.token, `union_id=${A.town.id}&limit=200`)).json.items.find((x) => x.id === first.id);
  const inB = (await queue(server, staffB.token, `union_id=${B.town.id}&limit=200`)).json.items.find((x) => x.id === first.id);
  assert.deepEqual([inA?.can_decide, inB?.can_decide], [[a1.id], [b1.id]]);
  const half = await decideOk(server, staffA1.token, first.id);
  assert.deepEqual([half.status, half.waiting_for, half.decisions.map((d) => d.union_id)], ['pending', [b1.id], [a1.id]],
                   'a1\'s staff decided a1\'s side only');
  assertError(await decide(server, staffA1.token, first.id, { decision: 'approve' }), 409, 'conflict', 'a1 decided');
  assertError(await decide(server, staffA.token, first.id, { decision: 'approve' }), 409, 'conflict', 'A\'s only side is decided');
  assert.equal((await decideOk(server, staffB.token, first.id, { decision: 'reject', reason: '合同未到期' })).status, 'rejected');
  assertError(await read(staffA1), 404, 'not_found', 'nothing pending to a1 any more');
  assert.deepEqual((await me(server, mover.token)).member, { union_id: b1.id, verified: false });

  const second = await applyOk(server, mover.token, { kind: 'transfer', union_id: a1.id });
  await decideOk(server, staffB.token, second.id);
  assert.equal((await decideOk(server, staffA.token, second.id)).status, 'approved');
  assert.deepEqual((await me(server, mover.token)).member, { union_id: a1.id, verified: false });
  assertError(await read(staffB), 404, 'not_found', 'B\'s staff after the member left');
  assertError(await verify(staffB), 404, 'not_found', 'B\'s staff verify after the member left');
  assert.equal((await verify(staffA1)).json.verified, true, 'a1\'s staff verify their new member');
  const inB1 = (await get(`/api/v1/admin/unions/${b1.id}/members?limit=200`, staffB.token)).json.items;
  const inA1 = (await get(`/api/v1/admin/unions/${a1.id}/members?limit=200`, staffA1.token)).json.items;
  assert.deepEqual([inB1.some((m) => m.user_id === mover.user.id), inA1.some((m) => m.user_id === mover.user.id)], [false, true]);

  // Verification is for the staff of the member's union: the union a transfer is pending to may read, not verify.
  const other = await memberOf(server, admin, b1.id, { prefix: 'crossing' });
  await applyOk(server, other.token, { kind: 'transfer', union_id: a1.id });
  assertError(await post(`/api/v1/admin/members/${other.user.id}/verify`, staffA1.token), 404, 'not_found',
              'a1\'s staff verify a member of b1 who asked to move to a1');
  assert.deepEqual((await me(server, other.token)).member, { union_id: b1.id, verified: false }, 'still unverified');
});

test('the audit log (admins only) records each profile read, list, export, verification, decision and grant', async () => {
  const subject = await memberOf(server, staffA1.token, a1.id, { prefix: 'audited' });
  const applicant = await workerWithProfile(server, { prefix: 'audited' });
  const application = await applyOk(server, applicant.token, { kind: 'join', union_id: a1.id });
  const newest = async () => (await auditEntries(server, admin));
  const start = (await newest())[0]?.id ?? 0;

  assert.equal((await get(`/api/v1/admin/members/${subject.user.id}`, staffA.token)).status, 200);
  assert.equal((await get(`/api/v1/admin/members/${subject.user.id}`, staffA.token)).status, 200);
  assert.equal((await get(`/api/v1/admin/unions/${a1.id}/members`, staffA1.token)).status, 200);
  assert.equal((await get(`/api/v1/admin/unions/${a1.id}/members.csv`, staffA1.token)).status, 200);
  assert.equal((await post(`/api/v1/admin/members/${subject.user.id}/verify`, staffA1.token)).status, 200);
  assert.equal((await decideOk(server, staffA.token, application.id, { decision: 'reject', reason: '信息不全' })).status, 'rejected');
  const grantee = await registerUser(server, 'granted');
  await grantStaff(server, admin, grantee.username, a2.id);

  const entries = (await newest()).filter((e) => e.id > start);
  assert.deepEqual(entries.map((e) => e.id), [...entries.map((e) => e.id)].sort((x, y) => y - x), 'newest first');
  const find = (action, actor) => entries.filter((e) => e.action === action && e.actor.user_id === actor.user.id);
  const reads = find('profile_read', staffA).filter((e) => e.subject_user_id === subject.user.id);
  assert.equal(reads.length, 2, `each read is recorded: ${JSON.stringify(entries)}`);
  assert.equal(reads[0].actor.username, staffA.username);
  assert.equal(reads[0].at, T0);
  assert.equal(find('members_list', staffA1).filter((e) => e.union_id === a1.id).length, 1);
  assert.equal(find('members_export', staffA1).filter((e) => e.union_id === a1.id).length, 1);
  assert.equal(find('member_verify', staffA1).filter((e) => e.subject_user_id === subject.user.id).length, 1);
  const decisions = find('application_decision', staffA).filter((e) => e.object_id === application.id);
  assert.equal(decisions.length, 1, JSON.stringify(entries));
  assert.deepEqual([decisions[0].subject_user_id, decisions[0].union_id], [applicant.user.id, a1.id]);
  assert.match(decisions[0].detail, /reject|拒绝|驳回|不予|不通过/, 'what was decided');
  const grants = entries.filter((e) => e.action === 'staff_grant' && e.subject_user_id === grantee.user.id);
  assert.equal(grants.length, 1);
  assert.deepEqual([grants[0].actor.user_id, grants[0].union_id], [(await me(server, admin)).id, a2.id]);
  const text = JSON.stringify(entries);
  for (const secret of [subject.idNumber, subject.phone, applicant.idNumber, applicant.phone]) assert.ok(!text.includes(secret), 'no full number');

  // Pages by `before`; admins only.
  const page1 = await get('/api/v1/admin/audit?limit=3', admin);
  assert.equal(page1.status, 200, page1.text);
  assert.equal(page1.json.items.length, 3);
  const page2 = (await get(`/api/v1/admin/audit?limit=3&before=${page1.json.next_before}`, admin)).json;
  assert.ok(page2.items.length > 0 && page2.items.every((e) => e.id < page1.json.items.at(-1).id));
  for (const query of ['limit=0', 'limit=abc', 'before=abc']) assertError(await get(`/api/v1/admin/audit?${query}`, admin), 400, 'bad_request', query);
  assertError(await get('/api/v1/admin/audit'), 401, 'unauthorized', 'no token');
  for (const who of [staffA, staffA1, applicant]) assertError(await get('/api/v1/admin/audit', who.token), 403, 'forbidden', who.username);
});
