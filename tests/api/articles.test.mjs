// tests/api/articles.test.mjs — the info center over HTTP (docs/api-articles.md), on SQLite and PostgreSQL: the demo
// articles in every channel, pinned notices first, pages, search by Chinese text and pinyin initials, a read counted
// once per reader and day, drafts never shown to workers, the publish flow and pins, staff scope (a sibling union's
// staff get 404), documents downloaded with their type and RFC 6266 / 8187 Chinese name, images with their type and
// cache headers, uploads told by their bytes, and bad input refused with nothing changed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  adminToken, assertError, huianTree, registerUser, setClock, staffOf, startMembershipServer, T0,
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

const CHANNELS = ['news', 'notice', 'hot', 'guide', 'policy', 'legal'];

async function list(query = '', token) {
  const response = await server.call('GET', `/api/v1/articles${query ? `?${query}` : ''}`, { token });
  assert.equal(response.status, 200, response.text);
  return response.json;
}

async function write(token, body, { method = 'POST', id } = {}) {
  return server.call(method, id ? `/api/v1/admin/articles/${id}` : '/api/v1/admin/articles', { token, body });
}

async function createOk(token, body) {
  const response = await write(token, body);
  assert.equal(response.status, 201, response.text);
  return response.json;
}

const sample = (extra = {}) => ({
  channel: 'notice', title: '关于测试工会通知的说明', body: '# 标题\n\n正文**加粗**，[官网](https://www.acftu.org)。\n\n- 一\n  - 二',
  ...extra,
});

test('the demo has published articles in every channel, listed without their bodies', async () => {
  for (const channel of CHANNELS) {
    const { items } = await list(`channel=${channel}&limit=100`);
    assert.ok(items.length >= 2, `${channel}: ${items.length}`);
    for (const a of items) {
      assert.equal(a.channel, channel);
      assert.equal(a.status, 'published');
      assert.equal(a.body, undefined, 'a listing carries no body');
      assert.ok(a.title && a.summary && a.published_at && a.union_name, JSON.stringify(a));
    }
  }
  const legal = await list('channel=legal&limit=100');
  assert.ok(legal.items.length >= 14, 'case studies are there');
});

test('pinned notices come first, then newest first; pages follow one another without repeats', async () => {
  const { items } = await list('channel=notice&limit=100');
  const pinnedCount = items.filter((a) => a.pinned).length;
  assert.ok(pinnedCount >= 2);
  assert.ok(items.slice(0, pinnedCount).every((a) => a.pinned), 'the pinned ones first');
  for (const group of [items.slice(0, pinnedCount), items.slice(pinnedCount)])
    for (let i = 1; i < group.length; ++i)
      assert.ok(Date.parse(group[i - 1].published_at) >= Date.parse(group[i].published_at), 'newest first');

  const seen = [];
  let cursor = null;
  for (let page = 0; page < 50; ++page) {
    const json = await list(`limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.ok(json.items.length <= 7);
    seen.push(...json.items.map((a) => a.id));
    cursor = json.next_cursor;
    if (!cursor) break;
  }
  const all = (await list('limit=100')).items.map((a) => a.id);
  assert.deepEqual(seen, all, 'the pages make the whole list, in order');
  assert.equal(new Set(seen).size, seen.length);
});

test('search by Chinese text, by pinyin initials and by whole syllables', async () => {
  const chinese = await list(`q=${encodeURIComponent('帮扶')}`);
  assert.ok(chinese.items.length >= 2);
  assert.ok(chinese.items.every((a) => a.title.includes('帮扶') || a.summary.includes('帮扶')));

  const staff = await staffOf(server, admin, tree.huian.id, 'ghtzstaff');
  const created = await createOk(staff.token, sample({ title: '工会通知：拼音首字母测试' }));
  await server.call('POST', `/api/v1/admin/articles/${created.id}/publish`, { token: staff.token });
  const initials = await list('q=ghtz');
  assert.ok(initials.items.some((a) => a.id === created.id), 'ghtz finds 工会通知');
  assert.ok(initials.items.every((a) => a.title.includes('工会通知')), initials.items.map((a) => a.title).join());
  const syllables = await list('q=GongHuiTongZhi');
  assert.ok(syllables.items.some((a) => a.id === created.id), 'whole syllables, any case');
  assert.equal((await list('q=zzzzqqqq')).items.length, 0);
});

test('a read counts once per reader and Asia/Shanghai day; another reader and the next day count again', async () => {
  await setClock(server, T0);
  const { items } = await list('channel=guide');
  const id = items[0].id;
  const reader = await registerUser(server, 'reader');
  const first = await server.call('GET', `/api/v1/articles/${id}`, { token: reader.token });
  assert.equal(first.status, 200, first.text);
  assert.ok(first.json.body.length > 0);
  const start = first.json.read_count;
  for (let i = 0; i < 3; ++i) {
    const again = await server.call('GET', `/api/v1/articles/${id}`, { token: reader.token });
    assert.equal(again.json.read_count, start, 'a reload does not count');
  }
  const other = await registerUser(server, 'reader2');
  assert.equal((await server.call('GET', `/api/v1/articles/${id}`, { token: other.token })).json.read_count, start + 1);
  await setClock(server, '2026-12-02T08:00:00+08:00');
  assert.equal((await server.call('GET', `/api/v1/articles/${id}`, { token: reader.token })).json.read_count, start + 2,
    'the next day counts again');
  // Concurrent first reads of one reader count once.
  const third = await registerUser(server, 'reader3');
  const answers = await Promise.all(Array.from({ length: 8 }, () =>
    server.call('GET', `/api/v1/articles/${id}`, { token: third.token })));
  assert.ok(answers.every((r) => r.status === 200));
  const after = (await server.call('GET', `/api/v1/articles/${id}`, { token: third.token })).json.read_count;
  assert.equal(after, start + 3);
  await setClock(server, T0);
});

test('drafts are never listed to workers nor readable by id; publishing shows them, taking back hides them', async () => {
  const town = tree.towns[0].town;
  const staff = await staffOf(server, admin, town.id, 'writer');
  const draft = await createOk(staff.token, sample({ title: '草稿不应出现' }));
  assert.equal(draft.status, 'draft');
  assert.equal(draft.union_id, town.id, 'written for the staff member\'s union');
  assert.equal(draft.published_at, null);
  const notListed = async () => {
    const all = (await list('limit=100&q=' + encodeURIComponent('草稿不应出现'))).items;
    assert.equal(all.length, 0, 'not listed');
    assertError(await server.call('GET', `/api/v1/articles/${draft.id}`), 404, 'not_found', 'a draft by id');
  };
  await notListed();
  const worker = await registerUser(server, 'nosy');
  assertError(await server.call('GET', `/api/v1/admin/articles/${draft.id}`, { token: worker.token }), 403, 'forbidden');

  const published = await server.call('POST', `/api/v1/admin/articles/${draft.id}/publish`, { token: staff.token });
  assert.equal(published.status, 200, published.text);
  assert.equal(published.json.status, 'published');
  const publishedAt = published.json.published_at;
  assert.ok(publishedAt);
  assert.equal((await server.call('GET', `/api/v1/articles/${draft.id}`)).status, 200);
  assert.ok((await list('q=' + encodeURIComponent('草稿不应出现'))).items.some((a) => a.id === draft.id));

  const back = await server.call('POST', `/api/v1/admin/articles/${draft.id}/unpublish`, { token: staff.token });
  assert.equal(back.json.status, 'draft');
  await notListed();
  const again = await server.call('POST', `/api/v1/admin/articles/${draft.id}/publish`, { token: staff.token });
  assert.equal(again.json.published_at, publishedAt, 'the first publish time is kept');

  const mine = await server.call('GET', `/api/v1/admin/articles?status=draft`, { token: staff.token });
  assert.equal(mine.status, 200);
  assert.ok(mine.json.items.every((a) => a.status === 'draft'));
});

test('edits change the article; pins are for notices only and put it first', async () => {
  const staff = await staffOf(server, admin, tree.huian.id, 'editor');
  const created = await createOk(staff.token, sample({ title: '待修改的通知' }));
  const edited = await write(staff.token, sample({ title: '已修改的通知', summary: '手写摘要' }), { method: 'PUT', id: created.id });
  assert.equal(edited.status, 200, edited.text);
  assert.equal(edited.json.title, '已修改的通知');
  assert.equal(edited.json.summary, '手写摘要');
  await server.call('POST', `/api/v1/admin/articles/${created.id}/publish`, { token: staff.token });
  const pin = await server.call('PUT', `/api/v1/admin/articles/${created.id}/pin`, { token: staff.token, body: { pinned: true } });
  assert.equal(pin.status, 200, pin.text);
  assert.equal(pin.json.pinned, true);
  const { items } = await list('channel=notice');
  assert.equal(items[0].pinned, true);
  assert.ok(items.slice(0, items.findIndex((a) => !a.pinned)).some((a) => a.id === created.id));
  const unpin = await server.call('PUT', `/api/v1/admin/articles/${created.id}/pin`, { token: staff.token, body: { pinned: false } });
  assert.equal(unpin.json.pinned, false);

  const news = await createOk(staff.token, sample({ channel: 'news', title: '新闻不能置顶' }));
  assertError(await server.call('PUT', `/api/v1/admin/articles/${news.id}/pin`, { token: staff.token, body: { pinned: true } }),
    400, 'bad_request', 'pinning news');
  assertError(await write(staff.token, sample({ channel: 'news', pinned: true })), 400, 'bad_request', 'a pinned news');
  assertError(await server.call('PUT', `/api/v1/admin/articles/${created.id}/pin`, { token: staff.token, body: { pinned: 'yes' } }),
    400, 'bad_request');
});

test('staff of a sibling union get 404 for the article, 403 for the union\'s list; above it, staff act', async () => {
  const [a, b] = tree.towns;
  const staffA = await staffOf(server, admin, a.town.id, 'towna');
  const staffB = await staffOf(server, admin, b.town.id, 'townb');
  const article = await createOk(staffA.token, sample({ title: '甲镇的草稿' }));
  for (const [method, suffix, body] of [['GET', ''], ['PUT', '', sample()], ['POST', '/publish'], ['POST', '/unpublish'],
    ['PUT', '/pin', { pinned: true }]]) {
    const r = await server.call(method, `/api/v1/admin/articles/${article.id}${suffix}`, { token: staffB.token, body });
    assertError(r, 404, 'not_found', `${method} ${suffix}`);
  }
  assertError(await server.call('GET', `/api/v1/admin/articles?union_id=${a.town.id}`, { token: staffB.token }), 403, 'forbidden');
  assertError(await write(staffB.token, sample({ union_id: a.town.id })), 403, 'forbidden', 'writing for a sibling');
  const county = await staffOf(server, admin, tree.huian.id, 'county');
  assert.equal((await server.call('GET', `/api/v1/admin/articles/${article.id}`, { token: county.token })).status, 200);
  assert.equal((await server.call('GET', `/api/v1/admin/articles/${article.id}`, { token: admin })).status, 200);
  const stillDraft = await server.call('GET', `/api/v1/admin/articles/${article.id}`, { token: staffA.token });
  assert.equal(stillDraft.json.status, 'draft', 'nothing the sibling tried changed it');
  assert.equal(stillDraft.json.pinned, false);
});

test('bad article input is refused with a clear 4xx and changes nothing', async () => {
  const staff = await staffOf(server, admin, tree.huian.id, 'badinput');
  const before = (await server.call('GET', '/api/v1/admin/articles?limit=200', { token: staff.token })).json.items.length;
  const cases = [
    ['{"channel": "notice", "title": ', 400, 'bad_request', 'malformed JSON'],
    ['[1,2]', 400, 'bad_request', 'not an object'],
    [sample({ channel: 'gossip' }), 400, 'bad_request', 'unknown channel'],
    [sample({ title: 42 }), 400, 'bad_request', 'a number for a title'],
    [sample({ title: '' }), 400, 'bad_request', 'an empty title'],
    [sample({ title: '长'.repeat(101) }), 400, 'bad_request', 'a title too long'],
    [sample({ title: 'a\u0000b' }), 400, 'bad_request', 'a control character'],
    [sample({ body: '' }), 400, 'bad_request', 'an empty body'],
    [sample({ body: 12 }), 400, 'bad_request', 'a number for a body'],
    [sample({ body: 'x'.repeat(70000) }), 400, 'bad_request', 'a body over 64 KiB'],
    [sample({ body: '[点我](javascript:alert(1))' }), 400, 'invalid_markup', 'a javascript: link'],
    [sample({ body: '[点我](http://example.com)' }), 400, 'invalid_markup', 'an http: link'],
    [sample({ body: '![x](https://evil.example/a.png)' }), 400, 'invalid_markup', 'a foreign image'],
    [sample({ body: Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- ${i}`).join('\n') }), 400, 'invalid_markup', 'too deep'],
    [sample({ body: '# h\n'.repeat(2100) }), 400, 'invalid_markup', 'too many blocks'],
    [sample({ summary: 's'.repeat(301) }), 400, 'bad_request', 'a summary too long'],
    [sample({ union_id: -1 }), 400, 'bad_request', 'a negative union id'],
    [sample({ union_id: 1.5 }), 400, 'bad_request', 'a fractional union id'],
    [sample({ union_id: 99999999 }), 404, 'not_found', 'an unknown union'],
    [sample({ pinned: 'true' }), 400, 'bad_request', 'a string for pinned'],
  ];
  for (const [body, status, code, what] of cases) assertError(await write(staff.token, body), status, code, what);
  const broken = await server.request('/api/v1/admin/articles', {
    method: 'POST',
    headers: { Authorization: `Bearer ${staff.token}`, 'Content-Type': 'application/json' },
    body: Buffer.concat([Buffer.from('{"channel":"news","title":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","body":"x"}')]),
  });
  assert.equal(broken.status, 400, 'broken UTF-8');
  const huge = await server.call('POST', '/api/v1/admin/articles', { token: staff.token, body: sample({ body: 'x'.repeat(1100000) }) });
  assertError(huge, 413, 'payload_too_large');
  assertError(await server.call('GET', '/api/v1/articles?channel=gossip'), 400, 'bad_request');
  assertError(await server.call('GET', '/api/v1/articles?cursor=abc'), 400, 'bad_request');
  assertError(await server.call('GET', '/api/v1/articles?limit=0'), 400, 'bad_request');
  assertError(await server.call('GET', `/api/v1/articles?q=${'a'.repeat(101)}`), 400, 'bad_request');
  assertError(await server.call('GET', '/api/v1/articles/abc'), 404, 'not_found');
  assertError(await server.call('GET', '/api/v1/articles/99999999'), 404, 'not_found');
  assertError(await write(undefined, sample()), 401, 'unauthorized');
  const worker = await registerUser(server, 'notstaff');
  assertError(await write(worker.token, sample()), 403, 'forbidden');
  const afterCount = (await server.call('GET', '/api/v1/admin/articles?limit=200', { token: staff.token })).json.items.length;
  assert.equal(afterCount, before, 'nothing was stored');
});

test('documents are listed with their sizes and downloaded with their type and Chinese name (RFC 6266)', async () => {
  const listed = await server.call('GET', '/api/v1/documents');
  assert.equal(listed.status, 200);
  const byTitle = new Map(listed.json.items.map((d) => [d.title, d]));
  for (const title of ['入会申请表', '困难职工帮扶申请表', '劳动合同范本']) assert.ok(byTitle.has(title), title);
  const types = { pdf: 'application/pdf', doc: 'application/msword', xls: 'application/vnd.ms-excel' };
  const magic = { pdf: '%PDF-', doc: '{\\rtf', xls: '<?xml' };
  for (const d of listed.json.items) {
    assert.ok(d.size > 0 && d.size_text, JSON.stringify(d));
    const response = await server.request(d.download_url);
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], types[d.kind]);
    assert.equal(response.body.length, d.size);
    assert.equal(response.body.subarray(0, magic[d.kind].length).toString('latin1'), magic[d.kind]);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    const disposition = response.headers['content-disposition'];
    const expected = encodeURIComponent(d.file_name).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    assert.match(disposition, /^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''/);
    assert.equal(disposition.split("filename*=UTF-8''")[1], expected, d.file_name);
    assert.equal(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]), d.file_name);
  }
  const pdf = listed.json.items.find((d) => d.kind === 'pdf');
  const body = (await server.request(pdf.download_url)).body.toString('latin1');
  assert.match(body, /%%EOF\n$/);
  const xref = Number(body.match(/startxref\n(\d+)/)[1]);
  assert.equal(body.slice(xref, xref + 4), 'xref', 'the PDF\'s xref offset is right');
  const initials = await server.call('GET', '/api/v1/documents?q=rhsqb');
  assert.deepEqual(initials.json.items.map((d) => d.title), ['入会申请表']);
  assertError(await server.call('GET', '/api/v1/documents/99999/download'), 404, 'not_found');
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077' +
  '53de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082', 'hex');

test('images are uploaded by staff (told by their bytes) and served with their type and cache headers', async () => {
  const staff = await staffOf(server, admin, tree.towns[0].town.id, 'imager');
  const up = await server.call('POST', '/api/v1/admin/images', {
    token: staff.token, body: PNG, headers: { 'Content-Type': 'application/octet-stream' } });
  assert.equal(up.status, 201, up.text);
  assert.equal(up.json.kind, 'png');
  const got = await server.request(up.json.url);
  assert.equal(got.status, 200);
  assert.equal(got.headers['content-type'], 'image/png');
  assert.match(got.headers['cache-control'], /max-age=\d{6,}/);
  assert.deepEqual(got.body, PNG);
  // The markup it gives makes a valid article body.
  const article = await createOk(staff.token, sample({ channel: 'news', body: `配图：\n\n${up.json.markup}` }));
  assert.ok(article.body.includes(up.json.url));

  const refusals = [
    [Buffer.from('<html><script>alert(1)</script></html>'), 'text/html', 'HTML'],
    [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/png', 'SVG named png'],
    [Buffer.from('%PDF-1.4 a document is no image'), 'image/png', 'a PDF as an image'],
  ];
  for (const [bytes, type, what] of refusals) {
    const r = await server.call('POST', '/api/v1/admin/images', { token: staff.token, body: bytes, headers: { 'Content-Type': type } });
    assertError(r, 415, 'unsupported_file_type', what);
  }
  const big = Buffer.concat([PNG, Buffer.alloc(600 * 1024)]);
  assertError(await server.call('POST', '/api/v1/admin/images', { token: staff.token, body: big, headers: { 'Content-Type': 'image/png' } }),
    413, 'payload_too_large');
  assertError(await server.call('POST', '/api/v1/admin/images', { token: staff.token, body: Buffer.alloc(0) }), 400, 'bad_request');
  const worker = await registerUser(server, 'imgworker');
  assertError(await server.call('POST', '/api/v1/admin/images', { token: worker.token, body: PNG }), 403, 'forbidden');
  assertError(await server.call('GET', '/api/v1/images/99999'), 404, 'not_found');
});

test('staff upload documents: the kind from the bytes, the download name from the title', async () => {
  const staff = await staffOf(server, admin, tree.huian.id, 'docs');
  const title = encodeURIComponent('工会活动经费申请表');
  const rtf = Buffer.from('{\\rtf1\\ansi \\u24037?\\u20250?\\par}');
  const up = await server.call('POST', `/api/v1/admin/documents?title=${title}&file_name=${encodeURIComponent('申请表.exe')}`, {
    token: staff.token, body: rtf, headers: { 'Content-Type': 'application/octet-stream' } });
  assert.equal(up.status, 201, up.text);
  assert.equal(up.json.kind, 'doc');
  assert.equal(up.json.file_name, '申请表.doc', 'the extension is what the bytes are');
  const got = await server.request(up.json.download_url);
  assert.equal(got.headers['content-type'], 'application/msword');
  assert.ok(got.headers['content-disposition'].endsWith(`filename*=UTF-8''${encodeURIComponent('申请表')}.doc`));
  for (const [bytes, what] of [[Buffer.from('MZ\x90\x00 an executable'), 'an exe'], [PNG, 'an image as a document'],
    [Buffer.from('<html></html>'), 'HTML']]) {
    assertError(await server.call('POST', `/api/v1/admin/documents?title=x`, { token: staff.token, body: bytes }), 415,
      'unsupported_file_type', what);
  }
  assertError(await server.call('POST', '/api/v1/admin/documents', { token: staff.token, body: rtf }), 400, 'bad_request', 'no title');
  assertError(await server.call('POST', `/api/v1/admin/documents?title=%FF%FE`, { token: staff.token, body: rtf }), 400, 'bad_request',
    'a title that is not UTF-8');
  assertError(await server.call('POST', `/api/v1/admin/documents?title=a%0Ab`, { token: staff.token, body: rtf }), 400, 'bad_request',
    'a control character in the title');
});
