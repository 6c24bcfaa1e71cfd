// core/pinyin.h — Chinese search by pinyin: initials ("ldf" finds 劳动法) or whole syllables ("laodongfa"),
// from Unihan kMandarin.
// Pure functions, no I/O; the table is generated at build time (core/pinyin_table.h).
#pragma once
#include <string>
#include <string_view>

namespace gongyou {

/// Lower-case pinyin initials of a UTF-8 string: one letter per Han character (its most common
/// Mandarin reading, Unihan kMandarin), ASCII letters and digits lower-cased and kept, everything
/// else dropped. "劳动法" -> "ldf", "爱心驿站" -> "axyz", "A区3号" -> "aq3h". Broken UTF-8 is skipped, never thrown.
std::string pinyin_initials(std::string_view utf8);

/// The toneless pinyin of a UTF-8 string, syllable after syllable: "螺城" -> "luocheng", "绿" -> "lv" (u-umlaut as
/// v, as pinyin keyboards type it); ASCII letters and digits lower-cased and kept, everything else dropped. A
/// character outside U+3400..U+9FFF with a reading gives its initial only.
std::string pinyin_full(std::string_view utf8);

/// True when `query` (ASCII letters, any case) occurs in pinyin_initials(text) or in pinyin_full(text): "ldf"
/// and "laodongfa" both find 劳动法, and so does "laodong".
bool matches_pinyin(std::string_view text, std::string_view query);

/// True when a user's search query may be pinyin, initials or whole syllables (only ASCII letters, 1..64).
bool is_pinyin_query(std::string_view query);

}  // namespace gongyou
