// core/wish.h — micro-wishes (微心愿, services.md; seed 002: Haimen's 1,500 workers and 1,800 wishes, "from a school
// bag to a washing machine"). A member writes a wish with its story; the union vets it (identity and story) before
// it is shown; the public wall shows the wish, its town and a masked name (张师傅), never contact details; exactly
// one donor claims it; the union arranges the hand-over and marks it fulfilled; the wisher may leave a thank-you
// note. Shared by the server (which decides) and the client (which counts characters as they are typed).
// docs/api-wishes.md.
//
// [SECTION] Text       the limits of a title, a story, a note; the price range
// [SECTION] States     a wish's states and the review decisions with their wire names
// [SECTION] Categories what a wish is for
// [SECTION] Names      the masked name the wall shows
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongyou {

// [SECTION] Text

/// The most characters (code points) of a wish's title ("一个新书包").
inline constexpr std::size_t kWishTitleMaxChars = 40;
/// The most characters of a wish's story (why it matters; vetted by the union).
inline constexpr std::size_t kWishStoryMaxChars = 500;
/// The most characters of the wisher's thank-you note.
inline constexpr std::size_t kWishThanksMaxChars = 300;
/// The price range of a micro-wish in yuan: a book (1) to a washing machine or a television (at most 5,000).
inline constexpr std::int64_t kWishMinYuan = 1;
inline constexpr std::int64_t kWishMaxYuan = 5000;
/// How many wishes a person may have waiting or open at once (pending, open or claimed): one wish at a time is
/// the programme's spirit; three leaves room for a family's.
inline constexpr int kOpenWishesPerPerson = 3;

/// Why `text` cannot be a wish field of at most `max_chars` characters, or nothing: valid UTF-8, not empty once
/// trimmed, no control characters (line breaks only when `multiline`).
std::optional<std::string> wish_text_problem(std::string_view text, std::size_t max_chars, bool multiline);

// [SECTION] States

/// Where a wish stands. Only open, claimed and fulfilled wishes are ever shown to anyone but the wisher and staff.
enum class WishStatus : std::uint8_t {
  pending,    ///< 待审核: written, waiting for the union to vet it
  open,       ///< 待认领: vetted and on the wall
  rejected,   ///< 未通过: declined by the union (with a reason told to the wisher)
  claimed,    ///< 已认领: one donor took it; the union arranges the hand-over
  fulfilled,  ///< 已圆梦: handed over
};

/// The wire name: "pending", "open", "rejected", "claimed" or "fulfilled".
std::string_view wish_status_name(WishStatus status);
/// The status of a wire name.
std::optional<WishStatus> parse_wish_status(std::string_view name);
/// True for the states the public wall may show (open, claimed, fulfilled).
bool wish_is_public(WishStatus status);

/// A staff member's vetting decision.
enum class WishDecision : std::uint8_t { approve, reject };
/// The decision of a wire name: "approve" or "reject".
std::optional<WishDecision> parse_wish_decision(std::string_view name);

// [SECTION] Categories

/// What a wish is for; the wall filters by it.
enum class WishCategory : std::uint8_t {
  study,      ///< 学习用品: a school bag, books
  household,  ///< 家用电器: a washing machine, a television
  daily,      ///< 生活用品: clothes, bedding
  health,     ///< 健康关爱: a check-up, a wheelchair
  other,      ///< 其他
};
/// The wire name: "study", "household", "daily", "health" or "other".
std::string_view wish_category_name(WishCategory category);
/// The category of a wire name.
std::optional<WishCategory> parse_wish_category(std::string_view name);
/// Every category, in the order the wall's filter lists them.
inline constexpr WishCategory kWishCategories[] = {WishCategory::study, WishCategory::household, WishCategory::daily,
                                                   WishCategory::health, WishCategory::other};

// [SECTION] Names

/// The name the wall shows for a wisher: the surname and 师傅 (张三 → 张师傅; 欧阳娜娜 → 欧阳师傅 for the common
/// two-character surnames). 师傅 is neutral: no gender is guessed. An empty or non-Chinese name gives "工友".
std::string wisher_display_name(std::string_view real_name);

}  // namespace gongyou
