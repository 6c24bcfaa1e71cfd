// tests/api/membership.test.mjs — unions, real-name member profiles, joining and transfer through real HTTP
// (../shared/design/api-services.md "Unions", "Member profile and membership"; docs/api-membership.md): the union
// tree walked from its roots and searched; the profile's consent, GB 11643 and phone checks, bad bodies that change
// nothing, masks, uniqueness of the ID number and erasure; join and transfer with their deadlines (weekends and
// statutory holidays skipped), decisions, notifications, Idempotency-Key retries and the overdue queue; concurrent
// decisions, applications, profiles and erasure; the member key file; and no full ID number or phone in any answer,
// in what the server prints or in the database file. The server's clock starts at T0, Tuesday 2026-12-01 08:00.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { freshDatabase, holidayTableLastYear, pgCluster, startInstances } from './harness.mjs';
import {
  adminToken, apply, applyOk, assertError, assertMaskedId, auditEntries, childrenOf, decide, decideOk, descendantsOf,
  freshIdNumber, freshPhone, freshRealName, getProfile, huianTree, looksLikeValidIdNumber, maskId, maskPhone, me,
  memberOf, myApplications, putProfile, queue, registerUser, rootOf, runServerUntilListening, setClock, staffOf, startCapturedServer,
  startMembershipServer, T0, unionById, unions, withCheck, workerWithProfile,
} from './membership_helpers.mjs';

let server, admin, tree, huian, dingxi, T1, T2, G1, G1b, G2, s1, s2;
before(async () => {
  server = await startMembershipServer();
  admin = await adminToken(server);
  tree = await huianTree(server, 3);
  huian = tree.huian;
  dingxi = await rootOf(server, 'dingxi');
  [T1, T2] = tree.towns.map((t) => t.town);
  [G1, G1b] = tree.towns[0].grassroots;
  [G2] = tree.towns[1].grassroots;
  s1 = await staffOf(server, admin, G1.id, 'g1staff');
  s2 = await staffOf(server, admin, G2.id, 'g2staff');
});
after(async () => assert.equal(await server.stop(), 0));

const notifications = async (token) => {
  const response = await server.call('GET', '/api/v1/me/notifications', { token });
  assert.equal(response.status, 200, response.text);
  return response.json.items;
};
const memberCount = async (id) => (await unionById(server, id)).member_count;
const stats = async (token, id) => {
  const response = await server.call('GET', `/api/v1/admin/unions/${id}/stats`, { token });
  assert.equal(response.status, 200, response.text);
  return response.json;
};
const sameIds = (a, b) => assert.deepEqual([...a].sort((x, y) => x - y), [...b].sort((x, y) => x - y));

// ---- unions ----

test('unions: the roots, children by parent with their path and counts, one by id, 404 for an unknown one', async () => {
  const roots = await unions(server);
  assert.ok(roots.some((u) => u.region === 'huian') && roots.some((u) => u.region === 'dingxi'), JSON.stringify(roots));
  for (const root of roots) {
    assert.equal(root.parent_id, null, root.name);
    assert.equal(root.level, 'federation', root.name);
    assert.deepEqual(root.path, [], root.name);
  }
  assert.match(huian.name, /惠安/);
  assert.match(dingxi.name, /定西/);

  const children = await childrenOf(server, huian.id);
  assert.equal(children.length, huian.child_count);
  assert.ok(children.some((u) => u.level === 'town'));
  for (const child of children) {
    assert.equal(child.parent_id, huian.id, child.name);
    assert.equal(child.region, 'huian', child.name);
    assert.deepEqual(child.path, [{ id: huian.id, name: huian.name }], child.name);
  }
  assert.equal(children.reduce((sum, u) => sum + u.member_count, 0), huian.member_count,
               'member_count counts the union and everything below it; only grassroots unions have members');
  assert.ok(huian.member_count > 0, 'the demo has members');

  const all = await descendantsOf(server, huian.id);
  assert.equal(new Set(all.map((u) => u.id)).size, all.length, 'each union once');
  const grassroots = all.filter((u) => u.level === 'grassroots');
  assert.equal(grassroots.length, 324, 'the demo has 324 grassroots unions in Hui\'an');
  const byId = new Map([[huian.id, huian], ...all.map((u) => [u.id, u])]);
  for (const u of all) {
    assert.equal(u.region, 'huian', u.name);
    assert.ok(byId.has(u.parent_id), `${u.name}: its parent is in the tree`);
    assert.deepEqual(u.path.at(-1), { id: u.parent_id, name: byId.get(u.parent_id).name }, `${u.name}: the path ends at its parent`);
    assert.equal(u.path[0].id, huian.id, `${u.name}: the path starts at the root`);
  }
  for (const g of grassroots.slice(0, 5)) {
    assert.equal(g.child_count, 0, g.name);
    assert.deepEqual(await childrenOf(server, g.id), [], `${g.name} has no children`);
  }
  // GET /unions/{id} is the listed union.
  for (const u of [huian, T1, G1]) assert.deepEqual(await unionById(server, u.id), u, u.name);
  assert.equal((await unionById(server, dingxi.id)).region, 'dingxi');
  for (const id of ['999999999', '0', '-1', 'abc']) {
    assertError(await server.call('GET', `/api/v1/unions/${id}`), 404, 'not_found', `union ${id}`);
  }
});

test('unions: search by a Chinese substring and by pinyin initials, within a subtree, with filters and limits', async () => {
  // A Chinese substring of a grassroots union's name finds it, and everything found contains the text.
  const part = G1.name.slice(2, -2);
  assert.ok(part.length >= 2, G1.name);
  const found = await unions(server, `q=${encodeURIComponent(part)}&limit=200`);
  assert.ok(found.some((u) => u.id === G1.id), `${part} finds ${G1.name}`);
  for (const u of found) assert.ok(u.name.includes(part), `${u.name} contains ${part}`);

  // Pinyin initials: "lc" finds 螺城镇总工会 (docs/api-membership.md); the search spans the whole tree.
  const luocheng = tree.towns.map((t) => t.town).find((u) => u.name.includes('螺城'))
    ?? (await childrenOf(server, huian.id)).find((u) => u.name.includes('螺城'));
  assert.ok(luocheng, 'Hui\'an has 螺城镇总工会');
  const byInitials = await unions(server, 'q=lc&limit=200');
  assert.ok(byInitials.some((u) => u.id === luocheng.id), `lc finds ${luocheng.name}`);
  assert.ok((await unions(server, 'q=lczzgh&limit=200')).some((u) => u.id === luocheng.id), 'the initials of the whole name');
  // Initials run across a whole name: 惠安县螺城… employers are found by "haxlc".
  const employers = (await unions(server, `q=${encodeURIComponent('惠安县螺城')}&limit=200`)).filter((u) => u.name.startsWith('惠安县螺城'));
  assert.ok(employers.length > 0, 'Hui\'an has 惠安县螺城… unions');
  const byLongInitials = new Set((await unions(server, 'q=haxlc&limit=200')).map((u) => u.id));
  for (const u of employers) assert.ok(byLongInitials.has(u.id), `haxlc finds ${u.name}`);
  const byChinese = await unions(server, `q=${encodeURIComponent('螺城')}&limit=200`);
  assert.ok(byChinese.some((u) => u.id === luocheng.id));
  for (const u of byChinese) assert.ok(u.name.includes('螺城'), u.name);

  // Within a subtree: Dingxi's has no 螺城; Hui'an's has it, and only unions below Hui'an.
  const inDingxi = await unions(server, `q=lc&parent=${dingxi.id}&limit=200`);
  assert.ok(!inDingxi.some((u) => u.id === luocheng.id));
  for (const u of inDingxi) assert.equal(u.region, 'dingxi', u.name);
  assert.deepEqual(await unions(server, `q=${encodeURIComponent('螺城')}&parent=${dingxi.id}`), []);
  const inHuian = await unions(server, `q=${encodeURIComponent('螺城')}&parent=${huian.id}&limit=200`);
  assert.ok(inHuian.some((u) => u.id === luocheng.id));
  for (const u of inHuian) assert.equal(u.path[0]?.id, huian.id, u.name);
  // Within a town's subtree: its grassroots union, not another town's.
  const inT1 = await unions(server, `q=${encodeURIComponent(part)}&parent=${T1.id}&limit=200`);
  assert.ok(inT1.some((u) => u.id === G1.id));
  assert.ok(inT1.every((u) => u.path.some((p) => p.id === T1.id)), 'only unions below the town');
  assert.deepEqual((await unions(server, `q=${encodeURIComponent(part)}&parent=${T2.id}&limit=200`)).filter((u) => u.id === G1.id), []);

  // Filters and limits.
  const grassroots = await unions(server, 'level=grassroots&region=huian&limit=200');
  assert.equal(grassroots.length, 200);
  for (const u of grassroots) assert.deepEqual([u.level, u.region], ['grassroots', 'huian'], u.name);
  for (const u of await unions(server, 'region=dingxi&limit=200')) assert.equal(u.region, 'dingxi', u.name);
  assert.equal((await unions(server, `q=${encodeURIComponent('工会')}`)).length, 50, 'limit defaults to 50');
  assert.equal((await unions(server, `q=${encodeURIComponent('工会')}&limit=7`)).length, 7);

  // Text that names nothing, and hostile text taken literally.
  assert.deepEqual(await unions(server, 'q=qqqzzzxxx'), []);
  for (const q of ['%', '_', '\\', "'; DROP TABLE unions;--", '<script>', "' OR 1=1 --", '*']) {
    for (const u of await unions(server, `q=${encodeURIComponent(q)}&limit=200`)) assert.ok(u.name.includes(q), `${q}: ${u.name}`);
  }
  assert.ok((await unions(server)).length >= 2, 'the roots are all still there');
});

test('unions: bad parameters get 400 bad_request', async () => {
  for (const query of ['parent=abc', 'parent=-1', 'parent=1.5', 'limit=0', 'limit=-1', 'limit=201', 'limit=abc',
                       'limit=2.5', 'level=nope', 'limit=5&limit=6', `parent=${huian.id}&parent=${dingxi.id}`]) {
    assertError(await server.call('GET', `/api/v1/unions?${query}`), 400, 'bad_request', query);
  }
});

// ---- the member profile ----

test('profile: consent missing or false gets 400 consent_required and stores nothing', async () => {
  const worker = await registerUser(server, 'consent');
  const body = { real_name: freshRealName(), id_number: freshIdNumber(), phone: freshPhone() };
  for (const consent of [undefined, false, null]) {
    const response = await putProfile(server, worker.token, { ...body, consent });
    assertError(response, 400, 'consent_required', `consent ${consent}`);
  }
  for (const consent of ['true', 1, 'yes', [true], {}]) {
    const response = await putProfile(server, worker.token, { ...body, consent });
    assert.equal(response.status, 400, `consent ${JSON.stringify(consent)}: ${response.text}`);
    assert.ok(['consent_required', 'bad_request'].includes(response.json?.error?.code), response.text);
  }
  assertError(await getProfile(server, worker.token), 404, 'not_found', 'nothing stored');
  assertError(await putProfile(server, undefined, { ...body, consent: true }), 401, 'unauthorized', 'no token');
  assertError(await getProfile(server, undefined), 401, 'unauthorized', 'no token');
  // The same number is still free: nothing was kept of it.
  const other = await registerUser(server, 'consent');
  assert.equal((await putProfile(server, other.token, { ...body, consent: true })).status, 200);
});

test('profile: invalid ID numbers get 400 invalid_id_number with a Chinese reason, and store nothing', async () => {
  const worker = await registerUser(server, 'badid');
  const valid = freshIdNumber();
  const otherCheck = '0123456789X'.split('').find((c) => c !== valid[17]);
  const cases = [
    [valid.slice(0, 17) + otherCheck, /校验位/, 'wrong check character'],
    [withCheck('11010520230229123'), /出生日期/, '29 February of a common year'],
    [withCheck('11010519000229123'), /出生日期/, '29 February 1900 (a century, not a leap year)'],
    [withCheck('11010519901301123'), /出生日期/, 'month 13'],
    [withCheck('11010519900100123'), /出生日期/, 'day 0'],
    [withCheck('11010519900431123'), /出生日期/, '31 April'],
    [withCheck('11010520261202123'), /出生日期不能晚于今天/, 'born tomorrow (the clock stands at 2026-12-01)'],
    [withCheck('11010520300101123'), /出生日期不能晚于今天/, 'born in 2030'],
    ['110105900307123', /18位/, '15 digits (first generation)'],
    [valid.slice(0, 17), /18位/, '17 characters'],
    [valid + '1', /18位/, '19 characters'],
    ['', /18位|身份证/, 'empty'],
    [valid.slice(0, 5) + 'A' + valid.slice(6), /身份证/, 'a letter among the digits'],
    [valid.slice(0, 10) + 'X' + valid.slice(11), /身份证/, 'X in the middle'],
    [valid.slice(0, 17) + 'Y', /身份证/, 'Y as the check character'],
    [valid.slice(0, 6) + ' ' + valid.slice(7), /身份证/, 'a space inside'],
    [valid.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), /身份证/, 'full-width digits'],
  ];
  for (const [id_number, message, what] of cases) {
    const response = await putProfile(server, worker.token,
                                      { real_name: freshRealName(), id_number, phone: freshPhone(), consent: true });
    assertError(response, 400, 'invalid_id_number', `${what} (${id_number})`);
    assert.match(response.json.error.message, message, what);
  }
  for (const id_number of [Number(valid.slice(0, 15)), null, [valid], { number: valid }, true]) {
    const response = await putProfile(server, worker.token, { real_name: '王五', id_number, phone: freshPhone(), consent: true });
    assert.equal(response.status, 400, `${JSON.stringify(id_number)}: ${response.text}`);
    assert.ok(['invalid_id_number', 'bad_request'].includes(response.json?.error?.code), response.text);
  }
  assertError(await getProfile(server, worker.token), 404, 'not_found', 'nothing stored');

  // Edge cases that are valid: born today, on 29 February 2000, a lower-case x, spaces around it.
  for (const id_number of [withCheck('11010520261201123'), withCheck('11010520000229123')]) {
    const response = await putProfile(server, worker.token, { real_name: '王五', id_number, phone: freshPhone(), consent: true });
    assert.equal(response.status, 200, `${id_number}: ${response.text}`);
    assert.equal(response.json.id_number_masked, maskId(id_number));
  }
  const withX = freshIdNumber({ check: 'X' });
  const lower = await putProfile(server, worker.token,
                                 { real_name: '王五', id_number: ` ${withX.slice(0, 17)}x `, phone: freshPhone(), consent: true });
  assert.equal(lower.status, 200, lower.text);
  assert.equal(lower.json.id_number_masked, maskId(withX), 'stored as upper-case X');
});

test('profile: invalid phones get 400 invalid_phone; any 11 digits starting with 1 are taken, however written', async () => {
  const worker = await registerUser(server, 'phone');
  const idNumber = freshIdNumber();
  const put = (phone) => putProfile(server, worker.token, { real_name: '李四', id_number: idNumber, phone, consent: true });
  for (const phone of ['1381234567', '138123456789', '23812345678', '03812345678', '1381234567a', '', '138 1234 567',
                       '+1 212 555 0100', '138.1234.5678']) {
    const response = await put(phone);
    assertError(response, 400, 'invalid_phone', phone);
    assert.match(response.json.error.message, /手机号码/, phone);
  }
  for (const phone of [13812345678, null, ['13812345678']]) {
    const response = await put(phone);
    assert.equal(response.status, 400, `${JSON.stringify(phone)}: ${response.text}`);
    assert.ok(['invalid_phone', 'bad_request'].includes(response.json?.error?.code), response.text);
  }
  assertError(await getProfile(server, worker.token), 404, 'not_found', 'nothing stored');
  for (const [phone, masked] of [['+86 138-1234-5678', '138****5678'], ['8613912345678', '139****5678'],
                                 [' 13712345678 ', '137****5678'], ['19212345678', '192****5678'],
                                 ['10012345678', '100****5678'], ['14912345678', '149****5678']]) {
    const response = await put(phone);
    assert.equal(response.status, 200, `${phone}: ${response.text}`);
    assert.equal(response.json.phone_masked, masked, phone);
  }
  // Full-width digits are a phone typed wrongly, like any other: invalid_phone with the same message.
  const fullWidth = await put('１３８１２３４５６７８');
  assertError(fullWidth, 400, 'invalid_phone', 'full-width digits');
  assert.match(fullWidth.json.error.message, /手机号码/);
});

test('profile: a valid PUT gives 200 with masks only; GET shows the same; a correction replaces it', async () => {
  const worker = await registerUser(server, 'profile');
  const idNumber = freshIdNumber(), phone = freshPhone('138'), realName = freshRealName();
  const response = await putProfile(server, worker.token, { real_name: realName, id_number: idNumber, phone, consent: true });
  assert.equal(response.status, 200, response.text);
  const profile = response.json;
  for (const key of ['real_name', 'id_number_masked', 'phone_masked', 'verified', 'verified_at', 'union_id', 'union_name', 'consent_at']) {
    assert.ok(key in profile, `MemberProfile has ${key}: ${response.text}`);
  }
  assert.equal(profile.real_name, realName);
  assert.equal(profile.id_number_masked, maskId(idNumber));
  assertMaskedId(profile.id_number_masked, idNumber, 'PUT');
  assert.equal(profile.phone_masked, maskPhone(phone));
  assert.deepEqual([profile.verified, profile.verified_at, profile.union_id, profile.union_name], [false, null, null, null]);
  assert.equal(profile.consent_at, T0);
  assert.ok(!response.text.includes(idNumber) && !response.text.includes(idNumber.slice(4, 14)), 'no full ID number');
  assert.ok(!response.text.includes(phone), 'no full phone');

  const got = await getProfile(server, worker.token);
  assert.equal(got.status, 200);
  assert.deepEqual(got.json, profile);
  assert.ok(!got.text.includes(idNumber) && !got.text.includes(phone));
  assert.equal((await me(server, worker.token)).member, null, 'a profile is not a membership');

  // The same account may send its own number again (a correction is the same call).
  const phone2 = freshPhone('186');
  const corrected = await putProfile(server, worker.token, { real_name: realName, id_number: idNumber, phone: phone2, consent: true });
  assert.equal(corrected.status, 200, corrected.text);
  assert.equal(corrected.json.phone_masked, maskPhone(phone2));
  assert.equal((await getProfile(server, worker.token)).json.phone_masked, maskPhone(phone2));
});

test('profile: malformed, huge, wrongly typed, broken UTF-8 and hostile bodies get clear errors and change nothing', async () => {
  const worker = await workerWithProfile(server, { prefix: 'hostile' });
  const stored = (await getProfile(server, worker.token)).json;
  const unchanged = async (what) => assert.deepEqual((await getProfile(server, worker.token)).json, stored, `${what}: nothing changed`);
  const good = { real_name: worker.realName, id_number: worker.idNumber, phone: worker.phone, consent: true };

  for (const raw of ['{"real_name":', '{real_name: "王五"}', 'null', '[]', '"text"', '42', '', '{"real_name":"王五",}']) {
    assertError(await putProfile(server, worker.token, raw), 400, 'bad_request', `body ${raw}`);
    await unchanged(raw);
  }
  const huge = Buffer.from(JSON.stringify({ ...good, real_name: '长'.repeat(400 * 1024) }));
  assert.ok(huge.length > 1024 * 1024);
  const tooLarge = await putProfile(server, worker.token, huge);
  assertError(tooLarge, 413, 'payload_too_large', 'a body over 1 MiB');
  await unchanged('huge body');

  for (const body of [{ ...good, real_name: 42 }, { ...good, real_name: null }, { ...good, real_name: ['王五'] },
                      { ...good, real_name: undefined }, { ...good, real_name: '' }, { ...good, real_name: '长'.repeat(1000) },
                      { ...good, real_name: '王\u0000五' }, { ...good, real_name: '王\n五' }, { ...good, real_name: '王\u0007五' },
                      { ...good, real_name: '王\t五' }]) {
    assertError(await putProfile(server, worker.token, body), 400, 'bad_request', JSON.stringify(body.real_name)?.slice(0, 30));
    await unchanged(JSON.stringify(body.real_name)?.slice(0, 30));
  }
  // Broken UTF-8 inside real_name: a lone continuation byte, a truncated sequence, an overlong '/', a surrogate.
  const tail = Buffer.from(`","id_number":"${worker.idNumber}","phone":"${worker.phone}","consent":true}`);
  for (const bytes of [[0x80], [0xe7, 0x8e], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff, 0xfe]]) {
    const body = Buffer.concat([Buffer.from('{"real_name":"王'), Buffer.from(bytes), tail]);
    assertError(await putProfile(server, worker.token, body), 400, 'bad_request', `bytes ${bytes}`);
    await unchanged(`bytes ${bytes}`);
  }
  // Hostile but printable text is either refused (400) or kept exactly as sent — never run, never mangled.
  for (const name of ["'; DROP TABLE member_profiles;--", '<script>alert(1)</script>', 'Robert"); --', '\u202e五王', '%s%n%x']) {
    const response = await putProfile(server, worker.token, { ...good, real_name: name });
    if (response.status === 200) {
      assert.equal(response.json.real_name, name);
      assert.equal((await getProfile(server, worker.token)).json.real_name, name);
    } else {
      assertError(response, 400, 'bad_request', name);
      await unchanged(name);
    }
  }
  assert.equal((await putProfile(server, worker.token, good)).status, 200);
  assert.deepEqual((await getProfile(server, worker.token)).json, stored, 'the original data back');
  assert.deepEqual((await server.call('GET', '/api/v1/health')).json, { status: 'ok' });
});

test('profile: another account with the same ID number gets 409 conflict, also written with a lower-case x', async () => {
  const withX = freshIdNumber({ check: 'X' });
  const first = await workerWithProfile(server, { prefix: 'dupe', idNumber: withX });
  const second = await registerUser(server, 'dupe');
  for (const id_number of [withX, `${withX.slice(0, 17)}x`, ` ${withX} `]) {
    const response = await putProfile(server, second.token, { real_name: freshRealName(), id_number, phone: freshPhone(), consent: true });
    assertError(response, 409, 'conflict', JSON.stringify(id_number));
    assert.ok(!response.text.includes(withX.slice(4, 14)), 'the answer does not echo the number');
  }
  assertError(await getProfile(server, second.token), 404, 'not_found', 'nothing stored for the second account');
  assert.equal((await getProfile(server, first.token)).json.id_number_masked, maskId(withX), 'the first keeps it');
});

test('profile: DELETE erases it (GET 404), ends membership, withdraws pending applications, frees the number', async () => {
  const member = await memberOf(server, s1.token, G1.id, { prefix: 'erase' });
  const before = await memberCount(G1.id);
  const transfer = await applyOk(server, member.token, { kind: 'transfer', union_id: G2.id, reason: '换工作' });
  assertError(await server.call('DELETE', '/api/v1/me/member-profile'), 401, 'unauthorized', 'no token');
  const deleted = await server.call('DELETE', '/api/v1/me/member-profile', { token: member.token });
  assert.equal(deleted.status, 200, deleted.text);
  assert.deepEqual(deleted.json, { deleted: true });
  assertError(await getProfile(server, member.token), 404, 'not_found', 'after the deletion');
  assert.equal((await me(server, member.token)).member, null, 'membership ends');
  assert.equal(await memberCount(G1.id), before - 1);
  const mine = await myApplications(server, member.token);
  assert.equal(mine.find((a) => a.id === transfer.id).status, 'withdrawn');
  const inQueue = (await queue(server, s2.token, `union_id=${G2.id}&status=pending&limit=200`)).json.items;
  assert.ok(!inQueue.some((a) => a.id === transfer.id), 'a withdrawn application leaves the pending queue');
  assertError(await decide(server, s2.token, transfer.id, { decision: 'approve' }), 409, 'conflict', 'withdrawn');
  assertError(await server.call('GET', `/api/v1/admin/members/${member.user.id}`, { token: admin }), 404, 'not_found', 'no profile to read');
  // The same ID number is free again for another account, and the first may give a profile again.
  const other = await registerUser(server, 'erase');
  const reused = await putProfile(server, other.token, { real_name: freshRealName(), id_number: member.idNumber, phone: freshPhone(), consent: true });
  assert.equal(reused.status, 200, reused.text);
  assertError(await putProfile(server, member.token, { real_name: member.realName, id_number: member.idNumber, phone: member.phone, consent: true }),
              409, 'conflict', 'now it is the other account\'s');
  assertError(await apply(server, member.token, { kind: 'join', union_id: G1.id }), 400, 'profile_required', 'no profile after deletion');
});

// ---- joining ----

test('join: profile_required, bad bodies, 404 for a union that takes no members, 409 for a second pending one', async () => {
  const bare = await registerUser(server, 'noprofile');
  assertError(await apply(server, bare.token, { kind: 'join', union_id: G1.id, reason: '入会' }), 400, 'profile_required');
  assertError(await apply(server, undefined, { kind: 'join', union_id: G1.id }), 401, 'unauthorized', 'no token');

  const worker = await workerWithProfile(server, { prefix: 'joiner' });
  for (const body of [{ kind: 'nope', union_id: G1.id }, { kind: 'join' }, { kind: 'join', union_id: String(G1.id) },
                      { kind: 'join', union_id: 1.5 }, { union_id: G1.id }, { kind: 'join', union_id: G1.id, reason: 5 },
                      { kind: 'join', union_id: G1.id, reason: '长'.repeat(5000) }, { kind: ['join'], union_id: G1.id }]) {
    assertError(await apply(server, worker.token, body), 400, 'bad_request', JSON.stringify(body).slice(0, 60));
  }
  assertError(await apply(server, worker.token, '{"kind":"join",'), 400, 'bad_request', 'malformed JSON');
  for (const id of [T1.id, huian.id, dingxi.id, 999999999]) {
    assertError(await apply(server, worker.token, { kind: 'join', union_id: id }), 404, 'not_found', `union ${id}`);
  }
  assertError(await apply(server, worker.token, { kind: 'transfer', union_id: G1.id }), 409, 'conflict', 'transfer while not a member');
  assert.deepEqual(await myApplications(server, worker.token), [], 'nothing was made');

  const application = await applyOk(server, worker.token, { kind: 'join', union_id: G1.id, reason: '在本单位工作' });
  assert.equal(application.kind, 'join');
  assert.equal(application.union_id, G1.id);
  assert.equal(application.union_name, G1.name);
  assert.equal(application.from_union_id, null);
  assert.equal(application.reason, '在本单位工作');
  assert.equal(application.created_at, T0);
  assert.equal(application.due_by.slice(0, 10), '2026-12-04', 'three working days after Tuesday: Friday');
  assert.equal(application.due_by, '2026-12-04T23:59:59+08:00', 'the last second of that day');
  assert.equal(application.overdue, false);
  assert.equal(application.days_left, 3);
  assert.deepEqual(application.decisions, []);
  assert.deepEqual(application.waiting_for, [G1.id]);

  assertError(await apply(server, worker.token, { kind: 'join', union_id: G1b.id }), 409, 'conflict', 'a second pending one');
  assertError(await apply(server, worker.token, { kind: 'join', union_id: G1.id }), 409, 'conflict', 'the same again');
  assertError(await apply(server, worker.token, { kind: 'transfer', union_id: G2.id }), 409, 'conflict', 'transfer while pending');
  const mine = await myApplications(server, worker.token);
  assert.deepEqual(mine, [application]);
  assert.equal((await me(server, worker.token)).member, null, 'not a member while pending');
});

test('join: staff approve; the worker is a member, sees the decision and gets a notification; counts follow', async () => {
  const worker = await workerWithProfile(server, { prefix: 'approved' });
  const counts = [await memberCount(G1.id), await memberCount(T1.id), await memberCount(huian.id)];
  const before = await stats(s1.token, G1.id);
  const application = await applyOk(server, worker.token, { kind: 'join', union_id: G1.id, reason: '入会' });
  assert.equal((await stats(s1.token, G1.id)).pending_applications, before.pending_applications + 1);

  const listed = await queue(server, s1.token, `union_id=${G1.id}&limit=200`);
  assert.equal(listed.status, 200, listed.text);
  const item = listed.json.items.find((a) => a.id === application.id);
  assert.ok(item, 'the pending application is in the union staff\'s queue');
  assert.equal(typeof listed.json.overdue, 'number');
  assert.deepEqual(item.applicant, { user_id: worker.user.id, username: worker.username, real_name: worker.realName,
                                     id_number_masked: maskId(worker.idNumber), verified: false });
  assert.deepEqual(item.can_decide, [G1.id]);
  assert.deepEqual([item.status, item.overdue, item.due_by], ['pending', false, application.due_by]);
  assert.ok(!listed.text.includes(worker.idNumber) && !listed.text.includes(worker.phone));

  for (const body of [{ decision: 'maybe' }, {}, { decision: true }, { decision: 'approve', reason: 7 }]) {
    assertError(await decide(server, s1.token, application.id, body), 400, 'bad_request', JSON.stringify(body));
  }
  assertError(await decide(server, s1.token, 999999999, { decision: 'approve' }), 404, 'not_found', 'unknown application');
  assertError(await decide(server, worker.token, application.id, { decision: 'approve' }), 403, 'forbidden', 'a worker');

  const decided = await decideOk(server, s1.token, application.id, { decision: 'approve' });
  assert.equal(decided.status, 'approved');
  assert.equal(decided.decisions.length, 1);
  assert.deepEqual([decided.decisions[0].union_id, decided.decisions[0].decision, decided.decisions[0].at], [G1.id, 'approve', T0]);
  assert.deepEqual(decided.waiting_for, []);
  assert.equal(decided.overdue, false);
  assertError(await decide(server, s1.token, application.id, { decision: 'approve' }), 409, 'conflict', 'decided twice');
  assertError(await decide(server, s1.token, application.id, { decision: 'reject', reason: '改主意' }), 409, 'conflict', 'changed mind');

  assert.deepEqual((await me(server, worker.token)).member, { union_id: G1.id, verified: false });
  const profile = (await getProfile(server, worker.token)).json;
  assert.deepEqual([profile.union_id, profile.union_name], [G1.id, G1.name]);
  const [mine] = await myApplications(server, worker.token);
  assert.deepEqual([mine.id, mine.status, mine.decisions], [application.id, 'approved', decided.decisions]);
  const [note] = await notifications(worker.token);
  assert.equal(note.kind, 'membership_update');
  assert.equal(note.application_id, application.id);
  assert.ok(note.message.length > 0);

  assert.deepEqual([await memberCount(G1.id), await memberCount(T1.id), await memberCount(huian.id)], counts.map((c) => c + 1));
  const after = await stats(s1.token, G1.id);
  assert.equal(after.members, before.members + 1);
  assert.equal(after.pending_applications, before.pending_applications);
  assert.ok((await queue(server, s1.token, `union_id=${G1.id}&status=approved&limit=200`)).json.items.some((a) => a.id === application.id));
  assert.ok(!(await queue(server, s1.token, `union_id=${G1.id}&status=pending&limit=200`)).json.items.some((a) => a.id === application.id));
  assert.ok(!(await queue(server, s1.token, `union_id=${G1.id}&limit=200`)).json.items.some((a) => a.id === application.id), 'pending is the default');
  for (const query of [`union_id=${G1.id}&status=nope`, `union_id=${G1.id}&limit=0`, `union_id=${G1.id}&limit=abc`, 'union_id=abc']) {
    assertError(await queue(server, s1.token, query), 400, 'bad_request', query);
  }

  // A member may not join again, nor transfer to their own union; a union that takes no members is 404.
  assertError(await apply(server, worker.token, { kind: 'join', union_id: G1b.id }), 409, 'conflict', 'join while a member');
  assertError(await apply(server, worker.token, { kind: 'transfer', union_id: G1.id }), 409, 'conflict', 'transfer to one\'s own union');
  assertError(await apply(server, worker.token, { kind: 'transfer', union_id: T1.id }), 404, 'not_found', 'transfer to a town union');
  assertError(await apply(server, worker.token, { kind: 'transfer', union_id: 999999999 }), 404, 'not_found', 'transfer to nothing');
  const all = await queue(server, s1.token, `union_id=${G1.id}&status=all&limit=200`);
  assert.ok(all.json.items.some((a) => a.id === application.id), `status=all lists the decided application: ${all.text}`);
});

test('join: a rejection needs a reason; with one it ends the application, shows the reason, and a new one may follow', async () => {
  const worker = await workerWithProfile(server, { prefix: 'rejected' });
  const application = await applyOk(server, worker.token, { kind: 'join', union_id: G1.id, reason: '入会' });
  for (const body of [{ decision: 'reject' }, { decision: 'reject', reason: '' }, { decision: 'reject', reason: null }]) {
    assertError(await decide(server, s1.token, application.id, body), 400, 'bad_request', JSON.stringify(body));
  }
  assert.equal((await myApplications(server, worker.token))[0].status, 'pending', 'the refused decision changed nothing');
  const reason = '请先提供与本单位的劳动合同';
  const decided = await decideOk(server, s1.token, application.id, { decision: 'reject', reason });
  assert.equal(decided.status, 'rejected');
  assert.deepEqual([decided.decisions.length, decided.decisions[0].decision, decided.decisions[0].reason], [1, 'reject', reason]);
  assertError(await decide(server, s1.token, application.id, { decision: 'approve' }), 409, 'conflict', 'after the rejection');
  const [mine] = await myApplications(server, worker.token);
  assert.deepEqual([mine.status, mine.decisions[0].reason], ['rejected', reason]);
  assert.equal((await me(server, worker.token)).member, null);
  const [note] = await notifications(worker.token);
  assert.deepEqual([note.kind, note.application_id], ['membership_update', application.id]);
  const rejectedList = await queue(server, s1.token, `union_id=${G1.id}&status=rejected&limit=200`);
  assert.ok(rejectedList.json.items.some((a) => a.id === application.id && a.status === 'rejected'), rejectedList.text);
  const again = await applyOk(server, worker.token, { kind: 'join', union_id: G1.id, reason: '已补充材料' });
  const listed = await myApplications(server, worker.token);
  assert.deepEqual(listed.map((a) => a.id), [again.id, application.id], 'newest first');
});

test('Idempotency-Key (api.md): a repeated application or decision returns the first answer and does nothing more', async () => {
  const worker = await workerWithProfile(server, { prefix: 'retry' });
  const key = `join-${process.pid}-${Date.now()}`;
  const send = (token, urlPath, body, k) => server.call('POST', urlPath, { token, body, headers: { 'Idempotency-Key': k } });
  const body = { kind: 'join', union_id: G1.id, reason: '入会' };
  const first = await send(worker.token, '/api/v1/membership/applications', body, key);
  assert.equal(first.status, 201, first.text);
  const again = await send(worker.token, '/api/v1/membership/applications', body, key);
  const otherBody = await send(worker.token, '/api/v1/membership/applications', { ...body, union_id: G1b.id }, key);
  const decisionPath = `/api/v1/admin/membership/applications/${first.json.id}/decision`;
  const decided = await send(s1.token, decisionPath, { decision: 'approve' }, `${key}-d`);
  assert.equal(decided.status, 200, decided.text);
  const decidedAgain = await send(s1.token, decisionPath, { decision: 'approve' }, `${key}-d`);
  // What must hold whatever the retries answered: one application, one decision, one membership.
  const mine = await myApplications(server, worker.token);
  assert.deepEqual(mine.map((a) => [a.id, a.status, a.decisions.length]), [[first.json.id, 'approved', 1]]);
  assert.deepEqual((await me(server, worker.token)).member, { union_id: G1.id, verified: false });
  // The retries themselves.
  assert.deepEqual([again.status, again.json?.id], [201, first.json.id], `the same key and body again: ${again.text}`);
  assertError(otherBody, 422, 'idempotency_key_reused', 'the same key with another body');
  assert.deepEqual([decidedAgain.status, decidedAgain.json?.status], [200, 'approved'], `a retried decision: ${decidedAgain.text}`);
});

// ---- transfer ----

test('transfer: both sides must approve, the old membership holds meanwhile, and each side decides once', async () => {
  const member = await memberOf(server, s1.token, G1.id, { prefix: 'mover' });
  const counts = [await memberCount(G1.id), await memberCount(G2.id), await memberCount(huian.id)];
  const application = await applyOk(server, member.token, { kind: 'transfer', union_id: G2.id, reason: '调动到新单位' });
  assert.deepEqual([application.kind, application.union_id, application.from_union_id, application.union_name, application.from_union_name],
                   ['transfer', G2.id, G1.id, G2.name, G1.name]);
  sameIds(application.waiting_for, [G1.id, G2.id]);
  assert.equal(application.due_by, '2026-12-04T23:59:59+08:00');

  const newSide = (await queue(server, s2.token, `union_id=${G2.id}&limit=200`)).json.items.find((a) => a.id === application.id);
  const oldSide = (await queue(server, s1.token, `union_id=${G1.id}&limit=200`)).json.items.find((a) => a.id === application.id);
  assert.ok(newSide && oldSide, 'both unions\' queues list it');
  assert.deepEqual(newSide.can_decide, [G2.id]);
  assert.deepEqual(oldSide.can_decide, [G1.id]);

  const half = await decideOk(server, s2.token, application.id, { decision: 'approve' });
  assert.equal(half.status, 'pending', 'one side is not enough');
  assert.deepEqual(half.waiting_for, [G1.id]);
  assert.deepEqual(half.decisions.map((d) => [d.union_id, d.decision]), [[G2.id, 'approve']]);
  assertError(await decide(server, s2.token, application.id, { decision: 'approve' }), 409, 'conflict', 'that side already decided');
  assert.deepEqual((await me(server, member.token)).member, { union_id: G1.id, verified: false }, 'still in the old union');
  assert.deepEqual([await memberCount(G1.id), await memberCount(G2.id)], counts.slice(0, 2));
  assert.deepEqual((await queue(server, s1.token, `union_id=${G1.id}&limit=200`)).json.items.find((a) => a.id === application.id).waiting_for, [G1.id]);

  const done = await decideOk(server, s1.token, application.id, { decision: 'approve' });
  assert.equal(done.status, 'approved');
  sameIds(done.decisions.map((d) => d.union_id), [G1.id, G2.id]);
  assert.deepEqual(done.waiting_for, []);
  assert.deepEqual((await me(server, member.token)).member, { union_id: G2.id, verified: false });
  assert.deepEqual([await memberCount(G1.id), await memberCount(G2.id), await memberCount(huian.id)],
                   [counts[0] - 1, counts[1] + 1, counts[2]]);
  assert.equal((await notifications(member.token))[0].application_id, application.id);
  assertError(await decide(server, s1.token, application.id, { decision: 'approve' }), 409, 'conflict', 'decided');
});

test('transfer: a rejection by either side ends it and the member stays where they were', async () => {
  // The old union says no.
  const first = await memberOf(server, s1.token, G1.id, { prefix: 'stay' });
  const a = await applyOk(server, first.token, { kind: 'transfer', union_id: G2.id });
  assertError(await decide(server, s1.token, a.id, { decision: 'reject' }), 400, 'bad_request', 'no reason');
  const rejected = await decideOk(server, s1.token, a.id, { decision: 'reject', reason: '劳动关系尚未解除' });
  assert.equal(rejected.status, 'rejected');
  assert.deepEqual(rejected.waiting_for, []);
  assertError(await decide(server, s2.token, a.id, { decision: 'approve' }), 409, 'conflict', 'the other side after a rejection');
  assert.deepEqual((await me(server, first.token)).member, { union_id: G1.id, verified: false });
  assert.equal((await myApplications(server, first.token))[0].decisions[0].reason, '劳动关系尚未解除');

  // The new union says no after the old one said yes.
  const second = await memberOf(server, s1.token, G1.id, { prefix: 'stay' });
  const b = await applyOk(server, second.token, { kind: 'transfer', union_id: G2.id });
  assert.equal((await decideOk(server, s1.token, b.id)).status, 'pending');
  const no = await decideOk(server, s2.token, b.id, { decision: 'reject', reason: '不在本单位工作' });
  assert.equal(no.status, 'rejected');
  assert.deepEqual(no.decisions.map((d) => [d.union_id, d.decision]).sort(), [[G1.id, 'approve'], [G2.id, 'reject']].sort());
  assert.deepEqual((await me(server, second.token)).member, { union_id: G1.id, verified: false });
  assert.equal((await notifications(second.token))[0].kind, 'membership_update');
});

test('transfer: a staff member of both sides decides both with one decision (federation staff, town staff, an admin)', async () => {
  const fed = await staffOf(server, admin, huian.id, 'fedstaff');
  const town = await staffOf(server, admin, T1.id, 'townstaff');

  const m1 = await memberOf(server, s1.token, G1.id, { prefix: 'both' });
  const a1 = await applyOk(server, m1.token, { kind: 'transfer', union_id: G2.id });
  const seen = (await queue(server, fed.token, `union_id=${G1.id}&limit=200`)).json.items.find((a) => a.id === a1.id);
  assert.ok(seen, 'the federation\'s staff see it in the queue of a union below');
  sameIds(seen.can_decide, [G1.id, G2.id]);
  const d1 = await decideOk(server, fed.token, a1.id);
  assert.equal(d1.status, 'approved', 'one decision for both sides');
  sameIds(d1.decisions.map((d) => d.union_id), [G1.id, G2.id]);
  assert.ok(d1.decisions.every((d) => d.decision === 'approve'));
  assert.deepEqual((await me(server, m1.token)).member, { union_id: G2.id, verified: false });
  assertError(await decide(server, s1.token, a1.id, { decision: 'approve' }), 409, 'conflict', 'the old side already decided');

  const m2 = await memberOf(server, s1.token, G1.id, { prefix: 'both' });
  const a2 = await applyOk(server, m2.token, { kind: 'transfer', union_id: G1b.id });
  const d2 = await decideOk(server, town.token, a2.id);
  assert.equal(d2.status, 'approved', 'the town\'s staff is staff of both of its grassroots unions');
  sameIds(d2.decisions.map((d) => d.union_id), [G1.id, G1b.id]);
  assert.deepEqual((await me(server, m2.token)).member, { union_id: G1b.id, verified: false });

  const m3 = await memberOf(server, s1.token, G1.id, { prefix: 'both' });
  const a3 = await applyOk(server, m3.token, { kind: 'transfer', union_id: G2.id });
  const d3 = await decideOk(server, admin, a3.id, { decision: 'reject', reason: '信息有误' });
  assert.equal(d3.status, 'rejected');
  assert.deepEqual((await me(server, m3.token)).member, { union_id: G1.id, verified: false });

  // One side already decided: the staff of both decides the rest; the side that decided is not asked again.
  const m4 = await memberOf(server, s1.token, G1.id, { prefix: 'both' });
  const a4 = await applyOk(server, m4.token, { kind: 'transfer', union_id: G2.id });
  await decideOk(server, s2.token, a4.id);
  const left = (await queue(server, fed.token, `union_id=${G2.id}&limit=200`)).json.items.find((a) => a.id === a4.id);
  assert.deepEqual(left.can_decide, [G1.id]);
  const d4 = await decideOk(server, fed.token, a4.id);
  assert.equal(d4.status, 'approved');
  assert.equal(d4.decisions.length, 2);
  assertError(await decide(server, fed.token, a4.id, { decision: 'approve' }), 409, 'conflict', 'nothing left to decide');
});

// ---- verification ----

test('verify: staff compare the ID card in person; changing the name or the number makes it unverified again', async () => {
  const member = await memberOf(server, s1.token, G1.id, { prefix: 'verify' });
  const before = await stats(s1.token, G1.id);
  const read = await server.call('GET', `/api/v1/admin/members/${member.user.id}`, { token: s1.token });
  assert.equal(read.status, 200, read.text);
  assert.deepEqual([read.json.user_id, read.json.username, read.json.real_name, read.json.id_number_masked, read.json.phone_masked, read.json.union_id],
                   [member.user.id, member.username, member.realName, maskId(member.idNumber), maskPhone(member.phone), G1.id]);
  assert.ok(!read.text.includes(member.idNumber) && !read.text.includes(member.phone));
  assertError(await server.call('POST', `/api/v1/admin/members/${member.user.id}/verify`, { token: member.token }), 403, 'forbidden', 'a worker');
  assertError(await server.call('POST', '/api/v1/admin/members/999999999/verify', { token: s1.token }), 404, 'not_found', 'nobody');

  const verified = await server.call('POST', `/api/v1/admin/members/${member.user.id}/verify`, { token: s1.token });
  assert.equal(verified.status, 200, verified.text);
  assert.equal(verified.json.verified, true);
  assert.equal(verified.json.verified_at, T0);
  assert.equal(verified.json.id_number_masked, maskId(member.idNumber));
  assert.deepEqual((await me(server, member.token)).member, { union_id: G1.id, verified: true });
  const after = await stats(s1.token, G1.id);
  assert.deepEqual([after.members, after.verified], [before.members, before.verified + 1]);
  for (const s of [before, after]) {
    const rate = s.members === 0 ? 0 : s.verified / s.members;
    assert.ok(Math.abs(s.verification_rate - rate) < 1e-3 || Math.abs(s.verification_rate - 100 * rate) < 0.1,
              `verification_rate ${s.verification_rate} for ${s.verified}/${s.members}`);
  }

  const body = { real_name: member.realName, id_number: member.idNumber, phone: freshPhone('188'), consent: true };
  assert.equal((await putProfile(server, member.token, body)).json.verified, true, 'a new phone keeps the verification');
  const renamed = await putProfile(server, member.token, { ...body, real_name: freshRealName() });
  assert.equal(renamed.status, 200, renamed.text);
  assert.deepEqual([renamed.json.verified, renamed.json.verified_at], [false, null], 'a new name must be compared again');
  assert.deepEqual((await me(server, member.token)).member, { union_id: G1.id, verified: false });
  assert.equal((await server.call('POST', `/api/v1/admin/members/${member.user.id}/verify`, { token: s1.token })).json.verified, true);
  const renumbered = await putProfile(server, member.token, { ...body, id_number: freshIdNumber() });
  assert.equal(renumbered.json.verified, false, 'a new ID number must be compared again');
});

test('GET /me real_name_status follows the profile: none, unverified, verified, unverified after a new name, none after erasure', async () => {
  const worker = await registerUser(server, 'status');
  const status = async () => (await me(server, worker.token)).real_name_status;
  assert.equal(await status(), 'none');
  const body = { real_name: freshRealName(), id_number: freshIdNumber(), phone: freshPhone(), consent: true };
  assertError(await putProfile(server, worker.token, { ...body, consent: false }), 400, 'consent_required');
  assert.equal(await status(), 'none', 'a refused profile is none');
  assert.equal((await putProfile(server, worker.token, body)).status, 200);
  assert.equal(await status(), 'unverified');
  const application = await applyOk(server, worker.token, { kind: 'join', union_id: G1.id });
  await decideOk(server, s1.token, application.id);
  assert.equal((await server.call('POST', `/api/v1/admin/members/${worker.user.id}/verify`, { token: s1.token })).status, 200);
  assert.equal(await status(), 'verified');
  assert.equal((await putProfile(server, worker.token, { ...body, real_name: freshRealName() })).status, 200);
  assert.equal(await status(), 'unverified');
  assert.equal((await server.call('DELETE', '/api/v1/me/member-profile', { token: worker.token })).status, 200);
  assert.equal(await status(), 'none');
});

// ---- concurrency ----

test('two approvals of one application at once (two staff, or one staff twice) decide it once', async () => {
  const s1b = await staffOf(server, admin, G1.id, 'g1staffb');
  for (const [what, tokens] of [['two staff', [s1.token, s1b.token]], ['the same staff twice', [s1.token, s1.token]],
                                ['two staff, again', [s1b.token, s1.token]], ['staff and admin', [s1.token, admin]]]) {
    const worker = await workerWithProfile(server, { prefix: 'race' });
    const application = await applyOk(server, worker.token, { kind: 'join', union_id: G1.id });
    const count = await memberCount(G1.id);
    const answers = await Promise.all(tokens.map((token) => decide(server, token, application.id, { decision: 'approve' })));
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409], `${what}: ${answers.map((a) => a.text)}`);
    assert.equal(answers.find((a) => a.status === 409).json.error.code, 'conflict');
    const [mine] = await myApplications(server, worker.token);
    assert.equal(mine.status, 'approved', what);
    assert.equal(mine.decisions.length, 1, `${what}: one decision recorded`);
    assert.equal(await memberCount(G1.id), count + 1, `${what}: membership set once`);
    assert.deepEqual((await me(server, worker.token)).member, { union_id: G1.id, verified: false });
    const notes = (await notifications(worker.token)).filter((n) => n.application_id === application.id);
    assert.equal(notes.length, 1, `${what}: one notification`);
    const audited = (await auditEntries(server, admin)).filter((e) => e.action === 'application_decision' && e.object_id === application.id);
    assert.equal(audited.length, 1, `${what}: one decision in the audit log`);
  }

  // An approval and a rejection at once: one wins, and the state is the winner's.
  const worker = await workerWithProfile(server, { prefix: 'race' });
  const application = await applyOk(server, worker.token, { kind: 'join', union_id: G1.id });
  const [yes, no] = await Promise.all([decide(server, s1.token, application.id, { decision: 'approve' }),
                                       decide(server, s1b.token, application.id, { decision: 'reject', reason: '重复申请' })]);
  assert.deepEqual([yes.status, no.status].sort(), [200, 409], `${yes.text} ${no.text}`);
  const winner = yes.status === 200 ? 'approved' : 'rejected';
  const [mine] = await myApplications(server, worker.token);
  assert.deepEqual([mine.status, mine.decisions.length], [winner, 1]);
  assert.deepEqual((await me(server, worker.token)).member, winner === 'approved' ? { union_id: G1.id, verified: false } : null);

  // The two sides of a transfer at once: both decisions count, and the member moves once.
  for (let round = 0; round < 3; ++round) {
    const member = await memberOf(server, s1.token, G1.id, { prefix: 'race' });
    const counts = [await memberCount(G1.id), await memberCount(G2.id)];
    const transfer = await applyOk(server, member.token, { kind: 'transfer', union_id: G2.id });
    const both = await Promise.all([decide(server, s1.token, transfer.id, { decision: 'approve' }),
                                    decide(server, s2.token, transfer.id, { decision: 'approve' })]);
    assert.deepEqual(both.map((a) => a.status), [200, 200], both.map((a) => a.text).join(' '));
    const [moved] = await myApplications(server, member.token);
    assert.equal(moved.status, 'approved', `round ${round}: both sides approved, so it is approved (not left pending)`);
    assert.equal(moved.decisions.length, 2);
    assert.deepEqual((await me(server, member.token)).member, { union_id: G2.id, verified: false });
    assert.deepEqual([await memberCount(G1.id), await memberCount(G2.id)], [counts[0] - 1, counts[1] + 1]);
  }
  // One side approves while the other rejects: it ends rejected, and the member stays.
  for (let round = 0; round < 3; ++round) {
    const member = await memberOf(server, s1.token, G1.id, { prefix: 'race' });
    const counts = [await memberCount(G1.id), await memberCount(G2.id)];
    const transfer = await applyOk(server, member.token, { kind: 'transfer', union_id: G2.id });
    const [yes, no] = await Promise.all([decide(server, s1.token, transfer.id, { decision: 'approve' }),
                                         decide(server, s2.token, transfer.id, { decision: 'reject', reason: '岗位已满' })]);
    assert.equal(no.status, 200, no.text);
    assert.ok(yes.status === 200 || (yes.status === 409 && yes.json.error.code === 'conflict'), yes.text);
    const [ended] = await myApplications(server, member.token);
    assert.equal(ended.status, 'rejected', `round ${round}`);
    assert.equal(ended.decisions.length, yes.status === 200 ? 2 : 1);
    assert.deepEqual((await me(server, member.token)).member, { union_id: G1.id, verified: false });
    assert.deepEqual([await memberCount(G1.id), await memberCount(G2.id)], counts);
  }
});

test('many accounts PUT the same ID number at once: exactly one gets it, the others 409', async () => {
  const COUNT = 20;
  const withX = freshIdNumber({ check: 'X' });
  const accounts = await Promise.all(Array.from({ length: COUNT }, () => registerUser(server, 'samenumber')));
  const answers = await Promise.all(accounts.map((a, i) => putProfile(server, a.token, {
    real_name: freshRealName(), id_number: i % 2 ? withX : `${withX.slice(0, 17)}x`, phone: freshPhone(), consent: true,
  })));
  const byStatus = {};
  for (const a of answers) byStatus[`${a.status} ${a.json?.error?.code ?? ''}`.trim()] = (byStatus[`${a.status} ${a.json?.error?.code ?? ''}`.trim()] ?? 0) + 1;
  assert.deepEqual(byStatus, { 200: 1, '409 conflict': COUNT - 1 });
  const stored = await Promise.all(accounts.map((a) => getProfile(server, a.token)));
  assert.deepEqual(stored.map((s) => s.status), answers.map((a) => (a.status === 200 ? 200 : 404)), 'only the winner has a profile');
  assert.equal(stored.find((s) => s.status === 200).json.id_number_masked, maskId(withX));
});

test('one worker sends several applications at once: one is pending, the rest 409; a deletion racing an approval leaves no member', async () => {
  const worker = await workerWithProfile(server, { prefix: 'eager' });
  const targets = [G1.id, G1b.id, G2.id, G1.id, G1b.id, G2.id];
  const answers = await Promise.all(targets.map((union_id) => apply(server, worker.token, { kind: 'join', union_id })));
  assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409, 409, 409, 409], answers.map((a) => a.text).join('\n'));
  assert.ok(answers.filter((a) => a.status === 409).every((a) => a.json.error.code === 'conflict'));
  const mine = await myApplications(server, worker.token);
  assert.equal(mine.length, 1, 'one application was made');
  assert.equal(mine[0].id, answers.find((a) => a.status === 201).json.id);

  for (let round = 0; round < 3; ++round) {
    const leaving = await workerWithProfile(server, { prefix: 'leaving' });
    const application = await applyOk(server, leaving.token, { kind: 'join', union_id: G1.id });
    const count = await memberCount(G1.id);
    const [deleted, approved] = await Promise.all([server.call('DELETE', '/api/v1/me/member-profile', { token: leaving.token }),
                                                   decide(server, s1.token, application.id, { decision: 'approve' })]);
    assert.equal(deleted.status, 200, deleted.text);
    assert.ok([200, 409].includes(approved.status), approved.text);
    assert.equal((await me(server, leaving.token)).member, null, `round ${round}: erased, so not a member (approval ${approved.status})`);
    assertError(await getProfile(server, leaving.token), 404, 'not_found', 'erased');
    assert.equal(await memberCount(G1.id), count, `round ${round}: the union's count is back where it was`);
    const [after] = await myApplications(server, leaving.token);
    assert.ok(['withdrawn', 'approved'].includes(after.status), after.status);
    const listed = (await server.call('GET', `/api/v1/admin/unions/${G1.id}/members?limit=200`, { token: s1.token })).json.items;
    assert.ok(!listed.some((m) => m.user_id === leaving.user.id), 'not in the members list');
  }
});

test('two instances on one PostgreSQL database: decisions and ID numbers are still decided once',
     { skip: pgCluster ? false : 'needs PostgreSQL (api_tests_postgres)' }, async () => {
  const keyDir = mkdtempSync(path.join(tmpdir(), 'gongyou-duo-key-'));
  const servers = await startInstances(2, ['--fast-password-hash', '--member-key-file', path.join(keyDir, 'member.key')], { admin: true });
  try {
    const [a, b] = servers;
    const adminA = await adminToken(a);
    const duoTree = await huianTree(a, 2);
    const [ga, gb] = [duoTree.towns[0].grassroots[0], duoTree.towns[1].grassroots[0]];
    const staffA = await staffOf(a, adminA, ga.id, 'duoA');
    const staffA2 = await staffOf(b, adminA, ga.id, 'duoA2');
    const staffB = await staffOf(b, adminA, gb.id, 'duoB');
    for (let round = 0; round < 3; ++round) {
      const worker = await workerWithProfile(b, { prefix: 'duo' });
      const application = await applyOk(a, worker.token, { kind: 'join', union_id: ga.id });
      const answers = await Promise.all([decide(a, staffA.token, application.id, { decision: 'approve' }),
                                         decide(b, staffA2.token, application.id, { decision: 'approve' })]);
      assert.deepEqual(answers.map((x) => x.status).sort(), [200, 409], answers.map((x) => x.text).join(' '));
      const [mine] = await myApplications(b, worker.token);
      assert.deepEqual([mine.status, mine.decisions.length], ['approved', 1]);
      // The profile written through b reads back through a (one key for both).
      const read = await a.call('GET', `/api/v1/admin/members/${worker.user.id}`, { token: staffA.token });
      assert.deepEqual([read.status, read.json.id_number_masked], [200, maskId(worker.idNumber)], read.text);
      // Both sides of a transfer at once, one on each instance.
      const transfer = await applyOk(b, worker.token, { kind: 'transfer', union_id: gb.id });
      const both = await Promise.all([decide(a, staffA.token, transfer.id, { decision: 'approve' }),
                                      decide(b, staffB.token, transfer.id, { decision: 'approve' })]);
      assert.deepEqual(both.map((x) => x.status), [200, 200], both.map((x) => x.text).join(' '));
      assert.deepEqual((await me(a, worker.token)).member, { union_id: gb.id, verified: false });
    }
    const accounts = await Promise.all(Array.from({ length: 12 }, (_, i) => registerUser(servers[i % 2], 'duoid')));
    const number = freshIdNumber();
    const puts = await Promise.all(accounts.map((x, i) => putProfile(servers[i % 2], x.token,
      { real_name: freshRealName(), id_number: number, phone: freshPhone(), consent: true })));
    assert.deepEqual(puts.map((x) => x.status).sort(), [200, ...Array(11).fill(409)]);
  } finally {
    await servers.stopAll();
    rmSync(keyDir, { recursive: true, force: true });
  }
});

// ---- the deadline ----

test('overdue: past due_by an application is overdue, listed first, counted in the queue and in the stats', async () => {
  // A grassroots union no other test here uses, with nothing pending.
  const g = tree.towns[1].grassroots.at(-1);
  const staff = await staffOf(server, admin, g.id, 'duestaff');
  assert.deepEqual((await queue(server, staff.token, `union_id=${g.id}&limit=200`)).json.items, [], 'nothing pending at first');
  try {
    const early = await workerWithProfile(server, { prefix: 'due' });
    const late = await workerWithProfile(server, { prefix: 'due' });
    const first = await applyOk(server, early.token, { kind: 'join', union_id: g.id });
    await setClock(server, '2026-12-03T10:00:00+08:00');  // Thursday
    const second = await applyOk(server, late.token, { kind: 'join', union_id: g.id });
    assert.equal(second.due_by, '2026-12-08T23:59:59+08:00', 'Thursday + 3 working days (Fri, Mon, Tue)');
    assert.equal(second.days_left, 3);
    let listed = (await queue(server, staff.token, `union_id=${g.id}&limit=200`)).json;
    assert.deepEqual(listed.items.map((a) => a.id), [first.id, second.id]);
    assert.equal(listed.overdue, 0);
    assert.equal(listed.items[0].days_left, 1, 'Thursday to Friday');

    await setClock(server, '2026-12-04T23:59:59+08:00');
    listed = (await queue(server, staff.token, `union_id=${g.id}&limit=200`)).json;
    assert.deepEqual([listed.overdue, listed.items[0].overdue, listed.items[0].days_left], [0, false, 0], 'the last second still counts');

    await setClock(server, '2026-12-05T10:00:00+08:00');  // Saturday
    listed = (await queue(server, staff.token, `union_id=${g.id}&limit=200`)).json;
    assert.deepEqual(listed.items.map((a) => [a.id, a.overdue]), [[first.id, true], [second.id, false]], 'the overdue one first');
    assert.equal(listed.overdue, 1);
    assert.ok(listed.items[0].days_left < 0, `days_left ${listed.items[0].days_left}`);
    assert.equal(listed.items[1].days_left, 2, 'Saturday to Tuesday: Monday and Tuesday');
    const counted = await stats(staff.token, g.id);
    assert.deepEqual([counted.pending_applications, counted.overdue_applications], [2, 1]);
    assert.equal(counted.union.id, g.id);
    const [mine] = await myApplications(server, early.token);
    assert.deepEqual([mine.overdue, mine.status], [true, 'pending']);
    // The admin's queue over the whole federation orders overdue ones first, then by due_by.
    const all = (await queue(server, admin, `union_id=${huian.id}&limit=200`)).json.items;
    const firstFresh = all.findIndex((a) => !a.overdue);
    assert.ok(firstFresh === -1 || all.slice(firstFresh).every((a) => !a.overdue), 'overdue ones first');
    for (let i = 1; i < all.length; ++i) {
      if (all[i].overdue === all[i - 1].overdue) assert.ok(all[i - 1].due_by <= all[i].due_by, `by due_by at ${i}`);
    }

    // Deciding late still works, and the overdue count drops.
    assert.equal((await decideOk(server, staff.token, first.id)).status, 'approved');
    assert.equal((await queue(server, staff.token, `union_id=${g.id}&limit=200`)).json.overdue, 0);
    assert.deepEqual([(await stats(staff.token, g.id)).overdue_applications, (await stats(staff.token, g.id)).pending_applications], [0, 1]);
  } finally {
    await setClock(server, T0);
  }
});

test('due_by skips weekends and the statutory holidays of core/data/china_public_holidays.txt', async () => {
  const holidays = new Set();
  for (const line of readFileSync(new URL('../../core/data/china_public_holidays.txt', import.meta.url), 'utf8').split('\n')) {
    const m = line.replace(/#.*/, '').trim().match(/^(\d{4}-\d{2}-\d{2})\s+(\d+)/);
    if (!m) continue;
    for (let d = 0; d < Number(m[2]); ++d) holidays.add(new Date(Date.parse(`${m[1]}T00:00:00Z`) + d * 86400e3).toISOString().slice(0, 10));
  }
  // Past the table's last year only the fixed-date holidays count (the file's header): 1 Jan, 1–2 May, 1–3 Oct.
  for (let year = holidayTableLastYear() + 1; year <= holidayTableLastYear() + 2; ++year) {
    for (const day of ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']) holidays.add(`${year}-${day}`);
  }
  const thirdWorkingDayAfter = (date) => {
    let day = Date.parse(`${date}T00:00:00Z`);
    for (let n = 0; n < 3;) {
      day += 86400e3;
      const iso = new Date(day).toISOString().slice(0, 10);
      if (![0, 6].includes(new Date(day).getUTCDay()) && !holidays.has(iso)) ++n;
    }
    return new Date(day).toISOString().slice(0, 10);
  };
  // The day before National Day (seven days off from 1 October 2026), and the Friday before the Spring Festival.
  const cases = [['2026-09-30T10:00:00+08:00', '2026-10-12'], ['2026-02-13T16:00:00+08:00', '2026-02-26'],
                 ['2026-12-31T23:30:00+08:00', holidayTableLastYear() === 2026 ? '2027-01-06' : null],
                 ['2026-12-04T18:00:00+08:00', '2026-12-09']];
  try {
    for (const [now, expected] of cases) {
      await setClock(server, now);
      const worker = await workerWithProfile(server, { prefix: 'holiday' });  // made at the clock's instant
      const application = await applyOk(server, worker.token, { kind: 'join', union_id: G2.id });
      const due = thirdWorkingDayAfter(now.slice(0, 10));
      if (expected) assert.equal(due, expected, `the test's own reading of the holiday table for ${now}`);
      assert.equal(application.created_at, now);
      assert.equal(application.due_by, `${due}T23:59:59+08:00`, `made at ${now}`);
      assert.equal(application.days_left, 3, `made at ${now}`);
      assert.equal(application.overdue, false);
    }
  } finally {
    await setClock(server, T0);
  }
});

// ---- personal data never leaks ----

test('the member key file: made with mode 0600 on first start; a key file that others may read stops the server', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-key-test-'));
  const database = freshDatabase(dir);
  try {
    const keyFile = path.join(dir, 'member.key');
    const first = await runServerUntilListening(database.db, ['--member-key-file', keyFile]);
    assert.ok(first.listened, first.output);
    assert.ok(existsSync(keyFile), 'the server made the key file');
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    const key = readFileSync(keyFile);
    assert.ok(key.length >= 32, 'a key of at least 32 bytes');
    const again = await runServerUntilListening(database.db, ['--member-key-file', keyFile]);
    assert.ok(again.listened, again.output);
    assert.deepEqual(readFileSync(keyFile), key, 'the same key on the next start');
    for (const mode of [0o644, 0o640, 0o604]) {
      chmodSync(keyFile, mode);
      const refused = await runServerUntilListening(database.db, ['--member-key-file', keyFile]);
      assert.equal(refused.listened, false, `mode ${mode.toString(8)}: ${refused.output}`);
      assert.notEqual(refused.code, 0);
      assert.ok(refused.output.includes(keyFile) || /key/i.test(refused.output), `the refusal names the key file: ${refused.output}`);
    }
    chmodSync(keyFile, 0o600);
    assert.ok((await runServerUntilListening(database.db, ['--member-key-file', keyFile])).listened, 'fine again at 0600');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    database.drop();
  }
});

test('no full ID number or phone in any answer of a whole flow, nor in what the server prints; CSV masked with a BOM', async () => {
  const captured = await startCapturedServer();
  const bodies = [];
  const idNumber = freshIdNumber({ check: 'X' });
  const phone = freshPhone('135');
  const typed = { id: `${idNumber.slice(0, 17)}x`, phone: `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}` };
  const call = async (method, urlPath, options) => {
    const response = await captured.call(method, urlPath, options);
    bodies.push(`${method} ${urlPath} -> ${response.status}\n${response.text}`);
    return response;
  };
  try {
    const token = (await call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'Admin-Pass-2026' } })).json.token;
    const reg = async (name) => {
      const r = await call('POST', '/api/v1/auth/register', { body: { username: `${name}_${process.pid}`, password: 'Secret-pass-1', display_name: '职工' } });
      assert.equal(r.status, 201, r.text);
      return { token: r.json.token, id: r.json.user.id, username: `${name}_${process.pid}` };
    };
    const roots = (await call('GET', '/api/v1/unions')).json.items;
    const root = roots.find((u) => u.region === 'huian');
    const towns = (await call('GET', `/api/v1/unions?parent=${root.id}&limit=200`)).json.items.filter((u) => u.level === 'town');
    const grassrootsOf = async (id) => {
      const found = [];
      for (const u of (await call('GET', `/api/v1/unions?parent=${id}&limit=200`)).json.items) {
        if (u.level === 'grassroots') found.push(u); else found.push(...await grassrootsOf(u.id));
      }
      return found;
    };
    let ga, gb;
    for (const town of towns) {
      const gs = await grassrootsOf(town.id);
      if (gs.length && !ga) ga = gs[0]; else if (gs.length && !gb) gb = gs[0];
      if (ga && gb) break;
    }
    assert.ok(ga && gb);

    const worker = await reg('leaker');
    const staff = await reg('leakstaff');
    assert.equal((await call('POST', '/api/v1/admin/staff', { token, body: { username: staff.username, union_id: ga.id, role: 'union_staff' } })).status, 201);
    const body = { real_name: '郑秘密', id_number: typed.id, phone: typed.phone, consent: true };
    assert.equal((await call('PUT', '/api/v1/me/member-profile', { token: worker.token, body })).status, 200);
    await call('GET', '/api/v1/me/member-profile', { token: worker.token });
    // A second account tries the same number (the conflict answer must not echo it), and a bad one.
    const copycat = await reg('copycat');
    assert.equal((await call('PUT', '/api/v1/me/member-profile', { token: copycat.token, body })).status, 409);
    await call('PUT', '/api/v1/me/member-profile', { token: copycat.token, body: { ...body, id_number: `${idNumber.slice(0, 17)}${idNumber[17] === 'X' ? '1' : 'X'}` } });
    await call('PUT', '/api/v1/me/member-profile', { token: copycat.token, body: { ...body, id_number: idNumber, phone: `${phone}9` } });
    const application = (await call('POST', '/api/v1/membership/applications', { token: worker.token, body: { kind: 'join', union_id: ga.id, reason: '入会' } })).json;
    await call('GET', '/api/v1/me/membership/applications', { token: worker.token });
    await call('GET', `/api/v1/admin/membership/applications?union_id=${ga.id}`, { token: staff.token });
    await call('GET', `/api/v1/admin/members/${worker.id}`, { token: staff.token });
    assert.equal((await call('POST', `/api/v1/admin/membership/applications/${application.id}/decision`, { token: staff.token, body: { decision: 'approve' } })).status, 200);
    await call('GET', '/api/v1/me', { token: worker.token });
    await call('GET', '/api/v1/me/notifications', { token: worker.token });
    await call('POST', `/api/v1/admin/members/${worker.id}/verify`, { token: staff.token });
    const members = await call('GET', `/api/v1/admin/unions/${ga.id}/members?limit=200`, { token: staff.token });
    assert.equal(members.status, 200, members.text);
    const listed = members.json.items.find((m) => m.user_id === worker.id);
    assert.deepEqual([listed.id_number_masked, listed.phone_masked, listed.verified], [maskId(idNumber), maskPhone(phone), true]);
    for (const m of members.json.items) assertMaskedId(m.id_number_masked, undefined, `member ${m.user_id}`);
    await call('GET', `/api/v1/admin/unions/${ga.id}/members?q=${encodeURIComponent('郑秘密')}`, { token: staff.token });
    await call('GET', `/api/v1/admin/unions/${ga.id}/stats`, { token: staff.token });

    const csv = await call('GET', `/api/v1/admin/unions/${ga.id}/members.csv`, { token: staff.token });
    assert.equal(csv.status, 200, csv.text);
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
    assert.deepEqual([...csv.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const lines = csv.text.slice(1).split(/\r?\n/).filter(Boolean);
    assert.equal(lines[0], '工会,姓名,用户名,身份证号码,手机,实名状态,入会时间');
    const row = lines.find((l) => l.includes(worker.username));
    assert.ok(row, 'the member has a row');
    assert.ok(row.includes(maskId(idNumber)) && row.includes(maskPhone(phone)) && row.includes('郑秘密') && row.includes(ga.name), row);
    assert.equal(lines.length - 1, members.json.items.length, 'one row per member');

    // A transfer, the other union's view, the audit log, then erasure.
    const staffB = await reg('leakstaffb');
    await call('POST', '/api/v1/admin/staff', { token, body: { username: staffB.username, union_id: gb.id, role: 'union_staff' } });
    const transfer = (await call('POST', '/api/v1/membership/applications', { token: worker.token, body: { kind: 'transfer', union_id: gb.id } })).json;
    await call('GET', `/api/v1/admin/membership/applications?union_id=${gb.id}&status=all`, { token: staffB.token });
    await call('GET', `/api/v1/admin/members/${worker.id}`, { token: staffB.token });
    await call('POST', `/api/v1/admin/membership/applications/${transfer.id}/decision`, { token: token, body: { decision: 'approve' } });
    await call('GET', `/api/v1/admin/unions/${gb.id}/members.csv`, { token: staffB.token });
    await call('GET', `/api/v1/admin/members/${worker.id}`, { token });
    await call('GET', '/api/v1/admin/audit?limit=200', { token });
    await call('GET', `/api/v1/admin/staff?union_id=${ga.id}`, { token });
    assert.equal((await call('DELETE', '/api/v1/me/member-profile', { token: worker.token })).status, 200);
    await call('GET', '/api/v1/me/member-profile', { token: worker.token });
    await call('GET', '/api/v1/me/membership/applications', { token: worker.token });

    if (!pgCluster) {
      const keyFile = `${captured.db}.member-key`;
      assert.ok(existsSync(keyFile), 'the member key file is made beside the database');
      assert.equal(statSync(keyFile).mode & 0o077, 0, 'the key file is readable by its owner only');
      // At rest the number and the phone are sealed: neither is in the database file or its WAL.
      for (const file of [captured.db, `${captured.db}-wal`].filter(existsSync)) {
        const bytes = readFileSync(file);
        for (const secret of [idNumber, typed.id, phone]) assert.equal(bytes.indexOf(Buffer.from(secret)), -1, `${secret.slice(0, 4)}… in ${file}`);
      }
    }
  } finally {
    assert.equal(await captured.stop(), 0);
  }
  assert.ok(captured.output().includes('listening on'), 'the server output was captured');
  assert.ok(bodies.length > 30, 'the answers were collected');
  for (const [name, text] of [['the answers', bodies.join('\n')], ['the server output', captured.output()]]) {
    for (const secret of [idNumber, typed.id, idNumber.slice(0, 17), idNumber.slice(4, 14), phone, typed.phone, phone.slice(3, 11)]) {
      assert.ok(!text.includes(secret), `${secret.slice(0, 3)}… appears in ${name}`);
    }
    // Nobody's number: no 18 characters with a right check character and a real birth date (the demo's members too).
    const leaked = (text.match(/\d{17}[\dXx]/g) ?? []).filter((c) => looksLikeValidIdNumber(c.toUpperCase()));
    assert.deepEqual(leaked.map((c) => `${c.slice(0, 6)}…`), [], `no valid ID number in ${name}`);
  }
});
