// server/accounts/account_rules.h — what makes a username, a display name and a password acceptable
// (docs/api-bookings.md, Accounts). Messages are Chinese, then English.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gongyou::server {

/// Longest password accepted, in bytes (longer ones are refused before hashing).
inline constexpr std::size_t kMaxPasswordBytes = 256;

/// Why a username is refused (3–32 of letters, digits, '_', '.', '-'); nothing when acceptable.
std::optional<std::string> username_problem(std::string_view username);

/// Why a display name is refused (1–40 characters, no control characters); nothing when acceptable.
std::optional<std::string> display_name_problem(std::string_view display_name);

/// Why a password is too weak: fewer than 8 characters, only one kind of character (lowercase,
/// uppercase, digits, others), or equal to the username ignoring case. Nothing when strong enough.
std::optional<std::string> password_weakness(std::string_view password, std::string_view username);

/// The message of every password_weakness() refusal.
extern const char* const kPasswordRule;

/// Characters (UTF-8 code points) of a valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

}  // namespace gongyou::server
