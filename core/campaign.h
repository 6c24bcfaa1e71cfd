// core/campaign.h — message campaigns (留言征集, services.md): a theme and a window in which workers leave messages
// of at most 500 characters. Every message is reviewed before anyone else sees it (先审后发); staff feature the
// best; each person likes a message once. Shared by the server (which decides) and the client (which counts the
// characters as they are typed). docs/api-campaigns.md.
//
// [SECTION] Messages    the length limit, what makes a message unfit to store, how many one person may leave
// [SECTION] Review      a message's states with their wire and Chinese names, the decisions staff take
// [SECTION] Listing     the orders the public list comes in
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time_window.h"

namespace gongyou {

// [SECTION] Messages

/// The most characters (Unicode code points: a Chinese character is one) a message may have.
inline constexpr std::size_t kMessageMaxChars = 500;

/// How many messages one person may leave in one campaign (pending, shown or declined alike): enough to add a
/// thought, too few to flood the review queue.
inline constexpr int kMessagesPerPerson = 3;

/// The characters of UTF-8 text (code points; a broken sequence counts each of its bytes).
std::size_t message_length(std::string_view utf8);

/// Why `text` cannot be a message, or nothing when it can: valid UTF-8, 1–500 characters once the spaces around it
/// are trimmed, no control characters but line breaks. The text is kept as written and always shown as plain text.
std::optional<std::string> message_problem(std::string_view text);

// [SECTION] Review

/// Where a message is in review. Only `approved` messages are ever listed to anyone but their author and staff.
enum class MessageStatus : std::uint8_t {
  pending,   ///< 待审核: written, not yet reviewed
  approved,  ///< 已展示: reviewed and shown
  rejected,  ///< 未采用: declined, or taken down after it was shown (with a reason)
};

/// The wire name: "pending", "approved" or "rejected".
std::string_view message_status_name(MessageStatus status);

/// The status of a wire name.
std::optional<MessageStatus> parse_message_status(std::string_view name);

/// What a staff member decides about a message.
enum class MessageDecision : std::uint8_t {
  approve,    ///< a pending message is shown
  reject,     ///< a pending message is declined
  take_down,  ///< a shown message is taken down (declined after all; its likes stay, uncounted)
};

/// The decision of a wire name: "approve", "reject" or "take_down".
std::optional<MessageDecision> parse_message_decision(std::string_view name);

/// True when `decision` may be taken on a message in `status`: approve and reject a pending one, take_down a shown
/// one. Each applies to one state only, so that of concurrent reviews exactly one is taken.
bool decision_applies(MessageDecision decision, MessageStatus status);

// [SECTION] Listing

/// The orders of a campaign's shown messages.
enum class MessageOrder : std::uint8_t {
  featured,  ///< featured first, then most liked, then newest (the default)
  newest,    ///< newest first
  liked,     ///< most liked first, then newest
  oldest,    ///< oldest first (the review queue: first come, first reviewed)
};

/// The wire name: "featured", "newest", "liked" or "oldest".
std::string_view message_order_name(MessageOrder order);

/// The order of a wire name.
std::optional<MessageOrder> parse_message_order(std::string_view name);

}  // namespace gongyou
