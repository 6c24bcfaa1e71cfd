// tests/e2e/article.test.mjs — the info center in a real browser (issue 16.6): a worker opens 信息中心 from 首页,
// picks the notices channel (pinned ones first), searches by pinyin initials, opens a notice and reads its body drawn
// by ImGui (headings, lists, bold, an https link), on a phone and on a desktop; the read is counted; the documents
// page lists the forms. Screenshots go to build/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, openApp, mark, clickMark, typeInto, phoneAndDesktop, apiCall, waitForFeature,
         screenshot } from './harness.mjs';

const env = useServerAndBrowser();

const layouts = phoneAndDesktop;

const api = (url) => apiCall(env, 'GET', url);

const waitFor = (page, predicate, what) => waitForFeature(page, 'articles', predicate, what);

// Both browsers read from 127.0.0.1 without signing in: the same reader, so only the first read of the day counts.
let readsFromThisAddress = 0;

const shot = screenshot;

for (const layout of layouts) {
  test(`${layout.name}: 信息中心 from 首页, the notices, a pinyin search, reading a notice`, async () => {
    const notices = (await api('/api/v1/articles?channel=notice&limit=100')).json.items;
    const pinned = notices.find((a) => a.pinned);
    assert.ok(pinned, 'the demo has a pinned notice');

    const { page, errors, context } = await openApp(env.browser, env.server.url, layout.options, { hash: '' });
    await waitFor(page, (s) => s.screen === 'home' && mark(s, 'tile_articles'), 'the 信息中心 tile');
    await clickMark(page, 'tile_articles', undefined, '信息中心');
    let state = await waitFor(page, (s) => s.screen === 'articles' && s.articles?.listed > 0, 'the article list');
    assert.equal(state.articles.channel, null, 'every channel at first');
    await clickMark(page, 'article_channel', 2, '工会通知');
    state = await waitFor(page, (s) => s.articles.channel === 'notice' && s.articles.listed === notices.length &&
                                         mark(s, 'article_row', pinned.id), 'the notices, pinned first');
    assert.equal(new URL(page.url()).hash, '#/news/notice');
    await shot(page, `article-list-${layout.name}`);

    // The search box: pinyin initials of 工会通知... titles reach the notices by their first letters.
    const found = (await api('/api/v1/articles?channel=notice&q=bfsb')).json.items;
    assert.ok(found.length >= 1);
    await typeInto(page, 'article_search', 'bfsb');
    state = await waitFor(page, (s) => s.articles.query === 'bfsb' && !s.articles.loading &&
                                         s.articles.listed === found.length && mark(s, 'article_row', found[0].id),
                          'the search result');
    assert.ok(found.every((a) => /帮扶申报/.test(a.title)), found.map((a) => a.title).join());

    await clickMark(page, 'article_row', found[0].id, 'the notice');
    state = await waitFor(page, (s) => s.articles.view === 'article' && s.articles.article?.id === found[0].id &&
                                         mark(s, 'article_title', found[0].id), 'the article');
    assert.equal(new URL(page.url()).hash, `#/articles/${found[0].id}`);
    assert.ok(state.articles.article.blocks >= 8, `headings, paragraphs and lists: ${state.articles.article.blocks}`);
    assert.ok(state.articles.article.links >= 1, 'the https link');
    const link = mark(state, 'article_link');  // when scrolled into view: inside the screen's width
    if (link) assert.ok(link.x >= 0 && link.x + link.w <= layout.options.viewport.width, 'the link is on screen');
    await page.waitForTimeout(300);  // the glyphs of the body rasterized
    await shot(page, `article-${layout.name}`);
    const now = state.articles.article.read_count;
    assert.equal(now, found[0].read_count + (readsFromThisAddress === 0 ? 1 : 0), 'one read per reader and day');
    ++readsFromThisAddress;

    await clickMark(page, 'article_back', undefined, '返回列表');
    await waitFor(page, (s) => s.articles.view === 'list' && s.articles.channel === 'notice', 'back at the notices');
    await clickMark(page, 'article_documents', undefined, '文件下载');
    state = await waitFor(page, (s) => s.articles.view === 'documents' && s.articles.documents >= 3 && mark(s, 'document_download'),
                          'the documents');
    assert.equal(new URL(page.url()).hash, '#/documents');
    await shot(page, `article-documents-${layout.name}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
