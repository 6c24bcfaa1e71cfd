// tests/core/pinyin_test.cpp — pinyin initials (core/pinyin.h): Unihan kMandarin lookups, ASCII, broken
// UTF-8, 4-byte extension characters, the query test, and full coverage of the Hui'an demo data's characters.
#include "core/pinyin.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/site_type.h"
#include "tools/demo_data/huian_demo.h"

namespace gongyou {
namespace {

TEST(PinyinInitials, ExamplesOfTheInterface) {
  EXPECT_EQ(pinyin_initials("劳动法"), "ldf");
  EXPECT_EQ(pinyin_initials("爱心驿站"), "axyz");
  EXPECT_EQ(pinyin_initials("A区3号"), "aq3h");
}

TEST(PinyinInitials, DomainWords) {
  EXPECT_EQ(pinyin_initials("驿"), "y");  // yì: not in GB 2312 level 1, still in the table
  EXPECT_EQ(pinyin_initials("劳模工作室"), "lmgzs");
  EXPECT_EQ(pinyin_initials("惠安县职工之家"), "haxzgzj");
  EXPECT_EQ(pinyin_initials("螺城镇"), "lcz");
  EXPECT_EQ(pinyin_initials("妈咪小屋"), "mmxw");
  EXPECT_EQ(pinyin_initials("户外劳动者驿站"), "hwldzyz");
}

TEST(PinyinInitials, TakesTheFirstKMandarinReading) {
  // Known limit: one reading per character, whatever the context (see core/pinyin.cpp).
  EXPECT_EQ(pinyin_initials("行"), "x");  // xíng first
  EXPECT_EQ(pinyin_initials("行政服务中心"), "xzfwzx");
  EXPECT_EQ(pinyin_initials("长安"), "za");  // zhǎng first, cháng here
  EXPECT_EQ(pinyin_initials("都"), "d");     // "dōu dū": both d
}

TEST(PinyinInitials, BanksAreReadHang) {
  // The one hand-checked override: 行 after 银/支/分/总 (all of the demo data's 23 bank sites).
  EXPECT_EQ(pinyin_initials("中国农业银行惠安涂寨支行饮水点"), "zgnyyhhatzzhysd");
  EXPECT_EQ(pinyin_initials("银行"), "yh");
  EXPECT_EQ(pinyin_initials("分行 总行"), "fhzh");
  EXPECT_EQ(pinyin_initials("银 行"), "yx");  // only right after the character
  EXPECT_EQ(pinyin_initials("行行"), "xx");
}

TEST(PinyinInitials, MixedAsciiIsLowerCasedAndPunctuationDropped) {
  EXPECT_EQ(pinyin_initials("ABC-def_123"), "abcdef123");
  EXPECT_EQ(pinyin_initials("泉州 Quanzhou 1号楼（B座）"), "qzquanzhou1hlbz");
  EXPECT_EQ(pinyin_initials("  \t\n!@#$%^&*()"), "");
  EXPECT_EQ(pinyin_initials("，。、：；！？“”《》·…"), "");  // CJK punctuation has no reading
  EXPECT_EQ(pinyin_initials("Ａ１"), "");                    // full-width forms are not ASCII
  EXPECT_EQ(pinyin_initials("☕🏠"), "");
}

TEST(PinyinInitials, Empty) {
  EXPECT_EQ(pinyin_initials(""), "");
  EXPECT_EQ(pinyin_initials(std::string_view{}), "");
}

TEST(PinyinInitials, FourByteExtensionCharacters) {
  EXPECT_EQ(pinyin_initials("\U00020000"), "h");             // 𠀀 hē (Extension B, first code point)
  EXPECT_EQ(pinyin_initials("\U00020001"), "q");             // 𠀁 qī
  EXPECT_EQ(pinyin_initials("a\U00020164b"), "axb");         // 𠅤 xí
  EXPECT_EQ(pinyin_initials("\U0002000B"), "");              // 𠀋: no kMandarin
  EXPECT_EQ(pinyin_initials("\U0002A6DF\U0010FFFF"), "");    // no reading / beyond every CJK block
  EXPECT_EQ(pinyin_initials("\U00003400\U00009FA5"), "qy");  // dense table ends: 㐀 qiū, 龥 yù
}

TEST(PinyinInitials, BrokenUtf8IsSkipped) {
  const std::string lao = "劳";  // E5 8A B3
  // Truncated sequences: at the end, and followed by ASCII or by another character.
  EXPECT_EQ(pinyin_initials(lao.substr(0, 2)), "");
  EXPECT_EQ(pinyin_initials(lao.substr(0, 1)), "");
  EXPECT_EQ(pinyin_initials(lao.substr(0, 2) + "a"), "a");
  EXPECT_EQ(pinyin_initials(lao.substr(0, 2) + "动法"), "df");
  EXPECT_EQ(pinyin_initials(std::string("\xF0\xA0\x80", 3) + "x"), "x");  // truncated 4-byte
  // Lone continuation bytes, invalid lead bytes (a string joined with + so that no hex escape runs on).
  const std::string x = "x";
  EXPECT_EQ(pinyin_initials("\x80\xBF" + x + "\x8A\xB3" + x), "xx");
  EXPECT_EQ(pinyin_initials("\xFF\xFE\xF5\xF8\xC0\xC1" + x), "x");
  // Overlong forms ('A' in 2 bytes, 劳 in 4 bytes, NUL in 3 bytes), surrogates, beyond U+10FFFF.
  EXPECT_EQ(pinyin_initials("\xC1\x81" + x), "x");
  EXPECT_EQ(pinyin_initials("\xF0\x85\x8A\xB3"), "");
  EXPECT_EQ(pinyin_initials("\xE0\x80\x80" + x), "x");
  EXPECT_EQ(pinyin_initials("\xED\xA0\x80\xED\xBF\xBF" + x), "x");
  EXPECT_EQ(pinyin_initials("\xF4\x90\x80\x80" + x), "x");
  // An embedded NUL is a valid character and dropped; the text around it is kept.
  EXPECT_EQ(pinyin_initials(std::string("劳\0动", 7)), "ld");
}

TEST(MatchesPinyin, FindsInitialsInsideTheText) {
  EXPECT_TRUE(matches_pinyin("惠安县劳动法律服务站", "ldf"));
  EXPECT_TRUE(matches_pinyin("惠安县劳动法律服务站", "haxl"));
  EXPECT_TRUE(matches_pinyin("惠安县劳动法律服务站", "fwz"));
  EXPECT_TRUE(matches_pinyin("A区3号", "aq3h"));
  EXPECT_TRUE(matches_pinyin("A区3号", "q3"));
  EXPECT_TRUE(matches_pinyin("劳动法", "LDF"));
  EXPECT_FALSE(matches_pinyin("劳动法", "lf"));
  EXPECT_FALSE(matches_pinyin("劳动法", "ldfx"));
  EXPECT_FALSE(matches_pinyin("", "a"));
  EXPECT_TRUE(matches_pinyin("劳动法", ""));  // the empty query occurs everywhere
}

TEST(IsPinyinQuery, OnlyOneToSixtyFourAsciiLetters) {
  EXPECT_TRUE(is_pinyin_query("ldf"));
  EXPECT_TRUE(is_pinyin_query("LDF"));
  EXPECT_TRUE(is_pinyin_query("a"));
  EXPECT_TRUE(is_pinyin_query("luocheng"));
  EXPECT_TRUE(is_pinyin_query(std::string(64, 'z')));
  EXPECT_FALSE(is_pinyin_query(std::string(65, 'z')));
  EXPECT_FALSE(is_pinyin_query(""));
  EXPECT_FALSE(is_pinyin_query("aq3h"));
  EXPECT_FALSE(is_pinyin_query("l d f"));
  EXPECT_FALSE(is_pinyin_query("劳动法"));
  EXPECT_FALSE(is_pinyin_query("ldf'"));
  EXPECT_FALSE(is_pinyin_query("\xC3\xA9"));  // é
}

// Issue 14.8: "luocheng" found nothing while "lc" found 螺城.
TEST(PinyinFull, SyllableAfterSyllableWithoutTones) {
  EXPECT_EQ(pinyin_full("螺城"), "luocheng");
  EXPECT_EQ(pinyin_full("劳动法"), "laodongfa");
  EXPECT_EQ(pinyin_full("绿"), "lv") << "u-umlaut as v, as pinyin keyboards type it";
  EXPECT_EQ(pinyin_full("女工"), "nvgong");
  EXPECT_EQ(pinyin_full("惠安县"), "huianxian");
  EXPECT_EQ(pinyin_full("中国银行"), "zhongguoyinhang") << "the bank override reads hang here too";
  EXPECT_EQ(pinyin_full("A区3号"), "aqu3hao");
  EXPECT_EQ(pinyin_full(""), "");
  EXPECT_EQ(pinyin_full("\xE5\x8A"), "") << "a truncated sequence is dropped";
  EXPECT_EQ(pinyin_full("\xF0\xA0\x80\x80"), "h") << "U+20000 (Extension B): its initial";
}

TEST(MatchesPinyin, WholeSyllablesAsWellAsInitials) {
  EXPECT_TRUE(matches_pinyin("螺城镇职工之家", "luocheng"));
  EXPECT_TRUE(matches_pinyin("螺城镇职工之家", "LuoCheng"));
  EXPECT_TRUE(matches_pinyin("螺城镇职工之家", "lczzgzj"));
  EXPECT_TRUE(matches_pinyin("螺城镇职工之家", "zhigong"));
  EXPECT_TRUE(matches_pinyin("惠安县劳动法律服务站", "laodongfa"));
  EXPECT_FALSE(matches_pinyin("螺城镇职工之家", "luozheng"));
  EXPECT_FALSE(matches_pinyin("螺城镇职工之家", "chengluo"));
}

/// The code points of a valid UTF-8 string.
std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> result;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t cp = length == 1 ? lead : length == 2 ? lead & 0x1F : length == 3 ? lead & 0x0F : lead & 0x07;
    for (std::size_t k = 1; k < length; ++k) cp = cp << 6 | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    result.push_back(cp);
    i += length;
  }
  return result;
}

/// A CJK ideograph: URO, Extension A, compatibility ideographs, Extensions B and later.
bool is_han(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x323AF);
}

/// Number of Han characters and ASCII letters/digits: the length pinyin_initials must give.
std::size_t expected_initials_length(std::string_view text) {
  std::size_t n = 0;
  for (char32_t cp : code_points(text))
    if (is_han(cp) || (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) || (cp >= '0' && cp <= '9')) ++n;
  return n;
}

TEST(PinyinInitials, EveryHanCharacterOfTheDemoDataHasAnInitial) {
  std::vector<std::string_view> texts;
  for (const demo::Town& town : demo::huian_towns()) {
    texts.push_back(town.name);
    texts.push_back(town.official_name);
  }
  for (const SiteTypeInfo& type : all_site_types()) texts.push_back(type.name_zh);
  const std::vector<Site> sites = demo::huian_sites();
  for (const Site& site : sites) {
    texts.push_back(site.name);
    texts.push_back(site.town);
    texts.push_back(site.address);
  }
  std::size_t han = 0;
  for (std::string_view text : texts) {
    EXPECT_EQ(pinyin_initials(text).size(), expected_initials_length(text)) << text << " -> " << pinyin_initials(text);
    for (char32_t cp : code_points(text)) han += is_han(cp) ? 1 : 0;
  }
  EXPECT_GT(han, 1000u) << "the demo data was read";
}

}  // namespace
}  // namespace gongyou
