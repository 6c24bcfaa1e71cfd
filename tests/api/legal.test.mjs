// tests/api/legal.test.mjs — legal aid over HTTP (api-services.md "Legal aid", docs/api-legal.md), on SQLite and
// PostgreSQL: confidentiality (another worker, a lawyer not assigned and union staff of a sibling union get the same
// 404 as for a case that does not exist, on every endpoint), one assignment of concurrent assigns, one first answer
// of concurrent answers, the overdue-first queue, the case lookup (the same 404 whichever is wrong, 429 after 10
// failures by the test clock), 1,000 case numbers distinct with no sequence, hostile photos refused, EXIF stripped.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';

import { adminToken, assertError, grantStaff, huianTree, registerUser, setClock, staffOf, startMembershipServer, T0 } from './membership_helpers.mjs';

let server;
let admin;
let tree;
let lawyerA;
let lawyerB;

const QUESTION = '老板拖欠我三个月工资，我该怎么办？请律师帮忙。';

before(async () => {
  server = await startMembershipServer();
  admin = await adminToken(server);
  tree = await huianTree(server);
  lawyerA = await registerUser(server, 'lawA');
  lawyerB = await registerUser(server, 'lawB');
  await grantStaff(server, admin, lawyerA.username, tree.towns[0].town.id, 'lawyer');
  await grantStaff(server, admin, lawyerB.username, tree.towns[0].town.id, 'lawyer');
});

after(async () => { await server?.stop(); });

const ask = (token, body) => server.call('POST', '/api/v1/legal/consultations', { token, body });
const read = (token, id) => server.call('GET', `/api/v1/legal/consultations/${id}`, { token });
const say = (token, id, text) => server.call('POST', `/api/v1/legal/consultations/${id}/messages`, { token, body: { text } });
const assign = (token, id, lawyer) => server.call('POST', `/api/v1/admin/legal/consultations/${id}/assign`, { token, body: { lawyer_user_id: lawyer } });
const lookup = (number, phone) => server.call('GET', `/api/v1/legal/case-lookup?case_number=${encodeURIComponent(number)}&phone=${encodeURIComponent(phone)}`);

async function asked(token, phone = '13905950001', category = 'wages_owed') {
  const response = await ask(token, { category, question: QUESTION, contact_phone: phone });
  assert.equal(response.status, 201, response.text);
  return response.json;
}

test('ask, read, assign, answer, close: statuses with their times; the phone only to the asker', async () => {
  await setClock(server, T0);
  const worker = await registerUser(server, 'asker');
  const c = await asked(worker.token);
  assert.equal(c.status, 'open');
  assert.match(c.case_number, /^FY[0-9A-HJKMNP-TV-Z]{10}$/);
  assert.equal(c.contact_phone, '13905950001');
  assert.ok(c.asked_at && c.assigned_at === null && c.first_answered_at === null && c.closed_at === null);
  assertError(await ask(worker.token, { category: 'taxes', question: QUESTION, contact_phone: '13905950001' }), 400, 'bad_request', 'category');
  assertError(await ask(worker.token, { category: 'contract', question: QUESTION, contact_phone: '12345' }), 400, 'invalid_phone', 'phone');
  assertError(await ask(worker.token, { category: 'contract', question: 'x\u0000yyyyyyyyyyy', contact_phone: '13905950001' }), 400, 'bad_request', 'control');
  assertError(await ask(null, { category: 'contract', question: QUESTION, contact_phone: '13905950001' }), 401, 'unauthorized', 'signed out');

  const assigned = await assign(admin, c.id, lawyerA.user.id);
  assert.equal(assigned.status, 200, assigned.text);
  assert.equal(assigned.json.status, 'assigned');
  assert.equal(assigned.json.contact_phone, undefined, 'staff never see the full phone');
  assert.equal(assigned.json.contact_phone_masked, '139****0001');

  const byLawyer = await read(lawyerA.token, c.id);
  assert.equal(byLawyer.status, 200);
  assert.equal(byLawyer.json.contact_phone, undefined);
  const answer = await say(lawyerA.token, c.id, '您好，请先收集考勤和工资记录，可以申请劳动仲裁。');
  assert.equal(answer.status, 201, answer.text);
  assert.equal(answer.json.status, 'answered');
  assert.ok(answer.json.first_answered_at);
  const mine = await read(worker.token, c.id);
  assert.deepEqual(mine.json.messages.map((m) => m.from), ['lawyer']);
  const closed = await server.call('POST', `/api/v1/legal/consultations/${c.id}/close`, { token: worker.token });
  assert.equal(closed.status, 200, closed.text);
  assert.equal(closed.json.status, 'closed');
  assertError(await say(worker.token, c.id, '还有一个问题'), 409, 'closed', 'closed case');
});

test('every endpoint answers 404 to another worker, a lawyer not assigned and staff of a sibling union: as for no case', async () => {
  const worker = await registerUser(server, 'asker');
  const c = await asked(worker.token);
  assert.equal((await assign(admin, c.id, lawyerA.user.id)).status, 200);
  const other = await registerUser(server, 'other');
  const sibling = await staffOf(server, admin, tree.towns[1].town.id, 'sib');
  const missing = 999999999;
  for (const [who, token] of [['another worker', other.token], ['lawyer not assigned', lawyerB.token], ['sibling staff', sibling.token]]) {
    for (const id of [c.id, missing]) {
      const answers = [
        await read(token, id),
        await say(token, id, '我想看看这个案子'),
        await server.call('POST', `/api/v1/legal/consultations/${id}/close`, { token }),
        await server.call('POST', `/api/v1/legal/consultations/${id}/photos`, { token, body: Buffer.from('x'), headers: { 'Content-Type': 'image/png' } }),
        await server.call('GET', `/api/v1/legal/consultations/${id}/photos/1`, { token }),
        await assign(token, id, lawyerB.user.id),
      ];
      for (const a of answers) {
        assertError(a, 404, 'not_found', `${who} on ${id}`);
        assert.ok(!a.text.includes(c.case_number) && !a.text.includes(QUESTION), `${who} learns nothing`);
      }
    }
    const queue = await server.call('GET', '/api/v1/admin/legal/consultations', { token });
    if (who === 'lawyer not assigned') assert.ok(!queue.json.items.some((i) => i.id === c.id), 'not in the other lawyer\'s queue');
    else assertError(queue, 403, 'forbidden', `${who} queue`);
  }
  const unchanged = await read(worker.token, c.id);
  assert.equal(unchanged.json.message_count, 0);
  assert.equal(unchanged.json.status, 'assigned');
  assert.equal(unchanged.json.lawyer.user_id, lawyerA.user.id);
});

test('concurrent assigns make one assignment; concurrent first answers one first_answered_at', async () => {
  const worker = await registerUser(server, 'asker');
  const c = await asked(worker.token);
  const results = await Promise.all([lawyerA, lawyerB, lawyerA, lawyerB, lawyerB, lawyerA].map((l) => assign(admin, c.id, l.user.id)));
  const winner = (await read(admin, c.id)).json.lawyer.user_id;
  const asked6 = [lawyerA, lawyerB, lawyerA, lawyerB, lawyerB, lawyerA];
  results.forEach((r, i) => assert.equal(r.status, asked6[i].user.id === winner ? 200 : 409, r.text));
  assert.ok(results.some((r) => r.status === 409), 'the other lawyer is refused');
  const lawyer = winner === lawyerA.user.id ? lawyerA : lawyerB;
  const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => say(lawyer.token, c.id, `答复第${i}条`)));
  for (const a of answers) assert.equal(a.status, 201, a.text);
  const final = (await read(worker.token, c.id)).json;
  assert.equal(final.status, 'answered');
  assert.equal(final.messages.length, 6);
  assert.equal(final.first_answered_at, final.messages[0].at, 'one first answer: the first message\'s time');
});

test('the queue: overdue first (no first answer 24 h after asking), then oldest; admins see unassigned ones with a suggestion', async () => {
  await setClock(server, '2026-12-10T08:00:00+08:00');
  const worker = await registerUser(server, 'asker');
  const old = await asked(worker.token);
  await setClock(server, '2026-12-11T07:00:00+08:00');
  const fresh = await asked(worker.token);
  await setClock(server, '2026-12-11T09:00:00+08:00');
  const queue = await server.call('GET', '/api/v1/admin/legal/consultations?status=open&limit=500', { token: admin });
  assert.equal(queue.status, 200, queue.text);
  const ids = queue.json.items.map((i) => i.id);
  assert.ok(ids.indexOf(old.id) < ids.indexOf(fresh.id));
  const oldItem = queue.json.items.find((i) => i.id === old.id);
  assert.equal(oldItem.overdue, true);
  assert.equal(queue.json.items.find((i) => i.id === fresh.id).overdue, false);
  assert.ok(oldItem.suggested_lawyer.user_id > 0);
  const overdueFirst = queue.json.items.findIndex((i) => !i.overdue);
  assert.ok(queue.json.items.slice(overdueFirst).every((i) => !i.overdue), 'overdue ones lead');
});

test('case lookup: only both together; the same 404 whichever is wrong; 429 after 10 failures in 15 minutes', async () => {
  await setClock(server, '2026-12-20T08:00:00+08:00');
  const worker = await registerUser(server, 'asker');
  const c = await asked(worker.token, '13905957777');
  const ok = await lookup(c.case_number.toLowerCase(), '139 0595 7777');
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(Object.keys(ok.json).sort(), ['case_number', 'status', 'updated_at']);
  const wrongPhone = await lookup(c.case_number, '13905950000');
  const wrongNumber = await lookup('FY0000000000', '13905957777');
  assert.equal(wrongPhone.status, 404);
  assert.equal(wrongPhone.text, wrongNumber.text, 'the same answer whichever is wrong');
  for (let i = 0; i < 8; ++i) assert.equal((await lookup('FY0000000000', '13905957777')).status, 404);
  assertError(await lookup(c.case_number, '13905957777'), 429, 'rate_limited', 'the 11th lookup, even a right one');
  await setClock(server, '2026-12-20T08:15:01+08:00');
  assert.equal((await lookup(c.case_number, '13905957777')).status, 200, 'the window slides by the server clock');
});

test('1,000 case numbers are distinct and show no sequence', async () => {
  const workers = await Promise.all(Array.from({ length: 10 }, () => registerUser(server, 'many')));
  const numbers = [];
  for (let round = 0; round < 10; ++round) {
    const batch = await Promise.all(Array.from({ length: 100 }, (_, i) =>
      ask(workers[i % 10].token, { category: 'contract', question: QUESTION, contact_phone: '13905950002' })));
    for (const r of batch) { assert.equal(r.status, 201, r.text); numbers.push(r.json.case_number); }
  }
  assert.equal(new Set(numbers).size, 1000);
  // No sequence: consecutive numbers (by id) share no long prefix, and every position uses many letters.
  const byId = numbers.slice().sort();
  let shared = 0;
  for (let i = 1; i < byId.length; ++i) if (byId[i].slice(0, 6) === byId[i - 1].slice(0, 6)) ++shared;
  assert.ok(shared < 20, `${shared} neighbours share 6 characters`);
  for (let p = 2; p < 12; ++p) assert.ok(new Set(numbers.map((n) => n[p])).size >= 28, `position ${p} varies`);
});

function pngChunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}
function png(width, height, extra = []) {
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), pngChunk('IHDR', ihdr), ...extra,
    pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(Math.min(width * height * 3 + height, 4096)))), pngChunk('IEND', Buffer.alloc(0))]);
}

test('photos: JPEG/PNG by their bytes; a PNG bomb, a mislabelled type, 20 MB refused cleanly; EXIF stripped; readers only', async () => {
  const worker = await registerUser(server, 'asker');
  const c = await asked(worker.token);
  const upload = (body, type, token = worker.token) => server.call('POST', `/api/v1/legal/consultations/${c.id}/photos`, { token, body, headers: { 'Content-Type': type } });
  const bomb = png(100000, 100000);
  assert.equal((await upload(bomb, 'image/png')).status, 422);
  assert.equal((await upload(png(8, 8), 'image/jpeg')).status, 415, 'mislabelled');
  assert.equal((await upload(Buffer.from('<html><script>alert(1)</script>'), 'image/png')).status, 415, 'not an image');
  const huge = await upload(Buffer.alloc(20 * 1024 * 1024, 1), 'image/png');
  assert.equal(huge.status, 413);
  const withExif = png(8, 8, [pngChunk('eXIf', Buffer.from('MM\0*GPS 24.9N 118.9E')), pngChunk('tEXt', Buffer.from('GPS\0here'))]);
  const added = await upload(withExif, 'image/png');
  assert.equal(added.status, 201, added.text);
  const photo = added.json.photos[0];
  const got = await server.call('GET', photo.url, { token: worker.token });
  assert.equal(got.status, 200);
  assert.equal(got.headers['content-type'], 'image/png');
  assert.ok(!got.body.includes(Buffer.from('eXIf')) && !got.body.includes(Buffer.from('GPS')), 'location metadata stripped');
  assertError(await server.call('GET', photo.url, { token: (await registerUser(server, 'o')).token }), 404, 'not_found', 'another worker');
  assert.equal((await server.call('GET', photo.url, { token: admin })).status, 200, 'admins read it (audited)');
});
