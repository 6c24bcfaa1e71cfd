// core/hardship.cpp — see hardship.h.
#include "core/hardship.h"

namespace gongyou {

// [SECTION] Category

std::string_view hardship_category_name(HardshipCategory category) {
  switch (category) {
    case HardshipCategory::illness: return "illness";
    case HardshipCategory::disaster: return "disaster";
    case HardshipCategory::education: return "education";
    case HardshipCategory::living: return "living";
  }
  return "living";
}

std::optional<HardshipCategory> parse_hardship_category(std::string_view name) {
  for (const HardshipCategory c : kHardshipCategories)
    if (hardship_category_name(c) == name) return c;
  return std::nullopt;
}

std::string_view aid_kind_name(AidKind kind) {
  switch (kind) {
    case AidKind::cash: return "cash";
    case AidKind::goods: return "goods";
    case AidKind::visit: return "visit";
  }
  return "cash";
}

std::optional<AidKind> parse_aid_kind(std::string_view name) {
  for (const AidKind k : {AidKind::cash, AidKind::goods, AidKind::visit})
    if (aid_kind_name(k) == name) return k;
  return std::nullopt;
}

// [SECTION] Status

std::string_view hardship_status_name(HardshipStatus status) {
  switch (status) {
    case HardshipStatus::submitted: return "submitted";
    case HardshipStatus::checked: return "checked";
    case HardshipStatus::approved: return "approved";
    case HardshipStatus::aided: return "aided";
    case HardshipStatus::returned: return "returned";
    case HardshipStatus::rejected: return "rejected";
  }
  return "submitted";
}

std::optional<HardshipStatus> parse_hardship_status(std::string_view name) {
  for (const HardshipStatus s : {HardshipStatus::submitted, HardshipStatus::checked, HardshipStatus::approved,
                                 HardshipStatus::aided, HardshipStatus::returned, HardshipStatus::rejected})
    if (hardship_status_name(s) == name) return s;
  return std::nullopt;
}

HardshipStatus decision_from(HardshipDecision decision, bool at_approval) {
  switch (decision) {
    case HardshipDecision::pass:
    case HardshipDecision::send_back: return HardshipStatus::submitted;
    case HardshipDecision::decline: return at_approval ? HardshipStatus::checked : HardshipStatus::submitted;
    case HardshipDecision::approve: return HardshipStatus::checked;
    case HardshipDecision::aid: return HardshipStatus::approved;
  }
  return HardshipStatus::submitted;
}

HardshipStatus decision_to(HardshipDecision decision) {
  switch (decision) {
    case HardshipDecision::pass: return HardshipStatus::checked;
    case HardshipDecision::send_back: return HardshipStatus::returned;
    case HardshipDecision::decline: return HardshipStatus::rejected;
    case HardshipDecision::approve: return HardshipStatus::approved;
    case HardshipDecision::aid: return HardshipStatus::aided;
  }
  return HardshipStatus::submitted;
}

}  // namespace gongyou
