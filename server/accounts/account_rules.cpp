// server/accounts/account_rules.cpp — see account_rules.h.
#include "server/accounts/account_rules.h"

#include <algorithm>
#include <cctype>

namespace gongyou::server {
namespace {

constexpr std::size_t kMinUsername = 3, kMaxUsername = 32;
constexpr std::size_t kMaxDisplayName = 40;
constexpr std::size_t kMinPassword = 8;

bool is_username_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
}

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

/// 0 lowercase, 1 uppercase, 2 digit, 3 anything else (symbols, CJK, ...), for one UTF-8 lead byte.
int character_kind(unsigned char c) {
  if (c >= 'a' && c <= 'z') return 0;
  if (c >= 'A' && c <= 'Z') return 1;
  if (c >= '0' && c <= '9') return 2;
  return 3;
}

}  // namespace

const char* const kPasswordRule =
    "密码至少 8 个字符，至少包含两类字符（小写字母、大写字母、数字、符号），且不能与用户名相同。"
    " / The password needs at least 8 characters of at least two kinds (lowercase, uppercase, digits, symbols)"
    " and must differ from the username.";

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::optional<std::string> username_problem(std::string_view username) {
  if (username.size() < kMinUsername || username.size() > kMaxUsername ||
      !std::all_of(username.begin(), username.end(), is_username_char))
    return "用户名须为 3–32 个字母、数字或 _ . - 字符 / username must be 3–32 letters, digits, '_', '.' or '-'";
  return std::nullopt;
}

std::optional<std::string> display_name_problem(std::string_view display_name) {
  const std::size_t length = utf8_length(display_name);
  const bool has_control = std::any_of(display_name.begin(), display_name.end(),
                                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
  if (length == 0 || length > kMaxDisplayName || has_control)
    return "显示名须为 1–40 个字符，且不含控制字符 / display_name must be 1–40 characters without control characters";
  return std::nullopt;
}

std::optional<std::string> password_weakness(std::string_view password, std::string_view username) {
  bool kinds[4] = {};
  for (char c : password)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) kinds[character_kind(static_cast<unsigned char>(c))] = true;
  const int kind_count = std::count(std::begin(kinds), std::end(kinds), true);
  if (utf8_length(password) < kMinPassword || kind_count < 2 || equal_ignoring_ascii_case(password, username))
    return kPasswordRule;
  return std::nullopt;
}

}  // namespace gongyou::server
