// core/pinyin_table.h — internal to core/pinyin.cpp: the pinyin-initials table generated at build time by
// tools/pinyin/build_pinyin_table.py from Unihan kMandarin (Debian's unicode-data, Unihan_Readings.txt).
//
// Layout (measured with Unicode 15.0.0: 41,419 code points have kMandarin):
//   - dense: one char per code point of U+3400..U+9FFF (Extension A + Yijing hexagrams + CJK Unified
//     Ideographs), the ASCII letter or '\0' for none. 27,648 bytes for 26,676 readings; lookup is one
//     index. Almost all real text (every character of GB 2312/GBK/GB 18030's BMP part) lies here.
//   - sparse: the 14,743 others (compatibility ideographs, Extensions B..H), sorted uint32 entries
//     (code point << 8 | letter), 58,972 bytes; binary search, ~14 steps, only for 4-byte characters.
//   Total: 86,664 bytes of .rodata (54.6 KB gzip -9, 45 KB brotli). Sorted ranges of same-letter code
//   points were measured as the alternative: 38,884 ranges, because neighbouring code points (radical and
//   stroke order) rarely share an initial, so ranges would be larger (>= 4 bytes each) and every lookup a
//   binary search.
#pragma once
#include <cstddef>
#include <cstdint>

namespace gongyou::pinyin_table {

/// First and last code point of the dense table.
inline constexpr char32_t kDenseFirst = 0x3400, kDenseLast = 0x9FFF;

/// Initial letter ('a'..'z') of each code point kDenseFirst..kDenseLast, '\0' when Unihan gives none.
extern const char kDenseInitials[kDenseLast - kDenseFirst + 1 + 1];

/// Sorted (code point << 8 | letter) for every code point with a reading outside the dense range.
extern const std::uint32_t kSparseInitials[];

/// Number of entries of kSparseInitials.
extern const std::size_t kSparseCount;

/// The toneless syllables of the dense range's readings, sorted ("a" .. "zuo"; u-umlaut as v: "lv").
extern const char* const kSyllables[];
extern const std::size_t kSyllableCount;

/// Per code point kDenseFirst..kDenseLast: 1 + the index of its syllable in kSyllables, 0 when none.
/// 55,296 bytes, read by the server only (the client links no pinyin lookup).
extern const std::uint16_t kDenseSyllables[kDenseLast - kDenseFirst + 1];

/// Unicode version of the Unihan file the table was built from, e.g. "15.0.0".
extern const char kUnihanVersion[];

}  // namespace gongyou::pinyin_table
