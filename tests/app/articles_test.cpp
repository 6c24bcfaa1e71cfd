// tests/app/articles_test.cpp — the info center controller without a browser (issue 16.6): a scripted server answers
// each request; the tests check what is asked of the API (channel, search percent-encoded, the next page's cursor),
// that malformed items are skipped, that an answer to an older list is ignored, that the body is parsed once when the
// article arrives (its unsafe link already text), that only https links and our own files are opened, and the routes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/articles/articles.h"
#include "app/navigation.h"
#include "tests/app/fake_platform.h"

namespace gongyou {
namespace {

using json = nlohmann::json;

json article_json(std::int64_t id, const char* channel = "notice", bool pinned = false) {
  return {{"id", id},           {"channel", channel},
          {"status", "published"}, {"title", "关于开展困难职工帮扶申报工作的通知"},
          {"summary", "各基层工会：现将申报有关事项通知如下。"}, {"union_name", "惠安县总工会"},
          {"published_at", "2026-12-01T09:00:00+08:00"}, {"pinned", pinned},
          {"read_count", 12}};
}

class ArticlesTest : public ::testing::Test, protected SessionHarness {
 protected:
  ArticlesTest() {
    services.open_link = [this](const std::string& url) { opened.push_back(url); };
  }
  Articles articles{session, services};
  std::vector<std::string> opened;
  const ArticleState& state() const { return articles.state(); }
  std::string last_url() const { return server.requests.empty() ? "" : server.requests.back(); }
};

TEST_F(ArticlesTest, TheListAsksForTheChannelAndSkipsMalformedItems) {
  json bad_channel = article_json(3, "gossip");
  json no_id = article_json(4);
  no_id.erase("id");
  server.answer("GET /api/v1/articles", 200,
                {{"items", {article_json(1, "notice", true), bad_channel, no_id, article_json(2)}}, {"next_cursor", "1.99.2"}});
  articles.apply(ShowArticles{ArticleChannel::notice});
  EXPECT_EQ(last_url(), "/api/v1/articles?limit=20&channel=notice");
  server.flush();
  ASSERT_EQ(state().items.size(), 2u);
  EXPECT_TRUE(state().items[0].pinned);
  EXPECT_EQ(state().items[0].published_text, "2026-12-01");
  EXPECT_EQ(state().items[0].read_count, 12);
  EXPECT_EQ(state().next_cursor, "1.99.2");

  server.answer("GET /api/v1/articles", 200, {{"items", {article_json(5)}}, {"next_cursor", nullptr}});
  articles.apply(LoadMoreArticles{});
  EXPECT_EQ(last_url(), "/api/v1/articles?limit=20&channel=notice&cursor=1.99.2");
  server.flush();
  EXPECT_EQ(state().items.size(), 3u) << "the next page is appended";
  EXPECT_TRUE(state().next_cursor.empty());
  const std::size_t asked = server.requests.size();
  articles.apply(LoadMoreArticles{});
  EXPECT_EQ(server.requests.size(), asked) << "no next page, nothing asked";
}

TEST_F(ArticlesTest, SearchIsPercentEncodedAndALateOlderAnswerIsIgnored) {
  server.answer("GET /api/v1/articles", 200, {{"items", {article_json(1)}}});
  server.hold_next("GET /api/v1/articles");
  articles.apply(SearchArticles{"工会 通知&x"});
  EXPECT_EQ(last_url(), "/api/v1/articles?limit=20&q=%E5%B7%A5%E4%BC%9A%20%E9%80%9A%E7%9F%A5%26x");
  server.answer("GET /api/v1/articles", 200, {{"items", {article_json(2), article_json(3)}}});
  articles.apply(SearchArticles{"ghtz"});
  EXPECT_EQ(last_url(), "/api/v1/articles?limit=20&q=ghtz");
  server.flush();
  server.release();  // the first search's answer arrives last
  EXPECT_EQ(state().query, "ghtz");
  ASSERT_EQ(state().items.size(), 2u) << "the late answer to the first search was dropped";
  EXPECT_EQ(state().items[0].id, ArticleId{2});
}

TEST_F(ArticlesTest, AnArticleIsParsedOnceWhenItArrives) {
  json a = article_json(7);
  a["body"] = "# 标题\n\n**加粗**和[官网](https://www.acftu.org)，[坏](javascript:alert(1))\n\n- 一\n  - 二";
  server.answer("GET /api/v1/articles/7", 200, a);
  articles.apply(OpenArticle{ArticleId{7}});
  server.flush();
  ASSERT_TRUE(state().article);
  const MarkupDocument& body = state().article->body;
  ASSERT_EQ(body.blocks.size(), 4u);
  EXPECT_EQ(body.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(body.blocks[3].level, 2);
  std::vector<std::string> links;
  for (const MarkupSpan& s : body.blocks[1].spans)
    if (!s.link.empty()) links.push_back(s.link);
  EXPECT_EQ(links, std::vector<std::string>{"https://www.acftu.org"});

  server.answer("GET /api/v1/articles/8", 404, {{"error", {{"code", "not_found"}, {"message", "x"}}}});
  articles.apply(OpenArticle{ArticleId{8}});
  EXPECT_FALSE(state().article) << "the last article is not shown under the new id";
  server.flush();
  EXPECT_TRUE(state().article_missing);
}

TEST_F(ArticlesTest, OnlyHttpsLinksAndOurFilesAreOpened) {
  for (const char* url : {"javascript:alert(1)", "http://example.com", "data:text/html,x", "/api/v1/sites", "//evil.cn"})
    articles.apply(FollowArticleLink{url});
  EXPECT_TRUE(opened.empty());
  articles.apply(FollowArticleLink{"https://www.acftu.org"});
  articles.apply(FollowArticleLink{"/api/v1/images/3"});
  server.answer("GET /api/v1/documents", 200,
                {{"items", {{{"id", 4}, {"title", "入会申请表"}, {"file_name", "入会申请表.doc"}, {"kind", "doc"}, {"size_text", "1 KB"}},
                            {{"id", 5}, {"title", "x"}, {"kind", "exe"}}}}});
  articles.apply(ShowDocuments{});
  server.flush();
  ASSERT_EQ(state().documents.size(), 1u) << "an unknown kind is skipped";
  articles.apply(DownloadDocument{4});
  articles.apply(DownloadDocument{99});
  EXPECT_EQ(opened, (std::vector<std::string>{"https://www.acftu.org", "/api/v1/images/3", "/api/v1/documents/4/download"}));
}

TEST(ArticleRoutes, ChannelsArticlesAndDocumentsHaveTheirHashes) {
  EXPECT_EQ(parse_route("#/news"), (Route{Route::Kind::news, 0}));
  EXPECT_EQ(parse_route("#/news/notice"), (Route{Route::Kind::news, 2}));
  EXPECT_EQ(parse_route("#/news/legal"), (Route{Route::Kind::news, 6}));
  EXPECT_FALSE(parse_route("#/news/gossip"));
  EXPECT_EQ(parse_route("#/articles/12"), (Route{Route::Kind::article, 12}));
  EXPECT_FALSE(parse_route("#/articles/-1"));
  EXPECT_EQ(parse_route("#/documents"), (Route{Route::Kind::documents, 0}));
  for (const Route r : {Route{Route::Kind::news, 0}, Route{Route::Kind::news, 3}, Route{Route::Kind::article, 5},
                        Route{Route::Kind::documents, 0}})
    EXPECT_EQ(parse_route(format_route(r)), r) << format_route(r);
  EXPECT_EQ(format_route(Route{Route::Kind::news, 2}), "#/news/notice");
}

}  // namespace
}  // namespace gongyou
