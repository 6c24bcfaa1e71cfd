// core/id_number.h — China's resident identity card number (公民身份号码, GB 11643-1999) and mainland mobile
// phone numbers: validation with a reason a person can act on, and the masks every answer, log line and export
// shows instead of the number (../shared/design/services.md "Rules that matter more than features").
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_time.h"

namespace gongyou {

/// Why an ID number was refused (or that it was not).
enum class IdNumberProblem : std::uint8_t {
  none,               ///< a valid 18-character number
  wrong_length,       ///< not 18 characters (a 15-digit number of the first generation is refused too)
  bad_character,      ///< a letter or sign where GB 11643 has a digit (only the last character may be X)
  impossible_birth_date,  ///< characters 7–14 are not a real date (30 February, 29 February of a common year)
  future_birth_date,  ///< the birth date is after today
  wrong_check_digit,  ///< the 18th character does not match the first 17 (GB 11643-1999 §8.2, ISO 7064 MOD 11-2)
};

/// An ID number as typed, made canonical: spaces around it dropped, a final lower-case x made upper-case.
std::string normalize_id_number(std::string_view typed);

/// The check character of the first 17 digits of an ID number (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
/// sum mod 11 → "10X98765432"); nothing when `first17` is not 17 digits.
std::optional<char> id_check_character(std::string_view first17);

/// What is wrong with a canonical ID number (normalize_id_number) on `today`, checked in the order of the enum.
IdNumberProblem check_id_number(std::string_view number, LocalDate today);

/// The birth date an ID number carries (characters 7–14); nothing when they are not a real date.
std::optional<LocalDate> id_birth_date(std::string_view number);

/// The number as shown to anyone: the first 4 and the last 4 characters, stars between
/// ("3505**********123X"); only stars for anything shorter than 9 characters.
std::string mask_id_number(std::string_view number);

/// A mainland mobile number as typed, made canonical: spaces, hyphens and a leading +86 / 86 dropped.
std::string normalize_phone(std::string_view typed);

/// True for 11 digits starting with 1 (no prefix list: new prefixes must not be refused).
bool is_mobile_phone(std::string_view canonical);

/// The phone as shown to anyone: the first 3 and the last 4 digits, stars between ("138****5678").
std::string mask_phone(std::string_view canonical);

/// A person's name as published (leaderboards, draws, public notices): its first character and a star for each
/// other one, at most two (张三丰 → 张**, 李华 → 李*, rider_wang → r**); a one-character name is "*".
std::string mask_name(std::string_view name);

}  // namespace gongyou
