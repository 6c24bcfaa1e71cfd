// core/campaign.cpp — see campaign.h.
#include "core/campaign.h"

#include "core/site_import.h"

namespace gongyou {

// [SECTION] Messages

std::size_t message_length(std::string_view utf8) {
  std::size_t count = 0;
  for (const char c : utf8)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;  // every byte but continuation bytes starts one
  return count;
}

std::optional<std::string> message_problem(std::string_view text) {
  if (!is_valid_utf8(text)) return "留言不是有效的 UTF-8 文本 / the message is not valid UTF-8";
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "留言不能为空 / the message is empty";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n' && c != '\r' && c != '\t') || byte == 0x7F)
      return "留言里不能有控制字符 / the message has control characters";
  }
  const auto last = text.find_last_not_of(" \t\r\n");
  if (message_length(text.substr(first, last - first + 1)) > kMessageMaxChars)
    return "留言最多 500 字 / a message has at most 500 characters";
  return std::nullopt;
}

// [SECTION] Review

std::string_view message_status_name(MessageStatus status) {
  switch (status) {
    case MessageStatus::pending: return "pending";
    case MessageStatus::approved: return "approved";
    case MessageStatus::rejected: return "rejected";
  }
  return "pending";
}

std::optional<MessageStatus> parse_message_status(std::string_view name) {
  for (const MessageStatus s : {MessageStatus::pending, MessageStatus::approved, MessageStatus::rejected})
    if (message_status_name(s) == name) return s;
  return std::nullopt;
}

std::optional<MessageDecision> parse_message_decision(std::string_view name) {
  if (name == "approve") return MessageDecision::approve;
  if (name == "reject") return MessageDecision::reject;
  if (name == "take_down") return MessageDecision::take_down;
  return std::nullopt;
}

bool decision_applies(MessageDecision decision, MessageStatus status) {
  if (decision == MessageDecision::take_down) return status == MessageStatus::approved;
  return status == MessageStatus::pending;
}

// [SECTION] Listing

std::string_view message_order_name(MessageOrder order) {
  switch (order) {
    case MessageOrder::featured: return "featured";
    case MessageOrder::newest: return "newest";
    case MessageOrder::liked: return "liked";
    case MessageOrder::oldest: return "oldest";
  }
  return "featured";
}

std::optional<MessageOrder> parse_message_order(std::string_view name) {
  for (const MessageOrder o : {MessageOrder::featured, MessageOrder::newest, MessageOrder::liked, MessageOrder::oldest})
    if (message_order_name(o) == name) return o;
  return std::nullopt;
}

}  // namespace gongyou
