// core/id_number.cpp — GB 11643-1999 checks and the masks of personal numbers.
#include "core/id_number.h"

#include <algorithm>

#include <array>

namespace gongyou {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

int digits_value(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

/// True for a real Gregorian date of years 1850–9999. Not civil_time's is_valid: that one starts at 1970, and most
/// people alive were born before it.
bool is_birth_calendar_date(LocalDate date) {
  static constexpr std::array<int, 12> kDaysInMonth{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (date.year < 1850 || date.year > 9999 || date.month < 1 || date.month > 12 || date.day < 1) return false;
  const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  const int days = date.month == 2 && leap ? 29 : kDaysInMonth[static_cast<std::size_t>(date.month - 1)];
  return date.day <= days;
}

std::string stars_between(std::string_view text, std::size_t head, std::size_t tail) {
  if (text.size() <= head + tail) return std::string(text.size(), '*');
  std::string masked(text.substr(0, head));
  masked.append(text.size() - head - tail, '*');
  masked.append(text.substr(text.size() - tail));
  return masked;
}

}  // namespace

std::string normalize_id_number(std::string_view typed) {
  std::string number(trim_spaces(typed));
  if (!number.empty() && number.back() == 'x') number.back() = 'X';
  return number;
}

std::optional<char> id_check_character(std::string_view first17) {
  // GB 11643-1999 §8.2: weights W_i = 2^(i-1) mod 11 for positions 18..2; the check character makes the
  // weighted sum ≡ 1 (mod 11), which gives this table for sum mod 11 = 0..10.
  static constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::string_view kCheck = "10X98765432";
  if (first17.size() != kWeights.size()) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < kWeights.size(); ++i) {
    if (!is_digit(first17[i])) return std::nullopt;
    sum += (first17[i] - '0') * kWeights[i];
  }
  return kCheck[static_cast<std::size_t>(sum % 11)];
}

std::optional<LocalDate> id_birth_date(std::string_view number) {
  if (number.size() < 14) return std::nullopt;
  const std::string_view digits = number.substr(6, 8);
  for (const char c : digits) {
    if (!is_digit(c)) return std::nullopt;
  }
  const LocalDate date{digits_value(digits.substr(0, 4)), digits_value(digits.substr(4, 2)),
                       digits_value(digits.substr(6, 2))};
  // GB 11643-1999's own example (440524188001010014) was born in 1880; no record reaches further back than that.
  if (!is_birth_calendar_date(date)) return std::nullopt;
  return date;
}

IdNumberProblem check_id_number(std::string_view number, LocalDate today) {
  if (number.size() != 18) return IdNumberProblem::wrong_length;
  for (std::size_t i = 0; i < 17; ++i) {
    if (!is_digit(number[i])) return IdNumberProblem::bad_character;
  }
  if (!is_digit(number[17]) && number[17] != 'X') return IdNumberProblem::bad_character;
  const std::optional<LocalDate> born = id_birth_date(number);
  if (!born) return IdNumberProblem::impossible_birth_date;
  if (*born > today) return IdNumberProblem::future_birth_date;
  if (id_check_character(number.substr(0, 17)) != number[17]) return IdNumberProblem::wrong_check_digit;
  return IdNumberProblem::none;
}

std::string mask_id_number(std::string_view number) { return stars_between(number, 4, 4); }

std::string normalize_phone(std::string_view typed) {
  std::string digits;
  for (const char c : trim_spaces(typed)) {
    if (c != ' ' && c != '-') digits.push_back(c);
  }
  std::string_view view = digits;
  if (view.starts_with("+86")) view.remove_prefix(3);
  else if (view.size() == 13 && view.starts_with("86")) view.remove_prefix(2);
  return std::string(view);
}

bool is_mobile_phone(std::string_view canonical) {
  if (canonical.size() != 11 || canonical.front() != '1') return false;
  for (const char c : canonical) {
    if (!is_digit(c)) return false;
  }
  return true;
}

std::string mask_phone(std::string_view canonical) { return stars_between(canonical, 3, 4); }

std::string mask_name(std::string_view name) {
  // The first character's UTF-8 length from its lead byte; a broken lead byte counts as one byte.
  std::size_t first = 0, characters = 0;
  for (std::size_t i = 0; i < name.size(); ++characters) {
    const auto b = static_cast<unsigned char>(name[i]);
    const std::size_t n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
    if (characters == 0) first = std::min(n, name.size());
    i += n;
  }
  if (characters <= 1) return "*";
  return std::string(name.substr(0, first)) + std::string(std::min<std::size_t>(characters - 1, 2), '*');
}

}  // namespace gongyou
