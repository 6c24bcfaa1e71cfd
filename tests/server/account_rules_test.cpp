// tests/server/account_rules_test.cpp — usernames, display names and the password strength rule.
#include "server/accounts/account_rules.h"

#include <gtest/gtest.h>

namespace gongyou::server {
namespace {

TEST(AccountRules, Usernames) {
  for (const char* good : {"abc", "li.ming-01", "Zhang_San", "a234567890123456789012345678901b"})
    EXPECT_FALSE(username_problem(good)) << good;
  for (const char* bad : {"", "ab", "a2345678901234567890123456789012x", "王五", "has space", "semi;colon", "a'b"})
    EXPECT_TRUE(username_problem(bad)) << bad;
}

TEST(AccountRules, DisplayNamesCountCharactersNotBytes) {
  EXPECT_FALSE(display_name_problem(std::string(40 * 3, 'x').substr(0, 40)));
  std::string forty_chinese, forty_one_chinese;
  for (int i = 0; i < 40; ++i) forty_chinese += "长";
  forty_one_chinese = forty_chinese + "长";
  EXPECT_FALSE(display_name_problem(forty_chinese));
  EXPECT_TRUE(display_name_problem(forty_one_chinese));
  EXPECT_TRUE(display_name_problem(""));
  EXPECT_TRUE(display_name_problem("tab\there"));
  EXPECT_FALSE(display_name_problem("<script>alert(1)</script>"));
}

TEST(AccountRules, PasswordStrength) {
  for (const char* weak : {"", "Ab1", "abcdefgh", "ABCDEFGH", "12345678", "短密码短密码短密码"})
    EXPECT_TRUE(password_weakness(weak, "someone")) << weak;
  EXPECT_TRUE(password_weakness("Someone-1", "someone-1")) << "equal to the username ignoring case";
  for (const char* strong : {"abcdefg1", "abcdefgH", "工友服务平台abc", "Gongyou-2026", "        a"})
    EXPECT_FALSE(password_weakness(strong, "someone")) << strong;
  EXPECT_EQ(*password_weakness("short", "x"), kPasswordRule);
  EXPECT_EQ(utf8_length("工友ab"), 4u);
}

}  // namespace
}  // namespace gongyou::server
