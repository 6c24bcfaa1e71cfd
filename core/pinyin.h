// core/pinyin.h — Chinese search by pinyin initials ("ldf" finds 劳动法), from Unihan kMandarin.
// Pure functions, no I/O; the table is generated at build time (core/pinyin_table.h).
#pragma once
#include <string>
#include <string_view>

namespace gongyou {

/// Lower-case pinyin initials of a UTF-8 string: one letter per Han character (its most common
/// Mandarin reading, Unihan kMandarin), ASCII letters and digits lower-cased and kept, everything
/// else dropped. "劳动法" -> "ldf", "爱心驿站" -> "axyz", "A区3号" -> "aq3h". Broken UTF-8 is skipped, never thrown.
std::string pinyin_initials(std::string_view utf8);

/// True when `query` (lower-cased ASCII letters/digits, e.g. "ldf") occurs in pinyin_initials(text).
bool matches_pinyin_initials(std::string_view text, std::string_view query);

/// True when a user's search query looks like pinyin initials (only ASCII letters, 1..32 of them).
bool is_pinyin_initials_query(std::string_view query);

}  // namespace gongyou
