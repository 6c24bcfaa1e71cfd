// tests/core/article_test.cpp — core/article.h: wire names, file kinds told by their bytes (not their names), the
// RFC 6266 / 8187 Content-Disposition of a Chinese file name.
#include <gtest/gtest.h>

#include <string>

#include "core/article.h"
#include "core/markup.h"
#include "tools/demo_data/article_demo.h"

namespace gongyou {
namespace {

TEST(Article, ChannelsAndStatusesRoundTrip) {
  for (const ArticleChannel c : kArticleChannels) EXPECT_EQ(parse_article_channel(wire_name(c)), c);
  EXPECT_EQ(parse_article_channel("notice"), ArticleChannel::notice);
  EXPECT_FALSE(parse_article_channel("Notice"));
  EXPECT_FALSE(parse_article_channel(""));
  EXPECT_EQ(parse_article_status("published"), ArticleStatus::published);
  EXPECT_FALSE(parse_article_status("deleted"));
}

TEST(Article, FileKindsByMagicBytes) {
  EXPECT_EQ(sniff_file_kind(std::string("\x89PNG\r\n\x1a\n....", 12)), FileKind::png);
  EXPECT_EQ(sniff_file_kind("\xFF\xD8\xFF\xE0"), FileKind::jpeg);
  EXPECT_EQ(sniff_file_kind("%PDF-1.4\n"), FileKind::pdf);
  EXPECT_EQ(sniff_file_kind("{\\rtf1\\ansi"), FileKind::doc);
  EXPECT_EQ(sniff_file_kind("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook>"),
            FileKind::xls);
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(100, '\0');
  EXPECT_FALSE(sniff_file_kind(ole));  // a compound file of neither kind
  ole += std::string("W\0o\0r\0k\0b\0o\0o\0k\0", 16);
  EXPECT_EQ(sniff_file_kind(ole), FileKind::xls);
  EXPECT_FALSE(sniff_file_kind("<html><script>alert(1)</script>"));
  EXPECT_FALSE(sniff_file_kind("<?xml version=\"1.0\"?><svg onload=alert(1)/>"));
  EXPECT_FALSE(sniff_file_kind("MZ\x90\x00"));
  EXPECT_FALSE(sniff_file_kind(""));
  EXPECT_FALSE(sniff_file_kind("PK\x03\x04 no content types"));
  EXPECT_EQ(content_type(FileKind::pdf), "application/pdf");
  EXPECT_EQ(content_type(FileKind::doc), "application/msword");
  EXPECT_TRUE(is_image_kind(FileKind::png));
  EXPECT_FALSE(is_image_kind(FileKind::pdf));
}

TEST(Article, ContentDispositionOfAChineseName) {
  // 入会申请表.pdf in UTF-8, percent-encoded byte by byte (RFC 8187 attr-char kept).
  EXPECT_EQ(attachment_disposition("入会申请表.pdf", "form"),
            "attachment; filename=\"form.pdf\"; "
            "filename*=UTF-8''%E5%85%A5%E4%BC%9A%E7%94%B3%E8%AF%B7%E8%A1%A8.pdf");
  EXPECT_EQ(attachment_disposition("2026年 labour-contract.doc", "x"),
            "attachment; filename=\"2026_labour-contract.doc\"; filename*=UTF-8''2026%E5%B9%B4%20labour-contract.doc");
  // Quotes, backslashes and CR/LF can never break out of the header.
  const std::string hostile = attachment_disposition("a\"b\\c\r\nSet-Cookie: x.pdf", "f");
  EXPECT_EQ(hostile.find('\r'), std::string::npos);
  EXPECT_EQ(hostile.find('\n'), std::string::npos);
  EXPECT_EQ(hostile.substr(0, hostile.find("; filename*")), "attachment; filename=\"a_b_c_Set-Cookie_x.pdf\"");
}

TEST(Article, HumanSizes) {
  EXPECT_EQ(human_size(812), "812 B");
  EXPECT_EQ(human_size(3482), "3.4 KB");
  EXPECT_EQ(human_size(1258291), "1.2 MB");
}

TEST(DemoArticles, EveryChannelAndEveryBodyIsValidMarkup) {
  const auto articles = demo::demo_articles();
  EXPECT_GE(articles.size(), 30u);
  for (const ArticleChannel c : kArticleChannels) {
    std::size_t n = 0;
    for (const auto& a : articles) n += a.channel == c ? 1 : 0;
    EXPECT_GE(n, 2u) << wire_name(c);
  }
  for (const auto& a : articles) {
    std::string body = a.body;
    for (const char* token : {"{{image:1}}", "{{image:2}}"})
      if (const auto at = body.find(token); at != std::string::npos) body.replace(at, 11, "![x](/api/v1/images/1)");
    const MarkupDocument d = parse_markup(body);
    EXPECT_TRUE(d.issues.empty()) << a.title;
    EXPECT_GE(d.blocks.size(), 2u) << a.title;
    EXPECT_LE(a.title.size(), kMaxArticleTitleChars * 3) << a.title;
  }
}

TEST(DemoArticles, TheFilesAreGenuineFilesOfTheirKind) {
  for (const auto& image : demo::demo_images()) EXPECT_EQ(sniff_file_kind(image.png), FileKind::png);
  const auto documents = demo::demo_documents();
  ASSERT_GE(documents.size(), 3u);
  for (const auto& d : documents) {
    const auto kind = sniff_file_kind(d.bytes);
    ASSERT_TRUE(kind) << d.file_name;
    EXPECT_TRUE(d.file_name.ends_with("." + std::string(wire_name(*kind)))) << d.file_name;
    EXPECT_LE(d.bytes.size(), kMaxDocumentBytes);
    if (*kind == FileKind::pdf) {
      const std::size_t at = d.bytes.rfind("startxref\n");
      ASSERT_NE(at, std::string::npos);
      const std::size_t xref = std::stoul(d.bytes.substr(at + 10));
      EXPECT_EQ(d.bytes.substr(xref, 4), "xref") << "the xref offset points at the table";
    }
  }
}

}  // namespace
}  // namespace gongyou
