// core/wish.cpp — see wish.h.
#include "core/wish.h"

#include <array>

#include "core/campaign.h"
#include "core/site_import.h"

namespace gongyou {

// [SECTION] Text

std::optional<std::string> wish_text_problem(std::string_view text, std::size_t max_chars, bool multiline) {
  if (!is_valid_utf8(text)) return "不是有效的 UTF-8 文本 / not valid UTF-8";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool line_break = c == '\n' || c == '\r';
    if ((byte < 0x20 && !(multiline && (line_break || c == '\t'))) || byte == 0x7F)
      return "不能有控制字符 / control characters are not allowed";
  }
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "不能为空 / must not be empty";
  const auto last = text.find_last_not_of(" \t\r\n");
  if (message_length(text.substr(first, last - first + 1)) > max_chars)
    return "最多 " + std::to_string(max_chars) + " 字 / at most " + std::to_string(max_chars) + " characters";
  return std::nullopt;
}

// [SECTION] States

std::string_view wish_status_name(WishStatus status) {
  switch (status) {
    case WishStatus::pending: return "pending";
    case WishStatus::open: return "open";
    case WishStatus::rejected: return "rejected";
    case WishStatus::claimed: return "claimed";
    case WishStatus::fulfilled: return "fulfilled";
  }
  return "pending";
}

std::optional<WishStatus> parse_wish_status(std::string_view name) {
  for (const WishStatus s : {WishStatus::pending, WishStatus::open, WishStatus::rejected, WishStatus::claimed,
                             WishStatus::fulfilled})
    if (wish_status_name(s) == name) return s;
  return std::nullopt;
}

bool wish_is_public(WishStatus status) {
  return status == WishStatus::open || status == WishStatus::claimed || status == WishStatus::fulfilled;
}

std::optional<WishDecision> parse_wish_decision(std::string_view name) {
  if (name == "approve") return WishDecision::approve;
  if (name == "reject") return WishDecision::reject;
  return std::nullopt;
}

// [SECTION] Categories

std::string_view wish_category_name(WishCategory category) {
  switch (category) {
    case WishCategory::study: return "study";
    case WishCategory::household: return "household";
    case WishCategory::daily: return "daily";
    case WishCategory::health: return "health";
    case WishCategory::other: return "other";
  }
  return "other";
}

std::optional<WishCategory> parse_wish_category(std::string_view name) {
  for (const WishCategory c : kWishCategories)
    if (wish_category_name(c) == name) return c;
  return std::nullopt;
}

// [SECTION] Names

namespace {

/// The two-character surnames common enough to meet among a union's members (复姓).
constexpr std::array<std::string_view, 12> kCompoundSurnames = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫",
                                                                 "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯"};

/// The byte length of the UTF-8 sequence that starts with `lead`.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  return 4;
}

}  // namespace

std::string wisher_display_name(std::string_view real_name) {
  const auto first = real_name.find_first_not_of(' ');
  if (first == std::string_view::npos || !is_valid_utf8(real_name)) return "工友";
  const std::string_view name = real_name.substr(first);
  const auto lead = static_cast<unsigned char>(name.front());
  if (sequence_length(lead) != 3 || lead < 0xE4 || lead > 0xE9) return "工友";  // not a CJK ideograph
  for (const std::string_view compound : kCompoundSurnames)
    if (name.size() > compound.size() && name.substr(0, compound.size()) == compound)
      return std::string(compound) + "师傅";
  return std::string(name.substr(0, 3)) + "师傅";
}

}  // namespace gongyou
