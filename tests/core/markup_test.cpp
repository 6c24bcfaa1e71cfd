// tests/core/markup_test.cpp — the article markup of core/markup.h: each construct of the subset, and hostile
// bodies: unclosed tokens, javascript:/data:/http: links, foreign images, 10,000 nested list levels, broken UTF-8,
// control characters, huge input (linear time, constant stack, bounded output).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/markup.h"

namespace gongyou {
namespace {

bool has_issue(const MarkupDocument& d, MarkupIssue issue) {
  for (const MarkupIssue i : d.issues)
    if (i == issue) return true;
  return false;
}

/// All the span texts of a block, one after the other.
std::string text_of(const MarkupBlock& block) {
  std::string out;
  for (const MarkupSpan& s : block.spans) out += s.text;
  return out;
}

bool is_valid_utf8(const std::string& s) {
  bool replaced = false;
  return valid_utf8(s, &replaced) == s && !replaced;
}

// [SECTION] The subset

TEST(Markup, HeadingsParagraphsAndLists) {
  const auto d = parse_markup(
      "# 入会须知\n\n职工可以在线\n申请入会。\n\n## 需要的材料\n- 身份证\n- 劳动合同\n  - 复印件也可以\n1. 填表\n2. 审核\n"
      "### 小结\nsee the\nform");
  ASSERT_EQ(d.blocks.size(), 10u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::heading);
  EXPECT_EQ(d.blocks[0].level, 1);
  EXPECT_EQ(text_of(d.blocks[0]), "入会须知");
  EXPECT_EQ(d.blocks[1].kind, BlockKind::paragraph);
  EXPECT_EQ(text_of(d.blocks[1]), "职工可以在线申请入会。");  // Chinese lines join without a space
  EXPECT_EQ(d.blocks[2].level, 2);
  EXPECT_EQ(d.blocks[3].kind, BlockKind::list_item);
  EXPECT_EQ(d.blocks[3].level, 1);
  EXPECT_FALSE(d.blocks[3].ordered);
  EXPECT_EQ(d.blocks[5].level, 2);
  EXPECT_EQ(text_of(d.blocks[5]), "复印件也可以");
  EXPECT_TRUE(d.blocks[6].ordered);
  EXPECT_EQ(d.blocks[6].number, 1);
  EXPECT_EQ(d.blocks[7].number, 2);
  EXPECT_EQ(d.blocks[8].level, 3);
  EXPECT_EQ(text_of(d.blocks[9]), "see the form");  // ASCII lines join with one
  EXPECT_TRUE(d.issues.empty());
}

TEST(Markup, BoldAndHttpsLinks) {
  const auto d = parse_markup("请于**12月31日前**报名，详见[官网](https://www.acftu.org/a?b=1#c)。");
  ASSERT_EQ(d.blocks.size(), 1u);
  const auto& spans = d.blocks[0].spans;
  ASSERT_EQ(spans.size(), 5u);
  EXPECT_EQ(spans[0].text, "请于");
  EXPECT_FALSE(spans[0].bold);
  EXPECT_EQ(spans[1].text, "12月31日前");
  EXPECT_TRUE(spans[1].bold);
  EXPECT_EQ(spans[3].text, "官网");
  EXPECT_EQ(spans[3].link, "https://www.acftu.org/a?b=1#c");
  EXPECT_TRUE(spans[4].link.empty());
  EXPECT_TRUE(d.issues.empty());
}

TEST(Markup, ImagesOnlyFromOurServer) {
  const auto d = parse_markup("![职工书屋开放日](/api/v1/images/7)\n![外链](https://evil.example/x.png)");
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::image);
  EXPECT_EQ(d.blocks[0].image, 7);
  EXPECT_EQ(d.blocks[0].caption, "职工书屋开放日");
  EXPECT_EQ(d.blocks[1].kind, BlockKind::paragraph);  // its caption as text, never fetched
  EXPECT_EQ(text_of(d.blocks[1]), "外链");
  EXPECT_TRUE(has_issue(d, MarkupIssue::foreign_image));
  EXPECT_EQ(parse_markup("![x](/api/v1/images/7abc)").blocks[0].kind, BlockKind::paragraph);
  EXPECT_EQ(parse_markup("![x](/api/v1/images/0)").blocks[0].kind, BlockKind::paragraph);
}

TEST(Markup, EscapesMakeTokensLiteral) {
  const auto d = parse_markup("\\# 不是标题 \\*\\*也不粗\\*\\* \\[不是](链接)");
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::paragraph);
  ASSERT_EQ(d.blocks[0].spans.size(), 1u);
  EXPECT_EQ(d.blocks[0].spans[0].text, "# 不是标题 **也不粗** [不是](链接)");
}

TEST(Markup, PlainTextDropsTheMarkup) {
  const auto d = parse_markup("# 标题\n**粗**和[链接](https://a.cn)\n\n![图](/api/v1/images/3)");
  EXPECT_EQ(markup_plain_text(d, 1000), "标题\n粗和链接\n图");
  EXPECT_EQ(markup_plain_text(d, 4), "标");  // cut at a character boundary (标 is 3 bytes)
  EXPECT_EQ(markup_summary(d, 1000), "标题粗和链接图");
  EXPECT_EQ(markup_summary(parse_markup("# Title\n\nbody text"), 100), "Title body text");
}

// [SECTION] Hostile input

TEST(MarkupHostile, UnclosedTokensStayText) {
  const auto d = parse_markup("**没有结束 [半个链接](https://a.cn 和 [ 和 ] 和 ![ 和 **");
  ASSERT_EQ(d.blocks.size(), 1u);
  // The last ** closes the first: everything between is bold, no link made.
  for (const MarkupSpan& s : d.blocks[0].spans) EXPECT_TRUE(s.link.empty());
  const auto odd = parse_markup("a **b** c **d");
  ASSERT_EQ(odd.blocks.size(), 1u);
  EXPECT_EQ(text_of(odd.blocks[0]), "a b c **d");
  EXPECT_FALSE(odd.blocks[0].spans.back().bold);
}

TEST(MarkupHostile, UnsafeLinksAreNeverLinks) {
  for (const char* target : {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
                             "http://example.com", "//example.com", "/relative", "https://", "https:// a.cn",
                             "https://user@evil.cn", "https://a.cn/\"onmouseover=x", "vbscript:x",
                             " javascript:x", "https://a.cn\\@evil"}) {
    const auto d = parse_markup(std::string("[点我](") + target + ")");
    ASSERT_EQ(d.blocks.size(), 1u) << target;
    for (const MarkupSpan& s : d.blocks[0].spans) EXPECT_TRUE(s.link.empty()) << target;
    EXPECT_EQ(text_of(d.blocks[0]).rfind("点我", 0), 0u) << target;  // its words (a ")" inside ends the target)
    EXPECT_TRUE(has_issue(d, MarkupIssue::unsafe_link)) << target;
  }
  const auto upper = parse_markup("[a](HTTPS://a.cn/x)");
  EXPECT_EQ(upper.blocks[0].spans[0].link, "https://a.cn/x");
}

TEST(MarkupHostile, TenThousandNestedListsAreCappedInLinearTime) {
  std::string deep;
  deep.reserve(101u * 1000 * 1000);
  for (int i = 0; i < 10000; ++i) deep.append(static_cast<std::size_t>(i) * 2, ' ').append("- 第").append(std::to_string(i)).append("层\n");
  // 10,000 levels of indentation are 100 MB: the body limit cuts it; what is parsed stays capped.
  const auto start = std::chrono::steady_clock::now();
  const auto d = parse_markup(deep);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(std::chrono::duration<double>(took).count(), 2.0);
  EXPECT_TRUE(has_issue(d, MarkupIssue::too_deep));
  EXPECT_TRUE(has_issue(d, MarkupIssue::too_large));
  for (const MarkupBlock& b : d.blocks) EXPECT_LE(b.level, kMaxListDepth);

  // Nesting without indentation cost: 10,000 items each one level deeper than the one before, in under 64 KiB.
  std::string stair;
  for (int i = 0; i < 10000; ++i) stair += std::string(static_cast<std::size_t>(std::min(i, 5)) * 2, ' ') + "- x\n";
  const auto s = parse_markup(stair.substr(0, kMaxMarkupBytes));
  EXPECT_EQ(s.blocks.size(), std::min<std::size_t>(kMaxMarkupBlocks, s.blocks.size()));
  EXPECT_EQ(s.blocks[0].level, 1);
  EXPECT_EQ(s.blocks[3].level, 4);
  EXPECT_EQ(s.blocks[9].level, 4);
  EXPECT_TRUE(has_issue(s, MarkupIssue::too_deep));
}

TEST(MarkupHostile, AnIndentCannotSkipLevels) {
  const auto d = parse_markup("- a\n          - b\n- c");
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.blocks[1].level, 2);  // one deeper than the item before, not 6
  EXPECT_FALSE(has_issue(d, MarkupIssue::too_deep));
}

TEST(MarkupHostile, BrokenUtf8IsReplacedNeverPassedOn) {
  const std::string broken = std::string("工会\xE5\xB7") + "\xFF\xC0\xAF" + "\xED\xA0\x80" + "通知\xF4\x90\x80\x80" + "**粗\xE2**";
  const auto d = parse_markup(broken);
  EXPECT_TRUE(has_issue(d, MarkupIssue::broken_utf8));
  ASSERT_EQ(d.blocks.size(), 1u);
  for (const MarkupSpan& s : d.blocks[0].spans) EXPECT_TRUE(is_valid_utf8(s.text)) << s.text;
  EXPECT_NE(text_of(d.blocks[0]).find("通知"), std::string::npos);
}

TEST(MarkupHostile, ControlCharactersAreDropped) {
  const auto d = parse_markup(std::string("a\x01\x1b[31mb\x7f\r\nc\0d", 14));
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(text_of(d.blocks[0]), "a[31mb cd");
}

TEST(MarkupHostile, HugeInputIsCutAndBounded) {
  const std::string huge(20 * 1024 * 1024, '*');  // 20 MB of stars: one line, every ** a bold toggle candidate
  const auto start = std::chrono::steady_clock::now();
  const auto d = parse_markup(huge);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);
  EXPECT_TRUE(has_issue(d, MarkupIssue::too_large));
  std::size_t bytes = 0;
  for (const MarkupBlock& b : d.blocks) bytes += text_of(b).size();
  EXPECT_LE(bytes, kMaxMarkupBytes);

  std::string brackets(kMaxMarkupBytes, '[');  // each [ looks for its ] : linear thanks to the tables
  const auto b = parse_markup(brackets);
  ASSERT_EQ(b.blocks.size(), 1u);
  EXPECT_EQ(text_of(b.blocks[0]).size(), kMaxMarkupBytes);

  std::string lines;
  for (int i = 0; i < 30000; ++i) lines += "# h\n";
  const auto many = parse_markup(lines);
  EXPECT_EQ(many.blocks.size(), kMaxMarkupBlocks);
  EXPECT_TRUE(has_issue(many, MarkupIssue::too_many_blocks));
}

TEST(MarkupHostile, HtmlIsText) {
  const auto d = parse_markup("<script>alert(1)</script><img src=x onerror=alert(1)>");
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(text_of(d.blocks[0]), "<script>alert(1)</script><img src=x onerror=alert(1)>");
  EXPECT_TRUE(d.blocks[0].spans[0].link.empty());
}

TEST(MarkupHostile, CutsInsideACharacterBoundary) {
  std::string body(kMaxMarkupBytes - 1, 'a');
  body += "工";  // straddles the limit
  const auto d = parse_markup(body);
  EXPECT_FALSE(has_issue(d, MarkupIssue::broken_utf8));
  EXPECT_EQ(text_of(d.blocks[0]).size(), kMaxMarkupBytes - 1);
}

TEST(MarkupHostile, IssueNamesAreWireNames) {
  EXPECT_EQ(markup_issue_name(MarkupIssue::unsafe_link), "unsafe_link");
  EXPECT_EQ(markup_issue_name(MarkupIssue::too_deep), "too_deep");
  EXPECT_FALSE(markup_issue_message(MarkupIssue::too_large).empty());
}

}  // namespace
}  // namespace gongyou
