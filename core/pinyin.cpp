// core/pinyin.cpp — see pinyin.h: a strict UTF-8 decoder and the lookup in the generated Unihan table.
//
// Source: Unihan kMandarin (Unicode version in pinyin_table::kUnihanVersion, 15.0.0 on Debian 12). The
// first kMandarin value is the customary reading in the PRC; a polyphonic character always gets that one,
// whatever the context. Known limits, e.g. (pinyin without tone marks, and no Han character that the UI
// font would not hold anyway: tools/build_font.py scans core/ for characters): 行 xing (hang in 银行),
// 长 zhang (chang in 长安), 重 zhong (chong in 重新), 会 hui (kuai in kuaiji), 埔 bu (pu in 黄埔, and
// likely in Hui'an's 埔塘路; kept as bu). Each polyphonic character of the Hui'an demo data was checked by
// hand against its kXHC1983 readings: only 行 is read otherwise there, always hang in 银行/支行 (23 bank
// sites), so kContextOverrides fixes that word pair and no other. tests/core/pinyin_test.cpp checks that
// each Han character of the demo data has an initial.
#include "core/pinyin.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "core/pinyin_table.h"

namespace gongyou {
namespace {

constexpr std::size_t kMaxPinyinQuery = 64;  // "huianxianluochengzhengongzhijia" is 31

/// A character read otherwise than kMandarin's first reading when it follows `previous` (hand-checked).
struct ContextOverride {
  char32_t previous, code_point;
  char letter;
  const char* syllable;
};

/// 银行 yinhang (bank), 支行/分行/总行 (branch, head office): hang, not xing. 分行 (a line break) is hang too.
constexpr ContextOverride kContextOverrides[] = {
    {U'\u94F6', U'\u884C', 'h', "hang"},  // 银行
    {U'\u652F', U'\u884C', 'h', "hang"},  // 支行
    {U'\u5206', U'\u884C', 'h', "hang"},  // 分行
    {U'\u603B', U'\u884C', 'h', "hang"},  // 总行
};

/// The initial letter of a code point that follows `previous`, or '\0' when Unihan gives it no Mandarin reading.
char initial_of(char32_t code_point, char32_t previous) {
  using namespace pinyin_table;
  for (const ContextOverride& o : kContextOverrides)
    if (o.code_point == code_point && o.previous == previous) return o.letter;
  if (code_point >= kDenseFirst && code_point <= kDenseLast) return kDenseInitials[code_point - kDenseFirst];
  if (code_point < 0xF900) return '\0';  // nothing below the compatibility ideographs has a reading
  const std::uint32_t key = static_cast<std::uint32_t>(code_point) << 8;
  const std::uint32_t* end = kSparseInitials + kSparseCount;
  const std::uint32_t* found = std::lower_bound(kSparseInitials, end, key);
  if (found == end || (*found >> 8) != code_point) return '\0';
  return static_cast<char>(*found & 0xFF);
}

/// The toneless syllable of a code point that follows `previous` ("" when it has no reading); outside the dense
/// range, its initial (`letter_buffer` holds it).
std::string_view syllable_of(char32_t code_point, char32_t previous, char (&letter_buffer)[2]) {
  using namespace pinyin_table;
  for (const ContextOverride& o : kContextOverrides)
    if (o.code_point == code_point && o.previous == previous) return o.syllable;
  if (code_point >= kDenseFirst && code_point <= kDenseLast) {
    const std::uint16_t number = kDenseSyllables[code_point - kDenseFirst];
    return number == 0 || number > kSyllableCount ? std::string_view() : std::string_view(kSyllables[number - 1]);
  }
  letter_buffer[0] = initial_of(code_point, previous);
  letter_buffer[1] = '\0';
  return std::string_view(letter_buffer);
}

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

/// Decodes the UTF-8 sequence at `text[i]`: its code point and length, or length 0 when the bytes there
/// are not a well-formed sequence (lone continuation byte, invalid lead byte, truncated sequence,
/// overlong form, surrogate, beyond U+10FFFF).
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  std::size_t length;
  char32_t code_point, smallest;
  if (lead < 0x80) return {lead, 1};
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, code_point = lead & 0x1F, smallest = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, code_point = lead & 0x0F, smallest = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, code_point = lead & 0x07, smallest = 0x10000;
  } else {
    return {0, 0};  // continuation byte, C0/C1 (always overlong) or F5..FF
  }
  if (text.size() - i < length) return {0, 0};
  for (std::size_t k = 1; k < length; ++k) {
    if (!is_continuation(byte(k))) return {0, 0};
    code_point = code_point << 6 | (byte(k) & 0x3F);
  }
  if (code_point < smallest || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return {0, 0};
  return {code_point, length};
}

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

/// Calls `ascii(c)` for each ASCII letter or digit of `utf8` and `han(code_point, previous)` for each other
/// well-formed character (`previous`: the last well-formed character before it); broken bytes are dropped one by one.
template <class Ascii, class Other>
void for_each_character(std::string_view utf8, Ascii ascii, Other other) {
  char32_t previous = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto [code_point, length] = decode(utf8, i);
    if (length == 0) {  // broken: drop one byte and resynchronise on the next
      ++i;
      continue;
    }
    i += length;
    if (length == 1) {
      const char c = static_cast<char>(code_point);
      if (is_ascii_letter(c) || is_ascii_digit(c)) ascii(lower_ascii(c));
    } else {
      other(code_point, previous);
    }
    previous = code_point;
  }
}

}  // namespace

std::string pinyin_initials(std::string_view utf8) {
  std::string initials;
  for_each_character(
      utf8, [&](char c) { initials += c; },
      [&](char32_t code_point, char32_t previous) {
        if (const char letter = initial_of(code_point, previous)) initials += letter;
      });
  return initials;
}

std::string pinyin_full(std::string_view utf8) {
  std::string out;
  for_each_character(
      utf8, [&](char c) { out += c; },
      [&](char32_t code_point, char32_t previous) {
        char letter[2];
        out += syllable_of(code_point, previous, letter);
      });
  return out;
}

bool matches_pinyin(std::string_view text, std::string_view query) {
  std::string lowered(query);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), lower_ascii);
  return pinyin_initials(text).find(lowered) != std::string::npos || pinyin_full(text).find(lowered) != std::string::npos;
}

bool is_pinyin_query(std::string_view query) {
  return !query.empty() && query.size() <= kMaxPinyinQuery && std::all_of(query.begin(), query.end(), is_ascii_letter);
}

}  // namespace gongyou
