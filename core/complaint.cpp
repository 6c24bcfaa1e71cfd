// core/complaint.cpp — see complaint.h.
#include "core/complaint.h"

#include "core/campaign.h"
#include "core/site_import.h"

namespace gongyou {

// [SECTION] Handler

std::string_view complaint_handler_name(ComplaintHandler handler) {
  return handler == ComplaintHandler::own ? "own" : "county";
}

std::optional<ComplaintHandler> parse_complaint_handler(std::string_view name) {
  if (name == "county") return ComplaintHandler::county;
  if (name == "own") return ComplaintHandler::own;
  return std::nullopt;
}

// [SECTION] Category

std::string_view complaint_category_name(ComplaintCategory category) {
  switch (category) {
    case ComplaintCategory::wages: return "wages";
    case ComplaintCategory::contract: return "contract";
    case ComplaintCategory::safety: return "safety";
    case ComplaintCategory::injury: return "injury";
    case ComplaintCategory::social_insurance: return "social_insurance";
    case ComplaintCategory::dismissal: return "dismissal";
    case ComplaintCategory::discrimination: return "discrimination";
    case ComplaintCategory::other: return "other";
  }
  return "other";
}

std::optional<ComplaintCategory> parse_complaint_category(std::string_view name) {
  for (const ComplaintCategory c : kComplaintCategories)
    if (complaint_category_name(c) == name) return c;
  return std::nullopt;
}

// [SECTION] Status

std::string_view complaint_status_name(ComplaintStatus status) {
  switch (status) {
    case ComplaintStatus::submitted: return "submitted";
    case ComplaintStatus::replied: return "replied";
    case ComplaintStatus::closed: return "closed";
  }
  return "submitted";
}

std::optional<ComplaintStatus> parse_complaint_status(std::string_view name) {
  for (const ComplaintStatus s : {ComplaintStatus::submitted, ComplaintStatus::replied, ComplaintStatus::closed})
    if (complaint_status_name(s) == name) return s;
  return std::nullopt;
}

// [SECTION] Text

std::optional<std::string> relief_text_problem(std::string_view text, std::size_t max_chars) {
  if (!is_valid_utf8(text)) return "文字不是有效的 UTF-8 / the text is not valid UTF-8";
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "内容不能为空 / the text is empty";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n' && c != '\r' && c != '\t') || byte == 0x7F)
      return "内容里不能有控制字符 / the text has control characters";
  }
  const auto last = text.find_last_not_of(" \t\r\n");
  if (message_length(text.substr(first, last - first + 1)) > max_chars)
    return "内容最多 " + std::to_string(max_chars) + " 字 / at most " + std::to_string(max_chars) + " characters";
  return std::nullopt;
}

bool looks_like_case_number(std::string_view text, std::string_view prefix) {
  if (text.size() != prefix.size() + kCaseRandomChars || text.substr(0, prefix.size()) != prefix) return false;
  for (const char c : text.substr(prefix.size()))
    if (kCaseAlphabet.find(c) == std::string_view::npos) return false;
  return true;
}

}  // namespace gongyou
